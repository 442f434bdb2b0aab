// Loads generated tiny BERT folders (no real model needed): strict weight matching errors, options,
// input validation, batching/order invariance and cancellation of SentenceEncoder.
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <stop_token>

#include "SafetensorsBytes.h"
#include "TinyBertFixture.h"
#include "model/SentenceEncoder.h"
#include "model/Sha256.h"

using namespace tinybert;

namespace {

Entries without(Entries e, const std::string& name) {
    std::erase_if(e, [&](const auto& x) { return x.name == name; });
    return e;
}

QString errorText(const ss::Error& e) { return QString::fromStdString(e.describe()); }

std::vector<std::vector<std::int32_t>> sampleIds() {
    return {{2, 5, 7, 3}, {2, 9, 3}, {2, 11, 12, 13, 14, 15, 16, 3}, {2, 3}, {2, 29, 0, 4, 3}, {2, 5, 7, 3}};
}

}  // namespace

using Mutation = std::function<Entries()>;
Q_DECLARE_METATYPE(Mutation)

class TestTinyBert : public QObject {
    Q_OBJECT
private slots:
    void weights_data() {
        QTest::addColumn<Mutation>("weights");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QStringList>("mentions");  // empty: must load
        QTest::newRow("exact") << Mutation(tinyWeights) << tinyConfig() << QStringList{};
        QTest::newRow("bert. prefix") << Mutation([] {
            auto e = tinyWeights();
            for (auto& x : e) x.name = "bert." + x.name;
            return e;
        }) << tinyConfig("BertForMaskedLM") << QStringList{};
        QTest::newRow("HF extras ignored") << Mutation([] {
            auto e = tinyWeights();
            e.push_back({"embeddings.position_ids", "I64", {1, kMaxPos}, QByteArray(8 * kMaxPos, '\0')});
            e.push_back({"pooler.dense.weight", "F32", {kHidden, kHidden}, pseudoRandom(kHidden * kHidden, 99)});
            e.push_back({"pooler.dense.bias", "F32", {kHidden}, pseudoRandom(kHidden, 98)});
            return e;
        }) << tinyConfig() << QStringList{};
        QTest::newRow("missing") << Mutation([] { return without(tinyWeights(), "encoder.layer.1.output.dense.bias"); })
                                 << tinyConfig() << QStringList{"missing tensors (1)", "encoder.layer.1.output.dense.bias"};
        QTest::newRow("unexpected") << Mutation([] {
            auto e = tinyWeights();
            e.push_back({"encoder.layer.2.output.dense.bias", "F32", {kHidden}, pseudoRandom(kHidden, 7)});
            return e;
        }) << tinyConfig() << QStringList{"unexpected tensors (1)", "encoder.layer.2.output.dense.bias"};
        QTest::newRow("wrong shape") << Mutation([] {
            auto e = without(tinyWeights(), "embeddings.word_embeddings.weight");
            e.push_back({"embeddings.word_embeddings.weight", "F32", {kVocab + 1, kHidden}, pseudoRandom((kVocab + 1) * kHidden, 5)});
            return e;
        }) << tinyConfig() << QStringList{"wrong shape", QStringLiteral("embeddings.word_embeddings.weight [%1, %2] (expected [%3, %2])").arg(kVocab + 1).arg(kHidden).arg(kVocab)};
        QTest::newRow("integer weight") << Mutation([] {
            auto e = without(tinyWeights(), "encoder.layer.0.intermediate.dense.bias");
            e.push_back({"encoder.layer.0.intermediate.dense.bias", "I32", {kInter}, QByteArray(4 * kInter, '\0')});
            return e;
        }) << tinyConfig() << QStringList{"unsupported dtype", "encoder.layer.0.intermediate.dense.bias is I32"};
        QTest::newRow("several problems") << Mutation([] {
            auto e = without(without(tinyWeights(), "embeddings.LayerNorm.bias"), "embeddings.LayerNorm.weight");
            e.push_back({"decoder.weight", "F32", {1}, pseudoRandom(1, 3)});
            return e;
        }) << tinyConfig() << QStringList{"missing tensors (2)", "embeddings.LayerNorm.bias", "unexpected tensors (1)", "decoder.weight"};
        QTest::newRow("pickle only") << Mutation([] { return Entries{}; }) << tinyConfig()
                                     << QStringList{"refusing pickled weights", "pytorch_model.bin"};
        QTest::newRow("roberta") << Mutation(tinyWeights) << tinyConfig("RobertaModel")
                                 << QStringList{"unsupported architecture: RobertaModel"};
    }
    void weights() {
        QFETCH(Mutation, weights);
        QFETCH(QByteArray, config);
        QFETCH(QStringList, mentions);
        QTemporaryDir dir;
        const Entries entries = weights();
        QVERIFY(writeModel(dir.path(), entries, config));
        if (entries.empty()) QVERIFY(SafetensorsBytes::write(dir.filePath("pytorch_model.bin"), "PK\x03\x04"));
        auto encoder = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fp32", 0, 4});
        if (mentions.isEmpty()) {
            QVERIFY2(encoder.ok(), encoder.ok() ? "" : encoder.error().describe().c_str());
            auto vectors = encoder->encodeIds(sampleIds());
            QVERIFY(vectors.ok());
            QCOMPARE(vectors->size(), sampleIds().size());
            return;
        }
        QVERIFY2(!encoder.ok(), "loaded a model that should have been refused");
        for (const QString& m : mentions) QVERIFY2(errorText(encoder.error()).contains(m), qPrintable(errorText(encoder.error())));
    }

