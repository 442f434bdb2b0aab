#include <QtTest>

#include "TokenizerTestSupport.h"
#include "text/BasicTokenizer.h"
#include "text/WordpieceTokenizer.h"

using namespace ss;

namespace {
std::shared_ptr<const Vocabulary> vocab(std::vector<std::string> tokens) {
    return std::make_shared<const Vocabulary>(Vocabulary::fromTokens(std::move(tokens)));
}
// The toy vocabulary of both peers' test_wordpiece_tokenizer.
std::shared_ptr<const Vocabulary> peerVocab() {
    return vocab({"[UNK]", "[CLS]", "[SEP]", "want", "##want", "##ed", "wa", "un", "runn", "##ing"});
}
}  // namespace

class TestWordpieceTokenizer : public QObject {
    Q_OBJECT
private slots:
    void tokenize_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("peer empty") << "" << QStringList{};
        QTest::newRow("peer unwanted running") << "unwanted running"
                                               << QStringList{"un", "##want", "##ed", "runn", "##ing"};
        QTest::newRow("peer unsegmentable word") << "unwantedX running" << QStringList{"[UNK]", "runn", "##ing"};
        QTest::newRow("longest match first") << "wanted" << QStringList{"want", "##ed"};
        QTest::newRow("prefix only") << "wa" << QStringList{"wa"};
        QTest::newRow("continuation needs ##") << "ed" << QStringList{"[UNK]"};
        QTest::newRow("python whitespace") << QString::fromUtf8("want\u3000wa\u2028un") << QStringList{"want", "wa", "un"};
        QTest::newRow("surrounding spaces") << "  want  " << QStringList{"want"};
    }
    void tokenize() {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const WordpieceTokenizer wp(peerVocab(), "[UNK]");
        QCOMPARE(testing::toQt(wp.tokenize(text.toStdString())), expected);
    }

    void pieceIds() {
        const WordpieceTokenizer wp(peerVocab(), "[UNK]");
        std::vector<WordpieceTokenizer::Piece> pieces;
        wp.tokenizeWord("unwanted", pieces);
        wp.tokenizeWord("xyz", pieces);
        QCOMPARE(pieces.size(), std::size_t(4));
        QCOMPARE(pieces[0].id, 7);
        QCOMPARE(pieces[1].id, 4);
        QCOMPARE(pieces[2].id, 5);
        QCOMPARE(pieces[3].id, 0);
        QCOMPARE(QString::fromStdString(std::string(pieces[3].text)), QStringLiteral("[UNK]"));
        QCOMPARE(wp.unkId(), 0);
    }

    // HF: a word of more than max_input_chars_per_word (100) code points is [UNK] without trying pieces;
    // the limit counts code points, not bytes.
    void longWords() {
        const WordpieceTokenizer wp(vocab({"[UNK]", "a", "##a", "\u00e9", "##\u00e9"}), "[UNK]");
        const auto pieces100 = wp.tokenize(std::string(100, 'a'));
        QCOMPARE(pieces100.size(), std::size_t(100));
        QCOMPARE(QString::fromStdString(pieces100[1]), QStringLiteral("##a"));
        QCOMPARE(testing::toQt(wp.tokenize(std::string(101, 'a'))), QStringList{"[UNK]"});
        std::string e100;
        for (int i = 0; i < 100; ++i) e100 += "\u00e9";
        QCOMPARE(wp.tokenize(e100).size(), std::size_t(100));
        QCOMPARE(testing::toQt(wp.tokenize(e100 + "\u00e9")), QStringList{"[UNK]"});

        const WordpieceTokenizer wide(vocab({"[UNK]", "a", "##a"}), "[UNK]", 300);
        QCOMPARE(wide.tokenize(std::string(300, 'a')).size(), std::size_t(300));
        QCOMPARE(testing::toQt(wide.tokenize(std::string(301, 'a'))), QStringList{"[UNK]"});
    }

    void multibytePieces() {
        const WordpieceTokenizer wp(vocab({"[UNK]", "\u4e2d", "##\u6587", "##\U0001F600"}), "[UNK]");
        QCOMPARE(testing::toQt(wp.tokenize("\u4e2d\u6587\U0001F600")),
                 (QStringList{"\u4e2d", "##\u6587", "##\U0001F600"}));
        QCOMPARE(testing::toQt(wp.tokenize("\u6587")), QStringList{"[UNK]"});
    }

    void missingUnknownToken() {
        const WordpieceTokenizer wp(vocab({"a"}), "[UNK]");
        std::vector<WordpieceTokenizer::Piece> pieces;
        wp.tokenizeWord("b", pieces);
        QCOMPARE(pieces.size(), std::size_t(1));
        QCOMPARE(pieces[0].id, -1);
    }

    // google-research/bert test_full_tokenizer and test_convert_tokens_to_ids: BasicTokenizer, then WordPiece.
    void peerFullTokenizer() {
        const auto v = vocab({"[UNK]", "[CLS]", "[SEP]", "want", "##want", "##ed", "wa", "un", "runn", "##ing", ","});
        const BasicTokenizer basic;
        const WordpieceTokenizer wp(v, "[UNK]");
        std::vector<WordpieceTokenizer::Piece> pieces;
        for (const std::string& word : basic.tokenize("UNwant\u00E9d,running")) wp.tokenizeWord(word, pieces);
        QStringList tokens;
        QList<int> ids;
        for (const auto& p : pieces) {
            tokens << QString::fromStdString(std::string(p.text));
            ids << p.id;
        }
        QCOMPARE(tokens, (QStringList{"un", "##want", "##ed", ",", "runn", "##ing"}));
        QCOMPARE(ids, (QList<int>{7, 4, 5, 10, 8, 9}));
    }
};

QTEST_APPLESS_MAIN(TestWordpieceTokenizer)
#include "TestWordpieceTokenizer.moc"
