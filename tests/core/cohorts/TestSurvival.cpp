// Survival: active lifetimes by the churn-gap rule (hand-counted), Kaplan–Meier curves, exponential
// Greenwood bands, medians and log-rank tests against lifelines' numbers for the same fixture
// (tests/data/cohorts/survival_reference.json, made by bench/peers/make_survival_reference.py),
// groups through compute(), and the JSON round trip.
#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include <boost/json.hpp>

#include "CohortFixtures.h"
#include "JsonCompare.h"
#include "cohorts/Survival.h"
#include "../store/TestSupport.h"

using namespace ss;

namespace {

boost::json::object reference() {
    std::ifstream in(SS_TEST_DATA_DIR "/cohorts/survival_reference.json");
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str()).as_object();
}

double num(const boost::json::value& v) {
    if (v.is_null()) return std::numeric_limits<double>::infinity();
    return v.is_double() ? v.as_double() : static_cast<double>(v.as_int64());
}

void groupData(const boost::json::object& curve, std::vector<double>& durations, std::vector<char>& churned) {
    for (const auto& d : curve.at("durations").as_array()) durations.push_back(num(d));
    for (const auto& e : curve.at("churned").as_array()) churned.push_back(static_cast<char>(e.as_int64()));
}

}  // namespace

class TestSurvival : public QObject {
    Q_OBJECT
private slots:
    void lifetimes() {
        using sstest::at;
        // Churn gap 3 days; the data ends on day 20.
        //   u1: d0 d1 d2            → churned at d2 (18 days of silence): 2 days
        //   u2: d0 d5 d6            → the gap after d0 is 5 days: churned, 0 days
        //   u3: d0 d3 d18           → d0→d3 is exactly 3 days (not longer); d3→d18 is: churned, 3 days
        //   u4: d10 d12 … d18       → last event 2 days before the end: censored, 8 days
        //   u5: d20                 → censored, 0 days
        //   u6: d14 d17             → last event exactly 3 days before the end: churned, 3 days
        std::vector<ActivityLog::Row> rows;
        const std::vector<std::pair<int, std::vector<int>>> users = {
            {1, {0, 1, 2}}, {2, {0, 5, 6}}, {3, {0, 3, 18}}, {4, {10, 12, 14, 16, 18}}, {5, {20}}, {6, {14, 17}}};
        for (const auto& [user, days] : users)
            for (int d : days) rows.push_back(sstest::row(user, at(d, 0), EventType::View));
        const auto log = ActivityLog::fromRows(std::move(rows));
        const auto lifetimes = Survival::lifetimes(log, 3);
        QCOMPARE(lifetimes.size(), std::size_t(6));
        const std::vector<std::pair<std::int64_t, bool>> expected = {{2, true}, {0, true}, {3, true}, {8, false}, {0, false}, {3, true}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(log.userId(lifetimes[i].customer), std::int64_t(i + 1));
            QCOMPARE(lifetimes[i].days, expected[i].first);
            QCOMPARE(lifetimes[i].churned, expected[i].second);
        }
    }

    void kaplanMeierMatchesLifelines_data() {
        QTest::addColumn<QString>("group");
        QTest::newRow("A") << "A";
        QTest::newRow("B") << "B";
        QTest::newRow("C (falls below one half early)") << "C";
    }
    void kaplanMeierMatchesLifelines() {
        QFETCH(QString, group);
        const auto ref = reference().at("curves").as_object().at(group.toStdString()).as_object();
        std::vector<double> durations;
        std::vector<char> churned;
        groupData(ref, durations, churned);
        const auto curve = Survival::kaplanMeier(durations, churned, group.toStdString());
        const auto& days = ref.at("days").as_array();
        QCOMPARE(curve.points.size(), days.size());
        for (std::size_t i = 0; i < days.size(); ++i) {
            const auto& p = curve.points[i];
            QCOMPARE(p.time, num(days[i]));
            QVERIFY2(std::abs(p.survival - num(ref.at("survival").as_array()[i])) < 1e-12, qPrintable(QString::number(i)));
            QVERIFY2(std::abs(p.low - num(ref.at("ci95_low").as_array()[i])) < 1e-9, qPrintable(QString::number(i)));
            QVERIFY2(std::abs(p.high - num(ref.at("ci95_high").as_array()[i])) < 1e-9, qPrintable(QString::number(i)));
        }
        QCOMPARE(curve.median, num(ref.at("median")));
        QCOMPARE(curve.medianLow, num(ref.at("median_ci95").as_array()[0]));
        QCOMPARE(curve.medianHigh, num(ref.at("median_ci95").as_array()[1]));
    }

