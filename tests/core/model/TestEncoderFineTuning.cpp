// Fine-tuning SentenceEncoder's top layers with a head, on a generated tiny BERT and a planted task
// (class 0 texts use words 5-9, class 1 words 20-24): training lowers the validation loss from where
// the starting head left it, the encoder itself is unchanged afterwards (also when cancelled), the
// returned state reproduces the best epoch exactly when applied to a fresh encoder, and damaged
// states and bad requests are refused without changing anything.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>

#include "TinyBertFixture.h"
#include "model/SentenceEncoder.h"

using namespace tinybert;

namespace {

using Ids = std::vector<std::vector<std::int32_t>>;

// `count` texts of class `label`: [CLS] 3-6 words from the class's words, one shared noise word [SEP].
Ids plantedTexts(int label, int count, std::uint32_t seed) {
    Ids out;
    for (int i = 0; i < count; ++i) {
        std::vector<std::int32_t> ids{2};
        seed = seed * 1664525u + 1013904223u;
        const int words = 3 + int(seed >> 28) % 4;
        for (int w = 0; w < words; ++w) {
            seed = seed * 1664525u + 1013904223u;
            ids.push_back((label == 0 ? 5 : 20) + std::int32_t((seed >> 24) % 5));
        }
        ids.push_back(12 + std::int32_t(i % 3));  // words both classes use
        ids.push_back(3);
        out.push_back(std::move(ids));
    }
    return out;
}

ss::FineTuneData plantedData() {
    ss::FineTuneData d;
    for (int label : {0, 1}) {
        auto train = plantedTexts(label, 40, 11u + std::uint32_t(label));
        auto validation = plantedTexts(label, 12, 101u + std::uint32_t(label));
        d.trainIds.insert(d.trainIds.end(), train.begin(), train.end());
        d.validationIds.insert(d.validationIds.end(), validation.begin(), validation.end());
        d.trainLabels.insert(d.trainLabels.end(), train.size(), label);
        d.validationLabels.insert(d.validationLabels.end(), validation.size(), label);
    }
    d.classes = 2;
    d.classWeights = {1.0, 1.0};
    d.headWeights.assign(2 * kHidden, 0.0f);  // a head that knows nothing: validation loss starts at ln 2
    d.headBias.assign(2, 0.0f);
    return d;
}

ss::FineTuneSettings quickSettings(int layers) {
    ss::FineTuneSettings s;
    s.layers = layers;
    s.maxEpochs = 25;
    s.patience = 25;
    s.batchSize = 8;
    s.learningRate = 1e-2;  // a tiny random model needs big steps
    s.headLearningRate = 5e-2;
    return s;
}

// Mean class-weighted cross entropy of the head on the encoder's vectors (weights all 1 here).
double headLoss(const std::vector<std::vector<float>>& vectors, const std::vector<int>& labels, const std::vector<float>& w,
                const std::vector<float>& b) {
    double total = 0;
    for (std::size_t r = 0; r < vectors.size(); ++r) {
        double logits[2];
        for (int c = 0; c < 2; ++c) {
            logits[c] = b[std::size_t(c)];
            for (int k = 0; k < kHidden; ++k) logits[c] += double(w[std::size_t(c * kHidden + k)]) * vectors[r][std::size_t(k)];
        }
        const double top = std::max(logits[0], logits[1]);
        const double logSum = top + std::log(std::exp(logits[0] - top) + std::exp(logits[1] - top));
        total += logSum - logits[labels[r]];
    }
    return total / double(vectors.size());
}

}  // namespace