    void halfPrecisionFileLoads() {
        // F16 and BF16 files load into fp32 parameters; results stay close to the F32 file's.
        auto asHalf = tinyWeights();
        for (auto& e : asHalf) {
            QByteArray half(e.data.size() / 2, '\0');
            for (int i = 0; i < e.data.size() / 4; ++i) {
                const float f = qFromLittleEndian<float>(e.data.constData() + 4 * i);
                const qfloat16 h(f);
                std::memcpy(half.data() + 2 * i, &h, 2);
            }
            e.data = half;
            e.dtype = "F16";
        }
        QTemporaryDir full, half;
        QVERIFY(writeModel(full.path(), tinyWeights()));
        QVERIFY(writeModel(half.path(), asHalf));
        auto a = ss::SentenceEncoder::load(full.path().toStdString(), {"cpu", "fp32", 0, 8});
        auto b = ss::SentenceEncoder::load(half.path().toStdString(), {"cpu", "fp32", 0, 8});
        QVERIFY(a.ok() && b.ok());
        const auto va = a->encodeIds(sampleIds()).value();
        const auto vb = b->encodeIds(sampleIds()).value();
        for (std::size_t i = 0; i < va.size(); ++i) {
            double dot = 0;
            for (std::size_t k = 0; k < va[i].size(); ++k) dot += double(va[i][k]) * vb[i][k];
            QVERIFY2(dot > 0.99, qPrintable(QString::number(dot)));
        }
        QVERIFY(a->info().weightsSha256 != b->info().weightsSha256);
    }

    void info() {
        QTemporaryDir dir;
        QVERIFY(writeModel(dir.path(), tinyWeights()));
        auto encoder = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fp16", 0, 4});
        QVERIFY(encoder.ok());
        const ss::EncoderInfo& info = encoder->info();
        QCOMPARE(info.layers, std::int64_t(kLayers));
        QCOMPARE(info.hidden, std::int64_t(kHidden));
        QCOMPARE(info.heads, std::int64_t(kHeads));
        QCOMPARE(info.vocabSize, std::int64_t(kVocab));
        QCOMPARE(info.maxLength, std::int64_t(12));
        QCOMPARE(QString::fromStdString(info.device), QStringLiteral("cpu"));
        QCOMPARE(QString::fromStdString(info.precision), QStringLiteral("fp32"));  // fp16 is not used on CPU
        QCOMPARE(info.pooling, ss::PoolingMode::Mean);
        QVERIFY(info.normalize);
        QCOMPARE(QString::fromStdString(info.name), QFileInfo(dir.path()).fileName());
        const auto sha = ss::Sha256::hexOfFile((dir.path() + "/model.safetensors").toStdString());
        QCOMPARE(info.weightsSha256, sha.value());
    }

