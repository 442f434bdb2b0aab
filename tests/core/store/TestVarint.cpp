// Varint: the unchecked 8-byte read gives what the checked byte-by-byte read gives for every length
// it handles, and declines longer ones; varintEnds counts varint ends in a range of any length and
// alignment without counting the bytes after it.
#include <QtTest>

#include <cstdint>
#include <vector>

#include "store/Varint.h"

using namespace ss;

class TestVarint : public QObject {
    Q_OBJECT
private slots:
    void readsLikeTheCheckedReader_data() {
        QTest::addColumn<quint64>("value");
        QTest::addColumn<int>("length");  // bytes it takes; 0: longer than 8 (declined)
        QTest::newRow("0") << quint64(0) << 1;
        QTest::newRow("127") << quint64(127) << 1;
        QTest::newRow("128") << quint64(128) << 2;
        QTest::newRow("a day, shifted") << quint64(86400ULL << 3) << 3;
        QTest::newRow("2^21") << quint64(1ULL << 21) << 4;
        QTest::newRow("a unix time << 3") << quint64(1511544070ULL << 3) << 5;
        QTest::newRow("2^49 - 1") << quint64((1ULL << 49) - 1) << 7;
        QTest::newRow("2^56 - 1") << quint64((1ULL << 56) - 1) << 8;
        QTest::newRow("2^56") << quint64(1ULL << 56) << 0;
        QTest::newRow("2^64 - 1") << quint64(~0ULL) << 0;
    }
    void readsLikeTheCheckedReader() {
        QFETCH(quint64, value);
        QFETCH(int, length);
        std::vector<std::uint8_t> bytes;
        putVarint(bytes, value);
        bytes.push_back(0x2A);  // the next varint, which must not be read into this one
        bytes.resize(bytes.size() + 8, 0xFF);
        std::uint64_t fast = 0;
        const unsigned read = readVarint8(bytes.data(), fast);
        QCOMPARE(int(read), length);
        const std::uint8_t* p = bytes.data();
        std::uint64_t checked = 0;
        QVERIFY(getVarint(p, bytes.data() + bytes.size(), checked));
        QCOMPARE(checked, std::uint64_t(value));
        if (length > 0) {
            QCOMPARE(fast, std::uint64_t(value));
            QCOMPARE(std::ptrdiff_t(read), p - bytes.data());
        }
    }

    void countsVarintEnds_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("count");
        for (int offset : {0, 1, 5})
            for (int count : {0, 1, 3, 8, 17}) QTest::newRow(qPrintable(QStringLiteral("offset %1, %2 bytes").arg(offset).arg(count))) << offset << count;
    }
    void countsVarintEnds() {
        QFETCH(int, offset);
        QFETCH(int, count);
        // Alternating 1- and 3-byte varints; the bytes after the range are all ends (0x00) and must
        // not be counted.
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(offset), 0x80);
        for (int i = 0; i < 12; ++i) putVarint(bytes, i % 2 ? 1u << 15 : 5u);
        bytes.resize(bytes.size() + 16, 0x00);
        std::size_t expected = 0;
        for (int i = 0; i < count; ++i) expected += bytes[static_cast<std::size_t>(offset + i)] < 0x80 ? 1 : 0;
        QCOMPARE(varintEnds(bytes.data() + offset, static_cast<std::size_t>(count)), expected);
    }
};

QTEST_APPLESS_MAIN(TestVarint)
#include "TestVarint.moc"
