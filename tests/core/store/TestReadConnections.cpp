// ReadConnections: connections are reused across leases and threads, handed out one per holder,
// refuse a missing file by name, and dataVersion() moves exactly when someone commits a change.
#include <QtTest>

#include <thread>

#include "TestSupport.h"
#include "store/Project.h"
#include "store/ReadConnections.h"

using namespace ss;

class TestReadConnections : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::filesystem::path path_;

private slots:
    void initTestCase() {
        path_ = sstest::file(dir_, "pool.shelfsense");
        auto project = Project::open(path_);
        SS_VERIFY_OK(project);
        SS_VERIFY_OK((*project)->setSetting("seed", "1"));
    }

    void reusesConnections() {
        ReadConnections readers(path_);
        for (int i = 0; i < 5; ++i) {
            auto lease = readers.lease();
            SS_VERIFY_OK(lease);
            auto value = (*lease)->setting("seed");
            SS_VERIFY_OK(value);
            QVERIFY(value->has_value());
            SS_COMPARE_STR(**value, "1");
        }
        QCOMPARE(readers.opened(), std::size_t(1));
    }

    void oneConnectionPerHolder() {
        ReadConnections readers(path_, 1);
        auto a = readers.lease();
        auto b = readers.lease();
        SS_VERIFY_OK(a);
        SS_VERIFY_OK(b);
        QVERIFY(&**a != &**b);
        QCOMPARE(readers.opened(), std::size_t(2));
    }

    void leasesOnOtherThreads() {
        ReadConnections readers(path_);
        std::atomic<int> read{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 20; ++i) {
                    auto lease = readers.lease();
                    if (lease && (*lease)->stats()) ++read;
                }
            });
        for (auto& t : threads) t.join();
        QCOMPARE(read.load(), 80);
        QVERIFY(readers.opened() <= 4);
    }

    void refusesMissingFile() {
        ReadConnections readers(sstest::file(dir_, "absent.shelfsense"));
        auto lease = readers.lease();
        QVERIFY(!lease);
        QVERIFY(lease.error().describe().find("absent.shelfsense") != std::string::npos);
        QVERIFY(!std::filesystem::exists(sstest::file(dir_, "absent.shelfsense")));  // not created
    }

    void dataVersionMovesOnCommit() {
        ReadConnections readers(path_);
        auto before = readers.dataVersion();
        SS_VERIFY_OK(before);
        {
            auto lease = readers.lease();  // reading changes nothing
            SS_VERIFY_OK(lease);
            SS_VERIFY_OK((*lease)->stats());
        }
        auto unchanged = readers.dataVersion();
        SS_VERIFY_OK(unchanged);
        QCOMPARE(*unchanged, *before);
        {
            auto writer = Project::open(path_);
            SS_VERIFY_OK(writer);
            SS_VERIFY_OK((*writer)->setSetting("seed", "2"));
        }
        auto after = readers.dataVersion();
        SS_VERIFY_OK(after);
        QVERIFY(*after != *before);
        auto lease = readers.lease();
        SS_VERIFY_OK(lease);
        SS_COMPARE_STR(*(*lease)->setting("seed").value(), "2");  // a reused connection sees the commit
    }
};

QTEST_GUILESS_MAIN(TestReadConnections)
#include "TestReadConnections.moc"
