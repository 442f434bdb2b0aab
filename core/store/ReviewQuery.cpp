#include "ReviewQuery.h"

namespace ss {

Result<std::vector<StoredReview>> ReviewQuery::byUser(std::int64_t userId) {
    auto stmt = db_.prepare("SELECT id, item_id, rating, coalesce(title, ''), coalesce(body, ''), ts FROM reviews"
                            " WHERE user_id = ?1 ORDER BY ts, id");
    if (!stmt) return stmt.error();
    stmt->bind(1, userId);
    std::vector<StoredReview> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        StoredReview r;
        r.id = stmt->columnInt(0);
        r.itemId = stmt->columnInt(1);
        if (!stmt->columnIsNull(2)) r.rating = stmt->columnDouble(2);
        r.title = stmt->columnText(3);
        r.body = stmt->columnText(4);
        r.time = stmt->columnInt(5);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace ss
