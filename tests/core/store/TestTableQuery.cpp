// TableQuery: the data browser's paged, sorted, filtered reads — counts and pages must agree with
// an independent computation over the same fixture.
#include <QtTest>

#include <algorithm>
#include <set>
#include <vector>

#include "TestSupport.h"
#include "store/BulkWriter.h"
#include "store/Project.h"
#include "store/TableQuery.h"

using namespace ss;

namespace {

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
};

struct ItemRow {
    const char* id;
    const char* title;
    const char* category;
    const char* brand;
    double price;
};

// Titles chosen so that text sorting and numeric sorting differ, and so that LIKE wildcards matter.
const ItemRow kItems[] = {
    {"A1", "Cotton Shirt", "Men", "Aurora", 9.5},
    {"A2", "100% cotton towel", "Bedding", "Lotus", 100},
    {"A3", "1000 thread sheets", "Bedding", "Lotus", 10},
    {"A4", "Wireless earbuds | 无线耳机", "Audio", "Jade", 59.99},
    {"A5", "snake_case mug", "Kitchen", "Maple", 12.25},
    {"A6", "snakeXcase plate", "Kitchen", "Maple", 3},
    {"A7", "Green tea 绿茶", "Tea", "Bamboo", 25},
};

// Every row through pages of `size` rows, each after the previous page's last row (ties of the sort
// key cross page boundaries with small pages).
std::vector<std::vector<std::string>> pageThrough(TableQuery& q, int column, bool asc, std::int64_t size) {
    std::vector<std::vector<std::string>> rows;
    std::optional<PageCursor> after;
    for (int guard = 0; guard < 1000; ++guard) {
        auto page = q.fetchPage("", column, asc, after, size);
        if (!page || page->rows.empty()) break;
        rows.insert(rows.end(), page->rows.begin(), page->rows.end());
        after = page->last;
    }
    return rows;
}

std::vector<std::vector<std::string>> fetchAll(TableQuery& q, const std::string& filter, int column, bool asc) {
    std::vector<std::vector<std::string>> rows;
    auto r = q.fetch(filter, column, asc, 0, 1000);
    if (r) rows = *r;
    return rows;
}

}  // namespace

class TestTableQuery : public QObject {
    Q_OBJECT

    Fixture f_;

private slots:
    void initTestCase() {
        QVERIFY(f_.dir.isValid());
        auto project = Project::open(std::filesystem::path(f_.dir.path().toStdString()) / "browse.shelfsense");
        SS_VERIFY_OK(project);
        f_.project = std::move(*project);
        Database& db = f_.project->db();
        Transaction tx(db);
        SS_VERIFY_OK(tx.begun());
        auto writer = BulkWriter::create(db, std::nullopt);
        SS_VERIFY_OK(writer);
        for (const auto& it : kItems) {
            ItemRecord r;
            r.externalId = it.id;
            r.title = it.title;
            r.category = it.category;
            r.brand = it.brand;
            r.price = it.price;
            r.available = true;
            SS_VERIFY_OK(writer->upsertItem(r));
        }
        // 30 users, each with events at distinct times; user k views item (k % 7).
        for (int k = 1; k <= 30; ++k) {
            char ext[16];
            std::snprintf(ext, sizeof ext, "user%02d", k);
            auto u = writer->userId(ext);
            SS_VERIFY_OK(u);
            SS_VERIFY_OK(writer->setUserSegment(*u, k % 3 == 0 ? "enthusiast" : "regular"));
            auto item = writer->findItem(kItems[k % 7].id);
            QVERIFY(item.has_value());
            const EventType type = k % 10 == 0 ? EventType::Purchase : k % 5 == 0 ? EventType::Cart : EventType::View;
            SS_VERIFY_OK(writer->addEvent(*u, *item, type, 1700000000 + k * 3600, k % 10 == 0 ? std::optional<std::int64_t>(2) : std::nullopt,
                                          k % 10 == 0 ? std::optional<double>(k * 1.5) : std::nullopt));
            if (k <= 4) {
                ReviewRecord rev{*u, *item, double(k), "title " + std::to_string(k), k == 2 ? "非常好 great" : "fine", 1700000000 + k * 86400};
                auto added = writer->addReview(rev);
                SS_VERIFY_OK(added);
                QVERIFY(*added);
            }
        }
        SS_VERIFY_OK(writer->flush());  // events are buffered in batches
        SS_VERIFY_OK(tx.commit());
    }

