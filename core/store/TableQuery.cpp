#include "TableQuery.h"

namespace ss {
namespace {

struct ColumnDef {
    TableColumn column;
    const char* expression;
    bool searchable;
};

struct TableDef {
    const char* from;
    std::vector<ColumnDef> columns;
};

const TableDef& definition(BrowsableTable table) {
    static const TableDef items{
        "items",
        {{{"id", true}, "id", false},
         {{"external_id", false}, "external_id", true},
         {{"title", false}, "title", true},
         {{"category", false}, "category", true},
         {{"brand", false}, "brand", true},
         {{"price", true}, "price", false},
         {{"available", true}, "available", false}},
        };
    static const TableDef users{
        "users",
        {{{"id", true}, "id", false},
         {{"external_id", false}, "external_id", true},
         {{"segment", false}, "segment", true}},
        };
    static const TableDef events{
        "events e JOIN users u ON u.id=e.user_id JOIN items i ON i.id=e.item_id",
        {{{"user", false}, "u.external_id", true},
         {{"item", false}, "i.external_id", true},
         {{"type", false},
          "CASE e.type WHEN 1 THEN 'view' WHEN 2 THEN 'cart' WHEN 3 THEN 'favourite' WHEN 4 THEN 'purchase' END", true},
         {{"time", false}, "strftime('%Y-%m-%d %H:%M:%S', e.ts, 'unixepoch')", false},
         {{"quantity", true}, "e.quantity", false},
         {{"value", true}, "e.value", false}},
        };
    static const TableDef reviews{
        "reviews r JOIN users u ON u.id=r.user_id JOIN items i ON i.id=r.item_id",
        {{{"user", false}, "u.external_id", true},
         {{"item", false}, "i.external_id", true},
         {{"rating", true}, "r.rating", false},
         {{"title", false}, "r.title", true},
         {{"text", false}, "r.body", true},
         {{"time", false}, "strftime('%Y-%m-%d', r.ts, 'unixepoch')", false}},
        };
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

}  // namespace

TableQuery::TableQuery(Database& db, BrowsableTable table) : db_(db), table_(table) {}

const std::vector<TableColumn>& TableQuery::columns() const {
    static const std::vector<TableColumn> all[] = {
        plainColumns(definition(BrowsableTable::Items)), plainColumns(definition(BrowsableTable::Users)),
        plainColumns(definition(BrowsableTable::Events)), plainColumns(definition(BrowsableTable::Reviews))};
    return all[static_cast<int>(table_)];
}

std::string TableQuery::whereClause(const std::string& filter) const {
    if (filter.empty()) return {};
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

Result<std::int64_t> TableQuery::count(const std::string& filter) {
    const auto& def = definition(table_);
    auto stmt = db_.prepare("SELECT count(*) FROM " + std::string(def.from) + whereClause(filter));
    if (!stmt) return stmt.error();
    if (!filter.empty()) stmt->bind(1, likePattern(filter));
    auto r = stmt->step();
    if (!r) return r.error();
    return stmt->columnInt(0);
}

Result<std::vector<std::vector<std::string>>> TableQuery::fetch(const std::string& filter, int sortColumn,
                                                                bool ascending, std::int64_t offset,
                                                                std::int64_t limit) {
    const auto& def = definition(table_);
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < def.columns.size(); ++i) {
        if (i) sql += ", ";
        sql += def.columns[i].expression;
    }
    sql += " FROM " + std::string(def.from) + whereClause(filter);
    if (sortColumn >= 0 && sortColumn < static_cast<int>(def.columns.size()))
        sql += " ORDER BY " + std::to_string(sortColumn + 1) + (ascending ? " ASC" : " DESC");
    sql += " LIMIT ?2 OFFSET ?3";
    auto stmt = db_.prepare(sql);
    if (!stmt) return stmt.error();
    if (!filter.empty()) stmt->bind(1, likePattern(filter));
    stmt->bind(2, limit).bind(3, offset);
    std::vector<std::vector<std::string>> rows;
    for (;;) {
        auto r = stmt->step();
        if (!r) return r.error();
        if (!*r) break;
        std::vector<std::string> row;
        row.reserve(def.columns.size());
        for (int c = 0; c < static_cast<int>(def.columns.size()); ++c) row.push_back(stmt->columnText(c));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace ss
