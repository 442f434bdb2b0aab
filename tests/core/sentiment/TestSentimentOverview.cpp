// SentimentOverview against hand counts: each review counts with its stars (or imported label) and
// otherwise with the kept classifier's label; per category, per calendar month in the project's time
// zone (a review at 23:30 UTC on 31 January is February in Shanghai), per product with the most
// negative first and the last 90 days beside it; undated reviews stay out of the months; JSON round trip.
#include <QtTest>

#include <boost/json.hpp>

#include "../store/ProjectDump.h"
#include "SentimentFixtures.h"
#include "sentiment/SentimentApplier.h"
#include "sentiment/SentimentOverview.h"
#include "sentiment/SentimentTrainer.h"

using namespace ss;
using namespace ss::sentiment;

class TestSentimentOverview : public QObject {
    Q_OBJECT
private slots:
    void handCounted() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        const std::int64_t jan31late = 1706743800;  // 2024-01-31 23:30 UTC = 2024-02-01 07:30 in Shanghai
        const std::int64_t mar10 = 1710028800;      // 2024-03-10 UTC
        const std::int64_t nov01 = 1698796800;      // 2023-11-01 UTC, more than 90 days before 10 March
        // Items 1 and 3 are "bags", 2 is "shoes" (odd/even in the fixture).
        sstest::insertReviews(project, {
                                           {1, 1, 5.0, std::nullopt, nov01, "great"},
                                           {2, 1, 1.0, std::nullopt, jan31late, "broken"},
                                           {3, 1, 3.0, std::nullopt, mar10, "okay"},
                                           {4, 2, 2.0, std::nullopt, mar10, "awful"},
                                           {5, 2, 4.0, std::nullopt, 0, "love"},
                                           {6, 3, std::nullopt, std::nullopt, mar10, "no stars"},
                                       });
        {
            auto p = Project::open(project);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->setSetting("project.timezone", "Asia/Shanghai"));
        }
        auto overview = SentimentOverview::compute(project);
        SS_VERIFY_OK(overview);
        QVERIFY(overview->classifier.empty());
        QCOMPARE(overview->total.positive, std::int64_t(2));
        QCOMPARE(overview->total.negative, std::int64_t(2));
        QCOMPARE(overview->total.neutral, std::int64_t(1));
        QCOMPARE(overview->total.unlabelled, std::int64_t(1));
        QCOMPARE(overview->total.mean(), 0.0);
        QCOMPARE(overview->months, (std::vector<std::string>{"2023-11", "2024-02", "2024-03"}));
        QCOMPARE(overview->monthly[1].negative, std::int64_t(1));  // the late-January review, in Shanghai's February
        QCOMPARE(overview->monthly[2].labelled(), std::int64_t(2));
        QCOMPARE(overview->monthly[2].unlabelled, std::int64_t(1));
        QCOMPARE(overview->categories.size(), std::size_t(2));
        QCOMPARE(overview->categories[0].category, std::string("bags"));  // 4 reviews
        QCOMPARE(overview->categories[0].months.size(), std::size_t(3));
        QCOMPARE(overview->categories[1].tally.shareNegative(), 0.5);
        // Most negative first: shoes item 2 (1 of 2), bags item 1 (1 of 3), then item 3 without labels.
        QCOMPARE(overview->items.size(), std::size_t(3));
        QCOMPARE(overview->items[0].externalId, std::string("I2"));
        QCOMPARE(overview->items[1].externalId, std::string("I1"));
        QCOMPARE(overview->items[2].externalId, std::string("I3"));
        QVERIFY(std::isnan(overview->items[2].tally.shareNegative()));
        // Last 90 days of the data (to 10 March): item 1's November review is out, the other two in.
        QCOMPARE(overview->items[1].recent.labelled(), std::int64_t(2));
        QVERIFY(overview->definition.find("Asia/Shanghai") != std::string::npos);

        const auto back = SentimentOverview::fromJson(boost::json::parse(boost::json::serialize(overview->toJson())));
        QCOMPARE(back.months, overview->months);
        QCOMPARE(back.items.size(), overview->items.size());
        QCOMPARE(back.items[0].recent.negative, overview->items[0].recent.negative);
        QCOMPARE(back.categories[0].months[1].negative, overview->categories[0].months[1].negative);
        QCOMPARE(back.total.unlabelled, std::int64_t(1));
        QCOMPARE(SentimentOverview::fromJson(overview->toJson(1)).items.size(), std::size_t(1));
    }

    void predictedLabelsFillTheGaps() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        sstest::insertReviews(project, sstest::plantedReviews(150, 4));
        auto unrated = sstest::plantedReviews(10, 6, false, 500);
        for (auto& r : unrated) r.rating.reset();
        sstest::insertReviews(project, unrated);
        TrainOptions options;
        options.only = ClassifierKind::Tfidf;
        SS_VERIFY_OK(SentimentTrainer::train(project, options, nullptr, {}));
        SS_VERIFY_OK(SentimentApplier::apply(project, nullptr, {}));
        auto overview = SentimentOverview::compute(project);
        SS_VERIFY_OK(overview);
        QCOMPARE(overview->classifier, std::string("tfidf"));
        QCOMPARE(overview->total.labelled(), std::int64_t(320));
        QCOMPARE(overview->total.predicted, std::int64_t(20));
        QCOMPARE(overview->total.unlabelled, std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestSentimentOverview)
#include "TestSentimentOverview.moc"
