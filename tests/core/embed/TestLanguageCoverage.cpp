// LanguageCoverage: shares from counts, the JSON `stats` and `encode` print, and what a project
// keeps — per model and kind of text, an estimate never replacing an exact measure.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "embed/LanguageCoverage.h"
#include "store/Project.h"

using namespace ss;

namespace {
LanguageCoverage coverage(const std::string& model, const std::string& target, std::int64_t unknown, bool exact, std::int64_t at) {
    LanguageCoverage c;
    c.model = model;
    c.modelName = model.substr(0, model.find('@'));
    c.target = target;
    c.counts = TokenCounts{100, 1000, unknown, 3};
    c.exact = exact;
    c.measuredAt = at;
    return c;
}
}  // namespace

class TestLanguageCoverage : public QObject {
    Q_OBJECT
private slots:
    void shares_data() {
        QTest::addColumn<qint64>("pieces");
        QTest::addColumn<qint64>("unknown");
        QTest::addColumn<double>("share");
        QTest::addColumn<bool>("unreadable");
        QTest::newRow("English text, English model") << qint64(1000) << qint64(4) << 0.004 << false;
        QTest::newRow("just under the warning") << qint64(1000) << qint64(99) << 0.099 << false;
        QTest::newRow("at the warning") << qint64(1000) << qint64(100) << 0.1 << true;
        QTest::newRow("Chinese text, English model") << qint64(22) << qint64(17) << 17.0 / 22 << true;
    }
    void shares() {
        QFETCH(qint64, pieces);
        QFETCH(qint64, unknown);
        QFETCH(double, share);
        QFETCH(bool, unreadable);
        LanguageCoverage c;
        c.counts = TokenCounts{10, pieces, unknown, 2};
        QCOMPARE(c.unknownShare(), share);
        QCOMPARE(c.truncatedShare(), 0.2);
        QCOMPARE(c.unreadable(), unreadable);
    }

    void nothingMeasured() {
        LanguageCoverage c;
        QVERIFY(std::isnan(c.unknownShare()));
        QVERIFY(std::isnan(c.truncatedShare()));
        QVERIFY(!c.unreadable());  // no text is no warning
        QVERIFY(c.toJson().at("unknown_share").is_null());
    }

    void jsonRoundTrip() {
        const auto c = coverage("bert-zh@abc", "reviews", 42, true, 1700000000);
        QVERIFY(LanguageCoverage::fromJson(c.toJson()) == c);
        QCOMPARE(c.toJson().at("unknown_share").as_double(), 0.042);
    }

    void projectKeepsOnePerModelAndText() {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("p.shelfsense").toStdString());
        QVERIFY(project.ok());
        Project& p = **project;
        QVERIFY(LanguageCoverage::store(p, coverage("minilm@1", "items", 360, false, 10)).ok());
        QVERIFY(LanguageCoverage::store(p, coverage("minilm@1", "items", 363, true, 20)).ok());   // exact replaces the estimate
        QVERIFY(LanguageCoverage::store(p, coverage("minilm@1", "items", 300, false, 30)).ok());  // a later estimate does not
        QVERIFY(LanguageCoverage::store(p, coverage("bge-zh@2", "items", 1, false, 40)).ok());
        QVERIFY(LanguageCoverage::store(p, coverage("minilm@1", "reviews", 444, true, 50)).ok());
        QVERIFY(p.setSetting("encoder.model_dir", "/models/bge").ok());  // other settings are not coverage
        auto kept = LanguageCoverage::stored(p);
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), std::size_t(3));
        QCOMPARE(QString::fromStdString((*kept)[0].model), QStringLiteral("bge-zh@2"));  // items, most recent first
        QCOMPARE((*kept)[1].counts.unknown, std::int64_t(363));
        QVERIFY((*kept)[1].exact);
        QCOMPARE(QString::fromStdString((*kept)[2].target), QStringLiteral("reviews"));
        const auto latest = LanguageCoverage::latestPerTarget(*kept);
        QCOMPARE(latest.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(latest[0].model), QStringLiteral("bge-zh@2"));
        QCOMPARE(QString::fromStdString(latest[1].target), QStringLiteral("reviews"));
    }
};

QTEST_APPLESS_MAIN(TestLanguageCoverage)
#include "TestLanguageCoverage.moc"
