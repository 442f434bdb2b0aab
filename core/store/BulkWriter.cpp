#include "BulkWriter.h"

#include "EventTable.h"
#include "common/Hash.h"

namespace ss {

Result<BulkWriter> BulkWriter::create(Database& db, std::optional<std::int64_t> importId) {
    BulkWriter writer(db);
    writer.importId_ = importId;
    if (Status s = writer.loadIds("users", writer.users_, writer.nextUser_); !s) return s.error();
    if (Status s = writer.loadIds("items", writer.items_, writer.nextItem_); !s) return s.error();
    struct { Statement* target; const char* sql; } statements[] = {
        {&writer.updateItem_,
         "UPDATE items SET title=coalesce(?2,title), description=coalesce(?3,description),"
         " category=coalesce(?4,category), brand=coalesce(?5,brand), price=coalesce(?6,price),"
         " available=coalesce(?7,available) WHERE id=?1"},
        {&writer.insertReview_,
         "INSERT OR IGNORE INTO reviews(user_id, item_id, rating, title, body, ts, import_id, content_hash, label)"
         " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)"},
        {&writer.updateCategory_,
         "UPDATE items SET category=?2, category_time=?3 WHERE id=?1 AND (category_time IS NULL OR category_time <= ?3)"},
        {&writer.updateAvailable_,
         "UPDATE items SET available=?2, available_time=?3 WHERE id=?1 AND (available_time IS NULL OR available_time <= ?3)"},
        {&writer.updateSegment_, "UPDATE users SET segment=?2 WHERE id=?1"},
        {&writer.upsertProperty_,
         "INSERT INTO user_properties(user_id, name, value) VALUES(?1,?2,?3)"
         " ON CONFLICT(user_id, name) DO UPDATE SET value=excluded.value"},
    };
    for (auto& [target, sql] : statements) {
        auto stmt = db.prepare(sql);
        if (!stmt) return stmt.error();
        *target = std::move(*stmt);
    }
    if (Status s = EventTable::prepareStaging(db); !s) return s.error();
    auto inserter = BatchInserter::create(db, importId);
    if (!inserter) return inserter.error();
    writer.inserter_ = std::move(*inserter);
    return writer;
}

Status BulkWriter::loadIds(std::string_view table, IdMap& map, std::int64_t& next) {
    auto stmt = db_->prepare("SELECT id, external_id FROM " + std::string(table));
    if (!stmt) return stmt.error();
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        const std::int64_t id = stmt->columnInt(0);
        map.insert(stmt->columnText(1), id);
        next = std::max(next, id + 1);
    }
    return {};
}

Result<std::int64_t> BulkWriter::userId(std::string_view externalId) {
    if (lastUserId_ != 0 && externalId == lastUserKey_) return lastUserId_;
    if (auto found = users_.find(externalId)) {
        lastUserKey_.assign(externalId);
        lastUserId_ = *found;
        return *found;
    }
    const std::int64_t id = nextUser_;
    batch_.users.push_back({id, batch_.addText(externalId), {}});
    if (Status s = submitIfFull(); !s) return s.error();
    ++nextUser_;
    ++newUsers_;
    users_.insert(externalId, id);
    return id;
}

Result<std::int64_t> BulkWriter::itemId(std::string_view externalId, std::string_view categoryIfNew) {
    if (auto found = items_.find(externalId)) return *found;
    const std::int64_t id = nextItem_;
    batch_.items.push_back({id, batch_.addText(externalId), batch_.addText(categoryIfNew)});
    if (Status s = submitIfFull(); !s) return s.error();
    ++nextItem_;
    ++newItems_;
    items_.insert(externalId, id);
    return id;
}

std::optional<std::int64_t> BulkWriter::findItem(std::string_view externalId) const {
    return items_.find(externalId);
}

Result<std::int64_t> BulkWriter::upsertItem(const ItemRecord& item) {
    auto id = itemId(item.externalId);
    if (!id) return id;
    if (Status s = stage(); !s) return s.error();
    updateItem_.bind(1, *id).bind(2, item.title).bind(3, item.description).bind(4, item.category)
        .bind(5, item.brand).bind(6, item.price);
    if (item.available) updateItem_.bind(7, std::int64_t(*item.available ? 1 : 0));
    else updateItem_.bindNull(7);
    if (Status s = updateItem_.run(); !s) return s.error();
    return id;
}

Status BulkWriter::setItemCategoryAt(std::int64_t itemId, std::string_view category, std::int64_t time) {
    SS_TRY(stage());
    updateCategory_.bind(1, itemId).bind(2, category).bind(3, time);
    return updateCategory_.run();
}

Status BulkWriter::setItemAvailableAt(std::int64_t itemId, bool available, std::int64_t time) {
    SS_TRY(stage());
    updateAvailable_.bind(1, itemId).bind(2, std::int64_t(available ? 1 : 0)).bind(3, time);
    return updateAvailable_.run();
}

Status BulkWriter::setUserSegment(std::int64_t userId, std::string_view segment) {
    SS_TRY(stage());
    updateSegment_.bind(1, userId).bind(2, segment);
    return updateSegment_.run();
}

Status BulkWriter::setUserProperty(std::int64_t userId, std::string_view name, std::string_view value) {
    SS_TRY(stage());
    upsertProperty_.bind(1, userId).bind(2, name).bind(3, value);
    return upsertProperty_.run();
}

Status BulkWriter::addEvent(std::int64_t userId, std::int64_t itemId, EventType type, std::int64_t time,
                            std::optional<std::int64_t> quantity, std::optional<double> value) {
    batch_.events.push_back({userId, itemId, static_cast<std::int64_t>(type), time, quantity, value});
    return submitIfFull();
}

Status BulkWriter::addReject(std::int64_t line, std::string_view field, std::string_view reason, bool flaggedOnly) {
    batch_.rejects.push_back({line, batch_.addText(field), batch_.addText(reason), flaggedOnly});
    return submitIfFull();
}

Status BulkWriter::submitIfFull() {
    return batch_.rows() < kBatchRows ? Status{} : inserter_->submit(batch_);
}

Status BulkWriter::stage() {
    // A short remainder is stored right here: cheaper than waking the worker for it.
    return inserter_->write(batch_);
}

Status BulkWriter::flush(const JobContext& job) {
    SS_TRY(stage());
    auto merged = EventTable::mergeStaged(*db_, importId_, job);
    if (!merged) return merged.error();
    return {};
}

Result<bool> BulkWriter::addReview(const ReviewRecord& r) {
    // Content hash: the same review text by the same user for the same item at the same time is one
    // review (the 2018 Amazon release repeats it once per product variant); different texts are
    // different reviews. Text-less reviews are told apart by rating and title.
    Fnv1a hash;
    auto mix = [&hash](std::string_view s) { hash.add(s).addByte(0xFF); };  // 0xFF: the field separator
    if (!r.body.empty()) {
        mix(r.body);
    } else {
        mix(r.rating ? std::to_string(*r.rating) : std::string());
        mix(r.title);
        if (r.label) mix(std::to_string(*r.label));
    }
    if (Status s = stage(); !s) return s.error();
    insertReview_.bind(1, r.userId).bind(2, r.itemId).bind(3, r.rating).bind(4, r.title).bind(5, r.body)
        .bind(6, r.time).bind(7, importId_).bind(8, static_cast<std::int64_t>(hash.value() >> 1)).bind(9, r.label);
    if (Status s = insertReview_.run(); !s) return s.error();
    return db_->changes() > 0;
}

}  // namespace ss
