// EncoderVectors: VectorSources made from the BERT-family encoder — review vectors come from the
// project's embedding cache (EncodeJob fills in whatever is missing, so nothing is encoded twice),
// new texts are encoded directly, and the unknown-token rate is counted with the model's own
// tokenizer. The sources share one encoder and must be called from one thread at a time.
#pragma once

#include <filesystem>

#include "common/Result.h"
#include "model/EncoderOptions.h"
#include "sentiment/ReviewVectors.h"

namespace ss::sentiment {

Result<VectorSources> encoderVectorSources(const std::filesystem::path& project, const std::filesystem::path& modelDir,
                                           const EncoderOptions& options = {});

}  // namespace ss::sentiment
