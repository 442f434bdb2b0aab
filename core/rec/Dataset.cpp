#include "rec/Dataset.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>
#include <cstdio>
#include <tuple>

#include "common/BucketSort.h"
#include "common/Hash.h"
#include "common/HugePages.h"
#include "common/JobStages.h"
#include "store/Project.h"
#include "store/EventTable.h"

namespace ss::rec {


Result<Dataset> Dataset::load(const std::filesystem::path& path, const JobContext& context, std::int64_t parallelFrom) {
    auto project = Project::open(path, Database::Mode::ReadOnly);  // refuses a missing file
    if (!project) return project.error();
    Database& db = (*project)->db();
    // One read transaction: users, items and events from the same state of the file.
    SS_TRY(db.exec("BEGIN"));
    Dataset d;
    context.report(-1, stages::kReadingUsersAndItems);
    {
        auto stmt = db.prepare("SELECT id, external_id FROM users ORDER BY id");
        if (!stmt) return stmt.error();
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            d.users_.push_back({stmt->columnInt(0), stmt->columnText(1)});
        }
    }
    {
        auto stmt = db.prepare("SELECT id, external_id, category, price, available FROM items ORDER BY id");
        if (!stmt) return stmt.error();
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            ItemFacts f;
            f.id = stmt->columnInt(0);
            f.externalId = stmt->columnText(1);
            if (!stmt->columnIsNull(2)) f.category = stmt->columnText(2);
            if (!stmt->columnIsNull(3)) f.price = stmt->columnDouble(3);
            if (!stmt->columnIsNull(4)) f.available = stmt->columnInt(4) != 0;
            d.items_.push_back(std::move(f));
        }
    }
    d.indexIds();

    auto total = EventTable::count(db);
    if (!total) return total.error();
    reserveHugePages(d.events_, static_cast<std::size_t>(*total));
    // The events are clustered by customer: with millions of them, the second half of the customers
    // is read on a second connection and thread at the same time (the scan is SQLite's work per row,
    // so it halves). Both connections hold a read transaction, and the halves are only used together
    // if both saw the same events (count and latest import): a write between the two openings falls
    // back to one reader.
    std::unique_ptr<Project> second;
    std::int64_t splitAt = std::numeric_limits<std::int64_t>::max();
    const auto state = [](Database& on) -> Result<std::string> {
        auto events = EventTable::count(on);
        if (!events) return events.error();
        auto imports = on.queryInt("SELECT coalesce(max(id), 0) FROM imports");
        if (!imports) return imports.error();
        return std::to_string(*events) + "/" + std::to_string(*imports);
    };
    if (*total >= parallelFrom && std::thread::hardware_concurrency() > 1 && d.users_.size() > 1) {
        auto opened = Project::open(path, Database::Mode::ReadOnly);
        if (!opened) return opened.error();
        SS_TRY((*opened)->db().exec("BEGIN"));
        auto mine = state(db), theirs = state((*opened)->db());
        if (!mine) return mine.error();
        if (!theirs) return theirs.error();
        if (*mine == *theirs) {
            second = std::move(*opened);
            splitAt = d.users_[d.users_.size() / 2].id;
        }
    }
    std::atomic<std::int64_t> read{0};
    std::atomic<bool> stop{false};
    // Reads the events of customers with ids in [from, to) into `out`; only the calling thread reports.
    const auto readRange = [&](Database& on, std::int64_t from, std::int64_t to, std::vector<Event>& out, bool reports) -> Status {
        auto stmt = on.prepare("SELECT user_id, item_id, type, ts FROM events WHERE user_id >= ?1 AND user_id < ?2");
        if (!stmt) return stmt.error();
        stmt->bind(1, from).bind(2, to);
        std::int64_t n = 0;
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            if ((++n & 0xFFFF) == 0) {
                const auto sofar = read.fetch_add(0x10000) + 0x10000;
                if (stop || context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while reading events");
                if (reports) context.report(*total ? std::min(1.0, double(sofar) / double(*total)) : 1.0, stages::kReadingEvents);
            }
            const auto type = stmt->columnInt(2);
            if (type < 1 || type > 4) continue;  // a behaviour this version does not know
            const auto u = d.userIndex_.find(stmt->columnInt(0));
            const auto i = d.itemIndex_.find(stmt->columnInt(1));
            if (!u || !i) continue;  // foreign keys make this unreachable
            out.push_back({*u, *i, static_cast<EventType>(type), stmt->columnInt(3)});
        }
        return {};
    };
    const std::int64_t lowest = std::numeric_limits<std::int64_t>::min(), highest = std::numeric_limits<std::int64_t>::max();
    if (!second) {
        SS_TRY(readRange(db, lowest, highest, d.events_, true));
    } else {
        std::vector<Event> upper;
        reserveHugePages(upper, static_cast<std::size_t>(*total / 2 + *total / 8));
        Status upperStatus;
        std::thread helper([&] {
            upperStatus = readRange(second->db(), splitAt, highest, upper, false);
            if (!upperStatus) stop = true;
        });
        Status lowerStatus = readRange(db, lowest, splitAt, d.events_, true);
        if (!lowerStatus) stop = true;
        helper.join();
        // A reader that failed stopped the other: its error is the one to report, not the stop.
        for (const Status* status : {&lowerStatus, &upperStatus})
            if (!*status && status->error().code != ErrorCode::Cancelled) return status->error();
        SS_TRY(lowerStatus);
        SS_TRY(upperStatus);
        d.events_.insert(d.events_.end(), upper.begin(), upper.end());
    }
    context.report(-1, stages::kSortingEventsByTime);
    d.finish();
    return d;
}

