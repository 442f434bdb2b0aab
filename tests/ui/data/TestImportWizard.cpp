#include <QLabel>
#include <QTableWidget>
#include <QtTest>

#include "ImportWizard.h"
#include "JobRunner.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

class TestImportWizard : public QObject {
    Q_OBJECT

    static QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(content);
        return path;
    }

private slots:
    void detectsPreviewsImportsAndReports() {
        QTemporaryDir dir;
        const QString project = dir.filePath("p.shelfsense");
        const QString file = write(dir, "UserBehavior.csv",
                                   "1,100,7,pv,1511544070\n1,101,7,buy,1511544170\n2,100,7,cart,1511600000\n"
                                   "2,102,8,jump,1511600001\n3,103,9,pv,1505000000\n");
        JobRunner runner;
        ImportWizard wizard(runner, project);
        wizard.setFiles({file});
        QCOMPARE(int(wizard.request().format), int(ImportFormat::Taobao));
        wizard.show();
        wizard.next();  // preview
        auto* preview = wizard.findChildren<QTableWidget*>().first();
        QCOMPARE(preview->rowCount(), 5);
        QCOMPARE(preview->columnCount(), 5);
        QCOMPARE(preview->item(0, 3)->text(), QStringLiteral("pv"));
        QSignalSpy done(&wizard, &ImportWizard::importFinished);
        wizard.next();  // run
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY(wizard.finishedImport());
        auto* rejects = wizard.findChildren<QTableWidget*>().last();
        QCOMPARE(rejects->rowCount(), 2);  // unknown behaviour (rejected) + outside window (flagged)
        QStringList reasons;
        for (int r = 0; r < rejects->rowCount(); ++r) reasons << rejects->item(r, 0)->text() + ":" + rejects->item(r, 2)->text();
        QVERIFY2(reasons.join("|").contains("4:unknown behaviour 'jump'"), qPrintable(reasons.join("|")));

        auto opened = Project::open(project.toStdString());
        QVERIFY(opened.ok());
        auto stats = (*opened)->stats();
        QCOMPARE(stats->events, std::int64_t(4));
    }

    void failedImportLeavesProjectUnchanged() {
        QTemporaryDir dir;
        const QString project = dir.filePath("p.shelfsense");
        {
            auto p = Project::open(project.toStdString());
            QVERIFY(p.ok());
        }
        const QString file = write(dir, "empty.csv", "");
        JobRunner runner;
        ImportWizard wizard(runner, project);
        wizard.setFiles({file});
        wizard.show();
        wizard.next();
        QSignalSpy done(&wizard, &ImportWizard::importFinished);
        wizard.next();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), false);
        bool mentionsUnchanged = false;
        for (auto* label : wizard.findChildren<QLabel*>()) mentionsUnchanged |= label->text().contains("unchanged");
        QVERIFY(mentionsUnchanged);
        auto p = Project::open(project.toStdString());
        QCOMPARE((*p)->db().queryInt("SELECT count(*) FROM imports").value(), std::int64_t(0));
    }
};

QTEST_MAIN(TestImportWizard)
#include "TestImportWizard.moc"
