#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <optional>
#include <thread>

#include "TokenizerTestSupport.h"
#include "text/BertTokenizer.h"

using namespace ss;

namespace {

// The toy vocabulary of HF test_tokenization_bert.py (ids: un=9, ##want=6, ##ed=7, ","=12, runn=10, ##ing=11).
std::vector<std::string> peerTokens() {
    return {"[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]", "want", "##want", "##ed",
            "wa",    "un",    "runn",  "##ing", ",",      "low",  "lowest"};
}

BertTokenizer toy(BertTokenizer::Config config = {}) {
    auto t = BertTokenizer::create(Vocabulary::fromTokens(peerTokens()), std::move(config));
    if (!t) qFatal("toy tokenizer: %s", t.error().describe().c_str());
    return std::move(t).value();
}

std::string_view bytes(const QByteArray& b) { return {b.constData(), std::size_t(b.size())}; }

bool writeFile(const QString& path, const QByteArray& contents) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    return f.write(contents) == contents.size();
}

QByteArray peerVocabFile() {
    QByteArray out;
    for (const std::string& t : peerTokens()) out += QByteArray::fromStdString(t) + '\n';
    return out;
}

}  // namespace

class TestBertTokenizer : public QObject {
    Q_OBJECT

    std::optional<BertTokenizer> real_;
    QString realError_;

private slots:
    void initTestCase() {
        const QString dir = testing::modelDir();
        auto t = BertTokenizer::fromModelDir(dir.toStdString());
        if (t)
            real_.emplace(std::move(t).value());
        else
            realError_ = QStringLiteral("the installed model is required (scripts/install-model.sh or "
                                        "SHELFSENSE_MODEL_DIR): ") +
                         QString::fromStdString(t.error().describe());
    }

    // ---- toy vocabulary: the peers' cases -------------------------------------------------------------------

    void peerFullTokenizer() {
        const BertTokenizer t = toy();
        QCOMPARE(testing::toQt(t.tokenize("UNwant\u00E9d,running")),
                 (QStringList{"un", "##want", "##ed", ",", "runn", "##ing"}));
        const TokenizedText e = t.encode("UNwant\u00E9d,running");
        QCOMPARE(testing::toQt(e.ids), (QList<int>{1, 9, 6, 7, 12, 10, 11, 2}));
        QCOMPARE(testing::toQt(e.tokens),
                 (QStringList{"[CLS]", "un", "##want", "##ed", ",", "runn", "##ing", "[SEP]"}));
    }

    // HF test_clean_text (tokenizers issue 340): a soft hyphen alone yields no token at all.
    void peerCleanText() {
        const BertTokenizer t = toy();
        QCOMPARE(testing::toQt(t.tokenize("Test")), QStringList{"[UNK]"});
        QCOMPARE(testing::toQt(t.tokenize("\u00ad")), QStringList{});
        QCOMPARE(testing::toQt(t.tokenize("test")), QStringList{"[UNK]"});
    }

    void specialIds() {
        const BertTokenizer t = toy();
        QCOMPARE(t.unkId(), 0);
        QCOMPARE(t.clsId(), 1);
        QCOMPARE(t.sepId(), 2);
        QCOMPARE(t.padId(), 3);
        QCOMPARE(t.maskId(), 4);
        QCOMPARE(t.vocabSize(), std::size_t(15));
        QCOMPARE(t.maxLength(), std::size_t(512));
        QCOMPARE(t.tokenToId("lowest"), 14);
        QCOMPARE(t.tokenToId("nope"), 0);
    }

