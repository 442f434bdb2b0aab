// LanguageCoverage: how well one encoder model reads one kind of a project's text — the share of
// word pieces it does not know ([UNK]) and the share of texts longer than it reads (cut at its
// maximum length). Estimated on a sample when a model is chosen, measured on every text by an encode
// job, and kept per project, model and kind of text in the project's settings, so the workbench and
// `stats` can say plainly when a model cannot read the shop (an English vocabulary on a Chinese
// catalogue). Plain values and the settings' read/write: any thread, on its own connection.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "TokenCounts.h"
#include "common/Result.h"

namespace ss {

class Project;

struct LanguageCoverage {
    // From this share of unknown word pieces on, the model is said not to read the text.
    static constexpr double kWarnUnknownShare = 0.10;

    std::string model;      // the encoder's fingerprint
    std::string modelName;  // its folder name, for people
    std::string target;     // "items" or "reviews"
    TokenCounts counts;
    bool exact = false;     // every text (an encode job), else a sample
    std::int64_t measuredAt = 0;

    double unknownShare() const;    // NaN without pieces
    double truncatedShare() const;  // NaN without texts
    bool unreadable() const { return unknownShare() >= kWarnUnknownShare; }

    boost::json::object toJson() const;  // model, model_name, target, texts, pieces, unknown, truncated, unknown_share, truncated_share, exact, measured_at
    static LanguageCoverage fromJson(const boost::json::value& json);
    bool operator==(const LanguageCoverage&) const = default;

    // Keeps `coverage` in the project (an estimate never replaces an exact measure of the same model
    // and text); every kept measure, items before reviews, most recent first.
    static Status store(Project& project, const LanguageCoverage& coverage);
    static Result<std::vector<LanguageCoverage>> stored(Project& project);
    // Of stored()'s list: the most recent measure of each kind of text (whichever model made it).
    static std::vector<LanguageCoverage> latestPerTarget(std::vector<LanguageCoverage> stored);
    static std::string settingKey(const std::string& target, const std::string& model);
};

}  // namespace ss
