#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "TokenizerTestSupport.h"
#include "text/BertTokenizer.h"

using namespace ss;

// A Chinese-vocabulary (bert-base-chinese style) tokenizer against Hugging Face's BertTokenizer:
// tests/data/tokenizer/golden_zh.jsonl, made by bench/peers/make_chinese_tokenizer_golden.py from a
// vocabulary written for the purpose (tests/data/tokenizer/zh/vocab.txt). Each record's options are
// written as the model folder's tokenizer_config.json, so reading them is tested too: lower-casing
// or not, Chinese characters split apart or not, accents kept while lower-casing.
class TestTokenizerGoldenChinese : public QObject {
    Q_OBJECT
    QList<QJsonObject> records_;

private slots:
    void initTestCase() {
        QString error;
        records_ = testing::readJsonLines(QStringLiteral(SS_TEST_DATA_DIR "/tokenizer/golden_zh.jsonl"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records_.size(), 80);
    }

    void matchesTheReference_data() {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::addColumn<QList<int>>("ids");
        for (int i = 0; i < records_.size(); ++i) {
            const QJsonObject& r = records_[i];
            const QString tag = QStringLiteral("%1 %2").arg(i).arg(QString::fromUtf8(QJsonDocument(r["config"].toObject()).toJson(QJsonDocument::Compact)));
            QTest::newRow(qPrintable(tag)) << r["config"].toObject() << r["text"].toString() << testing::toStringList(r["tokens"].toArray())
                                           << testing::toIntList(r["ids"].toArray());
        }
    }
    void matchesTheReference() {
        QFETCH(QJsonObject, config);
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QFETCH(QList<int>, ids);
        QTemporaryDir model;
        QVERIFY(QFile::copy(QStringLiteral(SS_TEST_DATA_DIR "/tokenizer/zh/vocab.txt"), model.filePath("vocab.txt")));
        QFile tokenizerConfig(model.filePath("tokenizer_config.json"));
        QVERIFY(tokenizerConfig.open(QIODevice::WriteOnly));
        tokenizerConfig.write(QJsonDocument(config).toJson());
        tokenizerConfig.close();
        auto tokenizer = BertTokenizer::fromModelDir(model.path().toStdString());
        QVERIFY2(tokenizer.ok(), tokenizer.ok() ? "" : tokenizer.error().describe().c_str());
        const std::string utf8 = text.toStdString();
        QCOMPARE(testing::toQt(tokenizer->tokenize(utf8)), tokens);
        QCOMPARE(testing::toQt(tokenizer->encode(utf8).ids), ids);
    }

    void theOptionsChangeTheAnswer() {
        // Guards the table above against configurations that are silently ignored: each one must
        // tokenize at least one string differently from the default.
        QMap<QString, QStringList> defaults;
        for (const auto& r : records_)
            if (r["config"].toObject() == QJsonObject{{"do_lower_case", true}, {"tokenize_chinese_chars", true}})
                defaults[r["text"].toString()] = testing::toStringList(r["tokens"].toArray());
        QCOMPARE(defaults.size(), 20);
        QMap<QString, int> differing;
        for (const auto& r : records_) {
            const QString key = QString::fromUtf8(QJsonDocument(r["config"].toObject()).toJson(QJsonDocument::Compact));
            differing[key] += testing::toStringList(r["tokens"].toArray()) != defaults[r["text"].toString()];
        }
        QCOMPARE(differing.size(), 4);
        for (auto it = differing.begin(); it != differing.end(); ++it)
            if (!it.key().contains("\"do_lower_case\":true,\"tokenize_chinese_chars\":true}")) QVERIFY2(it.value() > 0, qPrintable(it.key()));
    }
};

QTEST_APPLESS_MAIN(TestTokenizerGoldenChinese)
#include "TestTokenizerGoldenChinese.moc"
