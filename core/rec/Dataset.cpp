#include "rec/Dataset.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "common/Hash.h"
#include "common/JobStages.h"
#include "common/Parallel.h"
#include "store/Project.h"
#include "store/EventTable.h"

namespace ss::rec {

Result<Dataset> Dataset::load(const std::filesystem::path& path, const JobContext& context) {
    auto project = Project::open(path, Database::Mode::ReadOnly);  // refuses a missing file
    if (!project) return project.error();
    Database& db = (*project)->db();
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
    d.events_.reserve(static_cast<std::size_t>(*total));
    auto stmt = db.prepare("SELECT user_id, item_id, type, ts FROM events");
    if (!stmt) return stmt.error();
    std::int64_t n = 0;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        if ((++n & 0xFFFF) == 0) {
            if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while reading events");
            context.report(*total ? std::min(1.0, double(n) / double(*total)) : 1.0, stages::kReadingEvents);
        }
        const auto type = stmt->columnInt(2);
        if (type < 1 || type > 4) continue;  // a behaviour this version does not know
        const auto u = d.userIndex_.find(stmt->columnInt(0));
        const auto i = d.itemIndex_.find(stmt->columnInt(1));
        if (!u || !i) continue;  // foreign keys make this unreachable
        d.events_.push_back({*u, *i, static_cast<EventType>(type), stmt->columnInt(3)});
    }
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
    parallelSort(events_, [](const Event& a, const Event& b) {
        return std::tie(a.time, a.user, a.item, a.type) < std::tie(b.time, b.user, b.item, b.type);
    });
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