    void fastModeIsCloseToExact() {
        // bf16 (AVX512-BF16) or int8 (an int8 engine) matrix products, everything else in fp32: vectors
        // stay close to the exact ones; where neither exists fast mode says it is exact and gives the
        // same vectors.
        QTemporaryDir dir;
        QVERIFY(writeModel(dir.path(), tinyWeights()));
        auto exact = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fp32", 0, 4});
        auto fast = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fast", 0, 4});
        QVERIFY(exact.ok() && fast.ok());
        const auto a = exact->encodeIds(sampleIds());
        const auto b = fast->encodeIds(sampleIds());
        QVERIFY(a.ok() && b.ok());
        const QString precision = QString::fromStdString(fast->info().precision);
        const bool lower = precision.startsWith(QLatin1String("fast ("));
        if (lower) QVERIFY2(precision == QLatin1String("fast (bf16 matrix products)") || precision == QLatin1String("fast (int8 matrix products)"), qPrintable(precision));
        else QCOMPARE(precision, QStringLiteral("fp32 (fast mode needs AVX512-BF16 or an int8 engine)"));
        for (std::size_t i = 0; i < a->size(); ++i) {
            double dot = 0, na = 0, nb = 0;
            for (std::size_t d = 0; d < (*a)[i].size(); ++d) {
                dot += double((*a)[i][d]) * (*b)[i][d];
                na += double((*a)[i][d]) * (*a)[i][d];
                nb += double((*b)[i][d]) * (*b)[i][d];
            }
            const double cosine = dot / std::sqrt(na * nb);
            QVERIFY2(lower ? cosine > 0.99 : cosine > 0.999999, qPrintable(QString::number(cosine, 'f', 6)));
            if (lower) QVERIFY((*a)[i] != (*b)[i]);  // really another computation
        }
    }

    void badOptions_data() {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("precision");
        QTest::addColumn<int>("batch");
        QTest::addColumn<QString>("mention");
        QTest::newRow("device") << "tpu" << "fp32" << 4 << "device must be auto, cpu or cuda";
        QTest::newRow("precision") << "cpu" << "int8" << 4 << "precision must be fp32, fp16, bf16 or fast";
        QTest::newRow("batch") << "cpu" << "fp32" << 0 << "batch size";
        if (!ss::cudaAvailable()) QTest::newRow("no cuda") << "cuda" << "fp32" << 4 << "no usable CUDA";
    }
    void badOptions() {
        QFETCH(QString, device);
        QFETCH(QString, precision);
        QFETCH(int, batch);
        QFETCH(QString, mention);
        QTemporaryDir dir;
        QVERIFY(writeModel(dir.path(), tinyWeights()));
        auto encoder = ss::SentenceEncoder::load(dir.path().toStdString(),
                                                 {device.toStdString(), precision.toStdString(), 0, std::size_t(batch)});
        QVERIFY(!encoder.ok());
        QVERIFY2(errorText(encoder.error()).contains(mention), qPrintable(errorText(encoder.error())));
    }

