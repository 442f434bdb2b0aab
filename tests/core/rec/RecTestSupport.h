// Fixtures for the core/rec tests: tiny hand-checkable datasets, project files written through the
// store's BulkWriter, and a small sample shop.
#pragma once

#include <QTemporaryDir>

#include <filesystem>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "rec/Dataset.h"
#include "rec/Dense.h"
#include "rec/Interactions.h"
#include "rec/Recommender.h"
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

// A matrix of the given rows (all of one length).
inline ss::rec::DenseMatrix matrixOfRows(const std::vector<std::vector<float>>& rows) {
    ss::rec::DenseMatrix m(static_cast<int>(rows.size()), static_cast<int>(rows.front().size()));
    for (std::size_t r = 0; r < rows.size(); ++r) std::copy(rows[r].begin(), rows[r].end(), m.row(static_cast<int>(r)));
    return m;
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
inline std::int64_t count(const std::filesystem::path& path, const char* sql) { return sstest::countRows(path, sql); }

// 4 users, 6 items, shared by the split and evaluation tests. Cut-off at day 5 for the temporal cases.
//  U0: view I0 d1, purchase I0 d1, view I1 d2 | purchase I1 d6 (known), view I2 d7, purchase I2 d7
//  U1: view I1 d3                               | purchase I4 d8 (I4 new: cold item)
//  U2:                                          | view I3 d6, purchase I3 d6 (cold user, I3 cold)
//  U3: purchase I0 d4                           | (no test)
inline ss::rec::Dataset splitFixture() {
    return dataset(4, 6, {{0, 0, V, 1}, {0, 0, P, 1.01}, {0, 1, V, 2}, {1, 1, V, 3}, {3, 0, P, 4}, {0, 1, P, 6},
                          {2, 3, V, 6.1}, {2, 3, P, 6.2}, {0, 2, V, 7}, {0, 2, P, 7.01}, {1, 4, P, 8}});
}

// Recommender fixtures shared by TestRecommenders and TestAls.
inline std::shared_ptr<const ss::rec::Interactions> views(int users, int items, const std::vector<std::pair<int, int>>& pairs) {
    std::vector<ss::rec::Event> e;
    for (auto [u, i] : pairs) e.push_back({u, i, ss::EventType::View, kT0});
    return std::make_shared<ss::rec::Interactions>(ss::rec::Interactions::fromTriples(users, items, e, ss::rec::BehaviourWeights{}));
}

inline std::vector<float> scores(const ss::rec::Recommender& m, int user) {
    std::vector<float> out(static_cast<std::size_t>(m.items()));
    const std::int32_t u = user;
    m.scoreBlock(std::span<const std::int32_t>(&u, 1), out.data());
    return out;
}

inline ss::rec::CsrMatrix csr(int rows, int cols, const std::vector<std::tuple<int, int, float>>& entries) {
    ss::rec::CsrMatrix m;
    m.rows = rows;
    m.cols = cols;
    m.indptr.assign(static_cast<std::size_t>(rows) + 1, 0);
    for (auto [r, c, v] : entries) {
        m.indices.push_back(c);
        m.values.push_back(v);
        ++m.indptr[r + 1];
    }
    for (int r = 0; r < rows; ++r) m.indptr[r + 1] += m.indptr[r];
    return m;
}

// Block-structured implicit data: users 0..19 like items 0..9, users 20..39 like items 10..19.
inline std::shared_ptr<const ss::rec::Interactions> blocks(std::uint64_t seed) {
    std::mt19937_64 g(seed);
    std::vector<std::pair<int, int>> pairs;
    for (int u = 0; u < 40; ++u)
        for (int i = 0; i < 10; ++i)
            if (g() % 100 < 45) pairs.emplace_back(u, (u < 20 ? 0 : 10) + i);
    return views(40, 20, pairs);
}

}  // namespace rectest
