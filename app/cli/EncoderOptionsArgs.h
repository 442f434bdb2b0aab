// Shared encoder options for CLI commands: --device, --precision, --threads, --batch-size.
#pragma once

#include "ArgParser.h"
#include "model/EncoderOptions.h"

namespace ss::cli {

inline const std::set<std::string>& encoderOptionNames() {
    static const std::set<std::string> names = {"device", "precision", "threads", "batch-size"};
    return names;
}

inline Result<EncoderOptions> encoderOptions(const ArgParser& parser) {
    EncoderOptions o;
    o.device = parser.value("device").value_or("auto");
    o.precision = parser.value("precision").value_or("fp32");
    if (o.device != "auto" && o.device != "cpu" && o.device != "cuda")
        return makeError(ErrorCode::Usage, "--device must be auto, cpu or cuda");
    if (o.precision != "fp32" && o.precision != "fp16" && o.precision != "bf16" && o.precision != "fast")
        return makeError(ErrorCode::Usage, "--precision must be fp32, fp16, bf16 or fast");
    auto threads = parser.integer("threads", 0);
    if (!threads) return threads.error();
    auto batch = parser.integer("batch-size", 64);
    if (!batch) return batch.error();
    if (*batch < 1) return makeError(ErrorCode::Usage, "--batch-size must be at least 1");
    o.threads = static_cast<int>(*threads);
    o.batchSize = static_cast<std::size_t>(*batch);
    return o;
}

inline std::set<std::string> withEncoderOptions(std::set<std::string> names) {
    names.insert(encoderOptionNames().begin(), encoderOptionNames().end());
    return names;
}

}  // namespace ss::cli
