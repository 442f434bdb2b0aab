// LineReader: line splitting (LF, CRLF, last line without newline), BOM stripping, transparent gzip
// and zip, lines across buffer chunks, content fingerprints and read errors.
#include <QtTest>

#include "../store/TestSupport.h"
#include "TextFixture.h"
#include "io/LineReader.h"

using namespace ss;
using sstest::writeFixture;

namespace {

QStringList readAll(const std::filesystem::path& path, QString* fingerprint = nullptr, qint64* lastLine = nullptr) {
    QStringList out;
    auto reader = LineReader::open(path);
    if (!reader) return {"<open failed: " + QString::fromStdString(reader.error().describe()) + ">"};
    std::string_view line;
    while ((*reader)->next(line)) out << QString::fromUtf8(line.data(), qsizetype(line.size()));
    if ((*reader)->error()) out << "<error>";
    if (fingerprint) *fingerprint = QString::fromStdString((*reader)->fingerprint());
    if (lastLine) *lastLine = (*reader)->lineNumber();
    return out;
}

}  // namespace

class TestLineReader : public QObject {
    Q_OBJECT
private slots:
    void splitLines_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty file") << QByteArray() << QStringList{};
        QTest::newRow("one line no newline") << QByteArray("abc") << QStringList{"abc"};
        QTest::newRow("lf") << QByteArray("a\nb\n") << QStringList{"a", "b"};
        QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QStringList{"a", "b"};
        QTest::newRow("crlf last without newline") << QByteArray("a\r\nb\r") << QStringList{"a", "b"};
        QTest::newRow("mixed endings") << QByteArray("a\r\nb\nc") << QStringList{"a", "b", "c"};
        QTest::newRow("blank lines kept") << QByteArray("a\n\n\r\nb\n") << QStringList{"a", "", "", "b"};
        QTest::newRow("lone newline") << QByteArray("\n") << QStringList{""};
        QTest::newRow("cr inside a line kept") << QByteArray("a\rb\n") << QStringList{"a\rb"};
        QTest::newRow("bom stripped") << QByteArray("\xEF\xBB\xBFid,x\n1,2\n") << QStringList{"id,x", "1,2"};
        QTest::newRow("bom crlf") << QByteArray("\xEF\xBB\xBFid\r\n1\r\n") << QStringList{"id", "1"};
        QTest::newRow("bom only on first line") << QByteArray("a\n\xEF\xBB\xBF" "b\n") << QStringList{"a", "\xEF\xBB\xBF" "b"};
        QTest::newRow("utf8 kept") << QByteArray("无线耳机,😀\n") << QStringList{"无线耳机,😀"};
    }
    void splitLines() {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        for (int enc : {int(sstest::Plain), int(sstest::Gzip), int(sstest::Zip)}) {
            const auto path = writeFixture(dir, enc == sstest::Zip ? "f.zip" : enc ? "f.txt.gz" : "f.txt", content, enc);
            qint64 last = -1;
            QCOMPARE(readAll(path, nullptr, &last), expected);
            QCOMPARE(last, qint64(expected.size()));
        }
    }

    void gzipIsDetectedByContentNotName() {
        QTemporaryDir dir;
        const QByteArray content = "x,1\ny,2\n";
        const auto gz = writeFixture(dir, "no_extension", content, sstest::Gzip);
        const auto plain = writeFixture(dir, "looks.gz", content);
        QCOMPARE(readAll(gz), (QStringList{"x,1", "y,2"}));
        QCOMPARE(readAll(plain), (QStringList{"x,1", "y,2"}));
        auto reader = LineReader::open(gz);
        SS_VERIFY_OK(reader);
        QCOMPARE((*reader)->fileSize(), std::uint64_t(std::filesystem::file_size(gz)));  // compressed size
    }

    void zipMembers_data() {
        QTest::addColumn<QString>("name");       // what is opened, relative to the folder
        QTest::addColumn<bool>("opens");
        QTest::addColumn<QStringList>("expected");  // the lines, or fragments of the open error
        QTest::newRow("one member") << "one.zip" << true << QStringList{"a,1", "b,2"};
        QTest::newRow("one member beside folders and macOS metadata") << "mac.zip" << true << QStringList{"a,1", "b,2"};
        QTest::newRow("named member") << "two.zip/inner/second.csv" << true << QStringList{"s,2"};
        QTest::newRow("named member, first") << "two.zip/first.csv" << true << QStringList{"f,1"};
        QTest::newRow("two members, none named") << "two.zip" << false << QStringList{"holds 2 files (first.csv, inner/second.csv)", "two.zip/first.csv"};
        QTest::newRow("no such member") << "two.zip/third.csv" << false << QStringList{"no such file in the zip archive", "third.csv"};
        QTest::newRow("empty archive") << "empty.zip" << false << QStringList{"holds no files"};
        QTest::newRow("zip by content, any name") << "one.csv" << true << QStringList{"a,1", "b,2"};
    }
    void zipMembers() {
        QFETCH(QString, name);
        QFETCH(bool, opens);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        QVERIFY(sstest::writeZip(root / "one.zip", {{"data.csv", "a,1\nb,2\n"}}));
        QVERIFY(sstest::writeZip(root / "one.csv", {{"data.csv", "a,1\nb,2\n"}}));
        QVERIFY(sstest::writeZip(root / "mac.zip", {{"folder/", {}}, {"__MACOSX/folder/._data.csv", "junk"}, {"folder/._x", "junk"},
                                                    {"folder/data.csv", "a,1\nb,2\n"}}));
        QVERIFY(sstest::writeZip(root / "two.zip", {{"first.csv", "f,1\n"}, {"inner/second.csv", "s,2\n"}}));
        {
            // libzip writes no file for an empty archive: the 22-byte end record alone.
            QFile f(QString::fromStdString((root / "empty.zip").string()));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0'));
        }
        const QStringList got = readAll(root / name.toStdString());
        if (opens) {
            QCOMPARE(got, expected);
        } else {
            QCOMPARE(got.size(), 1);
            for (const QString& fragment : expected) QVERIFY2(got.first().contains(fragment), qPrintable(got.first()));
        }
    }

    void damagedZip() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        QByteArray content;
        for (int i = 0; i < 5000; ++i) content += "user" + QByteArray::number(i) + ",item" + QByteArray::number(i * 31) + "\n";
        // Stored, so that flipping a byte of the archive flips a byte of the member: its CRC fails.
        QVERIFY(sstest::writeZip(root / "flip.zip", {{"data.csv", content, true}}));
        QFile f(QString::fromStdString((root / "flip.zip").string()));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const auto at = bytes.indexOf("user2500,");
        QVERIFY(at > 0);
        bytes[at] = 'U';
        f.seek(0);
        f.write(bytes);
        f.close();
        const QStringList flipped = readAll(root / "flip.zip");
        QCOMPARE(flipped.last(), QString("<error>"));

        // Cut in half: no central directory, so the archive is refused with its name.
        {
            QFile cut(QString::fromStdString((root / "cut.zip").string()));
            QVERIFY(cut.open(QIODevice::WriteOnly));
            cut.write(bytes.left(bytes.size() / 2));
        }
        auto reader = LineReader::open(root / "cut.zip");
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InputData);
        QVERIFY(reader.error().describe().find("cut.zip") != std::string::npos);
        QVERIFY(reader.error().describe().find("not a complete zip archive") != std::string::npos);
    }

    void zipProgressReachesTheFileSize() {
        QTemporaryDir dir;
        const std::filesystem::path path = std::filesystem::path(dir.path().toStdString()) / "p.zip";
        QByteArray content;
        for (int i = 0; i < 50000; ++i) content += QByteArray::number(i * 7919) + "\n";
        QVERIFY(sstest::writeZip(path, {{"p.csv", content}}));
        auto reader = LineReader::open(path);
        SS_VERIFY_OK(reader);
        QCOMPARE((*reader)->fileSize(), std::uint64_t(std::filesystem::file_size(path)));
        std::string_view line;
        std::uint64_t previous = 0;
        while ((*reader)->next(line)) {
            QVERIFY((*reader)->compressedOffset() >= previous);
            previous = (*reader)->compressedOffset();
        }
        QVERIFY(!(*reader)->error());
        QCOMPARE((*reader)->compressedOffset(), (*reader)->fileSize());
    }

    void longLinesAcrossChunks() {
        // Lines of growing length, one of 3 MiB: chunk boundaries (1 MiB) fall inside lines and inside CRLF.
        QByteArray content;
        QStringList expected;
        for (int i = 0; i < 2000; ++i) {
            QByteArray line(i * 37 % 1500, char('a' + i % 26));
            line += QByteArray::number(i);
            expected << QString::fromLatin1(line);
            content += line + "\r\n";
        }
        QByteArray huge(3 * 1024 * 1024 + 17, 'z');
        expected << QString::fromLatin1(huge);
        content += huge + "\n";
        expected << "tail";
        content += "tail";
        QTemporaryDir dir;
        for (int enc : {int(sstest::Plain), int(sstest::Gzip), int(sstest::Zip)}) {
            const auto path = writeFixture(dir, enc == sstest::Zip ? "long.zip" : enc ? "long.gz" : "long.txt", content, enc);
            const QStringList got = readAll(path);
            QCOMPARE(got.size(), expected.size());
            QVERIFY(got == expected);
        }
    }

    void fingerprintFollowsContent() {
        QTemporaryDir dir;
        QString a, b, c, d, e;
        readAll(writeFixture(dir, "a.csv", "1,2\n3,4\n"), &a);
        readAll(writeFixture(dir, "b.csv", "1,2\n3,4\n"), &b);
        readAll(writeFixture(dir, "c.csv", "1,2\n3,5\n"), &c);
        readAll(writeFixture(dir, "d.csv.gz", "1,2\n3,4\n", sstest::Gzip), &d);
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, b);       // same bytes, different name
        QVERIFY(a != c);      // one byte differs
        QCOMPARE(a, d);       // the content, not the compression, is fingerprinted
        readAll(writeFixture(dir, "e.zip", "1,2\n3,4\n", sstest::Zip), &e);
        QCOMPARE(a, e);
    }

    void readErrors() {
        QTemporaryDir dir;
        auto missing = LineReader::open(std::filesystem::path(dir.path().toStdString()) / "missing.csv");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
        QVERIFY(missing.error().describe().find("missing.csv") != std::string::npos);
        auto folder = LineReader::open(std::filesystem::path(dir.path().toStdString()));
        QVERIFY(!folder);
        QCOMPARE(folder.error().code, ErrorCode::Io);

        // A gzip stream cut in half: the reader reports an error instead of silently ending.
        QByteArray content;
        for (int i = 0; i < 20000; ++i) content += "user" + QByteArray::number(i * 7919) + ",item" + QByteArray::number(i) + "\n";
        const auto full = writeFixture(dir, "full.gz", content, sstest::Gzip);
        QFile f(QString::fromStdString(full.string()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray compressed = f.readAll();
        f.close();
        const auto cut = std::filesystem::path(dir.path().toStdString()) / "cut.gz";
        {
            QFile out(QString::fromStdString(cut.string()));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(compressed.left(compressed.size() / 2));
        }
        auto reader = LineReader::open(cut);
        SS_VERIFY_OK(reader);
        std::string_view line;
        qint64 n = 0;
        while ((*reader)->next(line)) ++n;
        QVERIFY(n < 20000);
        QVERIFY((*reader)->error().has_value());
        QVERIFY((*reader)->error()->describe().find("cut.gz") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestLineReader)
#include "TestLineReader.moc"
