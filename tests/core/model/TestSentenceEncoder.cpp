// Reproduces sentence-transformers' all-MiniLM-L6-v2 vectors with the installed model. Fails (does not
// skip) when the model folder is missing: install it with scripts/install-model.sh or point
// SHELFSENSE_MODEL_DIR at it. Reference vectors: tests/data/model/golden_embeddings.jsonl, written by
// bench/peers/make_embedding_golden.py (input_ids come from the HF tokenizer, so this test does not
// depend on our tokenizer).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <limits>

#include "model/SentenceEncoder.h"

namespace {

QString modelDir() {
    const QByteArray env = qgetenv("SHELFSENSE_MODEL_DIR");
    return env.isEmpty() ? QDir::homePath() + "/.local/share/shelfsense/models/all-MiniLM-L6-v2" : QString::fromLocal8Bit(env);
}

struct Golden {
    QString text;
    std::vector<std::int32_t> ids;
    std::vector<float> vector;
};

double cosine(const std::vector<float>& a, const std::vector<float>& b) {
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

}  // namespace

class TestSentenceEncoder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QFile file(QStringLiteral(SS_TEST_DATA_DIR "/model/golden_embeddings.jsonl"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty()) continue;
            const QJsonObject row = QJsonDocument::fromJson(line).object();
            Golden g;
            g.text = row.value("text").toString();
            for (const auto& v : row.value("input_ids").toArray()) g.ids.push_back(std::int32_t(v.toInt()));
            for (const auto& v : row.value("vector").toArray()) g.vector.push_back(float(v.toDouble()));
            golden_.push_back(std::move(g));
        }
        QVERIFY(golden_.size() >= 120);

        const QString dir = modelDir();
        QVERIFY2(QFile::exists(dir + "/model.safetensors"),
                 qPrintable("model not installed at " + dir + ": run scripts/install-model.sh or set SHELFSENSE_MODEL_DIR"));
    }

    void info() {
        auto encoder = ss::SentenceEncoder::load(modelDir().toStdString(), {"cpu", "fp32", 0, 32});
        QVERIFY2(encoder.ok(), encoder.ok() ? "" : encoder.error().describe().c_str());
        const ss::EncoderInfo& info = encoder->info();
        QCOMPARE(info.layers, std::int64_t(6));
        QCOMPARE(info.hidden, std::int64_t(384));
        QCOMPARE(info.heads, std::int64_t(12));
        QCOMPARE(info.vocabSize, std::int64_t(30522));
        QCOMPARE(info.maxLength, std::int64_t(256));
        QCOMPARE(info.pooling, ss::PoolingMode::Mean);
        QVERIFY(info.normalize);
        QCOMPARE(QString::fromStdString(info.device), QStringLiteral("cpu"));
        QCOMPARE(QString::fromStdString(info.precision), QStringLiteral("fp32"));
        QCOMPARE(info.weightsSha256.size(), std::size_t(64));
        qInfo("model %s, sha256 %s, cuda available: %s", info.name.c_str(), info.weightsSha256.c_str(),
              ss::cudaAvailable() ? "yes" : "no");
    }

    // Every golden vector must be reproduced; batch sizes vary padding and grouping.
    void golden_data() {
        QTest::addColumn<int>("batch");
        QTest::newRow("batch 32") << 32;
        QTest::newRow("batch 7") << 7;
    }
    void golden() {
        QFETCH(int, batch);
        auto encoder = ss::SentenceEncoder::load(modelDir().toStdString(), {"cpu", "fp32", 0, std::size_t(batch)});
        QVERIFY2(encoder.ok(), encoder.ok() ? "" : encoder.error().describe().c_str());
        std::vector<std::vector<std::int32_t>> ids;
        for (const auto& g : golden_) ids.push_back(g.ids);
        const auto vectors = encoder->encodeIds(ids);
        QVERIFY2(vectors.ok(), vectors.ok() ? "" : vectors.error().describe().c_str());
        QCOMPARE(vectors->size(), golden_.size());

        double minCos = std::numeric_limits<double>::max();
        double maxAbs = 0;
        QString worst;
        for (std::size_t i = 0; i < golden_.size(); ++i) {
            QCOMPARE(vectors->at(i).size(), golden_[i].vector.size());
            const double c = cosine(vectors->at(i), golden_[i].vector);
            for (std::size_t k = 0; k < golden_[i].vector.size(); ++k) {
                maxAbs = std::max(maxAbs, double(std::abs(vectors->at(i)[k] - golden_[i].vector[k])));
            }
            if (c < minCos) {
                minCos = c;
                worst = golden_[i].text.left(60);
            }
            QVERIFY2(c >= 0.9999, qPrintable(QStringLiteral("cosine %1 for \"%2\"").arg(c, 0, 'f', 7).arg(golden_[i].text.left(60))));
        }
        qInfo("min cosine over %zu texts: %.10f (1 - cos = %.2e, \"%s\"); max |diff| %.2e", golden_.size(), minCos,
              1.0 - minCos, qPrintable(worst), maxAbs);
    }

private:
    std::vector<Golden> golden_;
};

QTEST_APPLESS_MAIN(TestSentenceEncoder)
#include "TestSentenceEncoder.moc"
