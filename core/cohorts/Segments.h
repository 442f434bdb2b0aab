// Segments: named customer sets kept in the project (tables segments, segment_members) — saved from
// a cohort cell, a survival step or a list of customer ids, listed, exported and deleted — so an
// analysis can be narrowed to them later. Call from the thread that owns the Database; save() and
// remove() write in their own transaction (all or nothing).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/Result.h"

namespace ss {

class Database;

struct SegmentInfo {
    std::int64_t id = 0;
    std::string name, description;
    std::int64_t created = 0;   // unix seconds
    std::int64_t customers = 0;
};

struct SegmentMember {
    std::int64_t userId = 0;
    std::string externalId;
};

class Segments {
public:
    static Result<std::vector<SegmentInfo>> list(Database& db);
    // Stores `userIds` (project user ids) under `name`; an existing segment of that name is replaced
    // only when `replace` is set.
    static Result<SegmentInfo> save(Database& db, const std::string& name, const std::string& description,
                                    std::span<const std::int64_t> userIds, bool replace, std::int64_t now);
    static Status remove(Database& db, const std::string& name);
    static Result<std::vector<SegmentMember>> members(Database& db, const std::string& name);
    // Project user ids of the customers whose property `name` has `value`.
    static Result<std::vector<std::int64_t>> withProperty(Database& db, const std::string& name, const std::string& value);
    // External customer ids of project user ids, in the same order.
    static Result<std::vector<std::string>> externalIds(Database& db, std::span<const std::int64_t> userIds);
    // Project user ids for external customer ids (unknown ids are reported, with the first few named).
    static Result<std::vector<std::int64_t>> resolve(Database& db, const std::vector<std::string>& externalIds);
};

}  // namespace ss
