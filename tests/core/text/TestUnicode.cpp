#include <QtTest>

#include "text/Unicode.h"

using namespace ss;

namespace {
QString hex(const std::u32string& s) {
    QStringList parts;
    for (char32_t c : s) parts << QString::number(uint(c), 16);
    return parts.join(' ');
}
}  // namespace

class TestUnicode : public QObject {
    Q_OBJECT
private slots:
    // The character-class peer cases of HF test_tokenization_bert.py and google-research/bert
    // tokenization_test.py (test_is_whitespace, test_is_control, test_is_punctuation).
    void classes_data() {
        QTest::addColumn<uint>("cp");
        QTest::addColumn<bool>("whitespace");
        QTest::addColumn<bool>("control");
        QTest::addColumn<bool>("punctuation");
        QTest::newRow("space") << 0x20u << true << false << false;
        QTest::newRow("tab") << uint('\t') << true << false << false;
        QTest::newRow("cr") << uint('\r') << true << false << false;
        QTest::newRow("lf") << uint('\n') << true << false << false;
        QTest::newRow("nbsp") << 0xA0u << true << false << false;
        QTest::newRow("A") << uint('A') << false << false << false;
        QTest::newRow("-") << uint('-') << false << false << true;
        QTest::newRow("U+0005") << 0x5u << false << true << false;
        QTest::newRow("$") << uint('$') << false << false << true;
        QTest::newRow("`") << uint('`') << false << false << true;
        QTest::newRow(".") << uint('.') << false << false << true;
        // Beyond the peers: the categories HF's predicates rely on.
        QTest::newRow("ideographic space") << 0x3000u << true << false << false;
        QTest::newRow("line separator is not HF whitespace") << 0x2028u << false << false << false;
        QTest::newRow("soft hyphen Cf") << 0xADu << false << true << false;
        QTest::newRow("zwj Cf") << 0x200Du << false << true << false;
        QTest::newRow("private use Co") << 0xE000u << false << true << false;
        QTest::newRow("unassigned Cn") << 0x378u << false << true << false;
        QTest::newRow("DEL Cc") << 0x7Fu << false << true << false;
        QTest::newRow("full-width comma Po") << 0xFF0Cu << false << false << true;
        QTest::newRow("ideographic full stop") << 0x3002u << false << false << true;
        QTest::newRow("em dash Pd") << 0x2014u << false << false << true;
        QTest::newRow("euro sign is Sc") << 0x20ACu << false << false << false;
        QTest::newRow("^ ASCII symbol") << uint('^') << false << false << true;
    }
    void classes() {
        QFETCH(uint, cp);
        QFETCH(bool, whitespace);
        QFETCH(bool, control);
        QFETCH(bool, punctuation);
        QCOMPARE(unicode::isWhitespace(cp), whitespace);
        QCOMPARE(unicode::isControl(cp), control);
        QCOMPARE(unicode::isPunctuation(cp), punctuation);
    }

    void chineseChars() {
        for (uint cp : {0x4E00u, 0x9FFFu, 0x3400u, 0x20000u, 0x2B820u, 0xF900u, 0x2F800u, 0x535Au})
            QVERIFY2(unicode::isChineseChar(cp), qPrintable(QString::number(cp, 16)));
        for (uint cp : {0x3042u, 0x30A2u, 0xAC00u, 0x3002u, 0xFF01u, 0x2E80u, 0x30000u, uint('a')})
            QVERIFY2(!unicode::isChineseChar(cp), qPrintable(QString::number(cp, 16)));
    }

