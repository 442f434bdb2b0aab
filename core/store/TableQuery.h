// TableQuery: paged, sorted and filtered reads of the project's tables for the data browser.
// Sorting and filtering happen in SQL so millions of rows never enter memory; column names come from
// a fixed catalogue (never from the caller's text). Use from the thread that owns the Database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "Database.h"

namespace ss {

enum class BrowsableTable { Items, Users, Events, Reviews };

struct TableColumn {
    std::string key;  // stable identifier, e.g. "title"; ui translates it for display
    bool numeric = false;
};

class TableQuery {
public:
    TableQuery(Database& db, BrowsableTable table);

    const std::vector<TableColumn>& columns() const;
    // filter: substring matched (case-insensitively for ASCII) against the table's text columns.
    Result<std::int64_t> count(const std::string& filter);
    Result<std::vector<std::vector<std::string>>> fetch(const std::string& filter, int sortColumn, bool ascending,
                                                        std::int64_t offset, std::int64_t limit);

private:
    std::string whereClause(const std::string& filter) const;
    Database& db_;
    BrowsableTable table_;
};

}  // namespace ss
