// ProjectContext: opening is a job body that creates, upgrades or refuses the file; the project's
// own model choice is read once and kept in step; jobs share pooled read connections; the catalogue
// cache is filled by jobs and read from memory; a write never re-creates a file that is gone.
#include <QtTest>

#include <thread>

#include "CatalogCache.h"
#include "ProjectContext.h"
#include "UiTestSupport.h"
#include "store/CatalogQuery.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

class TestProjectContext : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString sample_;

private slots:
    void initTestCase() {
        sample_ = test::writeSmallSample(dir_, 60, 40);
        QVERIFY(!sample_.isEmpty());
    }

    void opensNewAndExisting_data() {
        QTest::addColumn<bool>("existing");
        QTest::newRow("new file") << false;
        QTest::newRow("sample shop") << true;
    }
    void opensNewAndExisting() {
        QFETCH(bool, existing);
        const QString path = existing ? sample_ : dir_.filePath("fresh.shelfsense");
        std::vector<std::string> stages;
        JobContext job;
        job.progress = [&](const JobProgress& p) { stages.push_back(p.stage); };
        auto opened = ProjectContext::open(path.toStdString(), job);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
        const auto& context = *opened;
        QCOMPARE(context->path(), path);
        QVERIFY(!context->readOnly());
        QVERIFY(context->modelFolder().isEmpty());
        QVERIFY(!stages.empty());  // the jobs panel can say what it is doing
        auto reader = context->readers().lease();
        QVERIFY(reader.ok());
        auto stats = (*reader)->stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->items > 0, existing);
    }

    void refusesForeignFile() {
        const QString path = dir_.filePath("notes.txt");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
        f.close();
        auto opened = ProjectContext::open(path.toStdString(), JobContext{});
        QVERIFY(!opened.ok());
        QVERIFY(QString::fromStdString(opened.error().describe()).contains("notes.txt"));
    }

    void modelChoiceIsReadAtOpenAndKeptInStep() {
        const QString path = dir_.filePath("model-choice.shelfsense");
        QVERIFY(QFile::copy(sample_, path));
        {
            auto project = Project::open(path.toStdString());
            QVERIFY(project.ok());
            QVERIFY((*project)->setSetting(ProjectContext::kModelFolderKey, "/models/chinese-bert").ok());
        }
        auto context = test::context(path);
        QVERIFY(context);
        QCOMPARE(context->modelFolder(), QStringLiteral("/models/chinese-bert"));
        QVERIFY(context->setModelFolder(QString()).ok());
        QVERIFY(context->modelFolder().isEmpty());
        QVERIFY(test::context(path)->modelFolder().isEmpty());  // written to the file
    }

    void writerRefusesVanishedFile() {
        const QString path = dir_.filePath("vanishing.shelfsense");
        QVERIFY(QFile::copy(sample_, path));
        auto context = test::context(path);
        QVERIFY(context);
        QVERIFY(QFile::remove(path));
        auto writer = context->openForWriting();
        QVERIFY(!writer.ok());
        QVERIFY(QString::fromStdString(writer.error().describe()).contains("vanishing.shelfsense"));
        QVERIFY(!context->setModelFolder("/somewhere").ok());
        QVERIFY(!QFile::exists(path));  // no empty project created in its place
    }

    void catalogIsFilledByJobsAndReadFromMemory() {
        const QString path = dir_.filePath("catalog.shelfsense");
        QVERIFY(QFile::copy(sample_, path));
        auto context = test::context(path);
        QVERIFY(context);
        std::vector<std::int64_t> ids;
        std::string firstTitle;
        {
            auto reader = context->readers().lease();
            QVERIFY(reader.ok());
            auto stmt = (*reader)->db().prepare("SELECT id, title FROM items ORDER BY id LIMIT 10");
            QVERIFY(stmt.ok());
            while (stmt->step().value()) {
                ids.push_back(stmt->columnInt(0));
                if (firstTitle.empty()) firstTitle = stmt->columnText(1);
            }
        }
        QCOMPARE(ids.size(), std::size_t(10));
        QVERIFY(!firstTitle.empty());
        QCOMPARE(context->catalog().item(ids[0]).title, std::string());  // not prefetched: id only, no read
        QCOMPARE(context->catalog().item(ids[0]).id, ids[0]);
        std::thread job([&] {
            auto reader = context->readers().lease();
            if (reader) (void)context->catalog().prefetch(**reader, ids);
        });
        job.join();
        QCOMPARE(context->catalog().size(), std::size_t(10));
        QVERIFY(QFile::remove(path));  // from here on only memory can answer
        QCOMPARE(context->catalog().item(ids[0]).title, firstTitle);
        QCOMPARE(context->catalog().item(ids[0]).id, ids[0]);
    }
};

QTEST_MAIN(TestProjectContext)
#include "TestProjectContext.moc"