    // Malformed UTF-8 decodes to U+FFFD per maximal invalid subpart, never eating a following valid byte.
    void decode_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ascii") << QByteArray("ab") << "61 62";
        QTest::newRow("2-byte") << QByteArray("\xc3\xa9") << "e9";
        QTest::newRow("4-byte") << QByteArray("\xf0\x9f\x98\x80") << "1f600";
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << "61 fffd 7a";
        QTest::newRow("truncated 3-byte") << QByteArray("\xe4\xb8z") << "fffd 7a";
        QTest::newRow("truncated at end") << QByteArray("a\xe4\xb8") << "61 fffd";
        QTest::newRow("overlong /") << QByteArray("\xc0\xaf") << "fffd fffd";
        QTest::newRow("overlong 3-byte") << QByteArray("\xe0\x80\xaf") << "fffd fffd fffd";
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << "fffd fffd fffd";
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << "fffd fffd fffd fffd";
        QTest::newRow("0xff") << QByteArray("\xff") << "fffd";
        QTest::newRow("nul kept") << QByteArray("a\0b", 3) << "61 0 62";
    }
    void decode() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        std::u32string out;
        unicode::decodeUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size())), out);
        QCOMPARE(hex(out), expected);
        QCOMPARE(unicode::codePointCount(std::string_view(bytes.constData(), std::size_t(bytes.size()))), out.size());
    }

    void encodeRoundTrip() {
        const std::u32string text = U"a\u00e9\u4e2d\U0001F600\u2028";
        std::u32string back;
        unicode::decodeUtf8(unicode::toUtf8(text), back);
        QCOMPARE(hex(back), hex(text));
    }

    // Python str.lower(): full mapping for U+0130 and the Final_Sigma rule.
    void lower_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ascii") << "HeLLo" << "hello";
        QTest::newRow("dotted I") << QString::fromUtf8("\u0130") << QString::fromUtf8("i\u0307");
        QTest::newRow("final sigma") << QString::fromUtf8("\u039f\u0394\u039f\u03a3") << QString::fromUtf8("\u03bf\u03b4\u03bf\u03c2");
        QTest::newRow("sigma alone") << QString::fromUtf8("\u03a3") << QString::fromUtf8("\u03c3");
        QTest::newRow("sigma initial") << QString::fromUtf8("\u03a3\u0391") << QString::fromUtf8("\u03c3\u03b1");
        QTest::newRow("sigma before dot") << QString::fromUtf8("\u0391\u03a3.") << QString::fromUtf8("\u03b1\u03c2.");
        QTest::newRow("sigma before ignorable then cased")
            << QString::fromUtf8("\u0391\u03a3'\u03a3") << QString::fromUtf8("\u03b1\u03c3'\u03c2");
        QTest::newRow("cyrillic") << QString::fromUtf8("\u041e\u0442\u041b") << QString::fromUtf8("\u043e\u0442\u043b");
        QTest::newRow("roman numeral") << QString::fromUtf8("\u216b") << QString::fromUtf8("\u217b");
    }
    void lower() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        std::u32string in, out;
        unicode::decodeUtf8(text.toStdString(), in);
        unicode::lowerPython(in, out);
        QCOMPARE(QString::fromStdString(unicode::toUtf8(out)), expected);
    }

    void normalisation_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("nfc");
        QTest::addColumn<QString>("stripped");
        QTest::newRow("ascii") << "abc" << "abc" << "abc";
        QTest::newRow("composed e-acute") << QString::fromUtf8("\u00e9") << QString::fromUtf8("\u00e9") << "e";
        QTest::newRow("decomposed e-acute") << QString::fromUtf8("e\u0301") << QString::fromUtf8("\u00e9") << "e";
        QTest::newRow("mark order") << QString::fromUtf8("a\u0301\u0323") << QString::fromUtf8("\u1ea1\u0301") << "a";
        QTest::newRow("angstrom sign") << QString::fromUtf8("\u212b") << QString::fromUtf8("\u00c5") << "A";
        QTest::newRow("compat ideograph") << QString::fromUtf8("\uf900") << QString::fromUtf8("\u8c48")
                                          << QString::fromUtf8("\u8c48");
        QTest::newRow("hangul jamo") << QString::fromUtf8("\u1100\u1161\u11a8") << QString::fromUtf8("\uac01")
                                     << QString::fromUtf8("\u1100\u1161\u11a8");
        QTest::newRow("kana voiced mark") << QString::fromUtf8("\u304b\u3099") << QString::fromUtf8("\u304c")
                                          << QString::fromUtf8("\u304b");
        QTest::newRow("ligature untouched") << QString::fromUtf8("\ufb01") << QString::fromUtf8("\ufb01")
                                            << QString::fromUtf8("\ufb01");
    }
    void normalisation() {
        QFETCH(QString, text);
        QFETCH(QString, nfc);
        QFETCH(QString, stripped);
        std::u32string in, out;
        std::vector<std::int32_t> scratch;
        unicode::decodeUtf8(text.toStdString(), in);
        std::u32string n = in;
        unicode::toNfc(n, scratch);
        QCOMPARE(QString::fromStdString(unicode::toUtf8(n)), nfc);
        unicode::stripAccents(in, out);
        QCOMPARE(QString::fromStdString(unicode::toUtf8(out)), stripped);
    }
};

QTEST_APPLESS_MAIN(TestUnicode)
#include "TestUnicode.moc"