Dataset Dataset::fromParts(std::vector<UserFacts> users, std::vector<ItemFacts> items, std::vector<Event> events) {
    Dataset d;
    d.users_ = std::move(users);
    d.items_ = std::move(items);
    d.events_ = std::move(events);
    d.indexIds();
    d.finish();
    return d;
}

void Dataset::indexIds() {
    std::vector<std::int64_t> ids;
    ids.reserve(users_.size());
    for (const auto& u : users_) ids.push_back(u.id);
    userIndex_ = IdIndex(ids);
    ids.clear();
    for (const auto& i : items_) ids.push_back(i.id);
    itemIndex_ = IdIndex(ids);
}

void Dataset::finish() {
    const auto byTime = [](const Event& a, const Event& b) {
        return std::tie(a.time, a.user, a.item, a.type) < std::tie(b.time, b.user, b.item, b.type);
    };
    // By second with radix passes, then each second's few events by the full order: at 100M events
    // 6.0-6.7 s against the comparison sort's 7.0-9.3 s here (ss-bench-sort, bench/scale/README.md).
    if (!events_.empty()) {
        const auto [earliest, latest] = std::minmax_element(events_.begin(), events_.end(),
                                                            [](const Event& a, const Event& b) { return a.time < b.time; });
        const std::int64_t first = earliest->time;
        const auto span = static_cast<std::uint64_t>(latest->time) - static_cast<std::uint64_t>(first) + 1;
        bucketSort(events_, span, [first](const Event& e) { return static_cast<std::uint64_t>(e.time) - static_cast<std::uint64_t>(first); }, byTime);
    }
    // FNV-1a, a 64-bit word per step, over the id maps and the sorted events (the ids copied out of the
    // facts first, so the loop over the events reads two small arrays). Bytewise it took ~10 s for a
    // hundred million events; a word per step, about a second.
    std::vector<std::uint64_t> userIds, itemIds;
    userIds.reserve(users_.size());
    itemIds.reserve(items_.size());
    for (const auto& u : users_) userIds.push_back(static_cast<std::uint64_t>(u.id));
    for (const auto& i : items_) itemIds.push_back(static_cast<std::uint64_t>(i.id));
    Fnv1a hash;
    for (auto id : userIds) hash.addWord(id);
    for (auto id : itemIds) hash.addWord(id);
    for (const Event& e : events_) {
        hash.addWord(userIds[static_cast<std::size_t>(e.user)]);
        hash.addWord(itemIds[static_cast<std::size_t>(e.item)]);
        hash.addWord(static_cast<std::uint64_t>(e.type));
        hash.addWord(static_cast<std::uint64_t>(e.time));
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash.value()));
    fingerprint_ = "events=" + std::to_string(events_.size()) + " users=" + std::to_string(users_.size()) +
                   " items=" + std::to_string(items_.size()) + " fnv64w=" + hex;
}

std::optional<int> Dataset::userIndex(std::int64_t id) const { return userIndex_.find(id); }

std::optional<int> Dataset::itemIndex(std::int64_t id) const { return itemIndex_.find(id); }

std::optional<int> Dataset::userByExternalId(const std::string& externalId) const {
    for (std::size_t i = 0; i < users_.size(); ++i)
        if (users_[i].externalId == externalId) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<int> Dataset::itemByExternalId(const std::string& externalId) const {
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (items_[i].externalId == externalId) return static_cast<int>(i);
    return std::nullopt;
}

}  // namespace ss::rec
