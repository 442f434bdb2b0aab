// Fixtures for the core/rec tests: tiny hand-checkable datasets, project files written through the
// store's BulkWriter, and a small sample shop.
#pragma once

#include <QTemporaryDir>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "../store/TestSupport.h"
#include "rec/Dataset.h"
#include "sample/SampleShop.h"
#include "store/BulkWriter.h"
#include "store/Project.h"

namespace rectest {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kT0 = 1700000000;  // 2023-11-14T22:13:20Z

inline ss::EventType V = ss::EventType::View, C = ss::EventType::Cart, F = ss::EventType::Favourite, P = ss::EventType::Purchase;

struct Row {
    int user, item;  // dense indices
    ss::EventType type;
    double day;      // days after kT0
};

inline ss::rec::Dataset dataset(int users, int items, const std::vector<Row>& rows) {
    std::vector<ss::rec::UserFacts> u;
    for (int i = 0; i < users; ++i) u.push_back({i + 1, "U" + std::to_string(i + 1)});
    std::vector<ss::rec::ItemFacts> it;
    for (int i = 0; i < items; ++i) {
        ss::rec::ItemFacts f;
        f.id = 100 + i;
        f.externalId = "I" + std::to_string(i + 1);
        f.category = i % 2 ? "Odd / 奇" : "Even / 偶";
        f.price = 10.0 * (i + 1);
        f.available = i != 3;
        it.push_back(f);
    }
    std::vector<ss::rec::Event> e;
    for (const Row& r : rows) e.push_back({r.user, r.item, r.type, kT0 + static_cast<std::int64_t>(r.day * kDay)});
    return ss::rec::Dataset::fromParts(std::move(u), std::move(it), std::move(e));
}

inline std::filesystem::path file(const QTemporaryDir& dir, const std::string& name) {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

// Writes the same facts and events into a project file (ids: users 1.., items 1.. in dense order).
inline ss::Status writeProject(const std::filesystem::path& path, const ss::rec::Dataset& d) {
    auto project = ss::Project::open(path);
    if (!project) return project.error();
    ss::Database& db = (*project)->db();
    ss::Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto writer = ss::BulkWriter::create(db, std::nullopt);
    if (!writer) return writer.error();
    std::vector<std::int64_t> userIds, itemIds;
    for (const auto& u : d.users()) {
        auto id = writer->userId(u.externalId);
        if (!id) return id.error();
        userIds.push_back(*id);
    }
    for (const auto& i : d.items()) {
        ss::ItemRecord r;
        r.externalId = i.externalId;
        r.category = i.category;
        r.price = i.price;
        r.available = i.available;
        r.title = "Item " + i.externalId;
        auto id = writer->upsertItem(r);
        if (!id) return id.error();
        itemIds.push_back(*id);
    }
    for (const auto& e : d.events()) SS_TRY(writer->addEvent(userIds[e.user], itemIds[e.item], e.type, e.time));
    SS_TRY(writer->flush());
    return tx.commit();
}

// A small sample shop (the generator's statistics, seeded) at dir/shop.shelfsense; empty path on failure.
// Tests that use it link ss_sample.
inline std::filesystem::path sampleShop(const QTemporaryDir& dir, int users, int items, int days = 150, std::uint64_t seed = 3) {
    const auto path = file(dir, "shop.shelfsense");
    ss::SampleShopOptions o;
    o.users = users;
    o.items = items;
    o.days = days;
    o.seed = seed;
    return ss::SampleShop::write(path, o, {}).ok() ? path : std::filesystem::path();
}

// The first column of the first row of a query on the project (-1 when it fails).
inline std::int64_t count(const std::filesystem::path& path, const char* sql) {
    auto p = ss::Project::open(path, ss::Database::Mode::ReadOnly);
    if (!p) return -1;
    auto n = (*p)->db().queryInt(sql);
    return n ? *n : -1;
}

}  // namespace rectest
