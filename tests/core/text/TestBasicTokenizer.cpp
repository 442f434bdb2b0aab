#include <QtTest>

#include "TokenizerTestSupport.h"
#include "text/BasicTokenizer.h"

using namespace ss;

namespace {
constexpr int kDefault = -1;  // strip_accents=None
const char* const kHello = " \tHeLLo!how  \n Are yoU?  ";
const char* const kHaello = " \tH\u00e4LLo!how  \n Are yoU?  ";
}  // namespace

class TestBasicTokenizer : public QObject {
    Q_OBJECT
private slots:
    // Cases of HF tests/models/bert/test_tokenization_bert.py and google-research/bert tokenization_test.py,
    // then ours for HF behaviour those files leave implicit.
    void tokenize_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("lower");
        QTest::addColumn<int>("strip");
        QTest::addColumn<bool>("chinese");
        QTest::addColumn<QStringList>("neverSplit");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        auto row = [](const char* name) -> QTestData& { return QTest::newRow(name); };

        row("peer chinese") << QByteArray("ah\u535A\u63A8zz") << true << kDefault << true << none
                            << QStringList{"ah", "\u535A", "\u63A8", "zz"};
        row("peer lower") << QByteArray(kHello) << true << kDefault << true << none
                          << QStringList{"hello", "!", "how", "are", "you", "?"};
        row("peer lower accent") << QByteArray("H\u00E9llo") << true << kDefault << true << none << QStringList{"hello"};
        row("peer lower strip false") << QByteArray(kHaello) << true << 0 << true << none
                                      << QStringList{"h\u00e4llo", "!", "how", "are", "you", "?"};
        row("peer lower strip false accent") << QByteArray("H\u00E9llo") << true << 0 << true << none
                                             << QStringList{"h\u00e9llo"};
        row("peer lower strip true") << QByteArray(kHaello) << true << 1 << true << none
                                     << QStringList{"hallo", "!", "how", "are", "you", "?"};
        row("peer lower strip true accent") << QByteArray("H\u00E9llo") << true << 1 << true << none
                                            << QStringList{"hello"};
        row("peer lower strip default") << QByteArray(kHaello) << true << kDefault << true << none
                                        << QStringList{"hallo", "!", "how", "are", "you", "?"};
        row("peer no lower") << QByteArray(kHello) << false << kDefault << true << none
                             << QStringList{"HeLLo", "!", "how", "Are", "yoU", "?"};
        row("peer no lower strip false") << QByteArray(kHaello) << false << 0 << true << none
                                         << QStringList{"H\u00e4LLo", "!", "how", "Are", "yoU", "?"};
        row("peer no lower strip true") << QByteArray(kHaello) << false << 1 << true << none
                                        << QStringList{"HaLLo", "!", "how", "Are", "yoU", "?"};
        row("peer never split") << QByteArray(" \tHeLLo!how  \n Are yoU? [UNK]") << false << kDefault << true
                                << QStringList{"[UNK]"}
                                << QStringList{"HeLLo", "!", "how", "Are", "yoU", "?", "[UNK]"};
        row("peer punctuation") << QByteArray("a\n'll !!to?'d of, can't.") << true << kDefault << true << none
                                << QStringList{"a", "'", "ll", "!", "!", "to", "?", "'", "d", "of", ",", "can",
                                               "'", "t", "."};
        row("peer control chars") << QByteArray("\u200E\u200F") << true << kDefault << true << none << QStringList{};
        row("peer clean soft hyphen") << QByteArray("\u00ad") << true << kDefault << true << none << QStringList{};

