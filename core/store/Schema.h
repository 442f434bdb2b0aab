// Schema: the project file's versioned layout. migrate() upgrades a file one version at a time,
// each step in its own transaction, recording progress in PRAGMA user_version.
// Call from the thread that owns the Database.
#pragma once

#include "common/Result.h"

namespace ss {

class Database;

class Schema {
public:
    static constexpr int kCurrentVersion = 5;
    static Status migrate(Database& db);
    static Result<int> version(Database& db);

    // Secondary indexes on events are dropped during bulk loads and rebuilt afterwards.
    static Status dropEventIndexes(Database& db);
    static Status createEventIndexes(Database& db);
};

}  // namespace ss