    void logRankMatchesLifelines_data() {
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QString>("key");
        QTest::newRow("two groups") << QStringList{"A", "B"} << "logrank_ab";
        QTest::newRow("three groups") << QStringList{"A", "B", "C"} << "logrank_abc";
    }
    void logRankMatchesLifelines() {
        QFETCH(QStringList, groups);
        QFETCH(QString, key);
        const auto ref = reference();
        std::vector<std::vector<double>> durations;
        std::vector<std::vector<char>> churned;
        for (const auto& g : groups) {
            durations.emplace_back();
            churned.emplace_back();
            groupData(ref.at("curves").as_object().at(g.toStdString()).as_object(), durations.back(), churned.back());
        }
        const auto r = Survival::logRank(durations, churned);
        const auto& expected = ref.at(key.toStdString()).as_object();
        QCOMPARE(r.degreesOfFreedom, static_cast<int>(expected.at("degrees_of_freedom").as_int64()));
        QVERIFY(std::abs(r.chiSquare - num(expected.at("chi_square"))) < 1e-9);
        QVERIFY(std::abs(r.pValue - num(expected.at("p_value"))) < 1e-9);
        // The same groups give no evidence of a difference.
        const std::vector<std::vector<double>> same{durations[0], durations[0]};
        const std::vector<std::vector<char>> sameChurn{churned[0], churned[0]};
        QCOMPARE(Survival::logRank(same, sameChurn).pValue, 1.0);
    }

    void computeWithGroups() {
        using sstest::at;
        // Three customers per group; group "x" leaves at once, group "y" stays until the end.
        std::vector<ActivityLog::Row> rows;
        for (int u = 1; u <= 3; ++u) rows.push_back(sstest::row(u, at(0, u), EventType::View));
        for (int u = 4; u <= 6; ++u) {
            rows.push_back(sstest::row(u, at(0, u), EventType::View));
            rows.push_back(sstest::row(u, at(30, u), EventType::View));
            rows.push_back(sstest::row(u, at(60, u), EventType::View));
        }
        const auto log = ActivityLog::fromRows(std::move(rows));
        const std::vector<int> groupOf{0, 0, 0, 1, 1, -1};
        const std::vector<std::string> names{"x", "y"};
        auto report = Survival::compute(log, 40, {}, groupOf, names, "test");
        SS_VERIFY_OK(report);
        QCOMPARE(report->curves.size(), std::size_t(2));
        QCOMPARE(report->curves[0].group, std::string("x"));
        QCOMPARE(report->curves[0].customers, std::int64_t(3));
        QCOMPARE(report->curves[0].churned, std::int64_t(3));
        QCOMPARE(report->curves[0].median, 0.0);
        QCOMPARE(report->curves[1].customers, std::int64_t(2));  // customer 6 is in no group
        QCOMPARE(report->curves[1].churned, std::int64_t(0));
        QVERIFY(std::isinf(report->curves[1].median));
        QVERIFY(report->logRank.has_value());
        QVERIFY(report->logRank->pValue < 0.05);

        const auto json = boost::json::value(report->toJson());
        auto back = SurvivalReport::fromJson(boost::json::parse(boost::json::serialize(json)));
        SS_VERIFY_OK(back);
        QVERIFY(sstest::jsonNearlyEqual(boost::json::value(back->toJson()), json));
        QVERIFY(json.as_object().at("curves").as_array()[1].as_object().at("median_days").is_null());  // never reached

        QCOMPARE(Survival::compute(log, 0).error().code, ErrorCode::Usage);
    }

    void workersAgree() {
        std::mt19937 rng(3);
        std::vector<ActivityLog::Row> rows;
        for (int u = 1; u <= 2000; ++u) {
            std::int64_t t = sstest::at(static_cast<int>(rng() % 90), 0);
            for (int v = 0, n = 1 + static_cast<int>(rng() % 6); v < n; ++v) {
                rows.push_back(sstest::row(u, t, EventType::View));
                t += static_cast<std::int64_t>(rng() % (40 * 86400));
            }
        }
        const auto log = ActivityLog::fromRows(std::move(rows));
        const auto one = Survival::lifetimes(log, 30, {}, 1);
        const auto three = Survival::lifetimes(log, 30, {}, 3);
        QCOMPARE(three.size(), one.size());
        for (std::size_t i = 0; i < one.size(); ++i) {
            QCOMPARE(three[i].customer, one[i].customer);
            QCOMPARE(three[i].days, one[i].days);
            QCOMPARE(three[i].churned, one[i].churned);
        }
    }
};

QTEST_APPLESS_MAIN(TestSurvival)
#include "TestSurvival.moc"
