// TimeZone: offsets from the system's compiled zone files (checked against Python's zoneinfo on the
// same files), POSIX footer rules past the last transition, and refusals of bad names and files.
#include <QtTest>

#include <cstring>

#include "common/TimeZone.h"

class TestTimeZone : public QObject {
    Q_OBJECT
private slots:
    void offsets_data() {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<qint64>("utc");
        QTest::addColumn<int>("offset");
        // Reference: Python's zoneinfo on the same instants.
        QTest::newRow("Berlin before spring change") << "Europe/Berlin" << qint64(1711846799) << 3600;
        QTest::newRow("Berlin at spring change") << "Europe/Berlin" << qint64(1711846800) << 7200;
        QTest::newRow("Berlin before autumn change") << "Europe/Berlin" << qint64(1729990799) << 7200;
        QTest::newRow("Berlin at autumn change") << "Europe/Berlin" << qint64(1729990800) << 3600;
        QTest::newRow("New York spring") << "America/New_York" << qint64(1710053999) << -18000;
        QTest::newRow("New York spring after") << "America/New_York" << qint64(1710054000) << -14400;
        QTest::newRow("Sydney autumn before") << "Australia/Sydney" << qint64(1712419199) << 39600;
        QTest::newRow("Sydney autumn after") << "Australia/Sydney" << qint64(1712419200) << 36000;
        QTest::newRow("Sydney spring after") << "Australia/Sydney" << qint64(1728144000) << 39600;
        QTest::newRow("Berlin 2100 summer (rule)") << "Europe/Berlin" << qint64(4118083200) << 7200;
        QTest::newRow("Berlin 2100 winter (rule)") << "Europe/Berlin" << qint64(4131302400) << 3600;
        QTest::newRow("Santiago 2100 (southern rule)") << "America/Santiago" << qint64(4103654400) << -10800;
        QTest::newRow("Kolkata half hour") << "Asia/Kolkata" << qint64(1704067200) << 19800;
        QTest::newRow("Shanghai 1990 summer time") << "Asia/Shanghai" << qint64(646790400) << 32400;
        QTest::newRow("Shanghai 2017") << "Asia/Shanghai" << qint64(1511568000) << 28800;
        QTest::newRow("Berlin 1900") << "Europe/Berlin" << qint64(-2208988800) << 3600;
        QTest::newRow("UTC") << "UTC" << qint64(1511568000) << 0;
    }
    void offsets() {
        QFETCH(QString, zone);
        QFETCH(qint64, utc);
        QFETCH(int, offset);
        auto tz = ss::TimeZone::load(zone.toStdString());
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().describe().c_str());
        QCOMPARE(tz->offsetAt(utc), offset);
        QCOMPARE(tz->toLocal(utc), utc + offset);
    }

    // Whether local time rises with UTC over a span (the cohort engine's shortcut relies on it).
    void constantOffsetSpans_data() {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<bool>("constant");
        QTest::newRow("UTC, any span") << "UTC" << qint64(-2208988800) << qint64(4118083200) << true;
        QTest::newRow("Shanghai 2017 (rule without DST)") << "Asia/Shanghai" << qint64(1501545600) << qint64(1512086399) << true;
        QTest::newRow("Shanghai across 1990 summer time") << "Asia/Shanghai" << qint64(640000000) << qint64(1512086399) << false;
        QTest::newRow("Berlin winter weeks") << "Europe/Berlin" << qint64(1731000000) << qint64(1735000000) << true;
        QTest::newRow("Berlin across autumn change") << "Europe/Berlin" << qint64(1729990799) << qint64(1729990800) << false;
        QTest::newRow("Berlin ending just before it") << "Europe/Berlin" << qint64(1729900000) << qint64(1729990799) << true;
        QTest::newRow("Berlin 2100 (rule with DST)") << "Europe/Berlin" << qint64(4118083200) << qint64(4118083300) << false;
        QTest::newRow("Kolkata 2024") << "Asia/Kolkata" << qint64(1704067200) << qint64(1735689600) << true;
        QTest::newRow("reversed bounds") << "Europe/Berlin" << qint64(1729990800) << qint64(1729990799) << false;
    }
    void constantOffsetSpans() {
        QFETCH(QString, zone);
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(bool, constant);
        auto tz = ss::TimeZone::load(zone.toStdString());
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().describe().c_str());
        QCOMPARE(tz->offsetConstantBetween(from, to), constant);
    }

    void posixRules_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<qint64>("utc");
        QTest::addColumn<int>("offset");
        QTest::newRow("fixed east") << "CST-8" << qint64(1511568000) << 28800;
        QTest::newRow("fixed west with minutes") << "<-0330>3:30" << qint64(0) << -12600;
        QTest::newRow("EU summer") << "CET-1CEST,M3.5.0,M10.5.0/3" << qint64(1711846800) << 7200;
        QTest::newRow("EU one second before") << "CET-1CEST,M3.5.0,M10.5.0/3" << qint64(1711846799) << 3600;
        QTest::newRow("EU autumn") << "CET-1CEST,M3.5.0,M10.5.0/3" << qint64(1729990800) << 3600;
        QTest::newRow("US default rule") << "EST5EDT" << qint64(1710054000) << -14400;
        QTest::newRow("julian day") << "XXX0YYY,J60/0,J300/0" << qint64(1709251200 + 1) << 3600;  // 2024-03-01 (J60 = Mar 1)
        QTest::newRow("zero-based day") << "XXX0YYY,59/0,300/0" << qint64(1709164800 + 1) << 3600;  // 2024-02-29 (day 59)
    }
    void posixRules() {
        QFETCH(QString, rule);
        QFETCH(qint64, utc);
        QFETCH(int, offset);
        auto tz = ss::TimeZone::fromPosixRule(rule.toStdString(), "test");
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().describe().c_str());
        QCOMPARE(tz->offsetAt(utc), offset);
    }

    void refusals_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("path escape") << "../../etc/passwd";
        QTest::newRow("absolute") << "/etc/localtime";
        QTest::newRow("unknown") << "Mars/Olympus_Mons";
        QTest::newRow("empty") << "";
        QTest::newRow("not a zone file") << "zone.tab";
    }
    void refusals() {
        QFETCH(QString, name);
        auto tz = ss::TimeZone::load(name.toStdString());
        QVERIFY(!tz.ok());
        QCOMPARE(tz.error().code, ss::ErrorCode::InputData);
    }

    void damagedFiles() {
        std::vector<std::byte> junk(60, std::byte{0});
        QVERIFY(!ss::TimeZone::fromTzif(junk, "junk").ok());
        std::memcpy(junk.data(), "TZif2", 5);
        junk[20 + 19] = std::byte{200};  // far more transitions than bytes
        junk[20 + 23] = std::byte{1};
        QVERIFY(!ss::TimeZone::fromTzif(junk, "truncated").ok());
        QVERIFY(!ss::TimeZone::fromPosixRule("CET-1CEST,M13.5.0,M10.5.0", "bad month").ok());
        QVERIFY(!ss::TimeZone::fromPosixRule("", "empty").ok());
    }
};

QTEST_APPLESS_MAIN(TestTimeZone)
#include "TestTimeZone.moc"
