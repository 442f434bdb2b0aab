// CsvReader: RFC 4180 records (quoted delimiters, doubled quotes, newlines inside quotes), tab and
// whitespace separation, record line numbers and unterminated quotes.
#include <QtTest>

#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "ingest/CsvReader.h"

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
