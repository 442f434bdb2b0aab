// ReviewVectors: where the sentiment heads get their input — the encoder's vectors of reviews (from
// the project's embedding cache, encoding what is missing) and of new texts. The sentiment library
// only sees these callables; core/sentiment/EncoderVectors makes them from the BERT encoder, and
// tests make them from planted vectors. Called on the job's thread.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "rec/Dense.h"

namespace ss::sentiment {

struct VectorSources {
    std::string encoder;      // fingerprint of the vectors (stored with a head, checked when it is used)
    std::string encoderName;  // for people
    // Vectors of these reviews (their texts given in the same order), one row each.
    std::function<Result<rec::DenseMatrix>(const std::vector<std::int64_t>& reviewIds, const std::vector<std::string>& texts,
                                           const JobContext& context)>
        reviews;
    // Vectors of texts the project never saw.
    std::function<Result<rec::DenseMatrix>(const std::vector<std::string>& texts)> texts;
    // Share of word pieces the encoder reads as unknown in these texts (NaN when it cannot tell).
    std::function<double(const std::vector<std::string>& texts)> unknownTokenRate;
};

}  // namespace ss::sentiment
