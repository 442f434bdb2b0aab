// The fine-tuned classifier's path through SentimentTrainer, SentimentStore and SentimentApplier, with
// planted vector sources standing in for the encoder (the encoder's own fine-tuning is tested in
// tests/core/model): it starts from the logistic head trained in the same run, reads at most the
// configured number of training reviews, is compared and stored like the others with its tuned
// layers, labels reviews with vectors its tuned layers make (chunk by chunk, never cached), and is
// skipped or refused — storing nothing — when the vectors cannot be tuned or the user cancels.
#include <QtTest>

#include <memory>

#include "../store/ProjectDump.h"
#include "SentimentFixtures.h"
#include "sentiment/SentimentApplier.h"
#include "sentiment/SentimentStore.h"
#include "sentiment/SentimentTrainer.h"

using namespace ss;
using namespace ss::sentiment;

namespace {

const std::vector<std::byte> kTunedState{std::byte{7}, std::byte{8}, std::byte{9}};

// What the planted encoder saw and was asked for.
struct TuneLog {
    int fineTuneCalls = 0;
    FineTuneTexts seen;
    std::vector<std::byte> tunedWith;
    int tunedReviewCalls = 0;
    bool cancel = false;
};

// Planted sources that can be "fine-tuned": the head comes back as given, the tuned vectors are the
// planted ones under another fingerprint and are not cached.
VectorSources tunableSources(const std::shared_ptr<TuneLog>& log) {
    auto s = sstest::plantedSources();
    s.encoderLayers = 6;
    s.fineTune = [log](const FineTuneTexts& data, const JobContext& context) -> Result<FineTuneResult> {
        ++log->fineTuneCalls;
        log->seen = data;
        context.report(0.5, "Fine-tuning the encoder: epoch 1");
        if (log->cancel) return makeError(ErrorCode::Cancelled, "fine-tuning cancelled");
        FineTuneResult r;
        r.tunedLayers = kTunedState;
        r.headWeights = data.headWeights;
        r.headBias = data.headBias;
        r.epochs = 2;
        r.bestEpoch = 1;
        r.startValidationLoss = 0.5;
        r.bestValidationLoss = 0.4;
        r.validationLosses = {0.4, 0.45};
        return r;
    };
    s.tuned = [log](const std::vector<std::byte>& layers) -> Result<VectorSources> {
        log->tunedWith = layers;
        auto t = sstest::plantedSources(&log->tunedReviewCalls);
        t.encoder = "planted@1+tuned";
        t.cached = false;
        return t;
    };
    return s;
}

std::filesystem::path plantedProject(const QTemporaryDir& dir) {
    const auto path = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
    sstest::insertReviews(path, sstest::plantedReviews(150, 11));
    return path;
}

TrainOptions withFineTune(std::size_t maxTrain) {
    TrainOptions o;
    o.cGrid = {1.0};
    o.withFineTune = true;
    o.fineTuneMaxTrain = maxTrain;
    return o;
}

}  // namespace

class TestFineTuneClassifier : public QObject {
    Q_OBJECT
private slots:
    void startsFromTheProbeAndIsStoredWithItsLayers() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto log = std::make_shared<TuneLog>();
        const auto sources = tunableSources(log);
        auto report = SentimentTrainer::train(project, withFineTune(50), &sources, {});
        SS_VERIFY_OK(report);
        QCOMPARE(log->fineTuneCalls, 1);
        const auto* tuned = report->find("finetune");
        QVERIFY(tuned && tuned->trained);
        QCOMPARE(tuned->tuningTexts, std::int64_t(50));
        QCOMPARE(log->seen.train.size(), std::size_t(50));  // a sample of the larger training part
        QVERIFY(report->train > 50);
        QCOMPARE(log->seen.validation.size(), static_cast<std::size_t>(report->validation));
        QCOMPARE(tuned->tunedLayers, 2);
        QCOMPARE(tuned->encoderLayers, 6);
        QCOMPARE(tuned->validationLosses, (std::vector<double>{0.5, 0.4, 0.45}));
        QVERIFY(tuned->heldout.accuracy > 0.9);
        QCOMPARE(report->classifiers.size(), std::size_t(4));
        QCOMPARE(report->comparisons.size(), std::size_t(3));
        QCOMPARE(log->tunedWith, kTunedState);

