#include "TableQuery.h"

#include "EventTable.h"

namespace ss {
namespace {

struct ColumnDef {
    TableColumn column;
    const char* expression;  // what is shown
    bool searchable;
    const char* sortKey;     // what orders it: never NULL, and an indexed column where one exists
    const char* indexOn;     // the sort key on the bare table, for an index that serves it
};

struct TableDef {
    const char* table;  // the table rows come from (indexes go on it)
    const char* from;
    std::vector<const char*> rowKey;  // what identifies a row, in storage order: the key pages continue after
    std::vector<ColumnDef> columns;
};

const TableDef& definition(BrowsableTable table) {
    static const TableDef items{
        "items", "items", {"id"},
        {{{"id", true}, "id", false, "id", "id"},
         {{"external_id", false}, "external_id", true, "external_id", "external_id"},
         {{"title", false}, "title", true, "coalesce(title,'')", "coalesce(title,'')"},
         {{"category", false}, "category", true, "coalesce(category,'')", "coalesce(category,'')"},
         {{"brand", false}, "brand", true, "coalesce(brand,'')", "coalesce(brand,'')"},
         {{"price", true}, "price", false, "coalesce(price,-1e300)", "coalesce(price,-1e300)"},
         {{"available", true}, "available", false, "coalesce(available,-1)", "coalesce(available,-1)"}}};
    static const TableDef users{
        "users", "users", {"id"},
        {{{"id", true}, "id", false, "id", "id"},
         {{"external_id", false}, "external_id", true, "external_id", "external_id"},
         {{"segment", false}, "segment", true, "coalesce(segment,'')", "coalesce(segment,'')"}}};
    // Users and items sort by their compact ids (first appearance). Events are stored by customer and
    // time, so that order needs no index; the others use the index the browser offers to make.
    static const TableDef events{
        "events", "events e JOIN users u ON u.id=e.user_id JOIN items i ON i.id=e.item_id", {"e.user_id", "e.ts", "e.seq"},
        {{{"user", false}, "u.external_id", true, "e.user_id", "user_id"},
         {{"item", false}, "i.external_id", true, "e.item_id", "item_id"},
         {{"type", false},
          "CASE e.type WHEN 1 THEN 'view' WHEN 2 THEN 'cart' WHEN 3 THEN 'favourite' WHEN 4 THEN 'purchase' END", true, "e.type", "type"},
         {{"time", false}, "strftime('%Y-%m-%d %H:%M:%S', e.ts, 'unixepoch')", false, "e.ts", "ts"},
         {{"quantity", true}, "e.quantity", false, "coalesce(e.quantity,-1)", "coalesce(quantity,-1)"},
         {{"value", true}, "e.value", false, "coalesce(e.value,-1e300)", "coalesce(value,-1e300)"}}};
    static const TableDef reviews{
        "reviews", "reviews r JOIN users u ON u.id=r.user_id JOIN items i ON i.id=r.item_id", {"r.id"},
        {{{"user", false}, "u.external_id", true, "r.user_id", "user_id"},
         {{"item", false}, "i.external_id", true, "r.item_id", "item_id"},
         {{"rating", true}, "r.rating", false, "coalesce(r.rating,-1)", "coalesce(rating,-1)"},
         {{"title", false}, "r.title", true, "coalesce(r.title,'')", "coalesce(title,'')"},
         {{"text", false}, "r.body", true, "coalesce(r.body,'')", "coalesce(body,'')"},
         {{"time", false}, "strftime('%Y-%m-%d', r.ts, 'unixepoch')", false, "r.ts", "ts"}}};
    switch (table) {
    case BrowsableTable::Items: return items;
    case BrowsableTable::Users: return users;
    case BrowsableTable::Events: return events;
    case BrowsableTable::Reviews: return reviews;
    }
    return items;
}

std::vector<TableColumn> plainColumns(const TableDef& def) {
    std::vector<TableColumn> out;
    for (const auto& c : def.columns) out.push_back(c.column);
    return out;
}

// The filter is a literal substring: escape LIKE's wildcards (and the escape character itself).
std::string likePattern(const std::string& filter) {
    std::string pattern = "%";
    for (char c : filter) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

// "(a, b, c)" of the row key, and its placeholders from ?first on.
std::string rowKeyTuple(const TableDef& def) {
    std::string tuple = "(";
    for (std::size_t k = 0; k < def.rowKey.size(); ++k) tuple += (k ? ", " : "") + std::string(def.rowKey[k]);
    return tuple + ")";
}

std::string placeholders(std::size_t count, int first) {
    std::string tuple = "(";
    for (std::size_t k = 0; k < count; ++k) tuple += (k ? ", ?" : "?") + std::to_string(first + static_cast<int>(k));
    return tuple + ")";
}

// "key DESC, a DESC, b DESC": the sort key, then the row key's parts that are not the sort key itself
// (SQLite then sees that an index on the key, which ends with the row key, gives this order).
std::string orderTerms(const TableDef& def, const std::string& key, const char* direction) {
    std::string terms = key.empty() ? std::string() : key + direction;
    for (const char* part : def.rowKey)
        if (key != part) terms += (terms.empty() ? "" : ", ") + std::string(part) + direction;
    return terms;
}

}  // namespace

TableQuery::TableQuery(Database& db, BrowsableTable table) : db_(db), table_(table) {}

const std::vector<TableColumn>& TableQuery::columnsOf(BrowsableTable table) {
    static const std::vector<TableColumn> all[] = {
        plainColumns(definition(BrowsableTable::Items)), plainColumns(definition(BrowsableTable::Users)),
        plainColumns(definition(BrowsableTable::Events)), plainColumns(definition(BrowsableTable::Reviews))};
    return all[static_cast<int>(table)];
}

Result<std::string> TableQuery::whereClause(const std::string& filter) {
    if (filter.empty()) return std::string();
    if (table_ == BrowsableTable::Events) {
        auto lookup = eventFilterLookup(filter);
        if (!lookup) return lookup.error();
        // Equivalent to the column-by-column match below when no behaviour name contains the filter
        // (and, for ByCustomer, no item id does).
        const std::string byCustomer = "e.user_id IN (SELECT id FROM users WHERE external_id LIKE ?1 ESCAPE '\\')";
        if (*lookup == EventFilterLookup::ByCustomer) return " WHERE (" + byCustomer + ")";
        if (*lookup == EventFilterLookup::ByCustomerAndItem)
            return " WHERE (" + byCustomer + " OR e.item_id IN (SELECT id FROM items WHERE external_id LIKE ?1 ESCAPE '\\'))";
    }
    std::string where = " WHERE (";
    bool first = true;
    for (const auto& c : definition(table_).columns) {
        if (!c.searchable) continue;
        if (!first) where += " OR ";
        where += std::string(c.expression) + " LIKE ?1 ESCAPE '\\'";
        first = false;
    }
    return where + ")";
}

Result<TableQuery::EventFilterLookup> TableQuery::eventFilterLookup(const std::string& filter) {
    if (auto known = eventFilters_.find(filter); known != eventFilters_.end()) return known->second;
    auto decide = [&]() -> Result<EventFilterLookup> {
        // Every event of a kind matches when its name contains the filter: common by definition.
        std::string lower = filter;
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        for (const char* name : {"view", "cart", "favourite", "purchase"})
            if (std::string_view(name).find(lower) != std::string_view::npos) return EventFilterLookup::Scan;
        auto ids = db_.prepare(
            "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM users WHERE external_id LIKE ?1 ESCAPE '\\'),"
            " (SELECT count(*) FROM items), (SELECT count(*) FROM items WHERE external_id LIKE ?1 ESCAPE '\\')");
        if (!ids) return ids.error();
        ids->bind(1, likePattern(filter));
        if (auto r = ids->step(); !r) return r.error();
        // More than a tenth of the customers or items: the matching events are many.
        if (ids->columnInt(1) * 10 > ids->columnInt(0) || ids->columnInt(3) * 10 > ids->columnInt(2)) return EventFilterLookup::Scan;
        const bool itemsMatch = ids->columnInt(3) > 0;
        // Matching items' events are found by an index on item_id only; without one (the default
        // layout), they would be a scan of every event.
        auto itemIndex = EventTable::indexedBy(db_, "item_id");
        if (!itemIndex) return itemIndex.error();
        if (itemsMatch && !*itemIndex) return EventFilterLookup::ScanForWantOfItemIndex;
        // Few customers (and items); their events counted by key (cost: those events).
        auto events = db_.prepare(
            std::string("SELECT (SELECT count(*) FROM events WHERE user_id IN (SELECT id FROM users WHERE external_id LIKE ?1 ESCAPE '\\'))") +
            (itemsMatch ? " + (SELECT count(*) FROM events WHERE item_id IN (SELECT id FROM items WHERE external_id LIKE ?1 ESCAPE '\\'))" : ""));
        if (!events) return events.error();
        events->bind(1, likePattern(filter));
        if (auto r = events->step(); !r) return r.error();
        constexpr std::int64_t kSelectiveEvents = 100'000;  // collected and sorted in well under a second
        if (events->columnInt(0) > kSelectiveEvents) return EventFilterLookup::Scan;
        return itemsMatch ? EventFilterLookup::ByCustomerAndItem : EventFilterLookup::ByCustomer;
    };
    auto lookup = decide();
    if (lookup) eventFilters_[filter] = *lookup;
    return lookup;
}

Result<std::optional<int>> TableQuery::filterIndexColumn(const std::string& filter) {
    if (table_ != BrowsableTable::Events || filter.empty()) return std::optional<int>();
    auto lookup = eventFilterLookup(filter);
    if (!lookup) return lookup.error();
    if (*lookup != EventFilterLookup::ScanForWantOfItemIndex) return std::optional<int>();
    const auto& columns = definition(table_).columns;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (std::string_view(columns[c].indexOn) == "item_id") return std::optional<int>(static_cast<int>(c));
    return std::optional<int>();
}

Result<std::int64_t> TableQuery::count(const std::string& filter) {
    if (table_ == BrowsableTable::Events && filter.empty()) return EventTable::count(db_);  // kept, not counted
    const auto& def = definition(table_);
    auto where = whereClause(filter);
    if (!where) return where.error();
    auto stmt = db_.prepare("SELECT count(*) FROM " + std::string(def.from) + *where);
    if (!stmt) return stmt.error();
    if (!filter.empty()) stmt->bind(1, likePattern(filter));
    auto r = stmt->step();
    if (!r) return r.error();
    return stmt->columnInt(0);
}

std::string TableQuery::sortIndexName(BrowsableTable table, int sortColumn) {
    const auto& def = definition(table);
    return std::string("browse_") + def.table + "_" + def.columns.at(static_cast<std::size_t>(sortColumn)).column.key;
}

Result<SortPlan> TableQuery::sortPlan(int sortColumn) {
    const auto& def = definition(table_);
    if (sortColumn < 0 || sortColumn >= static_cast<int>(def.columns.size())) return makeError(ErrorCode::Usage, "no such column");
    SortPlan plan;
    // The page query as fetchPage() makes it, asked for its plan: a temporary B-tree for the whole
    // order means every page sorts every row (one for the right part only sorts rows of equal keys).
    const std::string key = def.columns[static_cast<std::size_t>(sortColumn)].sortKey;
    auto explain = db_.prepare("EXPLAIN QUERY PLAN SELECT " + key + " FROM " + std::string(def.from) + " ORDER BY " +
                               orderTerms(def, key, "") + " LIMIT 1");
    if (!explain) return explain.error();
    plan.usesIndex = true;
    for (;;) {
        auto r = explain->step();
        if (!r) return r.error();
        if (!*r) break;
        if (explain->columnText(3) == "USE TEMP B-TREE FOR ORDER BY") plan.usesIndex = false;
    }
    if (table_ == BrowsableTable::Events) {
        auto events = EventTable::count(db_);
        if (!events) return events.error();
        plan.approximateRows = *events;
        return plan;
    }
    // The largest row id: instant, and the row count itself where rows were never deleted.
    auto rows = db_.prepare("SELECT coalesce(max(rowid), 0) FROM " + std::string(def.table));
    if (!rows) return rows.error();
    if (auto r = rows->step(); !r) return r.error();
    plan.approximateRows = rows->columnInt(0);
    return plan;
}

Status TableQuery::createSortIndex(int sortColumn) {
    const auto& def = definition(table_);
    if (sortColumn < 0 || sortColumn >= static_cast<int>(def.columns.size())) return makeError(ErrorCode::Usage, "no such column");
    return db_.exec("CREATE INDEX IF NOT EXISTS " + sortIndexName(table_, sortColumn) + " ON " + def.table + "(" +
                    def.columns[static_cast<std::size_t>(sortColumn)].indexOn + ")");
}

Result<TablePage> TableQuery::fetchPage(const std::string& filter, int sortColumn, bool ascending,
                                       const std::optional<PageCursor>& after, std::int64_t limit) {
    const auto& def = definition(table_);
    const bool sorted = sortColumn >= 0 && sortColumn < static_cast<int>(def.columns.size());
    const std::string key = sorted ? def.columns[static_cast<std::size_t>(sortColumn)].sortKey : std::string();
    const char* direction = sorted && !ascending ? " DESC" : " ASC";
    const char* beyond = sorted && !ascending ? " < " : " > ";
    const std::size_t keyParts = def.rowKey.size();
    if (after && after->rowKey.size() != keyParts) return makeError(ErrorCode::Usage, "the page cursor is from another table");
    // Parameters: ?1 the filter, ?2 the last sort value, ?3 the page size, ?4... the last row key.
    const std::string rowKey = rowKeyTuple(def), lastRowKey = placeholders(keyParts, 4);

    std::string select = "SELECT ";
    for (const auto& c : def.columns) select += std::string(c.expression) + ", ";
    select += (sorted ? key : std::string("NULL")) + " AS sort_key";
    for (std::size_t k = 0; k < keyParts; ++k) select += ", " + std::string(def.rowKey[k]) + " AS row_key" + std::to_string(k);
    select += " FROM " + std::string(def.from);
    auto filtered = whereClause(filter);
    if (!filtered) return filtered.error();
    auto also = [&](const std::string& condition) { return *filtered + (filtered->empty() ? " WHERE " : " AND ") + condition; };
    const std::string order = " ORDER BY " + orderTerms(def, key, direction);
    std::string sql;
    if (!after) {
        sql = select + *filtered + order + " LIMIT ?3";
    } else if (!sorted) {
        sql = select + also(rowKey + " > " + lastRowKey) + order + " LIMIT ?3";
    } else {
        // Keyset, strictly after the last row in (sort key, row key) order, as two seeks: the rest of
        // the last key's rows (the index's key, then row key), then the keys beyond it. One condition
        // with OR seeks only by key and then walks every row of that key: millions for a behaviour.
        // The first part orders by row key alone: its sort key is fixed, and SQLite sees that an index
        // on an expression gives row key order under an equal key only when asked that way (else it
        // sorts every row of the key).
        std::string outer;
        for (std::size_t k = 0; k < keyParts; ++k) outer += ", row_key" + std::to_string(k) + direction;
        sql = "SELECT * FROM (" + select + also("(" + key + " = ?2 AND " + rowKey + beyond + lastRowKey + ")") + " ORDER BY " +
              orderTerms(def, std::string(), direction) + " LIMIT ?3) UNION ALL SELECT * FROM (" + select +
              also("(" + key + beyond + "?2)") + order + " LIMIT ?3) ORDER BY sort_key" + direction + outer + " LIMIT ?3";
    }
    auto stmt = db_.prepare(sql);
    if (!stmt) return stmt.error();
    if (!filter.empty()) stmt->bind(1, likePattern(filter));
    if (after) {
        if (sorted) stmt->bind(2, after->sortValue);
        for (std::size_t k = 0; k < keyParts; ++k) stmt->bind(4 + static_cast<int>(k), after->rowKey[k]);
    }
    stmt->bind(3, limit);
    TablePage page;
    const int shown = static_cast<int>(def.columns.size());
    for (;;) {
        auto r = stmt->step();
        if (!r) return r.error();
        if (!*r) break;
        std::vector<std::string> row;
        row.reserve(def.columns.size());
        for (int c = 0; c < shown; ++c) row.push_back(stmt->columnText(c));
        page.rows.push_back(std::move(row));
        PageCursor last{stmt->columnValue(shown), {}};
        for (std::size_t k = 0; k < keyParts; ++k) last.rowKey.push_back(stmt->columnInt(shown + 1 + static_cast<int>(k)));
        page.last = std::move(last);
    }
    return page;
}

Result<std::vector<std::vector<std::string>>> TableQuery::fetch(const std::string& filter, int sortColumn,
                                                                bool ascending, std::int64_t offset,
                                                                std::int64_t limit) {
    std::vector<std::vector<std::string>> rows;
    std::optional<PageCursor> cursor;
    std::int64_t skipped = 0;
    while (static_cast<std::int64_t>(rows.size()) < limit) {
        const std::int64_t want = skipped < offset ? std::min<std::int64_t>(offset - skipped, 4096) : limit - std::int64_t(rows.size());
        auto page = fetchPage(filter, sortColumn, ascending, cursor, want);
        if (!page) return page.error();
        if (page->rows.empty()) break;
        cursor = page->last;
        if (skipped < offset) {
            skipped += static_cast<std::int64_t>(page->rows.size());
            continue;
        }
        for (auto& row : page->rows) rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace ss
