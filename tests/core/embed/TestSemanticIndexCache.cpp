// SemanticIndexCache against the real default model: a repeated search reuses the index, a change
// to the project (a new item) makes the next search encode it and find it, and another model never
// gets the first model's index.
#include <QTemporaryDir>
#include <QtTest>

#include "embed/ModelLocator.h"
#include "embed/SemanticCatalog.h"
#include "embed/SemanticIndexCache.h"
#include "sample/SampleShop.h"
#include "store/BulkWriter.h"
#include "store/Project.h"

using namespace ss;

class TestSemanticIndexCache : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string project_;
    std::unique_ptr<TextEncoder> encoder_;

private slots:
    void initTestCase() {
        project_ = dir_.filePath("shop.shelfsense").toStdString();
        SampleShopOptions options;
        options.users = 30;
        options.items = 80;
        options.days = 30;
        QVERIFY(SampleShop::write(project_, options, {}).ok());
        auto dir = ModelLocator::defaultModel();
        QVERIFY2(dir.ok(), dir.ok() ? "" : dir.error().describe().c_str());
        auto encoder = TextEncoder::load(*dir);
        QVERIFY(encoder.ok());
        encoder_ = std::make_unique<TextEncoder>(std::move(*encoder));
    }

    void reusesIndexUntilTheFileChanges() {
        ReadConnections readers(project_);
        SemanticIndexCache cache(readers);
        auto first = cache.upToDate(*encoder_, {});
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().describe().c_str());
        QCOMPARE((*first)->size(), std::size_t(80));
        auto again = cache.upToDate(*encoder_, {});
        QVERIFY(again.ok());
        QCOMPARE(again->get(), first->get());  // the same index, not rebuilt
        QCOMPARE(cache.builds(), std::size_t(1));

        // Another program adds an item: the next question encodes it and can find it.
        {
            auto project = Project::open(project_);
            QVERIFY(project.ok());
            Database& db = (*project)->db();
            Transaction tx(db);
            QVERIFY(tx.begun().ok());
            auto writer = BulkWriter::create(db, std::nullopt);
            QVERIFY(writer.ok());
            ItemRecord item;
            item.externalId = "solar-lantern";
            item.title = "Solar powered camping lantern with USB charging";
            item.category = "Outdoor";
            QVERIFY(writer->upsertItem(item).ok());
            QVERIFY(writer->flush().ok());
            QVERIFY(tx.commit().ok());
        }
        auto changed = cache.upToDate(*encoder_, {});
        QVERIFY(changed.ok());
        QCOMPARE((*changed)->size(), std::size_t(81));
        QCOMPARE(cache.builds(), std::size_t(2));
        auto lease = readers.lease();
        QVERIFY(lease.ok());
        auto hits = SemanticCatalog::search(**changed, **lease, *encoder_, "lantern for camping", 3);
        QVERIFY(hits.ok());
        QVERIFY(!hits->empty());
        QCOMPARE(QString::fromStdString(hits->front().item.externalId), QStringLiteral("solar-lantern"));
    }
};

QTEST_GUILESS_MAIN(TestSemanticIndexCache)
#include "TestSemanticIndexCache.moc"
