// SampleShop: determinism, sizes, bilingual catalogue, acquisition waves, funnel, ratings that follow
// item quality, review tone, and churn that depends on segment and on the first purchase's review.
// Statistical checks measure the written data (never the generator's internals) with wide margins.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>
#include <numeric>
#include <vector>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "sample/SampleShop.h"
#include "store/EventType.h"
#include "store/Project.h"

using namespace ss;

namespace {

constexpr std::int64_t kDay = 86400;

std::filesystem::path file(const QTemporaryDir& dir, const std::string& name) {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

bool hasCjk(const std::string& s) {
    for (QChar c : QString::fromStdString(s))
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
    return false;
}

bool hasLatin(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

bool containsAny(const QString& text, const QStringList& words) {
    for (const auto& w : words)
        if (text.contains(w, Qt::CaseInsensitive)) return true;
    return false;
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = double(x.size());
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

// Two-proportion z statistic for p1 > p2.
double zScore(double k1, double n1, double k2, double n2) {
    const double p1 = k1 / n1, p2 = k2 / n2, p = (k1 + k2) / (n1 + n2);
    return (p1 - p2) / std::sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
}

// Runs a query and calls f for each row.
template <typename F>
void forEachRow(Database& db, const std::string& sql, F&& f) {
    auto stmt = db.prepare(sql);
    QVERIFY2(stmt.ok(), stmt.ok() ? "" : stmt.error().describe().c_str());
    for (;;) {
        auto r = stmt->step();
        QVERIFY(r.ok());
        if (!*r) break;
        f(*stmt);
    }
}

const QStringList kNegative = {"terrible", "waste", "disappointed", "awful", "poor", "damaged", "cheap", "flimsy",
                               "not what i expected", "returned", "差", "浪费", "失望", "退货", "不好", "破损", "粗糙", "不符"};
const QStringList kPositive = {"excellent", "love", "best", "fantastic", "highly recommend", "amazing",
                               "非常棒", "喜欢", "最好", "推荐", "惊艳"};

}  // namespace

class TestSampleShop : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::filesystem::path shop_;
    SampleShopOptions options_;  // the defaults: 5000 users, 2000 items, 210 days, seed 42
    SampleShopSummary summary_;
    std::unique_ptr<Project> project_;

    std::int64_t scalar(const std::string& sql) {
        auto v = project_->db().queryInt(sql);
        return v ? *v : -1;
    }
    std::int64_t end() const { return options_.startTime + std::int64_t(options_.days) * kDay; }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        shop_ = file(dir_, "shop.shelfsense");
        auto summary = SampleShop::write(shop_, options_, JobContext{});
        SS_VERIFY_OK(summary);
        summary_ = *summary;
        auto project = Project::open(shop_, Database::Mode::ReadOnly);
        SS_VERIFY_OK(project);
        project_ = std::move(*project);
    }

    void summaryMatchesContent() {
        auto stats = project_->stats();
        SS_VERIFY_OK(stats);
        QCOMPARE(stats->items, summary_.items);
        QCOMPARE(stats->users, summary_.users);
        QCOMPARE(stats->events, summary_.events);
        QCOMPARE(stats->reviews, summary_.reviews);
        // Sizes as requested: every item and user exists; nearly every user did something.
        QCOMPARE(stats->items, std::int64_t(options_.items));
        QCOMPARE(stats->users, std::int64_t(options_.users));
        QVERIFY(scalar("SELECT count(DISTINCT user_id) FROM events") >= options_.users * 95 / 100);
        QVERIFY(scalar("SELECT count(DISTINCT item_id) FROM events") >= options_.items * 80 / 100);
        // Activity in proportion: tens of events per user, a review for a fair share of purchases.
        QVERIFY2(stats->events > 10 * options_.users && stats->events < 200 * options_.users, qPrintable(QString::number(stats->events)));
        QVERIFY(stats->reviews > stats->eventsByType[int(EventType::Purchase)] / 10);
        QVERIFY(stats->reviews < stats->eventsByType[int(EventType::Purchase)]);
        // Everything inside the requested period.
        QVERIFY(*stats->firstEvent >= options_.startTime);
        QVERIFY(*stats->lastEvent < end());
        QVERIFY(*stats->firstReview >= options_.startTime);
        QVERIFY(*stats->lastReview < end());
        // Project settings say what this file is.
        SS_COMPARE_STR(project_->setting("project.kind")->value_or(""), "sample");
        SS_COMPARE_STR(project_->setting("project.timezone")->value_or(""), "Asia/Shanghai");
        SS_COMPARE_STR(project_->setting("sample.seed")->value_or(""), "42");
    }

    void determinism() {
        QTemporaryDir dir;
        SampleShopOptions small;
        small.users = 400;
        small.items = 150;
        small.days = 90;
        small.seed = 7;
        const auto a = file(dir, "a.shelfsense"), b = file(dir, "b.shelfsense"), c = file(dir, "c.shelfsense");
        SS_VERIFY_OK(SampleShop::write(a, small, JobContext{}));
        SS_VERIFY_OK(SampleShop::write(b, small, JobContext{}));
        small.seed = 8;
        SS_VERIFY_OK(SampleShop::write(c, small, JobContext{}));
        const std::string da = sstest::dumpProject(a), db = sstest::dumpProject(b), dc = sstest::dumpProject(c);
        QVERIFY(da.find("ERROR") == std::string::npos);
        QVERIFY(da.size() > 10000);
        QVERIFY2(da == db, "same seed, different content");  // byte-for-byte the same rows
        QVERIFY(da != dc);
        // Not just the seed setting: the data itself differs.
        QVERIFY(sstest::countRows(a, "SELECT count(*) FROM events") != sstest::countRows(c, "SELECT count(*) FROM events") ||
                sstest::countRows(a, "SELECT sum(ts) FROM events") != sstest::countRows(c, "SELECT sum(ts) FROM events"));
    }

    void optionsAreRespected_data() {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("days");
        QTest::newRow("small") << 50 << 22 << 28;
        QTest::newRow("wide catalogue") << 200 << 1000 << 60;
    }
    void optionsAreRespected() {
        QFETCH(int, users);
        QFETCH(int, items);
        QFETCH(int, days);
        QTemporaryDir dir;
        SampleShopOptions o;
        o.users = users;
        o.items = items;
        o.days = days;
        o.startTime = 1704067200;  // 2024-01-01
        const auto path = file(dir, "o.shelfsense");
        auto summary = SampleShop::write(path, o, JobContext{});
        SS_VERIFY_OK(summary);
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM users"), std::int64_t(users));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM items"), std::int64_t(items));
        QVERIFY(sstest::countRows(path, "SELECT min(ts) FROM events") >= o.startTime);
        QVERIFY(sstest::countRows(path, "SELECT max(ts) FROM events") < o.startTime + days * kDay);
        QVERIFY(sstest::countRows(path, "SELECT max(ts) FROM reviews") < o.startTime + days * kDay);
    }

    void invalidOptionsAndOccupiedProject() {
        QTemporaryDir dir;
        for (auto [users, items, days] : {std::tuple{0, 100, 100}, std::tuple{10, 21, 100}, std::tuple{10, 100, 27}}) {
            SampleShopOptions o;
            o.users = users;
            o.items = items;
            o.days = days;
            auto r = SampleShop::write(file(dir, "bad.shelfsense"), o, JobContext{});
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::Usage);
        }
        // A project that already holds data is refused and left as it was.
        const std::string before = sstest::dumpProject(shop_);
        SampleShopOptions o;
        o.users = 10;
        o.items = 30;
        o.days = 30;
        project_.reset();
        auto again = SampleShop::write(shop_, o, JobContext{});
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::InputData);
        QVERIFY(again.error().describe().find(shop_.string()) != std::string::npos);
        SS_COMPARE_STR(sstest::dumpProject(shop_), before);
        auto project = Project::open(shop_, Database::Mode::ReadOnly);
        SS_VERIFY_OK(project);
        project_ = std::move(*project);
    }

    void cancelLeavesProjectEmpty() {
        QTemporaryDir dir;
        const auto path = file(dir, "cancel.shelfsense");
        std::stop_source stop;
        JobContext context;
        context.stop = stop.get_token();
        int calls = 0;
        context.progress = [&](const JobProgress&) {
            if (++calls == 3) stop.request_stop();  // mid-way, after rows were written
        };
        auto r = SampleShop::write(path, options_, context);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(calls >= 3);
        for (const char* t : {"items", "users", "events", "reviews", "settings"})
            QCOMPARE(sstest::countRows(path, std::string("SELECT count(*) FROM ") + t), std::int64_t(0));
        // The emptied file accepts a sample afterwards.
        SampleShopOptions small;
        small.users = 20;
        small.items = 30;
        small.days = 30;
        SS_VERIFY_OK(SampleShop::write(path, small, JobContext{}));
    }

    void bilingualCatalogue() {
        std::map<std::string, int> perCategory;
        int items = 0, bilingualTitles = 0, bilingualDescriptions = 0, priced = 0, branded = 0;
        forEachRow(project_->db(), "SELECT title, description, category, brand, price FROM items", [&](Statement& s) {
            ++items;
            const std::string title = s.columnText(0), description = s.columnText(1), category = s.columnText(2);
            bilingualTitles += hasCjk(title) && hasLatin(title);
            bilingualDescriptions += hasCjk(description) && hasLatin(description);
            ++perCategory[category];
            priced += !s.columnIsNull(4) && s.columnDouble(4) > 0;
            branded += !s.columnText(3).empty();
        });
        QCOMPARE(items, options_.items);
        QCOMPARE(bilingualTitles, items);
        QCOMPARE(bilingualDescriptions, items);
        QCOMPARE(priced, items);
        QCOMPARE(branded, items);
        // About twenty categories, each named in both languages, each with a fair share of the items.
        QVERIFY2(perCategory.size() >= 18 && perCategory.size() <= 24, qPrintable(QString::number(perCategory.size())));
        for (const auto& [name, n] : perCategory) {
            QVERIFY2(hasCjk(name) && hasLatin(name), name.c_str());
            QVERIFY2(n >= options_.items / int(perCategory.size()) / 2, name.c_str());
        }
        // Titles are varied, not one per category.
        QVERIFY(scalar("SELECT count(DISTINCT title) FROM items") > options_.items / 2);
        // Some items launch later in the period (cold-start items): first seen after 40% of it.
        const std::int64_t late = options_.startTime + std::int64_t(options_.days) * kDay * 4 / 10;
        const auto lateItems = scalar("SELECT count(*) FROM (SELECT item_id, min(ts) AS f FROM events GROUP BY item_id) WHERE f > " +
                                      std::to_string(late));
        QVERIFY2(lateItems > options_.items / 20 && lateItems < options_.items / 2, qPrintable(QString::number(lateItems)));
    }

    void oneLanguageShops_data() {
        QTest::addColumn<int>("language");
        QTest::addColumn<bool>("chinese");
        QTest::newRow("english") << int(SampleShopOptions::Language::English) << false;
        QTest::newRow("chinese") << int(SampleShopOptions::Language::Chinese) << true;
    }
    void oneLanguageShops() {
        // The same shop in one language: every title, description, category and review in it, and the
        // same behaviour as the bilingual shop of the same seed.
        QFETCH(int, language);
        QFETCH(bool, chinese);
        QTemporaryDir dir;
        SampleShopOptions options;
        options.users = 200;
        options.items = 150;
        options.days = 60;
        const auto both = file(dir, "both.shelfsense");
        const auto one = file(dir, "one.shelfsense");
        SS_VERIFY_OK(SampleShop::write(both, options, JobContext{}));
        options.language = static_cast<SampleShopOptions::Language>(language);
        SS_VERIFY_OK(SampleShop::write(one, options, JobContext{}));
        auto project = Project::open(one, Database::Mode::ReadOnly);
        SS_VERIFY_OK(project);
        int texts = 0, wrong = 0;
        auto check = [&](const std::string& text) {
            ++texts;
            // Latin letters stay in a Chinese shop only inside words such as "5G", "SPF50" or "RGB".
            wrong += chinese ? !hasCjk(text) : hasCjk(text);
        };
        forEachRow((*project)->db(), "SELECT title, description, category FROM items", [&](Statement& s) {
            for (int c = 0; c < 3; ++c) check(s.columnText(c));
        });
        forEachRow((*project)->db(), "SELECT body FROM reviews", [&](Statement& s) { check(s.columnText(0)); });
        QVERIFY(texts > 3 * 150);
        QCOMPARE(wrong, 0);
        if (!chinese)
            forEachRow((*project)->db(), "SELECT title FROM items", [&](Statement& s) { QVERIFY(s.columnText(0).find(" | ") == std::string::npos); });
        auto bilingual = Project::open(both, Database::Mode::ReadOnly);
        SS_VERIFY_OK(bilingual);
        auto text = [](Project& p, const char* sql) {
            std::string out;
            forEachRow(p.db(), sql, [&](Statement& s) { out = s.columnText(0); });
            return out;
        };
        for (const char* sql : {"SELECT count(*) || ':' || sum(ts) || ':' || sum(user_id * 7 + item_id) FROM events",
                                "SELECT count(*) || ':' || sum(rating) || ':' || sum(ts) FROM reviews",
                                "SELECT group_concat(external_id || '=' || coalesce(price, ''), ',') FROM items"})
            SS_COMPARE_STR(text(**project, sql), text(**bilingual, sql));
    }

    void acquisitionInWaves() {
        std::vector<int> weeks(options_.days / 7 + 1, 0);
        std::int64_t firstSeen = std::numeric_limits<std::int64_t>::max(), lastSeen = 0;
        forEachRow(project_->db(), "SELECT min(ts) FROM events GROUP BY user_id", [&](Statement& s) {
            const std::int64_t t = s.columnInt(0);
            ++weeks[std::size_t((t - options_.startTime) / (7 * kDay))];
            firstSeen = std::min(firstSeen, t);
            lastSeen = std::max(lastSeen, t);
        });
        // New users keep arriving for at least six months.
        QVERIFY2(lastSeen - firstSeen >= 182 * kDay, qPrintable(QString::number((lastSeen - firstSeen) / kDay)));
        std::vector<int> sorted(weeks.begin(), weeks.end() - 1);  // the last, partial week aside
        std::sort(sorted.begin(), sorted.end());
        const double median = sorted[sorted.size() / 2];
        QVERIFY(median > 0);
        // Waves: separate runs of weeks well above the median (marketing pushes), at least three.
        int waves = 0, peakWeekFirst = -1, peakWeekLast = -1;
        bool inWave = false;
        for (int w = 0; w < int(weeks.size()); ++w) {
            const bool high = weeks[std::size_t(w)] > 2.5 * median;
            if (high && !inWave) {
                ++waves;
                if (peakWeekFirst < 0) peakWeekFirst = w;
                peakWeekLast = w;
            }
            inWave = high;
        }
        QString histogram;
        for (int n : weeks) histogram += QString::number(n) + " ";
        QVERIFY2(waves >= 3, qPrintable("weekly new users: " + histogram));
        QVERIFY2(peakWeekLast - peakWeekFirst >= 12, qPrintable("weekly new users: " + histogram));
        QVERIFY2(*std::max_element(weeks.begin(), weeks.end()) > 4 * median, qPrintable("weekly new users: " + histogram));
    }

    void funnel() {
        auto stats = project_->stats();
        SS_VERIFY_OK(stats);
        const double views = double(stats->eventsByType[int(EventType::View)]);
        const double carts = double(stats->eventsByType[int(EventType::Cart)]);
        const double purchases = double(stats->eventsByType[int(EventType::Purchase)]);
        QVERIFY(views > carts);
        QVERIFY(carts > purchases);
        QVERIFY(purchases > 0);
        QVERIFY(stats->eventsByType[int(EventType::Favourite)] > 0);
        QVERIFY2(carts / views > 0.05 && carts / views < 0.5, qPrintable(QString::number(carts / views)));
        QVERIFY2(purchases / carts > 0.3 && purchases / carts < 0.8, qPrintable(QString::number(purchases / carts)));
        // A purchase follows a cart of the same item by the same user, never the other way round.
        QCOMPARE(scalar("SELECT count(*) FROM events p WHERE p.type=4 AND NOT EXISTS (SELECT 1 FROM events c WHERE c.type=2"
                        " AND c.user_id=p.user_id AND c.item_id=p.item_id AND c.ts<=p.ts)"),
                 std::int64_t(0));
        // Reviews are written after buying the item.
        QCOMPARE(scalar("SELECT count(*) FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.type=4"
                        " AND e.user_id=r.user_id AND e.item_id=r.item_id AND e.ts<r.ts)"),
                 std::int64_t(0));
    }

    void ratingsFollowItemQuality() {
        // Split-half reliability: items whose odd-numbered reviews are good have good even-numbered
        // reviews too. Ratings drawn independently of the item would correlate near 0.
        std::map<std::int64_t, std::vector<double>> byItem;
        forEachRow(project_->db(), "SELECT item_id, rating FROM reviews ORDER BY id",
                   [&](Statement& s) { byItem[s.columnInt(0)].push_back(s.columnDouble(1)); });
        std::vector<double> odd, even;
        for (const auto& [item, ratings] : byItem) {
            if (ratings.size() < 4) continue;
            double a = 0, b = 0;
            int na = 0, nb = 0;
            for (std::size_t i = 0; i < ratings.size(); ++i) (i % 2 ? (b += ratings[i], ++nb) : (a += ratings[i], ++na));
            odd.push_back(a / na);
            even.push_back(b / nb);
        }
        QVERIFY2(odd.size() >= 100, qPrintable(QString::number(odd.size())));
        const double r = correlation(odd, even);
        QVERIFY2(r > 0.5, qPrintable(QString::number(r)));
        // And quality shows in behaviour too: better-rated items are put in the cart more often per view.
        std::vector<double> meanRating, cartRate;
        forEachRow(project_->db(),
                   "SELECT r.m, e.c * 1.0 / e.v FROM (SELECT item_id, avg(rating) AS m, count(*) AS n FROM reviews GROUP BY item_id) r"
                   " JOIN (SELECT item_id, sum(type=1) AS v, sum(type=2) AS c FROM events GROUP BY item_id) e ON e.item_id=r.item_id"
                   " WHERE r.n >= 3 AND e.v >= 20",
                   [&](Statement& s) {
                       meanRating.push_back(s.columnDouble(0));
                       cartRate.push_back(s.columnDouble(1));
                   });
        QVERIFY(meanRating.size() >= 100);
        const double rc = correlation(meanRating, cartRate);
        QVERIFY2(rc > 0.4, qPrintable(QString::number(rc)));
        // All five star levels are used.
        QCOMPARE(scalar("SELECT count(DISTINCT rating) FROM reviews"), std::int64_t(5));
        QCOMPARE(scalar("SELECT count(*) FROM reviews WHERE rating NOT IN (1, 2, 3, 4, 5)"), std::int64_t(0));
    }

    void reviewToneMatchesRating() {
        int negatives = 0, negativesWithNegWords = 0, negativesWithPosWords = 0;
        int fives = 0, fivesWithPosWords = 0, fivesWithNegWords = 0;
        int chinese = 0, english = 0, total = 0;
        forEachRow(project_->db(), "SELECT rating, title, body FROM reviews", [&](Statement& s) {
            const int stars = int(s.columnDouble(0));
            const QString text = QString::fromStdString(s.columnText(1) + " " + s.columnText(2));
            ++total;
            (hasCjk(s.columnText(2)) ? chinese : english) += 1;
            if (stars <= 2) {
                ++negatives;
                negativesWithNegWords += containsAny(text, kNegative);
                negativesWithPosWords += containsAny(text, kPositive);
            } else if (stars == 5) {
                ++fives;
                fivesWithPosWords += containsAny(text, kPositive);
                fivesWithNegWords += containsAny(text, kNegative);
            }
        });
        QVERIFY(negatives >= 100);
        QVERIFY(fives >= 100);
        QCOMPARE(negativesWithNegWords, negatives);
        QCOMPARE(negativesWithPosWords, 0);
        QCOMPARE(fivesWithPosWords, fives);
        QCOMPARE(fivesWithNegWords, 0);
        // Both languages are well represented.
        QVERIFY2(chinese > total / 4 && english > total / 4, qPrintable(QString("%1 zh, %2 en").arg(chinese).arg(english)));
    }

    void churnDependsOnSegment() {
        // Share of users still active more than 30 days after their first visit (users who arrived at
        // least 60 days before the end, so that everyone could have returned).
        std::map<std::string, std::pair<double, double>> returned;  // segment → (returned, users)
        const std::string sql =
            "SELECT u.segment, count(*), sum(l.last > l.first + 30 * 86400) FROM users u JOIN"
            " (SELECT user_id, min(ts) AS first, max(ts) AS last FROM events GROUP BY user_id) l ON l.user_id = u.id"
            " WHERE l.first < " + std::to_string(end() - 60 * kDay) + " GROUP BY u.segment";
        forEachRow(project_->db(), sql, [&](Statement& s) {
            returned[s.columnText(0)] = {s.columnDouble(2), s.columnDouble(1)};
        });
        QCOMPARE(returned.size(), std::size_t(3));
        const auto& deal = returned["deal-seeker"];
        const auto& regular = returned["regular"];
        const auto& enthusiast = returned["enthusiast"];
        QVERIFY(deal.second > 300 && regular.second > 300 && enthusiast.second > 300);
        const double pd = deal.first / deal.second, pr = regular.first / regular.second, pe = enthusiast.first / enthusiast.second;
        const QString rates = QString("deal-seeker %1, regular %2, enthusiast %3").arg(pd).arg(pr).arg(pe);
        QVERIFY2(pe > pr && pr > pd, qPrintable(rates));
        QVERIFY2(pe - pd > 0.08, qPrintable(rates));
        QVERIFY2(zScore(enthusiast.first, enthusiast.second, deal.first, deal.second) > 3, qPrintable(rates));
    }

    void badFirstPurchaseReturnsLess() {
        // Users whose first purchase they reviewed with at most two stars return (any event more than
        // 30 days after that purchase) much less often than users who gave it four or five stars.
        const std::string sql =
            "SELECT (SELECT rating FROM reviews r WHERE r.user_id=fp.user_id AND r.item_id=fp.item_id ORDER BY r.ts LIMIT 1) AS stars,"
            " (SELECT max(ts) FROM events e WHERE e.user_id=fp.user_id) > fp.t + 30 * 86400 AS back"
            " FROM (SELECT user_id, item_id, min(ts) AS t FROM events WHERE type=4 GROUP BY user_id) fp"
            " WHERE fp.t < " + std::to_string(end() - 45 * kDay);
        double badN = 0, badBack = 0, goodN = 0, goodBack = 0;
        forEachRow(project_->db(), sql, [&](Statement& s) {
            if (s.columnIsNull(0)) return;
            const double stars = s.columnDouble(0);
            if (stars <= 2) {
                ++badN;
                badBack += double(s.columnInt(1));
            } else if (stars >= 4) {
                ++goodN;
                goodBack += double(s.columnInt(1));
            }
        });
        QVERIFY2(badN >= 100 && goodN >= 100, qPrintable(QString("%1 bad, %2 good").arg(badN).arg(goodN)));
        const QString rates = QString("return after a bad first purchase %1, after a good one %2").arg(badBack / badN).arg(goodBack / goodN);
        QVERIFY2(goodBack / goodN - badBack / badN > 0.2, qPrintable(rates));
        QVERIFY2(zScore(goodBack, goodN, badBack, badN) > 4, qPrintable(rates));
    }
};

QTEST_APPLESS_MAIN(TestSampleShop)
#include "TestSampleShop.moc"