    void columnsCatalogue() {
        TableQuery items(f_.project->db(), BrowsableTable::Items);
        std::vector<std::string> keys;
        for (const auto& c : items.columns()) keys.push_back(c.key);
        QCOMPARE(keys, (std::vector<std::string>{"id", "external_id", "title", "category", "brand", "price", "available"}));
        QVERIFY(items.columns()[5].numeric);
        QVERIFY(!items.columns()[2].numeric);
        TableQuery events(f_.project->db(), BrowsableTable::Events);
        keys.clear();
        for (const auto& c : events.columns()) keys.push_back(c.key);
        QCOMPARE(keys, (std::vector<std::string>{"user", "item", "type", "time", "quantity", "value"}));
        TableQuery reviews(f_.project->db(), BrowsableTable::Reviews);
        QCOMPARE(reviews.columns().size(), std::size_t(6));
        TableQuery users(f_.project->db(), BrowsableTable::Users);
        QCOMPARE(users.columns().size(), std::size_t(3));
    }

    void countWithFilter_data() {
        QTest::addColumn<int>("table");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("items all") << int(BrowsableTable::Items) << "" << qint64(7);
        QTest::newRow("items case-insensitive") << int(BrowsableTable::Items) << "COTTON" << qint64(2);
        QTest::newRow("items by category") << int(BrowsableTable::Items) << "bedding" << qint64(2);
        QTest::newRow("items by brand") << int(BrowsableTable::Items) << "maple" << qint64(2);
        QTest::newRow("items by external id") << int(BrowsableTable::Items) << "A4" << qint64(1);
        QTest::newRow("items chinese") << int(BrowsableTable::Items) << "耳机" << qint64(1);
        QTest::newRow("items no match") << int(BrowsableTable::Items) << "zzz" << qint64(0);
        // Numeric columns are not searched: "59" appears only in a price.
        QTest::newRow("items price not text") << int(BrowsableTable::Items) << "59" << qint64(0);
        // A substring filter is literal: % and _ are characters, not wildcards.
        QTest::newRow("items literal percent") << int(BrowsableTable::Items) << "0%" << qint64(1);
        QTest::newRow("items literal underscore") << int(BrowsableTable::Items) << "e_c" << qint64(1);
        QTest::newRow("items injection") << int(BrowsableTable::Items) << "'; DROP TABLE items; --" << qint64(0);
        QTest::newRow("users all") << int(BrowsableTable::Users) << "" << qint64(30);
        QTest::newRow("users segment") << int(BrowsableTable::Users) << "enthusiast" << qint64(10);
        QTest::newRow("users prefix") << int(BrowsableTable::Users) << "user1" << qint64(10);
        QTest::newRow("events all") << int(BrowsableTable::Events) << "" << qint64(30);
        QTest::newRow("events by type name") << int(BrowsableTable::Events) << "purchase" << qint64(3);
        QTest::newRow("events by type cart") << int(BrowsableTable::Events) << "cart" << qint64(3);
        QTest::newRow("events by user") << int(BrowsableTable::Events) << "user07" << qint64(1);
        QTest::newRow("events by item") << int(BrowsableTable::Events) << "A3" << qint64(5);  // kItems[2]: k%7==2: 2,9,16,23,30
        QTest::newRow("reviews all") << int(BrowsableTable::Reviews) << "" << qint64(4);
        QTest::newRow("reviews text") << int(BrowsableTable::Reviews) << "非常" << qint64(1);
        QTest::newRow("reviews title") << int(BrowsableTable::Reviews) << "title" << qint64(4);
    }
    void countWithFilter() {
        QFETCH(int, table);
        QFETCH(QString, filter);
        QFETCH(qint64, expected);
        TableQuery q(f_.project->db(), static_cast<BrowsableTable>(table));
        auto n = q.count(filter.toStdString());
        SS_VERIFY_OK(n);
        QCOMPARE(qint64(*n), expected);
        // fetch agrees with count
        auto rows = q.fetch(filter.toStdString(), 0, true, 0, 1000);
        SS_VERIFY_OK(rows);
        QCOMPARE(qint64(rows->size()), expected);
        for (const auto& row : *rows) QCOMPARE(row.size(), q.columns().size());
    }