    void badInput_data() {
        QTest::addColumn<QList<int>>("ids");
        QTest::addColumn<QString>("mention");
        QTest::newRow("empty") << QList<int>{} << "empty token sequence";
        QTest::newRow("negative id") << QList<int>{2, -1, 3} << "token id -1 at position 1";
        QTest::newRow("id past vocab") << QList<int>{2, kVocab, 3} << "outside the vocabulary [0, 30)";
        QTest::newRow("too long") << QList<int>(13, 4) << "13 tokens exceed the model's maximum of 12";
    }
    void badInput() {
        QFETCH(QList<int>, ids);
        QFETCH(QString, mention);
        QTemporaryDir dir;
        QVERIFY(writeModel(dir.path(), tinyWeights()));
        auto encoder = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fp32", 0, 4});
        QVERIFY(encoder.ok());
        auto input = sampleIds();
        input.emplace_back(ids.begin(), ids.end());
        const auto result = encoder->encodeIds(input);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ss::ErrorCode::InputData);
        QVERIFY2(errorText(result.error()).contains(mention), qPrintable(errorText(result.error())));
        QVERIFY(errorText(result.error()).contains("sequence 6"));
    }

    // Padding, sorting, batching and the threads a batch is split over must not change any vector,
    // and output order is input order.
    void batchInvariance_data() {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("threads");
        QTest::addColumn<QByteArray>("pooling");
        QTest::addColumn<bool>("normalize");
        for (const char* pooling : {"mean_tokens", "cls_token", "max_tokens"}) {
            for (int batch : {1, 2, 5, 64}) {
                for (int threads : {1, 3}) {
                    QTest::addRow("%s, batch %d, %d threads", pooling, batch, threads)
                        << batch << threads << QByteArray(pooling) << (batch != 5);
                }
            }
        }
    }
    void batchInvariance() {
        QFETCH(int, batch);
        QFETCH(int, threads);
        QFETCH(QByteArray, pooling);
        QFETCH(bool, normalize);
        QTemporaryDir dir;
        QVERIFY(writeModel(dir.path(), tinyWeights(), tinyConfig(), pooling, normalize));
        auto one = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fp32", 0, 1});
        auto many = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fp32", threads, std::size_t(batch)});
        QVERIFY(one.ok() && many.ok());
        const auto ids = sampleIds();
        std::vector<std::vector<float>> single;
        for (const auto& seq : ids) single.push_back(one->encodeIds({seq}).value().at(0));
        const auto batched = many->encodeIds(ids).value();
        QCOMPARE(batched.size(), ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            QCOMPARE(batched[i].size(), std::size_t(kHidden));
            double norm = 0;
            for (std::size_t k = 0; k < batched[i].size(); ++k) {
                QVERIFY2(std::abs(batched[i][k] - single[i][k]) < 1e-5, qPrintable(QStringLiteral("row %1 dim %2").arg(i).arg(k)));
                norm += double(batched[i][k]) * batched[i][k];
            }
            QCOMPARE(std::abs(norm - 1.0) < 1e-5, normalize);  // unit length exactly when Normalize is listed
        }
        for (int k = 0; k < kHidden; ++k) QVERIFY(std::abs(batched[0][k] - batched[5][k]) < 1e-6);  // same ids
        QVERIFY(batched[0] != batched[1]);
    }

    void cancellation() {
        QTemporaryDir dir;
        QVERIFY(writeModel(dir.path(), tinyWeights()));
        // One thread: one batch (of one sequence) a step, so the stop lands between batches.
        auto encoder = ss::SentenceEncoder::load(dir.path().toStdString(), {"cpu", "fp32", 1, 1});
        QVERIFY(encoder.ok());
        std::stop_source source;
        int reports = 0;
        ss::JobContext ctx;
        ctx.stop = source.get_token();
        ctx.progress = [&](const ss::JobProgress&) {
            if (++reports == 3) source.request_stop();  // cancel after two batches have been started
        };
        const auto result = encoder->encodeIds(sampleIds(), &ctx);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ss::ErrorCode::Cancelled);
        QCOMPARE(reports, 3);

        std::vector<double> fractions;
        ss::JobContext watching;
        watching.progress = [&](const ss::JobProgress& p) { fractions.push_back(p.fraction); };
        QVERIFY(encoder->encodeIds(sampleIds(), &watching).ok());
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(encoder->encodeIds({}).value().empty());
    }
};

QTEST_APPLESS_MAIN(TestTinyBert)
#include "TestTinyBert.moc"
