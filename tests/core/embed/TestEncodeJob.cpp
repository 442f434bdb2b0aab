#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "embed/EncodeJob.h"
#include "embed/ModelLocator.h"
#include "sample/SampleShop.h"
#include "store/BulkWriter.h"
#include "store/EmbeddingStore.h"
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

    void textHashIsContentAddressed() {
        QCOMPARE(EncodeJob::textHash("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QVERIFY(EncodeJob::textHash("abc ") != EncodeJob::textHash("abc"));
    }
};

QTEST_APPLESS_MAIN(TestEncodeJob)
#include "TestEncodeJob.moc"
