// HugePages: a reserved block keeps its contents and capacity, and, where the kernel grants
// transparent huge pages on request, the advised block is backed by them once written (read from
// /proc/self/smaps, the kernel's own account). Small blocks are left alone.
#include <QtTest>

#include <cstdint>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

#include "common/HugePages.h"

using namespace ss;

namespace {

// "always [madvise] never" → "madvise"; empty where the kernel has no THP.
std::string thpMode() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    std::getline(f, line);
    const auto open = line.find('['), close = line.find(']');
    return open == std::string::npos || close == std::string::npos ? std::string() : line.substr(open + 1, close - open - 1);
}

// AnonHugePages (KiB) of the mapping that contains `address`, from /proc/self/smaps.
long anonHugeKiB(const void* address) {
    std::ifstream f("/proc/self/smaps");
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    std::string line;
    bool inside = false;
    while (std::getline(f, line)) {
        const auto dash = line.find('-');
        const auto space = line.find(' ');
        if (dash != std::string::npos && space != std::string::npos && dash < space &&
            line.find_first_not_of("0123456789abcdef") == dash) {
            const auto from = std::stoull(line.substr(0, dash), nullptr, 16);
            const auto to = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
            inside = at >= from && at < to;
            continue;
        }
        if (inside && line.rfind("AnonHugePages:", 0) == 0) {
            std::istringstream in(line.substr(14));
            long kib = 0;
            in >> kib;
            return kib;
        }
    }
    return -1;
}

}  // namespace

class TestHugePages : public QObject {
    Q_OBJECT
private slots:
    void reservesAndKeepsContents_data() {
        QTest::addColumn<qsizetype>("before");
        QTest::addColumn<qsizetype>("wanted");
        QTest::newRow("empty, small") << qsizetype(0) << qsizetype(1000);
        QTest::newRow("empty, 64 MiB") << qsizetype(0) << qsizetype(16 << 20);
        QTest::newRow("with contents, grown") << qsizetype(5000) << qsizetype(8 << 20);
        QTest::newRow("already large enough") << qsizetype(5000) << qsizetype(10);
    }
    void reservesAndKeepsContents() {
        QFETCH(qsizetype, before);
        QFETCH(qsizetype, wanted);
        std::vector<float> v(static_cast<std::size_t>(before));
        std::iota(v.begin(), v.end(), 1.0f);
        reserveHugePages(v, static_cast<std::size_t>(wanted));
        QVERIFY(v.capacity() >= static_cast<std::size_t>(std::max(before, wanted)));
        QCOMPARE(v.size(), static_cast<std::size_t>(before));
        for (qsizetype i = 0; i < before; ++i) QCOMPARE(v[static_cast<std::size_t>(i)], float(i + 1));
    }

    void adviceReachesTheKernel() {
        const std::string mode = thpMode();
        if (mode != "madvise" && mode != "always") QSKIP("this kernel grants no transparent huge pages on request");
        std::vector<float> v;
        reserveHugePages(v, std::size_t(64) << 20);  // 256 MiB
        v.assign(v.capacity(), 1.0f);                 // written only after the advice
        const long kib = anonHugeKiB(v.data() + v.size() / 2);
        QVERIFY2(kib >= 0, "the block's mapping is not in /proc/self/smaps");
        // Some pages may be left small (the block's unaligned ends, memory fragmentation), but most
        // of a quarter gigabyte written after the advice is huge.
        QVERIFY2(kib > 64 * 1024, qPrintable(QStringLiteral("AnonHugePages %1 KiB").arg(kib)));
    }

    void smallBlocksAreLeftAlone() {
        // Below two huge pages nothing is advised, and a null or empty block is harmless.
        adviseHugePages(nullptr, 0);
        std::vector<char> small(1 << 20, 'x');
        adviseHugePages(small.data(), small.size());
        QCOMPARE(small.back(), 'x');
    }
};

QTEST_GUILESS_MAIN(TestHugePages)
#include "TestHugePages.moc"
