#include <QTemporaryDir>
#include <QtTest>

#include "text/Vocabulary.h"

using namespace ss;

class TestVocabulary : public QObject {
    Q_OBJECT

    static Result<Vocabulary> load(const QByteArray& contents) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vocab.txt"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) return makeError(ErrorCode::Io, "test setup");
        f.write(contents);
        f.close();
        return Vocabulary::fromFile(path.toStdString());
    }

private slots:
    // Python's text mode: \n, \r\n and \r all end a line; the last line needs no break.
    void lineEndings_data() {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("lf") << QByteArray("[UNK]\nwant\n##ed\n");
        QTest::newRow("crlf") << QByteArray("[UNK]\r\nwant\r\n##ed\r\n");
        QTest::newRow("cr") << QByteArray("[UNK]\rwant\r##ed\r");
        QTest::newRow("no final break") << QByteArray("[UNK]\nwant\n##ed");
    }
    void lineEndings() {
        QFETCH(QByteArray, contents);
        const auto v = load(contents);
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().describe().c_str());
        QCOMPARE(v->size(), std::size_t(3));
        QCOMPARE(v->find("want").value_or(-1), 1);
        QCOMPARE(v->find("##ed").value_or(-1), 2);
        QCOMPARE(v->findPiece("ed", true).value_or(-1), 2);
        QVERIFY(!v->findPiece("ed", false).has_value());
        QCOMPARE(QString::fromStdString(v->token(0)), QStringLiteral("[UNK]"));
        QVERIFY(v->token(3).empty());
        QVERIFY(v->token(-1).empty());
    }

    void duplicateKeepsLastId() {
        const auto v = load("a\nb\na\n");
        QVERIFY(v.ok());
        QCOMPARE(v->size(), std::size_t(3));  // ids still follow lines
        QCOMPARE(v->find("a").value_or(-1), 2);
        QCOMPARE(QString::fromStdString(v->token(0)), QStringLiteral("a"));
    }

    void spacesAreKept() {
        // HF strips only the line break: a token may carry spaces (an empty line is the token "").
        const auto v = load(" x \n\ny\n");
        QVERIFY(v.ok());
        QCOMPARE(v->find(" x ").value_or(-1), 0);
        QCOMPARE(v->find("").value_or(-1), 1);
        QCOMPARE(v->find("y").value_or(-1), 2);
    }

    void maxPieceBytes() {
        const auto v = Vocabulary::fromTokens({"[UNK]", "lowest", "##ing", "##"});
        QCOMPARE(v.maxPieceBytes(false), std::size_t(6));
        QCOMPARE(v.maxPieceBytes(true), std::size_t(3));
        QCOMPARE(v.find("##").value_or(-1), 3);
    }

    void errors() {
        const auto empty = load("");
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, ErrorCode::InputData);
        const auto missing = Vocabulary::fromFile("/nonexistent/shelfsense/vocab.txt");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::Io);
        QVERIFY(missing.error().context.find("vocab.txt") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestVocabulary)
#include "TestVocabulary.moc"