class TestEncoderFineTuning : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    ss::SentenceEncoder load() {
        auto e = ss::SentenceEncoder::load(dir_.path().toStdString());
        if (!e) qFatal("%s", e.error().describe().c_str());
        return std::move(*e);
    }
    std::vector<std::vector<float>> vectorsOf(ss::SentenceEncoder& e, const Ids& ids) {
        auto v = e.encodeIds(ids);
        if (!v) qFatal("%s", v.error().describe().c_str());
        return *v;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(writeModel(dir_.path(), tinyWeights()));
    }

    void trainingLowersValidationLossAndReproduces_data() {
        QTest::addColumn<int>("layers");
        QTest::newRow("top layer") << 1;
        QTest::newRow("all layers") << kLayers;
    }
    void trainingLowersValidationLossAndReproduces() {
        QFETCH(int, layers);
        auto encoder = load();
        const auto data = plantedData();
        const auto before = vectorsOf(encoder, data.validationIds);
        int calls = 0;
        auto result = encoder.fineTune(data, quickSettings(layers), [&](int epoch, int step, int steps, double loss) {
            ++calls;
            return epoch >= 1 && step >= 1 && step <= steps && std::isfinite(loss);
        });
        QVERIFY2(result, result ? "" : result.error().describe().c_str());
        QVERIFY(std::abs(result->startValidationLoss - std::log(2.0)) < 1e-6);
        QVERIFY2(result->bestValidationLoss < 0.35, qPrintable(QString::number(result->bestValidationLoss)));
        QVERIFY(result->bestEpoch >= 1 && result->bestEpoch <= result->epochs);
        QCOMPARE(calls, result->epochs * 10);  // 80 training texts in batches of 8
        QVERIFY(result->trainTokens > 80 * 5);

        // The encoder serves the frozen vectors exactly as before.
        QCOMPARE(vectorsOf(encoder, data.validationIds), before);

        // A fresh encoder with the state makes other vectors, on which the head's loss is the best one.
        auto tuned = load();
        QVERIFY(tuned.applyTunedLayers(result->tunedLayers));
        const auto after = vectorsOf(tuned, data.validationIds);
        QVERIFY(after != before);
        QVERIFY(std::abs(headLoss(after, data.validationLabels, result->headWeights, result->headBias) - result->bestValidationLoss) < 1e-4);
        // Only the trained layers are stored: a top-layer state is about half the size of a two-layer one.
        const std::size_t perLayer = 4 * (3 * (kHidden * kHidden + kHidden) + kHidden * kHidden + kHidden + 2 * kHidden +
                                          kInter * kHidden + kInter + kHidden * kInter + kHidden + 2 * kHidden);
        QVERIFY(result->tunedLayers.size() > perLayer * std::size_t(layers));
        QVERIFY(result->tunedLayers.size() < perLayer * std::size_t(layers) + 4096);
    }

    void fastModeRefusesTrainingAndFollowsTunedLayers() {
        auto fast = ss::SentenceEncoder::load(dir_.path().toStdString(), {"cpu", "fast", 0, 4});
        QVERIFY(fast.ok());
        if (fast->info().precision.rfind("fast", 0) != 0) QSKIP("fast mode is exact on this CPU (no AVX512-BF16, no int8 engine)");
        const auto data = plantedData();
        auto refused = fast->fineTune(data, quickSettings(1), {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ss::ErrorCode::Unsupported);
        // Tuned layers applied to a fast encoder reach its low-precision copies: its vectors follow the
        // tuned exact ones, not the untuned. (On this 8-wide toy model int8 products measured 0.875-0.93
        // of cosine, bf16 above 0.99; a fast copy left untuned measured 0.08. The real model's figures
        // are in bench/encode.)
        const bool int8 = fast->info().precision == "fast (int8 matrix products)";
        auto untuned = load();
        auto trainer = load();
        auto result = trainer.fineTune(data, quickSettings(kLayers), {});
        QVERIFY(result);
        auto exact = load();
        QVERIFY(exact.applyTunedLayers(result->tunedLayers));
        QVERIFY(fast->applyTunedLayers(result->tunedLayers));
        const auto a = vectorsOf(exact, data.validationIds);
        const auto b = vectorsOf(*fast, data.validationIds);
        const auto before = vectorsOf(untuned, data.validationIds);
        for (std::size_t i = 0; i < a.size(); ++i) {
            double dot = 0, dotBefore = 0, tunedMoved = 0;
            for (std::size_t d = 0; d < a[i].size(); ++d) {  // unit vectors
                dot += double(a[i][d]) * b[i][d];
                dotBefore += double(before[i][d]) * b[i][d];
                tunedMoved += double(a[i][d]) * before[i][d];
            }
            QVERIFY2(dot > (int8 ? 0.8 : 0.99), qPrintable(QString::number(dot, 'f', 6)));
            if (tunedMoved < 0.99) QVERIFY2(dot > dotBefore, qPrintable(QStringLiteral("%1 vs %2").arg(dot).arg(dotBefore)));
        }
    }

    void cancellingLeavesTheEncoderAsItWas() {
        auto encoder = load();
        const auto data = plantedData();
        const auto before = vectorsOf(encoder, data.validationIds);
        auto result = encoder.fineTune(data, quickSettings(kLayers), [](int epoch, int step, int, double) { return epoch < 2 || step < 3; });
        QVERIFY(!result);
        QCOMPARE(result.error().code, ss::ErrorCode::Cancelled);
        QCOMPARE(vectorsOf(encoder, data.validationIds), before);
    }

    void badRequestsAreRefused_data() {
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("headSize");
        QTest::addColumn<int>("badLabel");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no layers") << 0 << 2 * kHidden << 0 << "layers to fine-tune must be 1 to 2";
        QTest::newRow("more layers than the model") << kLayers + 1 << 2 * kHidden << 0 << "layers to fine-tune must be 1 to 2";
        QTest::newRow("head of the wrong size") << 1 << kHidden << 0 << "starting head";
        QTest::newRow("label out of range") << 1 << 2 * kHidden << 2 << "outside 0..1";
    }
    void badRequestsAreRefused() {
        QFETCH(int, layers);
        QFETCH(int, headSize);
        QFETCH(int, badLabel);
        QFETCH(QString, mentions);
        auto encoder = load();
        auto data = plantedData();
        data.headWeights.assign(std::size_t(headSize), 0.0f);
        if (badLabel) data.trainLabels[3] = badLabel;
        auto settings = quickSettings(layers);
        auto result = encoder.fineTune(data, settings, {});
        QVERIFY(!result);
        QVERIFY2(QString::fromStdString(result.error().describe()).contains(mentions), result.error().describe().c_str());
    }

    void damagedStatesAreRefused_data() {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << 0 << "not a ShelfSense layer state";
        QTest::newRow("other magic") << 1 << "not a ShelfSense layer state";
        QTest::newRow("cut short") << 2 << "cut short";
        QTest::newRow("trailing byte") << 3 << "trailing bytes";
        QTest::newRow("unknown parameter") << 4 << "is not a parameter of this model";
        QTest::newRow("other version") << 5 << "unknown version";
    }
    void damagedStatesAreRefused() {
        QFETCH(int, damage);
        QFETCH(QString, mentions);
        auto trainer = load();
        auto settings = quickSettings(1);
        settings.maxEpochs = 1;
        auto result = trainer.fineTune(plantedData(), settings, {});
        QVERIFY(result);
        std::vector<std::byte> state = result->tunedLayers;
        switch (damage) {
            case 0: state.clear(); break;
            case 1: state[0] = std::byte{'X'}; break;
            case 2: state.resize(state.size() / 2); break;
            case 3: state.push_back(std::byte{0}); break;
            case 4: {
                // The first name starts after magic, version, count and its length: "encoder.layer.1..." -> "encoder.layer.7..."
                const std::size_t digit = 4 + 4 + 4 + 4 + std::strlen("encoder.layer.");
                state[digit] = std::byte{'7'};
                break;
            }
            case 5: state[4] = std::byte{9}; break;
        }
        auto encoder = load();
        const auto before = vectorsOf(encoder, plantedData().validationIds);
        const auto applied = encoder.applyTunedLayers(state);
        QVERIFY(!applied);
        QVERIFY2(QString::fromStdString(applied.error().describe()).contains(mentions), applied.error().describe().c_str());
        QCOMPARE(vectorsOf(encoder, plantedData().validationIds), before);
    }
};

QTEST_GUILESS_MAIN(TestEncoderFineTuning)
#include "TestEncoderFineTuning.moc"
