#include "LanguageCoverage.h"

#include <algorithm>
#include <cmath>

#include "common/JsonFields.h"
#include "common/JsonNumbers.h"
#include "common/JsonParse.h"
#include "store/Project.h"

namespace ss {
namespace {
constexpr const char* kKeyPrefix = "coverage/";
}

double LanguageCoverage::unknownShare() const {
    return counts.pieces > 0 ? double(counts.unknown) / double(counts.pieces) : std::nan("");
}

double LanguageCoverage::truncatedShare() const {
    return counts.texts > 0 ? double(counts.truncated) / double(counts.texts) : std::nan("");
}

boost::json::object LanguageCoverage::toJson() const {
    return {{"model", model},
            {"model_name", modelName},
            {"target", target},
            {"texts", counts.texts},
            {"pieces", counts.pieces},
            {"unknown", counts.unknown},
            {"truncated", counts.truncated},
            {"unknown_share", jsonNumber(unknownShare())},
            {"truncated_share", jsonNumber(truncatedShare())},
            {"exact", exact},
            {"measured_at", measuredAt}};
}

LanguageCoverage LanguageCoverage::fromJson(const boost::json::value& json) {
    LanguageCoverage c;
    const auto* o = json.if_object();
    if (!o) return c;
    c.model = stringAt(*o, "model");
    c.modelName = stringAt(*o, "model_name");
    c.target = stringAt(*o, "target");
    const auto integer = [o](const char* key) { return static_cast<std::int64_t>(numberAt(*o, key)); };
    c.counts.texts = integer("texts");
    c.counts.pieces = integer("pieces");
    c.counts.unknown = integer("unknown");
    c.counts.truncated = integer("truncated");
    c.measuredAt = integer("measured_at");
    if (const auto* e = o->if_contains("exact"); e && e->is_bool()) c.exact = e->get_bool();
    return c;
}

std::string LanguageCoverage::settingKey(const std::string& target, const std::string& model) {
    return std::string(kKeyPrefix) + target + "/" + model;
}

Status LanguageCoverage::store(Project& project, const LanguageCoverage& coverage) {
    const std::string key = settingKey(coverage.target, coverage.model);
    if (!coverage.exact) {
        auto kept = project.setting(key);
        if (!kept) return kept.error();
        boost::system::error_code ec;
        if (*kept && fromJson(parseJson(**kept, ec)).exact) return {};
    }
    return project.setSetting(key, boost::json::serialize(coverage.toJson()));
}

Result<std::vector<LanguageCoverage>> LanguageCoverage::stored(Project& project) {
    auto stmt = project.db().prepare("SELECT value FROM settings WHERE key >= ?1 AND key < ?2");
    if (!stmt) return stmt.error();
    stmt->bind(1, std::string(kKeyPrefix)).bind(2, std::string("coverage0"));  // '0' follows '/'
    std::vector<LanguageCoverage> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        boost::system::error_code ec;
        auto c = fromJson(parseJson(stmt->columnText(0), ec));
        if (!ec && !c.model.empty()) out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const LanguageCoverage& a, const LanguageCoverage& b) {
        return a.target != b.target ? a.target < b.target : a.measuredAt > b.measuredAt;
    });
    return out;
}

std::vector<LanguageCoverage> LanguageCoverage::latestPerTarget(std::vector<LanguageCoverage> stored) {
    std::vector<LanguageCoverage> latest;
    for (auto& c : stored)
        if (latest.empty() || latest.back().target != c.target) latest.push_back(std::move(c));
    return latest;
}

}  // namespace ss