    void eventFilterPlansAgree_data() {
        QTest::addColumn<QString>("filter");
        QTest::newRow("one customer of 30: through the indexes") << "user07";
        QTest::newRow("a third of the customers: scan") << "user1";
        QTest::newRow("one item of seven: scan") << "A3";
        QTest::newRow("a behaviour name: scan") << "VIEW";
        QTest::newRow("nothing") << "zzz";
        QTest::newRow("ten customers: scan") << "user2";
    }
    void eventFilterPlansAgree() {
        // A rare filter finds its events through the customer and item indexes, a common one by scanning
        // in page order; either way the rows are exactly those the plain column match selects.
        QFETCH(QString, filter);
        const std::string f = filter.toStdString();
        auto expected = f_.project->db().prepare(
            "SELECT strftime('%Y-%m-%d %H:%M:%S', e.ts, 'unixepoch') FROM events e JOIN users u ON u.id=e.user_id"
            " JOIN items i ON i.id=e.item_id WHERE u.external_id LIKE ?1 OR i.external_id LIKE ?1 OR CASE e.type"
            " WHEN 1 THEN 'view' WHEN 2 THEN 'cart' WHEN 3 THEN 'favourite' WHEN 4 THEN 'purchase' END LIKE ?1 ORDER BY e.ts");
        SS_VERIFY_OK(expected);
        expected->bind(1, "%" + f + "%");
        std::vector<std::string> want;
        while (*expected->step()) want.push_back(expected->columnText(0));
        for (const bool ascending : {true, false}) {
            TableQuery q(f_.project->db(), BrowsableTable::Events);
            auto n = q.count(f);
            SS_VERIFY_OK(n);
            QCOMPARE(std::size_t(*n), want.size());
            auto rows = q.fetch(f, 3, ascending, 0, 1000);  // by time
            SS_VERIFY_OK(rows);
            std::vector<std::string> got;
            for (const auto& row : *rows) got.push_back(row[3]);
            if (!ascending) std::reverse(got.begin(), got.end());
            QCOMPARE(got, want);
        }
    }

