#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "SafetensorsBytes.h"
#include "model/ModelConfig.h"

namespace {

const QByteArray kBert = R"({"architectures":["BertModel"],"model_type":"bert","hidden_size":384,
  "num_hidden_layers":6,"num_attention_heads":12,"intermediate_size":1536,"vocab_size":30522,
  "max_position_embeddings":512,"type_vocab_size":2,"layer_norm_eps":1e-12,"hidden_act":"gelu"})";

const QByteArray kModules = R"([{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},
  {"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"},
  {"idx":2,"name":"2","path":"2_Normalize","type":"sentence_transformers.models.Normalize"}])";

const QByteArray kModulesNoNorm = R"([{"path":"","type":"sentence_transformers.models.Transformer"},
  {"path":"1_Pooling","type":"sentence_transformers.models.Pooling"}])";

QByteArray pooling(const char* mode) {
    return QByteArray(R"({"word_embedding_dimension":384,"pooling_mode_cls_token":)") + (qstrcmp(mode, "cls") ? "false" : "true") +
           R"(,"pooling_mode_mean_tokens":)" + (qstrcmp(mode, "mean") ? "false" : "true") +
           R"(,"pooling_mode_max_tokens":)" + (qstrcmp(mode, "max") ? "false" : "true") +
           R"(,"pooling_mode_mean_sqrt_len_tokens":)" + (qstrcmp(mode, "sqrt") ? "false" : "true") + "}";
}

QByteArray replaced(QByteArray text, const QByteArray& from, const QByteArray& to) { return text.replace(from, to); }

}  // namespace

using Files = QMap<QString, QByteArray>;
Q_DECLARE_METATYPE(Files)

