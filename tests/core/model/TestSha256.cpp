#include <QTemporaryDir>
#include <QtTest>

#include "SafetensorsBytes.h"
#include "model/Sha256.h"

class TestSha256 : public QObject {
    Q_OBJECT
private slots:
    // FIPS 180-4 / NIST example vectors.
    void nist_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                  << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("896 bits")
            << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
                          "rsmnopqrstnopqrstu")
            << "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void nist() {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        QCOMPARE(QString::fromStdString(ss::Sha256::hex(input.constData(), std::size_t(input.size()))), digest);
        // Fed in uneven pieces the digest must not change (exercises the partial-block buffer).
        ss::Sha256 pieces;
        for (int pos = 0, step = 1; pos < input.size(); pos += step, step = step * 3 % 97 + 1) {
            pieces.update(input.constData() + pos, std::size_t(std::min(step, int(input.size()) - pos)));
        }
        QCOMPARE(QString::fromStdString(pieces.finishHex()), digest);

        QTemporaryDir dir;
        QVERIFY(SafetensorsBytes::write(dir.filePath("f"), input));
        const auto fromFile = ss::Sha256::hexOfFile(dir.filePath("f").toStdString());
        QVERIFY(fromFile.ok());
        QCOMPARE(QString::fromStdString(fromFile.value()), digest);
    }
    void missingFile() { QVERIFY(!ss::Sha256::hexOfFile("/nonexistent/file").ok()); }
};

QTEST_APPLESS_MAIN(TestSha256)
#include "TestSha256.moc"
