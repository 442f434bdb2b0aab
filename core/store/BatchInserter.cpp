#include "BatchInserter.h"

#include <string>

#include "EventTable.h"

namespace ss {
namespace {
// Events go in multi-row INSERTs: the statement set-up is paid once for this many rows. They are
// staged, in arrival order, for EventTable::mergeStaged.
constexpr std::size_t kEventBlock = 128;
const std::string kEventColumns = std::string("INSERT INTO ") + EventTable::kStagingTable + "(" + EventTable::kStagingColumns + ") VALUES";
}  // namespace

Result<std::unique_ptr<BatchInserter>> BatchInserter::create(Database& db, std::optional<std::int64_t> importId) {
    std::unique_ptr<BatchInserter> inserter(new BatchInserter(importId));
    std::string block = kEventColumns;
    for (std::size_t i = 0; i < kEventBlock; ++i) block += i ? ",(?,?,?,?,?,?)" : "(?,?,?,?,?,?)";
    const struct { Statement* target; std::string sql; } statements[] = {
        {&inserter->insertUser_, "INSERT INTO users(id, external_id) VALUES(?1, ?2)"},
        {&inserter->insertItem_, "INSERT INTO items(id, external_id, category) VALUES(?1, ?2, ?3)"},
        {&inserter->insertEvent_, kEventColumns + "(?1,?2,?3,?4,?5,?6)"},
        {&inserter->insertEventBlock_, block},
        {&inserter->insertReject_,
         "INSERT INTO import_rejects(import_id, line, field, reason, flagged_only) VALUES(?1,?2,?3,?4,?5)"},
    };
    for (const auto& [target, sql] : statements) {
        auto stmt = db.prepare(sql);
        if (!stmt) return stmt.error();
        *target = std::move(*stmt);
    }
    inserter->worker_ = std::thread([raw = inserter.get()] { raw->work(); });
    return inserter;
}

BatchInserter::~BatchInserter() {
    {
        std::unique_lock lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

Status BatchInserter::submit(InsertBatch& batch) {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !busy_; });
    if (!error_) {
        batch.clear();
        return error_;
    }
    std::swap(inFlight_, batch);
    batch.clear();
    busy_ = true;
    lock.unlock();
    wake_.notify_all();
    return {};
}

Status BatchInserter::drain() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !busy_; });
    return error_;
}

Status BatchInserter::write(InsertBatch& batch) {
    SS_TRY(drain());
    Status s = store(batch);
    batch.clear();
    return s;
}

void BatchInserter::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return busy_ || stopping_; });
        if (!busy_) return;  // stopping with nothing in flight
        lock.unlock();
        Status s = store(inFlight_);
        lock.lock();
        if (!s && error_) error_ = s;
        busy_ = false;
        wake_.notify_all();
    }
}

Status BatchInserter::store(const InsertBatch& batch) {
    for (const auto& u : batch.users) {
        insertUser_.bind(1, u.id).bind(2, batch.text(u.externalId));
        SS_TRY(insertUser_.run());
    }
    for (const auto& item : batch.items) {
        insertItem_.bind(1, item.id).bind(2, batch.text(item.externalId));
        if (item.category.length == 0) insertItem_.bindNull(3);
        else insertItem_.bind(3, batch.text(item.category));
        SS_TRY(insertItem_.run());
    }
    std::size_t e = 0;
    for (; e + kEventBlock <= batch.events.size(); e += kEventBlock) {
        int p = 1;
        for (std::size_t i = e; i < e + kEventBlock; ++i, p += 6) {
            const auto& ev = batch.events[i];
            insertEventBlock_.bind(p, ev.user).bind(p + 1, ev.item).bind(p + 2, ev.type).bind(p + 3, ev.time)
                .bind(p + 4, ev.quantity).bind(p + 5, ev.value);
        }
        SS_TRY(insertEventBlock_.run());
    }
    for (; e < batch.events.size(); ++e) {
        const auto& ev = batch.events[e];
        insertEvent_.bind(1, ev.user).bind(2, ev.item).bind(3, ev.type).bind(4, ev.time).bind(5, ev.quantity)
            .bind(6, ev.value);
        SS_TRY(insertEvent_.run());
    }
    for (const auto& r : batch.rejects) {
        insertReject_.bind(1, importId_).bind(2, r.line).bind(3, batch.text(r.field)).bind(4, batch.text(r.reason))
            .bind(5, std::int64_t(r.flaggedOnly ? 1 : 0));
        SS_TRY(insertReject_.run());
    }
    return {};
}

}  // namespace ss
