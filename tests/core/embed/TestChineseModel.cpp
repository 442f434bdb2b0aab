#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "../text/TokenizerTestSupport.h"
#include "embed/EncodeJob.h"
#include "embed/ModelInstaller.h"
#include "embed/SemanticCatalog.h"
#include "sample/SampleShop.h"
#include "search/CatalogSearch.h"
#include "store/Project.h"

using namespace ss;

// A Chinese-vocabulary model through the whole path, with the tiny random-weight fixture made by
// bench/peers/make_tiny_chinese_bert.py (tests/data/model/tiny-chinese-bert: bge-style, CLS pooling
// and normalisation): installed like a user's model, its vectors equal to sentence-transformers'
// (and with mean pooling, text2vec-style, in the older pooling file format), then on the bilingual
// sample shop it reads the text (coverage), encodes, searches and finds similar items.
class TestChineseModel : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::filesystem::path installed_;

    static double cosine(const std::vector<float>& a, const QJsonArray& b) {
        double dot = 0, na = 0, nb = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const double y = b[qsizetype(i)].toDouble();
            dot += a[i] * y;
            na += double(a[i]) * a[i];
            nb += y * y;
        }
        return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
    }

    static double norm(const std::vector<float>& a) {
        double n = 0;
        for (float x : a) n += double(x) * x;
        return std::sqrt(n);
    }

    void checkGolden(const std::filesystem::path& model, const QString& pooling, bool normalised) {
        QString error;
        const auto records = testing::readJsonLines(QStringLiteral(SS_TEST_DATA_DIR "/model/tiny_chinese_golden.jsonl"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto encoder = TextEncoder::load(model);
        QVERIFY2(encoder.ok(), encoder.ok() ? "" : encoder.error().describe().c_str());
        int checked = 0;
        for (const auto& r : records) {
            if (r["pooling"].toString() != pooling) continue;
            auto vectors = encoder->encode({r["text"].toString().toStdString()});
            QVERIFY(vectors.ok());
            const auto& v = vectors->front();
            const QJsonArray expected = r["vector"].toArray();
            QCOMPARE(qsizetype(v.size()), expected.size());
            QVERIFY2(cosine(v, expected) >= 0.9999, qPrintable(r["text"].toString() + ": " + QString::number(cosine(v, expected))));
            for (std::size_t i = 0; i < v.size(); ++i) QVERIFY(std::abs(v[i] - expected[qsizetype(i)].toDouble()) < 1e-4);
            if (normalised && !r["text"].toString().isEmpty()) QVERIFY(std::abs(norm(v) - 1) < 1e-4);
            ++checked;
        }
        QCOMPARE(checked, 8);
    }

private slots:
    void initTestCase() {
        auto result = ModelInstaller::install(SS_TEST_DATA_DIR "/model/tiny-chinese-bert", dir_.filePath("models").toStdString(), {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().describe().c_str());
        QVERIFY(!result->verified);  // not a model with published checksums; checked for its files and format instead
        installed_ = result->dir;
    }

    void clsPoolingMatchesSentenceTransformers() { checkGolden(installed_, "cls", true); }

    void meanPoolingMatchesSentenceTransformers() {
        // The same weights as a text2vec-style model: mean pooling, no normalisation, written in the
        // pooling file format of sentence-transformers before version 5.
        const QString mean = dir_.filePath("mean");
        QVERIFY(QDir().mkpath(mean + "/1_Pooling"));
        for (const QString& name : QDir(QString::fromStdString(installed_.string())).entryList(QDir::Files))
            QVERIFY(QFile::copy(QString::fromStdString((installed_ / name.toStdString()).string()), mean + "/" + name));
        QFile pooling(mean + "/1_Pooling/config.json");
        QVERIFY(pooling.open(QIODevice::WriteOnly));
        pooling.write(R"({"word_embedding_dimension": 32, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true,
                          "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false})");
        pooling.close();
        QFile modules(mean + "/modules.json");
        QVERIFY(modules.open(QIODevice::WriteOnly | QIODevice::Truncate));
        modules.write(R"([{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                          {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}])");
        modules.close();
        checkGolden(mean.toStdString(), "mean", false);
    }

    void readsEncodesAndSearchesAChineseShop() {
        const std::string path = dir_.filePath("shop.shelfsense").toStdString();
        SampleShopOptions options;
        options.users = 30;
        options.items = 300;
        options.days = 30;
        QVERIFY(SampleShop::write(path, options, {}).ok());
        auto encoder = TextEncoder::load(installed_);
        QVERIFY(encoder.ok());
        // The model knows every character of the shop: the English model does not know 36% of these pieces.
        auto estimate = EncodeJob::estimateCoverage(path, *encoder, EncodeTarget::Items);
        QVERIFY(estimate.ok());
        QVERIFY2(estimate->unknownShare() < 0.01, qPrintable(QString::number(estimate->unknownShare())));
        auto encoded = EncodeJob::run(path, *encoder, EncodeTarget::Items, {});
        QVERIFY2(encoded.ok(), encoded.ok() ? "" : encoded.error().describe().c_str());
        QCOMPARE(encoded->total, std::int64_t(300));
        QVERIFY(encoded->coverage.exact && encoded->coverage.unknownShare() < 0.01);

        auto index = SemanticCatalog::upToDateIndex(path, *encoder, {});
        QVERIFY(index.ok());
        QCOMPARE(index->size(), std::size_t(300));
        QCOMPARE(index->dim(), std::size_t(32));
        auto project = Project::open(path, Database::Mode::ReadOnly);
        QVERIFY(project.ok());
        SearchOptions search;
        search.k = 5;
        auto answer = CatalogSearch::run(**project, &*encoder, &*index, "咖啡", search);
        QVERIFY(answer.ok());
        // This model reads the Chinese query: the meaning keeps its full weight.
        QVERIFY(answer->queryUnknownShare < 0.01);
        QCOMPARE(answer->weights.semantic, 0.5);
        QVERIFY(!answer->semanticLowered());
        QCOMPARE(answer->hits.size(), std::size_t(5));
        QVERIFY(answer->hits.front().lexicalRank > 0 || answer->hits.front().semanticRank > 0);
        auto similar = SemanticCatalog::similar(path, *encoder, "SKU-00001", 5, {});
        QVERIFY(similar.ok());
        QCOMPARE(similar->size(), std::size_t(5));
        for (const auto& hit : *similar) QVERIFY(hit.item.externalId != "SKU-00001");
    }
};

QTEST_GUILESS_MAIN(TestChineseModel)
#include "TestChineseModel.moc"
