// CsvReader: RFC 4180 records (quoted delimiters, doubled quotes, newlines inside quotes), tab and
// whitespace separation, record line numbers and unterminated quotes; lenient (importers) and
// strict with trimmed blanks (`metrics`), from plain, gzip and zip files alike.
#include <QtTest>

#include "../store/TestSupport.h"
#include "TextFixture.h"
#include "io/CsvReader.h"
#include "io/LineReader.h"

using namespace ss;

Q_DECLARE_METATYPE(CsvReader::Separator)

class TestCsvReader : public QObject {
    Q_OBJECT
private slots:
    void records_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<CsvReader::Separator>("separator");
        // each record: "line:field1|field2|..." (+ " !" when malformed)
        QTest::addColumn<QStringList>("expected");
        using S = CsvReader::Separator;
        QTest::newRow("simple") << QByteArray("a,b,c\n1,2,3\n") << S::Comma << QStringList{"1:a|b|c", "2:1|2|3"};
        QTest::newRow("empty fields") << QByteArray(",,\na,,b\n") << S::Comma << QStringList{"1:||", "2:a||b"};
        QTest::newRow("quoted comma") << QByteArray("1,\"x, y\",2\n") << S::Comma << QStringList{"1:1|x, y|2"};
        QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",b\n") << S::Comma << QStringList{"1:say \"hi\"|b"};
        QTest::newRow("empty quoted") << QByteArray("\"\",x\n") << S::Comma << QStringList{"1:|x"};
        QTest::newRow("newline in quotes") << QByteArray("id,text\n1,\"line one\nline two, still\"\n2,after\n") << S::Comma
                                           << QStringList{"1:id|text", "2:1|line one\nline two, still", "4:2|after"};
        QTest::newRow("crlf newline in quotes") << QByteArray("1,\"a\r\nb\"\r\n2,c\r\n") << S::Comma
                                                << QStringList{"1:1|a\nb", "3:2|c"};
        QTest::newRow("several newlines") << QByteArray("\"a\n\n\nb\",z\nq,r\n") << S::Comma
                                          << QStringList{"1:a\n\n\nb|z", "5:q|r"};
        QTest::newRow("blank lines skipped") << QByteArray("a,b\n\n   \n c,d\n") << S::Comma << QStringList{"1:a|b", "4: c|d"};
        QTest::newRow("unterminated at eof") << QByteArray("1,ok\n2,\"never closed\n3,x\n") << S::Comma
                                             << QStringList{"1:1|ok", "2:2|never closed\n3,x\n !"};
        QTest::newRow("tab") << QByteArray("a\tb c\t\"q\tq\"\n") << S::Tab << QStringList{"1:a|b c|q\tq"};
        QTest::newRow("whitespace cdnow") << QByteArray(" 00001 19970101  1   11.77\n\t00002\t19970112 1 12.00\n") << S::Whitespace
                                          << QStringList{"1:00001|19970101|1|11.77", "2:00002|19970112|1|12.00"};
        QTest::newRow("whitespace ignores quotes") << QByteArray("\"a b\" c\n") << S::Whitespace << QStringList{"1:\"a|b\"|c"};
        QTest::newRow("utf8 fields") << QByteArray("U1,\"无线耳机, 蓝牙\"\n") << S::Comma << QStringList{"1:U1|无线耳机, 蓝牙"};
    }
    void records() {
        QFETCH(QByteArray, content);
        QFETCH(CsvReader::Separator, separator);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const auto path = sstest::writeFixture(dir, "f.csv", content);
        auto lines = LineReader::open(path);
        SS_VERIFY_OK(lines);
        CsvReader csv(**lines, separator);
        QStringList got;
        while (csv.next()) {
            QStringList fields;
            for (auto f : csv.fields()) fields << QString::fromUtf8(f.data(), qsizetype(f.size()));
            got << QString::number(csv.recordLine()) + ":" + fields.join('|') + (csv.malformed() ? " !" : "");
        }
        QCOMPARE(got, expected);
    }

    // The strict dialect: the same records whichever way the file is stored.
    void strictRecords_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QStringList>("records");  // fields joined with '|', one entry per record
        QTest::addColumn<QList<int>>("lines");
        const struct {
            const char* name;
            QByteArray text;
            QStringList records;
            QList<int> lines;
        } cases[] = {
            {"plain LF", "a,b,c\nd,e,f\n", {"a|b|c", "d|e|f"}, {1, 2}},
            {"CRLF, no final newline", "a,b\r\nc,d", {"a|b", "c|d"}, {1, 2}},
            {"quoted comma and quote", "\"x,y\",\"say \"\"hi\"\"\"\n", {"x,y|say \"hi\""}, {1}},
            {"quoted newline keeps line numbers", "\"multi\nline\",2\nnext,3\n", {"multi\nline|2", "next|3"}, {1, 3}},
            {"blank lines skipped", "a,b\n\n\nc,d\n", {"a|b", "c|d"}, {1, 4}},
            {"unquoted blanks trimmed, quoted kept", " a , \" b \" \n", {"a| b "}, {1}},
            {"blanks before an opening quote", "x,  \"q, r\"\n", {"x|q, r"}, {1}},
            {"empty fields", ",,\n", {"||"}, {1}},
            {"utf-8 BOM", "\xEF\xBB\xBFuser,item\n", {"user|item"}, {1}},
            {"quote inside unquoted field", "12\" vinyl,x\n", {"12\" vinyl|x"}, {1}},
            {"Chinese", "U1,\"无线耳机, 蓝牙\"\n", {"U1|无线耳机, 蓝牙"}, {1}},
        };
        for (const auto& c : cases)
            for (int encoding : {int(sstest::Plain), int(sstest::Gzip), int(sstest::Zip)})
                QTest::newRow(qPrintable(QStringLiteral("%1 (%2)").arg(c.name).arg(encoding))) << c.text << encoding << c.records << c.lines;
    }
    void strictRecords() {
        QFETCH(QByteArray, text);
        QFETCH(int, encoding);
        QFETCH(QStringList, records);
        QFETCH(QList<int>, lines);
        QTemporaryDir dir;
        const auto path = sstest::writeFixture(dir, "f.csv", text, encoding);
        auto file = LineReader::open(path);
        SS_VERIFY_OK(file);
        CsvReader csv(**file, CsvReader::Options{CsvReader::Separator::Comma, true, true});
        QStringList got;
        QList<int> gotLines;
        while (csv.next()) {
            QStringList fields;
            for (auto f : csv.fields()) fields << QString::fromUtf8(f.data(), qsizetype(f.size()));
            got << fields.join('|');
            gotLines << int(csv.recordLine());
        }
        QVERIFY2(!csv.error(), csv.error() ? csv.error()->describe().c_str() : "");
        QCOMPARE(got, records);
        QCOMPARE(gotLines, lines);
    }

    void strictMalformed_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("context");
        QTest::addColumn<int>("goodRecords");  // read before the bad one
        QTest::newRow("unterminated quote") << QByteArray("a,b\nc,\"d\ne,f\n") << "mem.csv:2: field 2" << 1;
        QTest::newRow("text after closing quote") << QByteArray("a,b\n\"c\"x,d\n") << "mem.csv:2: field 1" << 1;
        QTest::newRow("text after a quote on a later line") << QByteArray("\"a\nb\"c\n") << "mem.csv:2: field 1" << 0;
    }
    void strictMalformed() {
        QFETCH(QByteArray, text);
        QFETCH(QString, context);
        QFETCH(int, goodRecords);
        auto lines = LineReader::fromText(text.toStdString(), "mem.csv");
        CsvReader csv(*lines, CsvReader::Options{CsvReader::Separator::Comma, true, true});
        int good = 0;
        while (csv.next()) ++good;
        QCOMPARE(good, goodRecords);
        QVERIFY(csv.error());
        QCOMPARE(csv.error()->code, ErrorCode::InputData);
        QCOMPARE(QString::fromStdString(csv.error()->context), context);
        QVERIFY(!csv.next());  // stays stopped
    }

    void damagedGzipIsAnError() {
        // A gzip file cut short: the records before the damage are read, then error() says why it stopped.
        QTemporaryDir dir;
        QByteArray content;
        for (int i = 0; i < 20000; ++i) content += QByteArray::number(i) + ",item" + QByteArray::number(i * 7) + "\n";
        const auto path = sstest::writeFixture(dir, "cut.csv.gz", content, sstest::Gzip);
        const auto size = std::filesystem::file_size(path);
        std::filesystem::resize_file(path, size / 2);
        auto lines = LineReader::open(path);
        SS_VERIFY_OK(lines);
        CsvReader csv(**lines, CsvReader::Options{CsvReader::Separator::Comma, true, true});
        int read = 0;
        while (csv.next()) ++read;
        QVERIFY(read > 0 && read < 20000);
        QVERIFY(csv.error());
        QVERIFY2(QString::fromStdString(csv.error()->describe()).contains("cut.csv.gz"), csv.error()->describe().c_str());
    }

    void guessSeparator_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<CsvReader::Separator>("expected");
        QTest::newRow("comma") << "a,b,c" << CsvReader::Separator::Comma;
        QTest::newRow("tab") << "a\tb\tc" << CsvReader::Separator::Tab;
        QTest::newRow("tab wins over fewer commas") << "a,b\tc\td" << CsvReader::Separator::Tab;
        QTest::newRow("whitespace") << " customer_id  date number_of_cds  dollar_value" << CsvReader::Separator::Whitespace;
    }
    void guessSeparator() {
        QFETCH(QString, line);
        QFETCH(CsvReader::Separator, expected);
        QCOMPARE(CsvReader::guessSeparator(line.toStdString()), expected);
    }
};

QTEST_APPLESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