    // Special tokens written in the text are split out of the raw text before anything else, as HF does.
    void specialTokensInText_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("cls and sep") << QByteArray("[CLS] want [SEP]") << QStringList{"[CLS]", "want", "[SEP]"}
                                     << QList<int>{1, 5, 2};
        QTest::newRow("glued mask") << QByteArray("want[MASK]wa") << QStringList{"want", "[MASK]", "wa"}
                                    << QList<int>{5, 4, 8};
        QTest::newRow("repeated") << QByteArray("[PAD][PAD]") << QStringList{"[PAD]", "[PAD]"} << QList<int>{3, 3};
        QTest::newRow("lower-case is text") << QByteArray("[cls]") << QStringList{"[UNK]", "[UNK]", "[UNK]"}
                                            << QList<int>{0, 0, 0};
        QTest::newRow("nul inside rebuilds it") << QByteArray("[CL\0S]", 6) << QStringList{"[CLS]"} << QList<int>{1};
        QTest::newRow("unk literal") << QByteArray("un [UNK]") << QStringList{"un", "[UNK]"} << QList<int>{9, 0};
    }
    void specialTokensInText() {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, tokens);
        QFETCH(QList<int>, ids);
        const BertTokenizer t = toy();
        QCOMPARE(testing::toQt(t.tokenize(bytes(text))), tokens);
        const TokenizedText e = t.encode(bytes(text));
        QCOMPARE(testing::toQt(e.ids).mid(1, e.ids.size() - 2), ids);
    }

    // tokenizer(text, truncation=True, max_length=n): [CLS] + the first n-2 pieces + [SEP].
    void truncation_data() {
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("model default") << 0 << QList<int>{1, 9, 6, 7, 12, 10, 11, 2};
        QTest::newRow("exact fit") << 8 << QList<int>{1, 9, 6, 7, 12, 10, 11, 2};
        QTest::newRow("larger") << 100 << QList<int>{1, 9, 6, 7, 12, 10, 11, 2};
        QTest::newRow("cut inside a word") << 4 << QList<int>{1, 9, 6, 2};
        QTest::newRow("one piece") << 3 << QList<int>{1, 9, 2};
        QTest::newRow("specials only") << 2 << QList<int>{1, 2};
        QTest::newRow("below specials") << 1 << QList<int>{1, 2};
    }
    void truncation() {
        QFETCH(int, maxLength);
        QFETCH(QList<int>, ids);
        const BertTokenizer t = toy();
        const TokenizedText e = t.encode("UNwant\u00E9d,running", std::size_t(maxLength));
        QCOMPARE(testing::toQt(e.ids), ids);
        QCOMPARE(e.tokens.size(), e.ids.size());
        QCOMPARE(testing::toQt(t.encodeIds("UNwant\u00E9d,running", std::size_t(maxLength))), ids);
    }

    void configNeverSplit() {
        BertTokenizer::Config c;
        c.neverSplit = {"unwanted"};
        const BertTokenizer t = toy(c);
        // Lower-casing turns "UNwanted" into a never-split word: kept whole, unknown to the vocabulary.
        QCOMPARE(testing::toQt(t.tokenize("UNwanted running")), (QStringList{"unwanted", "runn", "##ing"}));
        QCOMPARE(testing::toQt(t.encodeIds("UNwanted")), (QList<int>{1, 0, 2}));
    }

    void casedAndAccents() {
        BertTokenizer::Config c;
        c.lowerCase = false;
        QCOMPARE(testing::toQt(toy(c).tokenize("UNwanted unwant\u00e9d")), (QStringList{"[UNK]", "[UNK]"}));
        c.stripAccents = true;
        QCOMPARE(testing::toQt(toy(c).tokenize("UNwanted unwant\u00e9d")), (QStringList{"[UNK]", "un", "##want", "##ed"}));
        c.lowerCase = true;
        c.stripAccents = false;
        QCOMPARE(testing::toQt(toy(c).tokenize("unwant\u00e9d")), QStringList{"[UNK]"});
    }

    void noBasicTokenize() {
        BertTokenizer::Config c;
        c.basicTokenize = false;
        const BertTokenizer t = toy(c);
        QCOMPARE(testing::toQt(t.tokenize("unwanted running")), (QStringList{"un", "##want", "##ed", "runn", "##ing"}));
        QCOMPARE(testing::toQt(t.tokenize("UNwanted,running")), QStringList{"[UNK]"});
        QCOMPARE(testing::toQt(t.tokenize("wa[MASK]un")), (QStringList{"wa", "[MASK]", "un"}));
    }

    void invalidUtf8DoesNotCrash() {
        const BertTokenizer t = toy();
        QCOMPARE(t.encodeIds(bytes(QByteArray("un\xffwan\xe4ted runn\xf0\x9fing\xc0"))), t.encodeIds("unwanted running"));
        for (int b = 0x80; b < 0x100; ++b) {
            const QByteArray junk = QByteArray("want") + char(b) + char(b) + "ed" + char(b);
            QCOMPARE(t.encode(bytes(junk)).ids.front(), 1);
        }
        QRandomGenerator rng(20240611);
        for (int i = 0; i < 2000; ++i) {
            QByteArray junk(qsizetype(rng.bounded(64)), Qt::Uninitialized);
            for (char& c : junk) c = char(rng.bounded(256));
            const std::size_t maxLength = rng.bounded(12);
            const TokenizedText e = t.encode(bytes(junk), maxLength);
            QVERIFY(e.ids.size() >= 2 && e.ids.size() <= std::max<std::size_t>(maxLength ? maxLength : 512, 2));
            QCOMPARE(e.ids.back(), 2);
            QCOMPARE(e.tokens.size(), e.ids.size());
        }
    }

    // ---- loading a model folder -----------------------------------------------------------------------------

    void fromModelDirDefaults() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("vocab.txt"), peerVocabFile()));
        const auto t = BertTokenizer::fromModelDir(dir.path().toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        QVERIFY(t->config().lowerCase);
        QCOMPARE(t->maxLength(), std::size_t(512));
        QCOMPARE(testing::toQt(t->encodeIds("UNwant\u00E9d,running")), (QList<int>{1, 9, 6, 7, 12, 10, 11, 2}));
    }

    void fromModelDirConfig() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("vocab.txt"), peerVocabFile() + "<s>\n</s>\n"));
        QVERIFY(writeFile(dir.filePath("tokenizer_config.json"),
                          R"({"do_lower_case": false, "strip_accents": true, "never_split": ["lowest"],
                              "model_max_length": 128, "cls_token": {"content": "<s>", "lstrip": false},
                              "sep_token": "[SEP]", "tokenize_chinese_chars": false})"));
        QVERIFY(writeFile(dir.filePath("special_tokens_map.json"), R"({"sep_token": "</s>"})"));
        QVERIFY(writeFile(dir.filePath("sentence_bert_config.json"), R"({"max_seq_length": 64})"));
        QVERIFY(writeFile(dir.filePath("config.json"), R"({"max_position_embeddings": 32})"));
        const auto t = BertTokenizer::fromModelDir(dir.path().toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        QVERIFY(!t->config().lowerCase);
        QCOMPARE(t->config().stripAccents, std::optional<bool>(true));
        QVERIFY(!t->config().tokenizeChineseChars);
        QCOMPARE(t->maxLength(), std::size_t(32));
        QCOMPARE(t->clsId(), 15);
        QCOMPARE(t->sepId(), 16);
        QCOMPARE(testing::toQt(t->encode("runn\u00efng lowest").tokens),
                 (QStringList{"<s>", "runn", "##ing", "lowest", "</s>"}));
    }

    void fromModelDirMaxLength_data() {
        QTest::addColumn<QByteArray>("tokenizerConfig");
        QTest::addColumn<QByteArray>("sentenceConfig");
        QTest::addColumn<QByteArray>("modelConfig");
        QTest::addColumn<int>("expected");
        QTest::newRow("sentence-transformers wins") << QByteArray(R"({"model_max_length": 512})")
                                                    << QByteArray(R"({"max_seq_length": 256})")
                                                    << QByteArray(R"({"max_position_embeddings": 512})") << 256;
        QTest::newRow("HF 'no limit' sentinel") << QByteArray(R"({"model_max_length": 1000000000000000019884624838656})")
                                                << QByteArray() << QByteArray(R"({"max_position_embeddings": 384})")
                                                << 384;
        QTest::newRow("capped by positions") << QByteArray(R"({"model_max_length": 1024})") << QByteArray()
                                             << QByteArray(R"({"max_position_embeddings": 512})") << 512;
        QTest::newRow("tokenizer config only") << QByteArray(R"({"model_max_length": 128})") << QByteArray()
                                               << QByteArray() << 128;
    }
    void fromModelDirMaxLength() {
        QFETCH(QByteArray, tokenizerConfig);
        QFETCH(QByteArray, sentenceConfig);
        QFETCH(QByteArray, modelConfig);
        QFETCH(int, expected);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("vocab.txt"), peerVocabFile()));
        if (!tokenizerConfig.isEmpty()) QVERIFY(writeFile(dir.filePath("tokenizer_config.json"), tokenizerConfig));
        if (!sentenceConfig.isEmpty()) QVERIFY(writeFile(dir.filePath("sentence_bert_config.json"), sentenceConfig));
        if (!modelConfig.isEmpty()) QVERIFY(writeFile(dir.filePath("config.json"), modelConfig));
        const auto t = BertTokenizer::fromModelDir(dir.path().toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        QCOMPARE(int(t->maxLength()), expected);
    }

    void fromModelDirErrors() {
        const auto missing = BertTokenizer::fromModelDir("/nonexistent/shelfsense-model");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::Io);

        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("vocab.txt"), peerVocabFile()));
        QVERIFY(writeFile(dir.filePath("tokenizer_config.json"), "{\"do_lower_case\": tru"));
        auto broken = BertTokenizer::fromModelDir(dir.path().toStdString());
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().code, ErrorCode::InputData);
        QVERIFY(broken.error().context.find("tokenizer_config.json") != std::string::npos);

        QVERIFY(writeFile(dir.filePath("tokenizer_config.json"), R"({"do_lower_case": "yes"})"));
        auto wrongType = BertTokenizer::fromModelDir(dir.path().toStdString());
        QVERIFY(!wrongType.ok());
        QVERIFY(wrongType.error().context.find("do_lower_case") != std::string::npos);

        QVERIFY(writeFile(dir.filePath("tokenizer_config.json"), R"({"cls_token": "<cls>"})"));
        auto noCls = BertTokenizer::fromModelDir(dir.path().toStdString());
        QVERIFY(!noCls.ok());
        QCOMPARE(noCls.error().code, ErrorCode::InputData);
        QVERIFY(noCls.error().message.find("<cls>") != std::string::npos);
    }

    // ---- the installed all-MiniLM-L6-v2 ----------------------------------------------------------------------

    void realModel() {
        QVERIFY2(real_, qPrintable(realError_));
        QCOMPARE(real_->padId(), 0);
        QCOMPARE(real_->unkId(), 100);
        QCOMPARE(real_->clsId(), 101);
        QCOMPARE(real_->sepId(), 102);
        QCOMPARE(real_->maskId(), 103);
        QCOMPARE(real_->vocabSize(), std::size_t(30522));
        QCOMPARE(real_->maxLength(), std::size_t(256));  // sentence_bert_config.json, not the tokenizer's 512
    }

    // HF BertTokenizationTest integration_expected_* (bert-base-uncased vocabulary, which MiniLM shares) and
    // test_offsets_with_special_characters (uncased expectation).
    void realModelPeerCases_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("integration") << QString::fromUtf8("UNwant\u00e9d,running") << QStringList{"unwanted", ",", "running"};
        QTest::newRow("offsets sentence")
            << QString::fromUtf8("A, na\u00efve [MASK] AllenNLP sentence.")
            << QStringList{"a", ",", "naive", "[MASK]", "allen", "##nl", "##p", "sentence", "."};
    }
    void realModelPeerCases() {
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QVERIFY2(real_, qPrintable(realError_));
        QCOMPARE(testing::toQt(real_->tokenize(text.toStdString())), tokens);
        if (QTest::currentDataTag() == QLatin1String("integration"))
            QCOMPARE(testing::toQt(real_->encodeIds(text.toStdString())), (QList<int>{101, 18162, 1010, 2770, 102}));
    }

    // HF test_change_tokenize_chinese_chars.
    void realModelChineseChars() {
        QVERIFY2(real_, qPrintable(realError_));
        const QString dir = testing::modelDir();
        BertTokenizer::Config c = real_->config();
        auto vocab = Vocabulary::fromFile((dir + "/vocab.txt").toStdString());
        QVERIFY(vocab.ok());
        const auto split = BertTokenizer::create(vocab.value(), c);
        QVERIFY(split.ok());
        QCOMPARE(testing::toQt(split->tokenize("\u7684\u4eba\u6709")), (QStringList{"\u7684", "\u4eba", "\u6709"}));
        c.tokenizeChineseChars = false;
        const auto joined = BertTokenizer::create(std::move(vocab).value(), c);
        QVERIFY(joined.ok());
        QCOMPARE(testing::toQt(joined->tokenize("\u7684\u4eba\u6709")), (QStringList{"\u7684", "##\u4eba", "##\u6709"}));
    }

    // Stopping early at the length limit must give the prefix of the full tokenization.
    void realModelEarlyStop() {
        QVERIFY2(real_, qPrintable(realError_));
        std::string text;
        for (int i = 0; i < 400; ++i) text += "Unbelievably comfortable shoes, \u597d\u770b! ";
        const auto full = real_->tokenize(text);
        const auto ids = real_->encodeIds(text);
        QCOMPARE(ids.size(), std::size_t(256));
        for (std::size_t i = 0; i < 254; ++i) QCOMPARE(ids[i + 1], real_->tokenToId(full[i]));
        QCOMPARE(ids.back(), 102);
    }

    // golden_own.jsonl: strings we wrote, tokenized by HF's Python BertTokenizer
    // (bench/peers/make_tokenizer_golden.py). Every one must match exactly.
    void goldenOwn_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QStringList>("tokens");
        QTest::addColumn<QList<int>>("ids");
        QString error;
        const auto records = testing::readJsonLines(QStringLiteral(SS_TEST_DATA_DIR "/tokenizer/golden_own.jsonl"), &error);
        if (!error.isEmpty()) qFatal("%s", qPrintable(error));
        if (records.size() < 150) qFatal("golden_own.jsonl has only %d records", int(records.size()));
        int n = 0;
        for (const QJsonObject& r : records) {
            QTest::addRow("own %d", ++n) << r["text"].toString() << r["max_length"].toInt()
                                         << testing::toStringList(r["tokens"].toArray())
                                         << testing::toIntList(r["ids"].toArray());
        }
    }
    void goldenOwn() {
        QFETCH(QString, text);
        QFETCH(int, maxLength);
        QFETCH(QStringList, tokens);
        QFETCH(QList<int>, ids);
        QVERIFY2(real_, qPrintable(realError_));
        const std::string utf8 = text.toStdString();
        QCOMPARE(testing::toQt(real_->tokenize(utf8)), tokens);
        const TokenizedText e = real_->encode(utf8, std::size_t(maxLength));
        QCOMPARE(testing::toQt(e.ids), ids);
        QCOMPARE(testing::toQt(real_->encodeIds(utf8, std::size_t(maxLength))), ids);
    }

    // Documented as callable from any thread: hammer one instance from several.
    void concurrentEncoding() {
        QVERIFY2(real_, qPrintable(realError_));
        QString error;
        const auto records = testing::readJsonLines(QStringLiteral(SS_TEST_DATA_DIR "/tokenizer/golden_own.jsonl"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        struct Case {
            std::string text;
            std::size_t maxLength;
            std::vector<std::int32_t> ids;
        };
        std::vector<Case> cases;
        for (const QJsonObject& r : records) {
            Case c{r["text"].toString().toStdString(), std::size_t(r["max_length"].toInt()), {}};
            for (const QJsonValue& v : r["ids"].toArray()) c.ids.push_back(v.toInt());
            cases.push_back(std::move(c));
        }
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int k = 0; k < 4; ++k) {
            threads.emplace_back([&] {
                std::vector<std::int32_t> ids;
                for (int round = 0; round < 5; ++round) {
                    for (const Case& c : cases) {
                        real_->encodeIds(c.text, c.maxLength, ids);
                        if (ids != c.ids) ++mismatches;
                    }
                }
            });
        }
        for (auto& t : threads) t.join();
        QCOMPARE(mismatches.load(), 0);
    }
};

QTEST_APPLESS_MAIN(TestBertTokenizer)
#include "TestBertTokenizer.moc"