class TestModelConfig : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("error");  // empty: must load
        QTest::addColumn<QString>("pooling");
        QTest::addColumn<bool>("normalize");
        QTest::addColumn<int>("maxSeq");

        const Files st{{"config.json", kBert}, {"modules.json", kModules}, {"1_Pooling/config.json", pooling("mean")},
                       {"sentence_bert_config.json", R"({"max_seq_length":256,"do_lower_case":false})"}};
        QTest::newRow("sentence-transformers MiniLM") << st << "" << "mean" << true << 256;
        Files cls = st;
        cls["1_Pooling/config.json"] = pooling("cls");
        cls["modules.json"] = kModulesNoNorm;
        QTest::newRow("cls, no normalize") << cls << "" << "cls" << false << 256;
        // sentence-transformers 5 names the mode in one string (and the dimension "embedding_dimension").
        Files named = st;
        named["1_Pooling/config.json"] = R"({"embedding_dimension":384,"pooling_mode":"cls","include_prompt":true})";
        QTest::newRow("pooling named, cls") << named << "" << "cls" << true << 256;
        named["1_Pooling/config.json"] = R"({"embedding_dimension":384,"pooling_mode":"mean"})";
        QTest::newRow("pooling named, mean") << named << "" << "mean" << true << 256;
        named["1_Pooling/config.json"] = R"({"embedding_dimension":384,"pooling_mode":"weightedmean"})";
        QTest::newRow("pooling named, weightedmean") << named << "unsupported pooling mode: weightedmean" << "" << false << 0;
        named["1_Pooling/config.json"] = R"({"embedding_dimension":128,"pooling_mode":"cls"})";
        QTest::newRow("pooling named, wrong dimension") << named << "embedding_dimension 128 differs from hidden_size 384" << "" << false << 0;
        Files max = st;
        max["1_Pooling/config.json"] = pooling("max");
        QTest::newRow("max pooling") << max << "" << "max" << true << 256;
        QTest::newRow("plain HF folder") << Files{{"config.json", kBert}} << "" << "mean" << false << 512;

        QTest::newRow("roberta") << Files{{"config.json", replaced(replaced(kBert, "BertModel", "RobertaModel"), "\"bert\"", "\"roberta\"")}}
                                 << "unsupported architecture: RobertaModel" << "" << false << 0;
        QTest::newRow("model_type gpt2") << Files{{"config.json", replaced(kBert, "\"bert\"", "\"gpt2\"")}}
                                         << "unsupported architecture" << "" << false << 0;
        QTest::newRow("gelu_new") << Files{{"config.json", replaced(kBert, "\"gelu\"", "\"gelu_new\"")}}
                                  << "unsupported hidden_act: gelu_new" << "" << false << 0;
        QTest::newRow("missing heads") << Files{{"config.json", replaced(kBert, "\"num_attention_heads\":12,", "")}}
                                       << "missing field 'num_attention_heads'" << "" << false << 0;
        QTest::newRow("zero layers") << Files{{"config.json", replaced(kBert, "\"num_hidden_layers\":6", "\"num_hidden_layers\":0")}}
                                     << "'num_hidden_layers' must be a positive integer" << "" << false << 0;
        QTest::newRow("heads do not divide") << Files{{"config.json", replaced(kBert, "\"num_attention_heads\":12", "\"num_attention_heads\":7")}}
                                             << "not a multiple" << "" << false << 0;
        QTest::newRow("bad json") << Files{{"config.json", "{\"model_type\": "}} << "not valid JSON" << "" << false << 0;
        QTest::newRow("no config") << Files{{"vocab.txt", "x"}} << "config.json" << "" << false << 0;
        Files sqrt = st;
        sqrt["1_Pooling/config.json"] = pooling("sqrt");
        QTest::newRow("sqrt pooling") << sqrt << "unsupported pooling mode: mean_sqrt_len_tokens" << "" << false << 0;
        Files none = st;
        none["1_Pooling/config.json"] = pooling("none");
        QTest::newRow("no pooling mode") << none << "exactly one pooling mode" << "" << false << 0;
        Files dense = st;
        dense["modules.json"] = replaced(kModules, "models.Normalize", "models.Dense");
        QTest::newRow("dense module") << dense << "unsupported sentence-transformers module" << "" << false << 0;
        Files tooLong = st;
        tooLong["sentence_bert_config.json"] = R"({"max_seq_length":1024})";
        QTest::newRow("max_seq_length too long") << tooLong << "exceeds max_position_embeddings" << "" << false << 0;
    }
    void parse() {
        QFETCH(Files, files);
        QFETCH(QString, error);
        QFETCH(QString, pooling);
        QFETCH(bool, normalize);
        QFETCH(int, maxSeq);
        QTemporaryDir dir;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = dir.filePath(it.key());
            QDir().mkpath(QFileInfo(path).path());
            QVERIFY(SafetensorsBytes::write(path, it.value()));
        }
        const auto config = ss::ModelConfig::fromDir(dir.path().toStdString());
        if (!error.isEmpty()) {
            QVERIFY2(!config.ok(), "config accepted");
            const QString text = QString::fromStdString(config.error().describe());
            QVERIFY2(text.contains(error), qPrintable(text));
            return;
        }
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().describe().c_str());
        QCOMPARE(config->hiddenSize, std::int64_t(384));
        QCOMPARE(config->numLayers, std::int64_t(6));
        QCOMPARE(config->numHeads, std::int64_t(12));
        QCOMPARE(config->intermediateSize, std::int64_t(1536));
        QCOMPARE(config->vocabSize, std::int64_t(30522));
        QCOMPARE(config->maxPositionEmbeddings, std::int64_t(512));
        QCOMPARE(config->typeVocabSize, std::int64_t(2));
        QCOMPARE(config->layerNormEps, 1e-12);
        QCOMPARE(QString::fromStdString(config->architecture), QStringLiteral("BertModel"));
        QCOMPARE(QString::fromUtf8(ss::ModelConfig::poolingName(config->pooling).data()), pooling);
        QCOMPARE(config->normalize, normalize);
        QCOMPARE(config->maxSeqLength, std::int64_t(maxSeq));
        QCOMPARE(QString::fromStdString(config->name), QFileInfo(dir.path()).fileName());
    }
};

QTEST_APPLESS_MAIN(TestModelConfig)
#include "TestModelConfig.moc"
