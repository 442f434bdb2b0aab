// The typed results an evaluation hands to the CLI, the runs table and the workbench: SplitSummary,
// TrainingReport and RunTimings. Each round-trips through its JSON, writes the documented keys (the
// `evaluate --json` contract), and reads an older or damaged document as defaults, never throwing.
#include <QtTest>

#include <boost/json.hpp>

#include <cstdint>
#include <limits>
#include <set>

#include "rec/Evaluation.h"
#include "rec/SplitSummary.h"
#include "rec/TrainingReport.h"

using namespace ss;
using namespace ss::rec;

Q_DECLARE_METATYPE(ss::rec::SplitSummary)
Q_DECLARE_METATYPE(ss::rec::TrainingReport)
Q_DECLARE_METATYPE(ss::rec::RunTimings)

namespace {

std::set<std::string> keys(const boost::json::object& o) {
    std::set<std::string> out;
    for (const auto& [k, v] : o) out.insert(std::string(k));
    return out;
}

QString joined(const std::set<std::string>& s) {
    QStringList out;
    for (const auto& k : s) out << QString::fromStdString(k);
    return out.join(',');
}

TrainingReport twoTower() {
    return {.device = "cpu",
            .trainLoss = {0.69, 0.52, 0.47},
            .validationLoss = {0.70, 0.58, 0.59},
            .epochs = 3,
            .bestEpoch = 2,
            .examples = 1200,
            .validationExamples = 130,
            .seconds = 4.25};
}

// Stopped by the held-out ranking: the NDCG curve and how many customers it ranked travel too.
TrainingReport twoTowerByRanking() {
    TrainingReport r = twoTower();
    r.validationNdcg = {0.031, 0.046, 0.045};
    r.rankingCustomers = 412;
    return r;
}

TrainingReport als() { return {.device = "cpu", .iterationLoss = {12.5, 9.75, 9.5}, .secondsPerIteration = {0.25, 0.125, 0.125}}; }

}  // namespace

class TestRunResults : public QObject {
    Q_OBJECT
private slots:
    void splitSummaryRoundTrips_data() {
        QTest::addColumn<SplitSummary>("summary");
        QTest::addColumn<QString>("keys");
        SplitSummary temporal{.kind = SplitKind::Temporal, .target = EventType::Purchase, .weights = "view=1,cart=3,favourite=2,purchase=5",
                              .trainEvents = 9000, .trainPairs = 4100, .testUsers = 310, .testPairs = 420, .coldItems = 12,
                              .coldUsers = 40, .coldItemTestPairs = 17};
        temporal.cutoff = 1700432000;  // 2023-11-19T22:13:20Z
        temporal.droppedKnown = 5;
        temporal.testFraction = 0.2;
        QTest::newRow("temporal") << temporal
                                  << "cold_item_test_pairs,cold_items,cold_users,cutoff,dropped_known,kind,target,test_fraction,test_pairs,"
                                     "test_users,train_events,train_pairs,weights";
        SplitSummary explicitCut = temporal;
        explicitCut.testFraction.reset();  // an explicit --cutoff: no fraction
        QTest::newRow("temporal at a given cut-off")
            << explicitCut
            << "cold_item_test_pairs,cold_items,cold_users,cutoff,dropped_known,kind,target,test_pairs,test_users,train_events,train_pairs,weights";
        SplitSummary random = temporal;
        random.kind = SplitKind::Random;
        random.target = EventType::Cart;
        random.cutoff.reset();
        random.droppedKnown.reset();
        random.testFraction = 0.3;
        random.seed = std::numeric_limits<std::uint64_t>::max() - 7;  // beyond a double's exact range
        QTest::newRow("random, a 64-bit seed")
            << random
            << "cold_item_test_pairs,cold_items,cold_users,kind,seed,target,test_fraction,test_pairs,test_users,train_events,train_pairs,weights";
        SplitSummary leaveLast = random;
        leaveLast.kind = SplitKind::LeaveLast;
        leaveLast.testFraction.reset();
        leaveLast.seed.reset();
        QTest::newRow("leave-last") << leaveLast
                                    << "cold_item_test_pairs,cold_items,cold_users,kind,target,test_pairs,test_users,train_events,train_pairs,weights";
        SplitSummary sampled = explicitCut;
        sampled.testUsersSampledFrom = 31000;
        sampled.seed = 42;
        QTest::newRow("temporal, a sample of test users")
            << sampled
            << "cold_item_test_pairs,cold_items,cold_users,cutoff,dropped_known,kind,seed,target,test_pairs,test_users,"
               "test_users_sampled_from,train_events,train_pairs,weights";
        SplitSummary given = leaveLast;
        given.kind = SplitKind::Given;
        QTest::newRow("given") << given
                               << "cold_item_test_pairs,cold_items,cold_users,kind,target,test_pairs,test_users,train_events,train_pairs,weights";
    }

