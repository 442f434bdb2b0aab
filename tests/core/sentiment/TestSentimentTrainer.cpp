// SentimentTrainer, SentimentStore and SentimentApplier on planted reviews: every classifier learns
// the planted sentiment (TF-IDF from the words, the heads from planted vectors), the kept one has
// the cheapest classifier unless a costlier one beats it on validation beyond doubt, the split keeps each reviewer on one side, the run is reused until
// the reviews change, a requested classifier is honoured, too few labels and cancellation leave the
// project as it was, and apply labels every review once — resuming after a cancel, picking up new
// reviews — with the kept classifier, which also labels new texts.
#include <QtTest>

#include <boost/json.hpp>

#include <cmath>
#include <set>

#include "../store/ProjectDump.h"
#include "SentimentFixtures.h"
#include "common/JobStages.h"
#include "sentiment/ReviewCorpus.h"
#include "sentiment/SentimentApplier.h"
#include "sentiment/SentimentStore.h"
#include "sentiment/SentimentTrainer.h"

using namespace ss;
using namespace ss::sentiment;

namespace {

std::filesystem::path plantedProject(const QTemporaryDir& dir, int reviewers = 150, bool withNeutral = false) {
    const auto path = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
    sstest::insertReviews(path, sstest::plantedReviews(reviewers, 11, withNeutral));
    return path;
}

TrainOptions quickOptions() {
    TrainOptions o;
    o.cGrid = {1.0, 10.0};
    return o;
}

JobContext cancelledContext(std::stop_source& source) {
    source.request_stop();
    return JobContext{{}, source.get_token()};
}

// Equal JSON texts, or a failure that shows where they part.
void sameJson(const std::string& actual, const std::string& expected) {
    const auto at = std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end()).first - actual.begin();
    const auto from = static_cast<std::size_t>(std::max<long>(0, at - 60));
    QVERIFY2(actual == expected, ("differ at " + std::to_string(at) + ": " + actual.substr(from, 120) + " | " + expected.substr(from, 120)).c_str());
}

}  // namespace

class TestSentimentTrainer : public QObject {
    Q_OBJECT
private slots:
    void trainsEveryClassifierAndKeepsTheBest() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        const auto sources = sstest::plantedSources();
        auto report = SentimentTrainer::train(project, quickOptions(), &sources, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->reviews, std::int64_t(300));
        QCOMPARE(report->labelled + report->duplicateTexts, std::int64_t(300));
        QCOMPARE(report->train + report->validation + report->test, report->labelled);
        QVERIFY(report->validation > 0 && report->test > 0);
        QCOMPARE(report->classifiers.size(), std::size_t(4));
        // Fine-tuning costs minutes on a CPU: "best" leaves it out unless asked for.
        QCOMPARE(report->find("finetune")->skippedCode, std::string("not-enabled"));
        double bestValidation = 0;
        for (const auto& c : report->classifiers) {
            if (c.name == "finetune") continue;
            QVERIFY2(c.trained, c.name.c_str());
            QVERIFY2(c.heldout.accuracy > 0.9, (c.name + " " + std::to_string(c.heldout.accuracy)).c_str());
            QCOMPARE(c.heldout.n, report->test);
            bestValidation = std::max(bestValidation, c.validationMacroF1);
        }
        // A small validation part (well under 2,000 reviews): the choice cross-validates, and the kept
        // classifier has the best out-of-fold macro-F1.
        QCOMPARE(report->choice, std::string(kChoiceCrossValidation));
        QCOMPARE(report->crossValidationFolds, 5);
        for (const auto& c : report->classifiers)
            if (c.trained) QVERIFY2(std::isfinite(c.crossValidationMacroF1) && c.crossValidationMacroF1 <= report->kept()->crossValidationMacroF1, c.name.c_str());
        QVERIFY(report->kept()->validationMacroF1 >= bestValidation - 0.05);
        QCOMPARE(report->comparisons.size(), std::size_t(2));
        for (const auto& t : report->comparisons) QCOMPARE(t.a, report->chosen);
        QCOMPARE(report->unknownTokenRate, 0.25);
        QCOMPARE(report->encoder, std::string("planted"));