    // Which index a filter lacks: the item's, when the filter names few items (here one of 40) and
    // item_id has no index; none for a customer, a behaviour, no filter, or another table — and none
    // once the index is there. The rows are the same either way.
    void filterIndexColumnNamesTheItemIndex_data() {
        QTest::addColumn<int>("table");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("wantsIndex");
        const int events = int(BrowsableTable::Events);
        QTest::newRow("one item of 40") << events << "item07" << true;
        QTest::newRow("one customer") << events << "shopper05" << false;
        QTest::newRow("a behaviour") << events << "cart" << false;
        QTest::newRow("no filter") << events << "" << false;
        QTest::newRow("nothing matches") << events << "zzz" << false;
        QTest::newRow("items table") << int(BrowsableTable::Items) << "item07" << false;
    }
    void filterIndexColumnNamesTheItemIndex() {
        QFETCH(int, table);
        QFETCH(QString, filter);
        QFETCH(bool, wantsIndex);
        QTemporaryDir dir;
        auto project = Project::open(std::filesystem::path(dir.path().toStdString()) / "items.shelfsense");
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        {
            Transaction tx(db);
            SS_VERIFY_OK(tx.begun());
            auto writer = BulkWriter::create(db, std::nullopt);
            SS_VERIFY_OK(writer);
            for (int k = 0; k < 40; ++k) {
                char item[16], user[16];
                std::snprintf(item, sizeof item, "item%02d", k);
                std::snprintf(user, sizeof user, "shopper%02d", k);
                ItemRecord r;
                r.externalId = item;
                SS_VERIFY_OK(writer->upsertItem(r));
                auto u = writer->userId(user);
                SS_VERIFY_OK(u);
                for (int e = 0; e < 3; ++e) {
                    auto i = writer->findItem(item);
                    QVERIFY(i.has_value());
                    SS_VERIFY_OK(writer->addEvent(*u, *i, e == 2 ? EventType::Cart : EventType::View, 1700000000 + k * 100 + e, std::nullopt, std::nullopt));
                }
            }
            SS_VERIFY_OK(writer->flush());
            SS_VERIFY_OK(tx.commit());
        }
        const std::string f = filter.toStdString();
        TableQuery q(db, BrowsableTable(table));
        auto before = q.filterIndexColumn(f);
        SS_VERIFY_OK(before);
        QCOMPARE(before->has_value(), wantsIndex);
        const auto rowsBefore = fetchAll(q, f, 3, true);
        if (!wantsIndex) return;
        QCOMPARE(**before, 1);
        QCOMPARE(TableQuery::columnsOf(BrowsableTable::Events)[std::size_t(**before)].key, std::string("item"));
        QCOMPARE(int(rowsBefore.size()), 3);
        SS_VERIFY_OK(q.createSortIndex(**before));
        TableQuery fresh(db, BrowsableTable(table));  // decisions are per filter and per query
        auto after = fresh.filterIndexColumn(f);
        SS_VERIFY_OK(after);
        QVERIFY(!after->has_value());
        QCOMPARE(fetchAll(fresh, f, 3, true), rowsBefore);
    }

