// Customer properties through the mapped CSV import (--map column=property:NAME): a file of customers
// and their properties, properties riding along with events (latest value wins), bad rows rejected
// with line and field, bad mappings refused with nothing written — and the activity summary kept
// current by every import.
#include <QtTest>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "ingest/Importer.h"
#include "store/ActivitySummary.h"
#include "store/Project.h"

using namespace ss;

namespace {

ImportOptions mapping(std::vector<std::pair<std::string, std::string>> map) { return sstest::columnMapping(std::move(map), ss::EventType::Purchase); }

QString properties(const std::filesystem::path& project) {
    return QString::fromStdString(sstest::queryText(project, "SELECT group_concat(u.external_id || ':' || p.name || '=' || p.value, ' ') FROM"
                                                             " (SELECT * FROM user_properties ORDER BY user_id, name) p JOIN users u ON u.id = p.user_id"));
}

}  // namespace

class TestCustomerProperties : public QObject {
    Q_OBJECT
private slots:
    void customersFile() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        const auto file = sstest::writeFixture(dir, "customers.csv",
                                               sstest::lines({"customer,channel,region", "C1,ads,north", "C2,organic,", ",ads,south", "C3,,east"}));
        auto summary = sstest::runImport(project, ImportFormat::Csv, {file},
                                         mapping({{"customer", "user"}, {"channel", "property:channel"}, {"region", "property:region"}}));
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(3));
        sstest::checkRejects(summary->files[0].rejects, {"4|customer|empty user id"});
        QCOMPARE(properties(project), QStringLiteral("C1:channel=ads C1:region=north C2:channel=organic C3:region=east"));
    }

    void propertiesWithEvents() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        const auto file = sstest::writeFixture(dir, "orders.csv",
                                               sstest::lines({"customer,sku,when,variant", "C1,A,2025-01-01,control", "C1,B,2025-01-02,control",
                                                              "C2,A,2025-01-03,treatment", "C2,C,2025-02-01,treatment2"}));
        auto summary = sstest::runImport(project, ImportFormat::Csv, {file},
                                         mapping({{"customer", "user"}, {"sku", "item"}, {"when", "time"}, {"variant", "property:variant"}}));
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(4));
        QCOMPARE(properties(project), QStringLiteral("C1:variant=control C2:variant=treatment2"));  // the latest value wins
        // The import left the activity summary current: retention reads it without a scan.
        auto opened = Project::open(project, Database::Mode::ReadOnly);
        SS_VERIFY_OK(opened);
        auto current = ActivitySummary::current((*opened)->db());
        SS_VERIFY_OK(current);
        QVERIFY(*current);
        auto log = ActivityLog::load((*opened)->db());
        SS_VERIFY_OK(log);
        QCOMPARE(log->eventCount(), std::size_t(4));
    }

    void badMappingsChangeNothing_data() {
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << "property:";
        QTest::newRow("spaces") << "property:sales channel";
        QTest::newRow("unknown field") << "colour";
    }
    void badMappingsChangeNothing() {
        QFETCH(QString, field);
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        SS_VERIFY_OK(Project::open(project));
        const std::string before = sstest::dumpProject(project);
        const auto file = sstest::writeFixture(dir, "customers.csv", sstest::lines({"customer,channel", "C1,ads"}));
        auto summary = sstest::runImport(project, ImportFormat::Csv, {file}, mapping({{"customer", "user"}, {"channel", field.toStdString()}}));
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().code, ErrorCode::Usage);
        QCOMPARE(sstest::dumpProject(project), before);
    }
};

QTEST_APPLESS_MAIN(TestCustomerProperties)
#include "TestCustomerProperties.moc"