        // The stored report reads back as it was written, and its kept classifier predicts as trained.
        auto stored = SentimentStore::latestRun(project);
        SS_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        // Exactly: stored reports are read with common/JsonParse, whose doubles are bit for bit.
        sameJson(boost::json::serialize((*stored)->toJson()), boost::json::serialize(report->toJson()));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sentiment_classifiers"), std::int64_t(3));
        auto kept = SentimentApplier::kept(project);
        SS_VERIFY_OK(kept);
        QCOMPARE(kept->first, report->keptKey);
        auto labels = SentimentApplier::predictTexts(kept->second, {"love it, perfect", "broken and awful, refund", "很好 满意", "太差 退货"}, &sources);
        SS_VERIFY_OK(labels);
        QCOMPARE((*labels)[0].first, Sentiment::Positive);
        QCOMPARE((*labels)[1].first, Sentiment::Negative);
        QCOMPARE((*labels)[2].first, Sentiment::Positive);
        QCOMPARE((*labels)[3].first, Sentiment::Negative);
        QVERIFY((*labels)[0].second > 0.5f && (*labels)[0].second <= 1.0f);
    }

    void largeValidationKeepsTheCheapestUnlessBeaten() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        const auto sources = sstest::plantedSources();
        auto options = quickOptions();
        options.crossValidateBelow = 0;  // as if the validation part were large
        auto report = SentimentTrainer::train(project, options, &sources, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->choice, std::string(kChoiceCheapestUnlessBeaten));
        QCOMPARE(report->crossValidationFolds, 0);
        // Each costlier candidate was tested against the one kept when it came up; the kept one is the
        // last that won such a test (TF-IDF when none did).
        QCOMPARE(report->choiceTests.size(), std::size_t(2));
        std::string keptName = "tfidf";
        for (const auto& t : report->choiceTests) {
            QCOMPARE(t.b, keptName);
            if (t.low > 0) keptName = t.a;
        }
        QCOMPARE(report->chosen, keptName);
        QVERIFY(!std::isfinite(report->kept()->crossValidationMacroF1));
    }

    void splitKeepsEachReviewerOnOneSide() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir, 200);
        auto corpus = ReviewCorpus::load(project, LabelSource::Stars);
        SS_VERIFY_OK(corpus);
        const auto labelled = labelledReviews(*corpus, LabelScheme{}, ReviewSplit{5});
        std::map<std::int64_t, std::set<int>> partsOfUser;
        std::map<SplitPart, int> sizes;
        for (const auto& r : labelled) {
            partsOfUser[corpus->users[r.row]].insert(static_cast<int>(r.part));
            ++sizes[r.part];
        }
        for (const auto& [user, parts] : partsOfUser) QCOMPARE(parts.size(), std::size_t(1));
        // 70/15/15 of 400 reviews, within sampling noise of 200 reviewers.
        QVERIFY(sizes[SplitPart::Train] > 220 && sizes[SplitPart::Train] < 340);
        QVERIFY(sizes[SplitPart::Test] > 20);
        // Another seed moves reviewers.
        const auto other = labelledReviews(*corpus, LabelScheme{}, ReviewSplit{6});
        int moved = 0;
        for (std::size_t i = 0; i < labelled.size(); ++i) moved += labelled[i].part != other[i].part;
        QVERIFY(moved > 50);
    }

    void repeatedTextsCountOnce() {
        // The 2018 Amazon files repeat a review for every variant of a product: one opinion, counted once.
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto options = quickOptions();
        options.only = ClassifierKind::Tfidf;
        auto before = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(before);
        QCOMPARE(before->labelled + before->duplicateTexts, std::int64_t(300));
        auto copies = sstest::plantedReviews(5, 11);  // the same texts reviewers 1-5 wrote, on other products
        for (auto& r : copies) r.item += 100;
        sstest::insertReviews(project, copies);
        auto report = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->reviews, std::int64_t(310));
        QCOMPARE(report->duplicateTexts, before->duplicateTexts + 10);
        QCOMPARE(report->labelled, before->labelled);
        QCOMPARE(report->train + report->validation + report->test, report->labelled);
    }

    void threeClasses() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir, 200, true);
        auto options = quickOptions();
        options.scheme.classes = 3;
        options.only = ClassifierKind::Tfidf;
        auto report = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->classCounts.size(), std::size_t(3));
        QVERIFY(report->classCounts[1] > 50);  // neutral reviews kept
        QCOMPARE(report->kept()->heldout.confusion.size(), std::size_t(3));
        QVERIFY(report->kept()->heldout.accuracy > 0.9);
        // Two classes leave the 3-star reviews out.
        options.scheme.classes = 2;
        auto binary = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(binary);
        QCOMPARE(binary->labelled, report->labelled - report->classCounts[1]);
    }

    void reusedUntilTheReviewsChange() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto options = quickOptions();
        options.only = ClassifierKind::Tfidf;
        auto first = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(first);
        QVERIFY(!first->reused);
        auto second = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(second);
        QVERIFY(second->reused);
        QCOMPARE(second->keptKey, first->keptKey);
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sentiment_runs"), std::int64_t(1));
        options.retrain = true;
        auto forced = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(forced);
        QVERIFY(!forced->reused);
        options.retrain = false;
        sstest::insertReviews(project, sstest::plantedReviews(3, 99, false, 1000));
        auto changed = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(changed);
        QVERIFY(!changed->reused);
        QVERIFY(changed->keptKey != first->keptKey);
        QCOMPARE(changed->reviews, std::int64_t(306));
    }

    void requestedClassifier() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto options = quickOptions();
        options.only = ClassifierKind::Mlp;
        const auto sources = sstest::plantedSources();
        auto report = SentimentTrainer::train(project, options, &sources, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->chosen, std::string("mlp"));
        QCOMPARE(report->choice, std::string("requested"));
        QCOMPARE(report->classifiers.size(), std::size_t(1));
        // A head without vectors is refused before anything is read or written.
        auto refused = SentimentTrainer::train(project, options, nullptr, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
    }

    void withoutVectorsTheHeadsAreSkippedWithTheReason() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto options = quickOptions();
        options.noVectorsReason = "not asked for";
        auto report = SentimentTrainer::train(project, options, nullptr, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->chosen, std::string("tfidf"));
        QCOMPARE(report->classifiers.size(), std::size_t(4));
        QVERIFY(!report->find("head")->trained);
        QVERIFY(!report->find("finetune")->trained);
        QVERIFY(!report->find("mlp")->skipped.empty());
        QVERIFY(report->comparisons.empty());
    }

    void tooFewLabelsLeaveTheProjectAsItWas() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        sstest::insertReviews(project, sstest::plantedReviews(3, 2));
        const auto before = sstest::countRows(project, "SELECT count(*) FROM sentiment_runs");
        auto report = SentimentTrainer::train(project, quickOptions(), nullptr, {});
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::InputData);
        QVERIFY2(report.error().message.find("too few labelled reviews") != std::string::npos, report.error().message.c_str());
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sentiment_runs"), before);
        // Imported labels that are not there: the same clear refusal.
        auto options = quickOptions();
        options.scheme.source = LabelSource::Imported;
        QVERIFY(!SentimentTrainer::train(plantedProject(dir), options, nullptr, {}));
    }

    void cancelledTrainingStoresNothing() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        std::stop_source stop;
        const auto sources = sstest::plantedSources();
        auto report = SentimentTrainer::train(project, quickOptions(), &sources, cancelledContext(stop));
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sentiment_runs"), std::int64_t(0));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sentiment_classifiers"), std::int64_t(0));
    }

    void applyLabelsEveryReviewOnceAndResumes() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        // Reviews without stars: only the classifier can label them.
        auto unrated = sstest::plantedReviews(40, 5, false, 500);
        for (auto& r : unrated) r.rating.reset();
        sstest::insertReviews(project, unrated);
        const auto sources = sstest::plantedSources();
        auto options = quickOptions();
        options.only = ClassifierKind::Head;
        SS_VERIFY_OK(SentimentTrainer::train(project, options, &sources, {}));
        QVERIFY(!SentimentApplier::apply(project, nullptr, {}));  // the head needs vectors

        // Cancelled after the first chunk of 100: that chunk is kept, the next run continues.
        std::stop_source stop;
        JobContext context{[&](const JobProgress& p) { if (p.stage == stages::kLabellingReviews) stop.request_stop(); }, stop.get_token()};
        auto cancelled = SentimentApplier::apply(project, &sources, context, 100);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM review_sentiment"), std::int64_t(100));
        auto rest = SentimentApplier::apply(project, &sources, {}, 100);
        SS_VERIFY_OK(rest);
        QCOMPARE(rest->alreadyPredicted, std::int64_t(100));
        QCOMPARE(rest->predictedNow, std::int64_t(280));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM review_sentiment"), std::int64_t(380));
        // The unrated reviews got the planted sentiment.
        QVERIFY(sstest::countRows(project, "SELECT count(*) FROM review_sentiment s JOIN reviews r ON r.id = s.review_id"
                                           " WHERE r.rating IS NULL AND (s.label = 1) = (instr(r.body, 'great') + instr(r.body, 'love') +"
                                           " instr(r.body, 'perfect') + instr(r.body, 'excellent') + instr(r.body, '很好') + instr(r.body, '满意') > 0)") >= 76);
        auto nothing = SentimentApplier::apply(project, &sources, {});
        SS_VERIFY_OK(nothing);
        QCOMPARE(nothing->predictedNow, std::int64_t(0));
        sstest::insertReviews(project, sstest::plantedReviews(2, 8, false, 900));
        auto added = SentimentApplier::apply(project, &sources, {});
        SS_VERIFY_OK(added);
        QCOMPARE(added->predictedNow, std::int64_t(4));
        // Vectors from another encoder are refused rather than misread.
        auto other = sstest::plantedSources();
        other.encoder = "another@2";
        QVERIFY(!SentimentApplier::apply(project, &other, {}));
    }

    void applyBeforeTrainingSaysSo() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir, 10);
        auto summary = SentimentApplier::apply(project, nullptr, {});
        QVERIFY(!summary);
        QVERIFY(summary.error().message.find("sentiment train") != std::string::npos);
    }

    void damagedClassifierIsReported() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto options = quickOptions();
        options.only = ClassifierKind::Tfidf;
        SS_VERIFY_OK(SentimentTrainer::train(project, options, nullptr, {}));
        {
            auto p = Project::open(project);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->db().exec("UPDATE sentiment_classifiers SET state = substr(state, 1, 40)"));
        }
        auto kept = SentimentApplier::kept(project);
        QVERIFY(!kept);
        QVERIFY(kept.error().message.find("damaged") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSentimentTrainer)
#include "TestSentimentTrainer.moc"
