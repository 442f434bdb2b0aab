#include "CatalogQuery.h"

namespace ss {

Result<std::optional<CatalogItem>> CatalogQuery::one(const char* where, auto bindValue) {
    auto stmt = db_.prepare(std::string("SELECT id, external_id, coalesce(title,''), coalesce(category,''), price FROM items WHERE ") + where);
    if (!stmt) return stmt.error();
    stmt->bind(1, bindValue);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<CatalogItem>();
    CatalogItem item{stmt->columnInt(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3), std::nullopt};
    if (!stmt->columnIsNull(4)) item.price = stmt->columnDouble(4);
    return std::optional<CatalogItem>(std::move(item));
}

Result<std::optional<CatalogItem>> CatalogQuery::byExternalId(const std::string& externalId) {
    return one("external_id=?1", std::string_view(externalId));
}

Result<std::optional<CatalogItem>> CatalogQuery::byId(std::int64_t id) { return one("id=?1", id); }

}  // namespace ss
