// TableQuery: paged, sorted and filtered reads of the project's tables for the data browser.
// Sorting and filtering happen in SQL so millions of rows never enter memory; pages are fetched by
// key (after the last row's sort value and row key), so page 20,000 costs what page 1 costs when the
// sort column is indexed. Column names come from a fixed catalogue, never from the caller's text.
// Use from the thread that owns the Database.
#pragma once

#include <map>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Database.h"

namespace ss {

enum class BrowsableTable { Items, Users, Events, Reviews };

struct TableColumn {
    std::string key;  // stable identifier, e.g. "title"; ui translates it for display
    bool numeric = false;
};

// Where the previous page ended: its last row's sort value and row key (a row id; for events,
// customer, time and sequence number).
struct PageCursor {
    SqlValue sortValue;
    std::vector<std::int64_t> rowKey;
};

// How ordering by a column would run.
struct SortPlan {
    bool usesIndex = false;             // false: every page sorts the whole table
    std::int64_t approximateRows = 0;   // events: their count; else the largest row id (the size unless rows were deleted)
};

struct TablePage {
    std::vector<std::vector<std::string>> rows;
    std::optional<PageCursor> last;  // absent when the page is empty
};

class TableQuery {
public:
    TableQuery(Database& db, BrowsableTable table);

    const std::vector<TableColumn>& columns() const { return columnsOf(table_); }
    static const std::vector<TableColumn>& columnsOf(BrowsableTable table);  // no connection needed
    // filter: literal substring matched (case-insensitively for ASCII) against the text columns.
    Result<std::int64_t> count(const std::string& filter);
    // The page after `after` (the first page without it). sortColumn < 0: storage order.
    Result<TablePage> fetchPage(const std::string& filter, int sortColumn, bool ascending,
                                const std::optional<PageCursor>& after, std::int64_t limit);
    // Whether an index serves ordering by the column (any index: the import's or one made here).
    Result<SortPlan> sortPlan(int sortColumn);
    // Events: the column (its position in columnsOf) whose index would let the events matching `filter`
    // be looked up instead of found by reading every event: the item, when the filter matches few
    // items and no index on item_id exists. Nothing otherwise, and for the other tables. Decided with
    // the filter (cheap once a page was fetched with it).
    Result<std::optional<int>> filterIndexColumn(const std::string& filter);
    // Makes the index that serves ordering by the column ("browse_<table>_<column>") unless it exists.
    // Needs a connection that may write; one statement, so an interrupted or failed build leaves
    // nothing behind. Minutes on a hundred million events.
    Status createSortIndex(int sortColumn);
    static std::string sortIndexName(BrowsableTable table, int sortColumn);
    // Convenience for small tables and tests: rows [offset, offset + limit) in the same order.
    Result<std::vector<std::vector<std::string>>> fetch(const std::string& filter, int sortColumn, bool ascending,
                                                        std::int64_t offset, std::int64_t limit);

private:
    Result<std::string> whereClause(const std::string& filter);
    // Events: whether a filter matches few enough events to find them by customer (the table's key)
    // and item (where an index on item_id exists) — a scan would read every event — rather than by
    // scanning in page order (which stops after a page when matches are common; the scan is also all
    // there is for few items without an index on item_id). Decided once per filter text.
    enum class EventFilterLookup { Scan, ScanForWantOfItemIndex, ByCustomer, ByCustomerAndItem };
    Result<EventFilterLookup> eventFilterLookup(const std::string& filter);

    Database& db_;
    BrowsableTable table_;
    std::map<std::string, EventFilterLookup> eventFilters_;
};

}  // namespace ss
