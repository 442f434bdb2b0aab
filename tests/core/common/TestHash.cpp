// Fnv1a: the content hash behind stored fingerprints. With the published offset basis it gives the
// FNV authors' reference values (so the algorithm is FNV-1a); with ShelfSense's own basis it gives
// the values every stored fingerprint was made with — however the bytes are fed in.
#include <QtTest>

#include "common/Hash.h"

using namespace ss;

class TestHash : public QObject {
    Q_OBJECT
private slots:
    void referenceValues_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<quint64>("published");
        QTest::addColumn<quint64>("stored");
        QTest::newRow("empty") << QByteArray() << quint64(0xcbf29ce484222325ULL) << quint64(1469598103934665603ULL);
        QTest::newRow("a") << QByteArray("a") << quint64(0xaf63dc4c8601ec8cULL) << quint64(4953267810257967366ULL);
        QTest::newRow("foobar") << QByteArray("foobar") << quint64(0x85944171f73967e8ULL) << quint64(9870438755804841970ULL);
    }
    void referenceValues() {
        QFETCH(QByteArray, bytes);
        QFETCH(quint64, published);
        QFETCH(quint64, stored);
        const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        QCOMPARE(quint64(Fnv1a(Fnv1a::kPublishedOffsetBasis).add(view).value()), published);
        QCOMPARE(quint64(fnv1a(view)), stored);
        const quint64 expected = stored;
        // Fed in pieces and byte by byte: the same value.
        Fnv1a pieces;
        pieces.add(view.substr(0, view.size() / 2)).add(view.substr(view.size() / 2));
        QCOMPARE(quint64(pieces.value()), expected);
        Fnv1a bytewise;
        for (char c : view) bytewise.addByte(static_cast<unsigned char>(c));
        QCOMPARE(quint64(bytewise.value()), expected);
    }

    void littleEndianIsTheBytesLowFirst() {
        const std::uint64_t v = 0x0807060504030201ULL;
        const char bytes[] = {1, 2, 3, 4, 5, 6, 7, 8};
        QCOMPARE(Fnv1a().addLittleEndian(v).value(), Fnv1a().add(bytes, sizeof bytes).value());
        QVERIFY(Fnv1a().addLittleEndian(1).value() != Fnv1a().addLittleEndian(256).value());
    }

    // The word form: one xor-multiply per number (not the bytes' eight), every word counted.
    void wordsAreOneStepEach() {
        QCOMPARE(Fnv1a().addWord(0).value(), Fnv1a::kOffsetBasis * Fnv1a::kPrime);
        QCOMPARE(Fnv1a().addWord(0x1234).value(), (Fnv1a::kOffsetBasis ^ 0x1234) * Fnv1a::kPrime);
        QVERIFY(Fnv1a().addWord(1).value() != Fnv1a().addLittleEndian(1).value());
        QVERIFY(Fnv1a().addWord(1).addWord(2).value() != Fnv1a().addWord(2).addWord(1).value());
        QVERIFY(Fnv1a().addWord(1ULL << 63).value() != Fnv1a().addWord(0).value());
    }
};

QTEST_APPLESS_MAIN(TestHash)
#include "TestHash.moc"