        row("never split not lowered") << QByteArray("Say [UNK] NOW") << true << kDefault << true
                                       << QStringList{"[UNK]"} << QStringList{"say", "[UNK]", "now"};
        row("never split needs whole token") << QByteArray("x[UNK]") << false << kDefault << true
                                             << QStringList{"[UNK]"} << QStringList{"x", "[", "UNK", "]"};
        row("never split after lower") << QByteArray("[FOO]") << true << kDefault << true << QStringList{"[foo]"}
                                       << QStringList{"[foo]"};
        row("chinese off") << QByteArray("ah\u535A\u63A8zz") << true << kDefault << false << none
                           << QStringList{"ah\u535A\u63A8zz"};
        row("kana and hangul stay words") << QByteArray("\u3072\u3089\u304c\u306a \ud55c\uad6d\uc5b4") << true
                                          << kDefault << true << none
                                          << QStringList{"\u3072\u3089\u304b\u306a", "\u1112\u1161\u11ab\u1100\u116e"
                                                                                     "\u11a8\u110b\u1165"};
        row("nul and replacement dropped") << QByteArray("a\0b\uFFFDc", 7) << true << kDefault << true << none
                                           << QStringList{"abc"};
        row("line separator splits") << QByteArray("a\u2028b\u2029c") << true << kDefault << true << none
                                     << QStringList{"a", "b", "c"};
        row("ideographic space") << QByteArray("a\u3000b") << true << kDefault << true << none
                                 << QStringList{"a", "b"};
        row("zwj removed joins") << QByteArray("ab\u200dcd") << true << kDefault << true << none
                                 << QStringList{"abcd"};
        row("final sigma per token") << QByteArray("\u039f\u0394\u039f\u03a3 \u03a3") << true << 0 << true << none
                                     << QStringList{"\u03bf\u03b4\u03bf\u03c2", "\u03c3"};
        row("dotted capital I") << QByteArray("\u0130stanbul") << true << 0 << true << none
                                << QStringList{"i\u0307stanbul"};
        row("dotted capital I stripped") << QByteArray("\u0130stanbul") << true << kDefault << true << none
                                         << QStringList{"istanbul"};
        row("decomposed input is composed") << QByteArray("Cafe\u0301") << false << kDefault << true << none
                                            << QStringList{"Caf\u00e9"};
        row("full-width punctuation") << QByteArray("\uff01\u3002\u300c\u300d") << true << kDefault << true << none
                                      << QStringList{"\uff01", "\u3002", "\u300c", "\u300d"};
        row("symbols are not punctuation") << QByteArray("5\u20ac+\u00a9") << true << kDefault << true << none
                                           << QStringList{"5\u20ac", "+", "\u00a9"};
        row("lone mark vanishes") << QByteArray("\u0301 a") << true << kDefault << true << none
                                  << QStringList{"a"};
        row("empty") << QByteArray("") << true << kDefault << true << none << QStringList{};
        row("whitespace only") << QByteArray(" \t\r\n ") << true << kDefault << true << none << QStringList{};
        row("invalid utf-8 dropped") << QByteArray("ab\xff" "cd\xe4\xb8") << true << kDefault << true << none
                                     << QStringList{"abcd"};
    }
    void tokenize() {
        QFETCH(QByteArray, text);
        QFETCH(bool, lower);
        QFETCH(int, strip);
        QFETCH(bool, chinese);
        QFETCH(QStringList, neverSplit);
        QFETCH(QStringList, expected);
        BasicTokenizer::Options o;
        o.lowerCase = lower;
        if (strip != kDefault) o.stripAccents = strip == 1;
        o.tokenizeChineseChars = chinese;
        for (const QString& s : neverSplit) o.neverSplit.push_back(s.toStdString());
        const BasicTokenizer tokenizer(o);
        QCOMPARE(testing::toQt(tokenizer.tokenize(std::string_view(text.constData(), std::size_t(text.size())))),
                 expected);
    }

    void noPunctuationSplit() {
        BasicTokenizer::Options o;
        o.splitOnPunctuation = false;
        QCOMPARE(testing::toQt(BasicTokenizer(o).tokenize("can't stop, won't stop")),
                 (QStringList{"can't", "stop,", "won't", "stop"}));
    }

    void sinkStopsEarly() {
        struct FirstTwo final : BasicTokenizer::WordSink {
            QStringList seen;
            bool word(std::string_view w) override {
                seen << QString::fromStdString(std::string(w));
                return seen.size() < 2;
            }
        } sink;
        BasicTokenizer().tokenize("one, two three four", sink);
        QCOMPARE(sink.seen, (QStringList{"one", ","}));
    }

    void stripFollowsLowerByDefault() {
        BasicTokenizer::Options o;
        QVERIFY(BasicTokenizer(o).stripsAccents());
        o.lowerCase = false;
        QVERIFY(!BasicTokenizer(o).stripsAccents());
        o.stripAccents = true;
        QVERIFY(BasicTokenizer(o).stripsAccents());
    }
};

QTEST_APPLESS_MAIN(TestBasicTokenizer)
#include "TestBasicTokenizer.moc"
