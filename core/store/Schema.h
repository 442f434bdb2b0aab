// Schema: the project file's versioned layout. migrate() upgrades a file one version at a time,
// each step in its own transaction, recording progress in PRAGMA user_version.
// Call from the thread that owns the Database.
#pragma once

#include <cstdint>
#include <string>

#include "common/Result.h"

namespace ss {

class Database;

// What a SQLite file is, found by reading it only (never changed on the way).
struct FileIdentity {
    enum class Kind { Empty, Project, Foreign };
    Kind kind = Kind::Empty;
    int version = 0;     // PRAGMA user_version
    bool marked = false;  // carries kApplicationId
    std::string detail;  // Foreign: what it is instead; Project: a missing table (damage), if any
};

class Schema {
public:
    static constexpr int kCurrentVersion = 11;
    // PRAGMA application_id of every project file ("ShSe"), written when a project is created or
    // an older project (from before the mark) is upgraded.
    static constexpr std::int32_t kApplicationId = 0x53685365;

    // A file is ours when it carries the mark, or (older projects) has schema version >= 1 and the
    // items, users and events tables; an empty database can become a project; anything else is
    // Foreign. A marked project missing a table of its version is reported in detail (damage).
    static Result<FileIdentity> identify(Database& db);
    static Status migrate(Database& db);
    // The error for a project written by a newer ShelfSense (schema version above kCurrentVersion).
    static Error newerVersion(int version, const std::string& file);
    static Result<int> version(Database& db);

    // The item text index (lexical search) is brought up to date once at the end of a bulk load,
    // not row by row: deferTextIndex() then catchUpTextIndex(), both inside the load's transaction
    // (a failed or killed load rolls the triggers back with everything else).
    static Status deferTextIndex(Database& db);
    static Status catchUpTextIndex(Database& db);
};

}  // namespace ss
