#include "CustomerGroups.h"

#include <algorithm>
#include <map>

#include "store/Database.h"

namespace ss {
namespace {

// Reads "id → text" pairs of a two-column query into a map (NULL and empty values skipped).
Result<std::map<std::int64_t, std::string>> readLabels(Database& db, std::string_view sql) {
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    std::map<std::int64_t, std::string> out;
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        if (stmt->columnIsNull(1)) continue;
        auto text = stmt->columnText(1);
        if (!text.empty()) out.emplace(stmt->columnInt(0), std::move(text));
    }
    return out;
}

}  // namespace

const std::vector<std::string>& CustomerGroups::groupings() {
    static const std::vector<std::string> names{"segment", "acquisition-category", "property:NAME"};
    return names;
}

Result<std::vector<std::string>> CustomerGroups::available(Database& db) {
    std::vector<std::string> out;
    auto segments = db.queryInt("SELECT EXISTS(SELECT 1 FROM users WHERE segment IS NOT NULL AND segment <> '')");
    if (!segments) return segments.error();
    if (*segments) out.emplace_back("segment");
    auto categories = db.queryInt("SELECT EXISTS(SELECT 1 FROM items WHERE category IS NOT NULL AND category <> '')");
    if (!categories) return categories.error();
    if (*categories) out.emplace_back("acquisition-category");
    auto names = db.prepare("SELECT DISTINCT name FROM user_properties ORDER BY name");
    if (!names) return names.error();
    for (;;) {
        auto more = names->step();
        if (!more) return more.error();
        if (!*more) break;
        out.push_back("property:" + names->columnText(0));
    }
    return out;
}

Result<CustomerGroups> CustomerGroups::load(Database& db, const ActivityLog& log, std::string_view by) {
    CustomerGroups g;
    g.by = std::string(by);
    std::vector<std::string> labels(log.customers());
    if (by == "segment") {
        auto segments = readLabels(db, "SELECT id, segment FROM users WHERE segment IS NOT NULL");
        if (!segments) return segments.error();
        for (std::size_t c = 0; c < log.customers(); ++c)
            if (auto it = segments->find(log.userId(c)); it != segments->end()) labels[c] = it->second;
    } else if (by == "acquisition-category") {
        auto categories = readLabels(db, "SELECT id, category FROM items WHERE category IS NOT NULL");
        if (!categories) return categories.error();
        for (std::size_t c = 0; c < log.customers(); ++c) {
            if (auto it = categories->find(log.firstItem(c)); it != categories->end()) labels[c] = it->second;
        }
    } else if (by.starts_with("property:") && by.size() > 9) {
        auto stmt = db.prepare("SELECT user_id, value FROM user_properties WHERE name = ?1");
        if (!stmt) return stmt.error();
        stmt->bind(1, by.substr(9));
        std::map<std::int64_t, std::string> values;
        for (;;) {
            auto more = stmt->step();
            if (!more) return more.error();
            if (!*more) break;
            values.emplace(stmt->columnInt(0), stmt->columnText(1));
        }
        if (values.empty())
            return makeError(ErrorCode::InputData, "no customer has the property '" + std::string(by.substr(9)) + "'", "segment-by");
        for (std::size_t c = 0; c < log.customers(); ++c)
            if (auto it = values.find(log.userId(c)); it != values.end()) labels[c] = it->second;
    } else {
        std::string known;
        for (const auto& n : groupings()) known += (known.empty() ? "" : ", ") + n;
        return makeError(ErrorCode::Usage, "unknown grouping '" + std::string(by) + "' (known: " + known + ")", "segment-by");
    }
    for (const auto& l : labels)
        if (!l.empty()) g.names.push_back(l);
    std::sort(g.names.begin(), g.names.end());
    g.names.erase(std::unique(g.names.begin(), g.names.end()), g.names.end());
    g.groupOf.assign(log.customers(), -1);
    for (std::size_t c = 0; c < labels.size(); ++c) {
        if (labels[c].empty()) continue;
        g.groupOf[c] = static_cast<int>(std::lower_bound(g.names.begin(), g.names.end(), labels[c]) - g.names.begin());
    }
    return g;
}

Status CustomerGroups::keepOnly(const std::vector<std::string>& wanted) {
    std::vector<int> remap(names.size(), -1);
    for (std::size_t w = 0; w < wanted.size(); ++w) {
        const auto it = std::find(names.begin(), names.end(), wanted[w]);
        if (it == names.end())
            return makeError(ErrorCode::InputData, "no customers in group '" + wanted[w] + "'", by);
        remap[static_cast<std::size_t>(it - names.begin())] = static_cast<int>(w);
    }
    for (auto& g : groupOf)
        if (g >= 0) g = remap[static_cast<std::size_t>(g)];
    names = wanted;
    return {};
}

std::vector<char> CustomerGroups::members(std::string_view name) const {
    std::vector<char> flags(groupOf.size(), 0);
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) return flags;
    const int index = static_cast<int>(it - names.begin());
    for (std::size_t c = 0; c < groupOf.size(); ++c) flags[c] = groupOf[c] == index ? 1 : 0;
    return flags;
}

}  // namespace ss