    void splitSummaryRoundTrips() {
        QFETCH(SplitSummary, summary);
        QFETCH(QString, keys);
        const boost::json::object json = summary.toJson();
        QCOMPARE(joined(::keys(json)), keys);
        // Through text, as the runs table stores it.
        const SplitSummary back = SplitSummary::fromJson(boost::json::parse(boost::json::serialize(json)));
        QVERIFY2(back == summary, boost::json::serialize(back.toJson()).c_str());
    }

    void splitCutoffIsAnIsoDateTime() {
        SplitSummary s;
        s.cutoff = 1700432000;
        QCOMPARE(QString::fromStdString(std::string(s.toJson().at("cutoff").as_string())), QStringLiteral("2023-11-19T22:13:20Z"));
    }

    void trainingReportRoundTrips_data() {
        QTest::addColumn<TrainingReport>("report");
        QTest::addColumn<QString>("keys");
        QTest::addColumn<bool>("hasCurves");
        QTest::newRow("popularity: nothing") << TrainingReport{} << "" << false;
        QTest::newRow("item-kNN: the device") << TrainingReport{.device = "cuda:0"} << "device" << false;
        QTest::newRow("ALS") << als() << "device,loss,seconds_per_iteration" << false;
        QTest::newRow("two-tower") << twoTower()
                                   << "best_epoch,device,epochs,examples,seconds,train_loss,validation_examples,validation_loss" << true;
        QTest::newRow("two-tower stopped by ranking")
            << twoTowerByRanking()
            << "best_epoch,device,epochs,examples,ranking_customers,seconds,train_loss,validation_examples,validation_loss,validation_ndcg" << true;
        QTest::newRow("hybrid of ALS and two-tower") << TrainingReport{.parts = {als(), twoTower()}} << "a,b" << true;
    }

    void trainingReportRoundTrips() {
        QFETCH(TrainingReport, report);
        QFETCH(QString, keys);
        QFETCH(bool, hasCurves);
        const boost::json::object json = report.toJson();
        QCOMPARE(joined(::keys(json)), keys);
        const TrainingReport back = TrainingReport::fromJson(boost::json::parse(boost::json::serialize(json)));
        QVERIFY2(back == report, boost::json::serialize(back.toJson()).c_str());
        QCOMPARE(back.lossCurves() != nullptr, hasCurves);
        if (hasCurves) QCOMPARE(back.lossCurves()->validationLoss, twoTower().validationLoss);
        QCOMPARE(back.empty(), keys.isEmpty());
    }

    void runTimingsRoundTrip_data() {
        QTest::addColumn<RunTimings>("timings");
        QTest::addColumn<QString>("keys");
        QTest::newRow("scored by rows") << RunTimings{.fitSeconds = 1.5, .scoreSeconds = 0.25, .usersPerSecond = 1234.5, .blockUsers = 256}
                                        << "block_users,fit_seconds,score_seconds,users_per_second";
        QTest::newRow("a dense model's distinct rows")
            << RunTimings{.fitSeconds = 0, .scoreSeconds = 29.5, .usersPerSecond = 680.5, .blockUsers = 256, .scoredRows = 436238}
            << "block_users,fit_seconds,score_seconds,scored_rows,users_per_second";
    }
    void runTimingsRoundTrip() {
        QFETCH(RunTimings, timings);
        QFETCH(QString, keys);
        const auto json = timings.toJson();
        QCOMPARE(joined(::keys(json)), keys);
        QVERIFY(RunTimings::fromJson(boost::json::parse(boost::json::serialize(json))) == timings);
    }

    // What an older project or a hand-edited row may hold: defaults, never an exception.
    void damagedDocumentsReadAsDefaults_data() {
        QTest::addColumn<QString>("json");
        QTest::newRow("null") << "null";
        QTest::newRow("array") << "[1,2]";
        QTest::newRow("empty object") << "{}";
        QTest::newRow("wrong types") << R"({"kind":3,"test_users":"many","cutoff":17,"seed":-4,"train_loss":"x","a":5,"epochs":"two"})";
        QTest::newRow("unknown names") << R"({"kind":"sideways","target":"teleport"})";
    }

    void damagedDocumentsReadAsDefaults() {
        QFETCH(QString, json);
        const auto value = boost::json::parse(json.toStdString());
        const SplitSummary split = SplitSummary::fromJson(value);
        QCOMPARE(split.kind, SplitKind::Temporal);
        QCOMPARE(split.testUsers, std::size_t(0));
        QVERIFY(!split.cutoff);
        QVERIFY(!split.seed);
        const TrainingReport training = TrainingReport::fromJson(value);
        QVERIFY(training.parts.empty());
        QVERIFY(training.trainLoss.empty());
        QVERIFY(!training.epochs);
        QCOMPARE(RunTimings::fromJson(value).blockUsers, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestRunResults)
#include "TestRunResults.moc"