    void sortBothWays_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("ascending");
        QTest::addColumn<QStringList>("expectedIds");
        // price is sorted as a number (text order would put 100 before 12.25 and 3 after 25)
        QTest::newRow("price asc") << 5 << true << QStringList{"A6", "A1", "A3", "A5", "A7", "A4", "A2"};
        QTest::newRow("price desc") << 5 << false << QStringList{"A2", "A4", "A7", "A5", "A3", "A1", "A6"};
        QTest::newRow("external id desc") << 1 << false << QStringList{"A7", "A6", "A5", "A4", "A3", "A2", "A1"};
        QTest::newRow("title asc (binary)") << 2 << true << QStringList{"A2", "A3", "A1", "A7", "A4", "A6", "A5"};
    }
    void sortBothWays() {
        QFETCH(int, column);
        QFETCH(bool, ascending);
        QFETCH(QStringList, expectedIds);
        TableQuery q(f_.project->db(), BrowsableTable::Items);
        const auto rows = fetchAll(q, "", column, ascending);
        QStringList ids;
        for (const auto& r : rows) ids << QString::fromStdString(r[1]);
        QCOMPARE(ids, expectedIds);
    }

    void pagingOffsets_data() {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<QString>("filter");
        QTest::newRow("page 1") << 1 << "";
        QTest::newRow("page 4") << 4 << "";
        QTest::newRow("page 7") << 7 << "";
        QTest::newRow("page 11 filtered") << 11 << "view";
        QTest::newRow("page 3 filtered") << 3 << "user2";
    }
    void pagingOffsets() {
        QFETCH(int, pageSize);
        QFETCH(QString, filter);
        TableQuery q(f_.project->db(), BrowsableTable::Events);
        const std::string fl = filter.toStdString();
        // time column descending: unique per row, so pages are well defined
        const auto all = fetchAll(q, fl, 3, false);
        auto total = q.count(fl);
        SS_VERIFY_OK(total);
        QCOMPARE(std::int64_t(all.size()), *total);
        QVERIFY(all.size() > 0);
        QVERIFY(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a[3] > b[3]; }));
        std::vector<std::vector<std::string>> joined;
        for (std::int64_t offset = 0; offset < *total + pageSize; offset += pageSize) {
            auto page = q.fetch(fl, 3, false, offset, pageSize);
            SS_VERIFY_OK(page);
            const std::int64_t expectedSize = std::clamp<std::int64_t>(*total - offset, 0, pageSize);
            QCOMPARE(std::int64_t(page->size()), expectedSize);
            joined.insert(joined.end(), page->begin(), page->end());
        }
        QVERIFY(joined == all);
    }

    void eventRowsAreReadable() {
        TableQuery q(f_.project->db(), BrowsableTable::Events);
        auto rows = q.fetch("purchase", 3, true, 0, 10);
        SS_VERIFY_OK(rows);
        QCOMPARE(rows->size(), std::size_t(3));
        const auto& first = rows->front();  // k = 10: user10, item kItems[3] = A4, at 1700000000 + 36000
        SS_COMPARE_STR(first[0], "user10");
        SS_COMPARE_STR(first[1], "A4");
        SS_COMPARE_STR(first[2], "purchase");
        SS_COMPARE_STR(first[3], "2023-11-15 08:13:20");
        SS_COMPARE_STR(first[4], "2");
        SS_COMPARE_STR(first[5], "15.0");
        auto views = q.fetch("user01", 0, true, 0, 10);
        SS_VERIFY_OK(views);
        QCOMPARE(views->size(), std::size_t(1));
        SS_COMPARE_STR((*views)[0][2], "view");
        SS_COMPARE_STR((*views)[0][4], "");  // NULL quantity shows empty
    }

    void eventPagesCrossSameSecondRows_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("indexed");
        for (int column : {-1, 0, 1, 2, 3})
            for (bool indexed : {false, true})
                QTest::addRow("column %d%s", column, indexed ? ", indexed" : "") << column << indexed;
    }
    void eventPagesCrossSameSecondRows() {
        // Events are identified by customer, time and sequence number: pages of 1 to 4 rows, where many
        // rows share a customer, a second, an item and a behaviour, give exactly the rows of one fetch,
        // in the order of the sort key and then that identity.
        QFETCH(int, column);
        QFETCH(bool, indexed);
        QTemporaryDir dir;
        auto project = Project::open(std::filesystem::path(dir.path().toStdString()) / "seconds.shelfsense");
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        SS_VERIFY_OK(db.exec("INSERT INTO users(id, external_id) VALUES(1, 'b'), (2, 'a');"
                             "INSERT INTO items(id, external_id) VALUES(1, 'x'), (2, 'y');"
                             "WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 23)"
                             " INSERT INTO events(user_id, ts, seq, item_id, type, quantity)"
                             " SELECT 1 + k % 2, 1700000000 + k / 8, k / 2 % 4, 1 + k / 3 % 2, 1 + k / 5 % 2, k FROM n;"));
        TableQuery q(db, BrowsableTable::Events);
        if (indexed && column >= 0) SS_VERIFY_OK(q.createSortIndex(column));
        for (bool ascending : {true, false}) {
            const auto all = fetchAll(q, "", column, ascending);
            QCOMPARE(all.size(), std::size_t(24));
            std::set<std::string> quantities;
            for (const auto& row : all) quantities.insert(row[4]);
            QCOMPARE(quantities.size(), std::size_t(24));  // every row once
            for (std::int64_t size : {1, 2, 3, 4}) QCOMPARE(pageThrough(q, column, ascending, size), all);
        }
        // Storage order is customer, then time, then arrival.
        const auto stored = fetchAll(q, "", -1, true);
        QCOMPARE(stored.front()[0], std::string("b"));
        QCOMPARE(stored.front()[4], std::string("0"));
        QCOMPARE(stored[1][4], std::string("2"));
        QCOMPARE(stored.back()[0], std::string("a"));
        QCOMPARE(stored.back()[4], std::string("23"));
    }

    void reviewRowsAreReadable() {
        TableQuery q(f_.project->db(), BrowsableTable::Reviews);
        auto rows = q.fetch("", 2, false, 0, 10);  // rating descending
        SS_VERIFY_OK(rows);
        QCOMPARE(rows->size(), std::size_t(4));
        SS_COMPARE_STR((*rows)[0][0], "user04");
        SS_COMPARE_STR((*rows)[0][2], "4.0");
        SS_COMPARE_STR((*rows)[3][2], "1.0");
        SS_COMPARE_STR((*rows)[2][4], "非常好 great");
        SS_COMPARE_STR((*rows)[0][5], "2023-11-18");
    }

    void outOfRangeSortColumnIsIgnored() {
        TableQuery q(f_.project->db(), BrowsableTable::Items);
        auto rows = q.fetch("", 99, true, 0, 100);
        SS_VERIFY_OK(rows);
        QCOMPARE(rows->size(), std::size_t(7));
        rows = q.fetch("", -1, false, 2, 2);
        SS_VERIFY_OK(rows);
        QCOMPARE(rows->size(), std::size_t(2));
    }

    void tablesIntactAfterHostileFilters() {
        auto n = f_.project->db().queryInt("SELECT count(*) FROM items");
        SS_VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(7));
    }

    // Last (it adds indexes to the fixture). Every column of every table: whether its order reads an
    // index, as the import leaves the tables (events clustered by customer and time, no other index); after createSortIndex() every order does, and gives the
    // same rows both ways. The row estimate is the table's size.
    void sortIndexServesEveryColumn_data() {
        QTest::addColumn<int>("table");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("indexedBefore");
        QTest::addColumn<int>("rows");
        const int items = int(BrowsableTable::Items), users = int(BrowsableTable::Users), events = int(BrowsableTable::Events),
                  reviews = int(BrowsableTable::Reviews);
        const bool served[4][7] = {{true, true, false, false, false, false, false},   // items: id, external_id
                                   {true, true, false},                               // users: id, external_id
                                   {true, false, false, false, false, false},         // events: by customer (their key)
                                   {true, true, false, false, false, false}};         // reviews: user, item
        const int size[4] = {7, 30, 30, 4};
        for (int t : {items, users, events, reviews}) {
            const auto& columns = TableQuery::columnsOf(BrowsableTable(t));
            for (int c = 0; c < int(columns.size()); ++c)
                QTest::addRow("%s", TableQuery::sortIndexName(BrowsableTable(t), c).c_str()) << t << c << served[t][c] << size[t];
        }
    }
    void sortIndexServesEveryColumn() {
        QFETCH(int, table);
        QFETCH(int, column);
        QFETCH(bool, indexedBefore);
        QFETCH(int, rows);
        TableQuery q(f_.project->db(), BrowsableTable(table));
        auto before = q.sortPlan(column);
        SS_VERIFY_OK(before);
        QCOMPARE(before->usesIndex, indexedBefore);
        QCOMPARE(before->approximateRows, std::int64_t(rows));
        const auto ascending = fetchAll(q, "", column, true), descending = fetchAll(q, "", column, false);
        QCOMPARE(int(ascending.size()), rows);
        for (std::int64_t size : {1, 2, 3}) {
            QCOMPARE(pageThrough(q, column, true, size), ascending);
            QCOMPARE(pageThrough(q, column, false, size), descending);
        }
        SS_VERIFY_OK(q.createSortIndex(column));
        SS_VERIFY_OK(q.createSortIndex(column));  // again: nothing to do
        auto after = q.sortPlan(column);
        SS_VERIFY_OK(after);
        QVERIFY(after->usesIndex);
        QCOMPARE(fetchAll(q, "", column, true), ascending);
        QCOMPARE(fetchAll(q, "", column, false), descending);
        QCOMPARE(pageThrough(q, column, true, 2), ascending);
        QCOMPARE(pageThrough(q, column, false, 1), descending);
        QCOMPARE(q.sortPlan(99).error().code, ErrorCode::Usage);
        QCOMPARE(q.createSortIndex(-1).error().code, ErrorCode::Usage);
    }
};

QTEST_APPLESS_MAIN(TestTableQuery)
#include "TestTableQuery.moc"
