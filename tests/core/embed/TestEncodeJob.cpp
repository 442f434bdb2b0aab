#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "embed/EncodeJob.h"
#include "embed/ModelLocator.h"
#include "sample/SampleShop.h"
#include "store/BulkWriter.h"
#include "store/EmbeddingStore.h"
#include "store/EncoderText.h"
#include "store/Project.h"

using namespace ss;

// The encode job against the real default model: the cache encodes each text once, re-encodes
// exactly the items whose text changed, and a cancelled run keeps its finished chunks.
class TestEncodeJob : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string project_;
    std::unique_ptr<TextEncoder> encoder_;

    std::int64_t stored() {
        auto p = Project::open(project_);
        return EmbeddingStore((*p)->db(), encoder_->fingerprint(), "items").count().value();
    }

private slots:
    void initTestCase() {
        project_ = dir_.filePath("shop.shelfsense").toStdString();
        SampleShopOptions options;
        options.users = 50;
        options.items = 600;  // more than one chunk of 512
        options.days = 60;
        QVERIFY(SampleShop::write(project_, options, {}).ok());
        auto dir = ModelLocator::defaultModel();
        QVERIFY2(dir.ok(), dir.ok() ? "" : dir.error().describe().c_str());
        auto encoder = TextEncoder::load(*dir);
        QVERIFY(encoder.ok());
        encoder_ = std::make_unique<TextEncoder>(std::move(*encoder));
    }

    void cancelledRunKeepsFinishedChunks() {
        std::stop_source stop;
        JobContext context;
        context.stop = stop.get_token();
        int reports = 0;
        context.progress = [&](const JobProgress&) {
            if (++reports == 1) stop.request_stop();  // after the first chunk is committed
        };
        auto result = EncodeJob::run(project_, *encoder_, EncodeTarget::Items, context);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), int(ErrorCode::Cancelled));
        QCOMPARE(stored(), EncodeJob::kChunk);
    }

    void resumesAndThenCachesEverything() {
        auto resumed = EncodeJob::run(project_, *encoder_, EncodeTarget::Items, {});
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->total, std::int64_t(600));
        QCOMPARE(resumed->cached, EncodeJob::kChunk);
        QCOMPARE(resumed->encoded, std::int64_t(600) - EncodeJob::kChunk);
        auto again = EncodeJob::run(project_, *encoder_, EncodeTarget::Items, {});
        QVERIFY(again.ok());
        QCOMPARE(again->encoded, std::int64_t(0));
        QCOMPARE(again->cached, std::int64_t(600));
    }

    void changingOneItemReencodesOne() {
        std::vector<float> before;
        {
            auto p = Project::open(project_);
            auto m = EmbeddingStore((*p)->db(), encoder_->fingerprint(), "items").loadAll();
            QVERIFY(m.ok());
            before.assign(m->values.begin() + 6 * std::ptrdiff_t(m->dim), m->values.begin() + 7 * std::ptrdiff_t(m->dim));
            Transaction tx((*p)->db());
            auto writer = BulkWriter::create((*p)->db(), std::nullopt);
            QVERIFY(writer.ok());
            ItemRecord changed;
            changed.externalId = "SKU-00007";
            changed.title = "Hand-knitted wool socks for winter hiking";
            QVERIFY(writer->upsertItem(changed).ok());
            QVERIFY(tx.commit().ok());
        }
        auto result = EncodeJob::run(project_, *encoder_, EncodeTarget::Items, {});
        QVERIFY(result.ok());
        QCOMPARE(result->encoded, std::int64_t(1));
        QCOMPARE(result->cached, std::int64_t(599));
        auto p = Project::open(project_);
        auto m = EmbeddingStore((*p)->db(), encoder_->fingerprint(), "items").loadAll();
        double dot = 0;
        for (std::size_t d = 0; d < m->dim; ++d) dot += double(before[d]) * m->values[6 * m->dim + d];
        QVERIFY2(dot < 0.9, qPrintable(QString::number(dot)));  // the vector really changed
    }

    void reviewsAreATargetToo() {
        auto result = EncodeJob::run(project_, *encoder_, EncodeTarget::Reviews, {});
        QVERIFY(result.ok());
        auto p = Project::open(project_);
        const auto reviews = (*p)->db().queryInt("SELECT count(*) FROM reviews").value();
        QVERIFY(reviews > 0);
        QCOMPARE(result->encoded, reviews);
    }

    // Listings of the same product share one text: each distinct text is encoded once, within a chunk
    // and across chunks, and every listing gets the same vector as encoding it alone gives.
    void identicalTextsAreEncodedOnce() {
        const std::string path = dir_.filePath("listings.shelfsense").toStdString();
        const std::vector<std::string> titles = {"Stainless steel water bottle 750 ml", "Merino wool hiking socks",
                                                 "Ceramic pour-over coffee dripper"};
        constexpr int kItems = 1100;  // three chunks; item k has title k % 3, and item 1050 one of its own
        {
            auto p = Project::open(path);
            QVERIFY(p.ok());
            Transaction tx((*p)->db());
            auto writer = BulkWriter::create((*p)->db(), std::nullopt);
            QVERIFY(writer.ok());
            for (int k = 0; k < kItems; ++k) {
                ItemRecord item;
                item.externalId = "L" + std::to_string(k);
                item.title = k == 1050 ? std::string("Bamboo cutting board") : titles[std::size_t(k % 3)];
                QVERIFY(writer->upsertItem(item).ok());
            }
            QVERIFY(tx.commit().ok());
        }
        auto result = EncodeJob::run(path, *encoder_, EncodeTarget::Items, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().describe().c_str());
        QCOMPARE(result->encoded, std::int64_t(kItems));
        QCOMPARE(result->sharedText, std::int64_t(kItems - 4));
        QCOMPARE(result->cached, std::int64_t(0));

        auto p = Project::open(path);
        std::vector<std::string> texts;  // what the encoder reads for items 0, 1, 2 and 1050
        for (int k : {0, 1, 2, 1050}) {
            auto stmt = (*p)->db().prepare("SELECT " + encoderText::itemsSql() + " FROM items WHERE external_id = 'L" + std::to_string(k) + "'");
            QVERIFY(stmt.ok() && stmt->step().value());
            texts.push_back(stmt->columnText(0));
        }
        auto alone = encoder_->encode(texts);
        QVERIFY(alone.ok());
        auto m = EmbeddingStore((*p)->db(), encoder_->fingerprint(), "items").loadAll();
        QVERIFY(m.ok());
        QCOMPARE(m->ids.size(), std::size_t(kItems));
        auto vectorOf = [&](int k) {
            const auto id = (*p)->db().queryInt("SELECT id FROM items WHERE external_id = 'L" + std::to_string(k) + "'").value();
            const auto row = std::size_t(std::find(m->ids.begin(), m->ids.end(), id) - m->ids.begin());
            return std::vector<float>(m->values.begin() + std::ptrdiff_t(row * m->dim), m->values.begin() + std::ptrdiff_t((row + 1) * m->dim));
        };
        for (int k : {0, 1, 2, 3, 511, 512, 513, 1049, 1050, 1051, kItems - 1}) {
            const auto got = vectorOf(k);
            QCOMPARE(got.size(), m->dim);
            QVERIFY(got == vectorOf(k == 1050 ? 1050 : k % 3));  // a listing holds its text's one vector
            const auto& alone_ = (*alone)[k == 1050 ? 3 : std::size_t(k % 3)];
            double dot = 0;
            for (std::size_t d = 0; d < m->dim; ++d) dot += double(alone_[d]) * got[d];
            QVERIFY2(dot > 0.9999, qPrintable(QString("item %1: cosine %2").arg(k).arg(dot)));  // and it encodes that text
        }

        // A listing that changes to another listing's text takes that vector, encoding nothing.
        {
            Transaction tx((*p)->db());
            auto writer = BulkWriter::create((*p)->db(), std::nullopt);
            QVERIFY(writer.ok());
            ItemRecord changed;
            changed.externalId = "L1080";  // after item 1050 in the same chunk
            changed.title = std::string("Bamboo cutting board");
            QVERIFY(writer->upsertItem(changed).ok());
            QVERIFY(tx.commit().ok());
        }
        auto again = EncodeJob::run(path, *encoder_, EncodeTarget::Items, {});
        QVERIFY(again.ok());
        QCOMPARE(again->encoded, std::int64_t(1));
        QCOMPARE(again->sharedText, std::int64_t(1));  // from item 1050, cached by the first run
        m = EmbeddingStore((*p)->db(), encoder_->fingerprint(), "items").loadAll();
        QVERIFY(vectorOf(1080) == vectorOf(1050));
        QCOMPARE(again->cached, std::int64_t(kItems - 1));
    }

    // The default (English) model on an English, a Chinese and a long catalogue: its unknown word
    // pieces and cut texts, measured exactly by the encode job and estimated on a sample.
    void measuresLanguageCoverage_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("unknownAtLeast");
        QTest::addColumn<double>("unknownAtMost");
        QTest::addColumn<bool>("allCut");
        QTest::newRow("English titles") << "en" << 0.0 << 0.02 << false;
        QTest::newRow("Chinese titles") << "zh" << 0.5 << 1.0 << false;
        QTest::newRow("long descriptions") << "long" << 0.0 << 0.02 << true;
    }
    void measuresLanguageCoverage() {
        QFETCH(QString, kind);
        QFETCH(double, unknownAtLeast);
        QFETCH(double, unknownAtMost);
        QFETCH(bool, allCut);
        QTemporaryDir dir;
        const std::string path = dir.filePath("catalogue.shelfsense").toStdString();
        {
            auto p = Project::open(path);
            QVERIFY(p.ok());
            Transaction tx((*p)->db());
            auto writer = BulkWriter::create((*p)->db(), std::nullopt);
            QVERIFY(writer.ok());
            const char* english[] = {"Stainless steel kettle", "Wireless noise cancelling headphones", "Cotton bed sheets",
                                     "Espresso coffee machine", "Hiking backpack 30 litres"};
            const char* chinese[] = {"不锈钢电水壶", "无线降噪耳机", "纯棉床单四件套", "意式咖啡机", "登山背包三十升"};
            for (int i = 0; i < 50; ++i) {
                ItemRecord item;
                item.externalId = "I" + std::to_string(i);
                item.title = kind == "zh" ? chinese[i % 5] : english[i % 5];
                if (kind == "long") {
                    std::string description;
                    for (int w = 0; w < 120; ++w) description += "durable lightweight comfortable ";
                    item.description = description;
                }
                QVERIFY(writer->upsertItem(item).ok());
            }
            QVERIFY(writer->flush().ok());
            QVERIFY(tx.commit().ok());
        }
        auto estimate = EncodeJob::estimateCoverage(path, *encoder_, EncodeTarget::Items, 20);
        QVERIFY2(estimate.ok(), estimate.ok() ? "" : estimate.error().describe().c_str());
        QVERIFY(estimate->counts.texts >= 10 && estimate->counts.texts <= 20);  // a sample of about twenty of the fifty
        QVERIFY(!estimate->exact);
        auto encoded = EncodeJob::run(path, *encoder_, EncodeTarget::Items, {});
        QVERIFY(encoded.ok());
        const auto& c = encoded->coverage;
        QVERIFY(c.exact);
        QCOMPARE(c.counts.texts, std::int64_t(50));
        QVERIFY2(c.unknownShare() >= unknownAtLeast && c.unknownShare() <= unknownAtMost, qPrintable(QString::number(c.unknownShare())));
        QCOMPARE(c.counts.truncated, allCut ? std::int64_t(50) : std::int64_t(0));
        QCOMPARE(c.unreadable(), kind == "zh");
        QVERIFY(std::abs(estimate->unknownShare() - c.unknownShare()) < 0.1);  // the sample tells the same story
        // Kept in the project: the exact measure, which a later estimate does not replace.
        QVERIFY(EncodeJob::estimateCoverage(path, *encoder_, EncodeTarget::Items, 20).ok());
        auto p = Project::open(path);
        auto kept = LanguageCoverage::stored(**p);
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), std::size_t(1));
        QVERIFY(kept->front() == c);
    }

    void textHashIsContentAddressed() {
        QCOMPARE(EncodeJob::textHash("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QVERIFY(EncodeJob::textHash("abc ") != EncodeJob::textHash("abc"));
    }
};

QTEST_APPLESS_MAIN(TestEncodeJob)
#include "TestEncodeJob.moc"