        // The head it started from is the logistic regression trained in the same run.
        std::string headKey, tunedKey;
        for (const auto& [name, key] : report->classifierKeys) {
            if (name == "head") headKey = key;
            if (name == "finetune") tunedKey = key;
        }
        auto head = SentimentStore::classifier(project, headKey);
        SS_VERIFY_OK(head);
        QVERIFY(*head);
        QCOMPARE(log->seen.headWeights, (*head)->head.output.data);
        QCOMPARE(log->seen.headBias, (*head)->head.outputBias);
        // Stored with its layers and read back.
        auto stored = SentimentStore::classifier(project, tunedKey);
        SS_VERIFY_OK(stored);
        QVERIFY(*stored);
        QCOMPARE((*stored)->kind, ClassifierKind::Finetune);
        QCOMPARE((*stored)->tunedLayers, kTunedState);
        QCOMPARE((*stored)->encoder, std::string("planted@1"));
    }

    void labelsWithTheTunedVectorsChunkByChunk() {
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto log = std::make_shared<TuneLog>();
        const auto sources = tunableSources(log);
        auto options = withFineTune(0);
        options.only = ClassifierKind::Finetune;
        auto report = SentimentTrainer::train(project, options, &sources, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->chosen, std::string("finetune"));
        QCOMPARE(static_cast<std::int64_t>(log->seen.train.size()), report->train);  // 0: no cap
        log->tunedWith.clear();
        log->tunedReviewCalls = 0;
        auto applied = SentimentApplier::apply(project, &sources, {}, 40);
        SS_VERIFY_OK(applied);
        QCOMPARE(applied->predictedNow, std::int64_t(300));
        QCOMPARE(log->tunedWith, kTunedState);
        QCOMPARE(log->tunedReviewCalls, 8);  // 300 reviews in chunks of 40
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM review_sentiment WHERE classifier LIKE 'finetune-%'"), std::int64_t(300));
        auto kept = SentimentApplier::kept(project);
        SS_VERIFY_OK(kept);
        auto labels = SentimentApplier::predictTexts(kept->second, {"great, I love it", "broken and terrible"}, &sources);
        SS_VERIFY_OK(labels);
        QCOMPARE((*labels)[0].first, Sentiment::Positive);
        QCOMPARE((*labels)[1].first, Sentiment::Negative);
    }

    void skippedOrRefusedStoringNothing_data() {
        QTest::addColumn<bool>("tunable");
        QTest::addColumn<bool>("only");
        QTest::addColumn<bool>("asked");
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<QString>("outcome");  // a skipped code, or "error:CODE"
        QTest::newRow("not asked") << true << false << false << false << "not-enabled";
        QTest::newRow("vectors that cannot be tuned") << false << false << true << false << "cannot-tune";
        QTest::newRow("requested, cannot be tuned") << false << true << true << false << "error:unsupported";
        QTest::newRow("cancelled") << true << false << true << true << "error:cancelled";
    }
    void skippedOrRefusedStoringNothing() {
        QFETCH(bool, tunable);
        QFETCH(bool, only);
        QFETCH(bool, asked);
        QFETCH(bool, cancel);
        QFETCH(QString, outcome);
        QTemporaryDir dir;
        const auto project = plantedProject(dir);
        auto log = std::make_shared<TuneLog>();
        log->cancel = cancel;
        const auto sources = tunable ? tunableSources(log) : sstest::plantedSources();
        auto options = withFineTune(0);
        options.withFineTune = asked;
        if (only) options.only = ClassifierKind::Finetune;
        auto report = SentimentTrainer::train(project, options, &sources, {});
        if (outcome.startsWith("error:")) {
            QVERIFY(!report);
            QCOMPARE(report.error().code, outcome == "error:cancelled" ? ErrorCode::Cancelled : ErrorCode::Unsupported);
            QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sentiment_runs"), std::int64_t(0));
            QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sentiment_classifiers"), std::int64_t(0));
            return;
        }
        SS_VERIFY_OK(report);
        QCOMPARE(report->find("finetune")->skippedCode, outcome.toStdString());
        QCOMPARE(log->fineTuneCalls, 0);
        QVERIFY(report->find("head")->trained);
    }
};

QTEST_GUILESS_MAIN(TestFineTuneClassifier)
#include "TestFineTuneClassifier.moc"
