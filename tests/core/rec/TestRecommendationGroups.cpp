// Customers grouped by whether they took what a recommender recommended to them in a stored
// evaluation run ("recommended-by:RUN", cohorts/CustomerGroups): "yes" exactly for the test customers
// whose hit at K was 1 in that run, "no" for the other test customers, nobody else; the newest runs
// are offered; a run that is not there, or a number that is not one, is refused with the reason.
#include <QTemporaryDir>
#include <QtTest>

#include <map>

#include "RecTestSupport.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/ProjectActivity.h"
#include "rec/Evaluation.h"

using namespace ss;
using namespace ss::rec;

class TestRecommendationGroups : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        shop_ = rectest::sampleShop(dir_, 300, 200);
        QVERIFY(!shop_.empty());
        EvaluationOptions o;
        o.recommenders = {"popularity", "itemknn"};
        o.bootstrapResamples = 50;
        auto r = Evaluation::run(shop_, o, {});
        SS_VERIFY_OK(r);
        for (const auto& run : r->runs) {
            QVERIFY(run.runId > 0);
            auto& hits = hits_[run.runId];
            for (const auto& v : run.report.metric(MetricId::Hit).perUser) hits[std::stoll(v.user)] = v.value > 0;
        }
        runIds_ = {r->runs[0].runId, r->runs[1].runId};
    }

    void groupsFollowTheRunsHits_data() {
        QTest::addColumn<int>("which");  // 0: popularity's run, 1: item-kNN's
        QTest::newRow("popularity") << 0;
        QTest::newRow("item-kNN") << 1;
    }
    void groupsFollowTheRunsHits() {
        QFETCH(int, which);
        const std::int64_t run = runIds_[static_cast<std::size_t>(which)];
        auto activity = ProjectActivity::open(shop_);
        SS_VERIFY_OK(activity);
        auto groups = CustomerGroups::load(activity->project->db(), activity->log, "recommended-by:" + std::to_string(run));
        SS_VERIFY_OK(groups);
        QVERIFY(groups->recommendations);
        QCOMPARE(groups->recommendations->run, run);
        QCOMPARE(groups->recommendations->recommender, std::string(which ? "itemknn" : "popularity"));
        QCOMPARE(groups->recommendations->k, 10);
        QVERIFY(groups->describe().find("bought an item that " + groups->recommendations->recommender + " recommended") != std::string::npos);
        const auto& hits = hits_.at(run);
        std::size_t yes = 0, no = 0, outside = 0;
        for (std::size_t c = 0; c < groups->groupOf.size(); ++c) {
            const auto user = activity->log.userId(c);
            const int g = groups->groupOf[c];
            const auto hit = hits.find(user);
            if (hit == hits.end()) {
                QCOMPARE(g, -1);  // not a test customer of the run: in neither group
                ++outside;
                continue;
            }
            QVERIFY(g >= 0);
            QCOMPARE(groups->names[static_cast<std::size_t>(g)], std::string(hit->second ? "yes" : "no"));
            (hit->second ? yes : no) += 1;
        }
        QVERIFY(yes > 0 && no > 0 && outside > 0);
        QCOMPARE(yes + no, hits.size());
    }

    void newestRunsAreOffered() {
        auto activity = ProjectActivity::open(shop_);
        SS_VERIFY_OK(activity);
        auto available = CustomerGroups::available(activity->project->db(), activity->log);
        SS_VERIFY_OK(available);
        for (const auto& [run, hits] : hits_)
            QVERIFY(std::find(available->begin(), available->end(), "recommended-by:" + std::to_string(run)) != available->end());
    }

    void badRunsAreRefused_data() {
        QTest::addColumn<QString>("by");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("no such run") << "recommended-by:9999" << int(ErrorCode::InputData) << "no stored evaluation run 9999";
        QTest::newRow("not a number") << "recommended-by:als" << int(ErrorCode::Usage) << "run's number";
        QTest::newRow("nothing") << "recommended-by:" << int(ErrorCode::Usage) << "run's number";
    }
    void badRunsAreRefused() {
        QFETCH(QString, by);
        QFETCH(int, code);
        QFETCH(QString, says);
        auto activity = ProjectActivity::open(shop_);
        SS_VERIFY_OK(activity);
        auto groups = CustomerGroups::load(activity->project->db(), activity->log, by.toStdString());
        QVERIFY(!groups);
        QCOMPARE(int(groups.error().code), code);
        QVERIFY2(QString::fromStdString(groups.error().describe()).contains(says), groups.error().describe().c_str());
    }

private:
    QTemporaryDir dir_;
    std::filesystem::path shop_;
    std::map<std::int64_t, std::map<std::int64_t, bool>> hits_;  // run → test customer → hit at 10
    std::vector<std::int64_t> runIds_;  // popularity's, item-kNN's
};

QTEST_GUILESS_MAIN(TestRecommendationGroups)
#include "TestRecommendationGroups.moc"
