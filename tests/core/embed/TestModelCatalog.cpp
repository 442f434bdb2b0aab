#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "embed/ModelCatalog.h"
#include "model/Sha256.h"

using namespace ss;
namespace fs = std::filesystem;

// The models folder as the model manager shows it: each folder described (vocabulary language,
// dimension, layers, pooling, size, checksum) or said to be unusable and why; removal stays inside
// the folder.
class TestModelCatalog : public QObject {
    Q_OBJECT

    static bool copyFolder(const QString& from, const QString& to) {
        QDir source(from);
        if (!QDir().mkpath(to)) return false;
        for (const QFileInfo& entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString target = to + "/" + entry.fileName();
            if (entry.isDir() ? !copyFolder(entry.filePath(), target) : !QFile::copy(entry.filePath(), target)) return false;
        }
        return true;
    }

private slots:
    void describesEveryFolder() {
        QTemporaryDir root;
        const QString fixture = QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert");
        QVERIFY(copyFolder(fixture, root.filePath("tiny-chinese-bert")));
        QVERIFY(copyFolder(fixture, root.filePath("broken")));
        QVERIFY(QFile::remove(root.filePath("broken/vocab.txt")));
        QVERIFY(QDir().mkpath(root.filePath(".partial-install")));  // an install in progress is not listed

        auto models = ModelCatalog::list(root.path().toStdString());
        QVERIFY(models.ok());
        QCOMPARE(models->size(), std::size_t(2));
        const ModelEntry& broken = (*models)[0];
        QCOMPARE(QString::fromStdString(broken.name), QStringLiteral("broken"));
        QVERIFY(!broken.usable);
        QVERIFY2(QString::fromStdString(broken.problem).contains("vocab.txt is missing"), broken.problem.c_str());
        QVERIFY(!broken.toJson().contains("dimension"));

        const ModelEntry& tiny = (*models)[1];
        QVERIFY2(tiny.usable, tiny.problem.c_str());
        QCOMPARE(QString::fromStdString(tiny.language), QStringLiteral("chinese"));
        QCOMPARE(tiny.dimension, std::int64_t(32));
        QCOMPARE(tiny.layers, std::int64_t(2));
        QCOMPARE(tiny.vocabulary, std::int64_t(1467));
        QCOMPARE(QString::fromStdString(tiny.pooling), QStringLiteral("cls"));
        QVERIFY(tiny.normalised);
        QVERIFY(!tiny.knownChecksums);
        QVERIFY(!tiny.isDefault);
        QVERIFY(tiny.source.empty());  // copied by hand, not installed
        auto sha = Sha256::hexOfFile(fs::path(fixture.toStdString()) / "model.safetensors");
        QVERIFY(sha.ok());
        QCOMPARE(tiny.weightsSha256, *sha);
        std::uintmax_t bytes = 0;
        for (const auto& e : fs::recursive_directory_iterator(fixture.toStdString()))
            if (e.is_regular_file()) bytes += e.file_size();
        QCOMPARE(tiny.bytes, bytes);
        QCOMPARE(QString::fromStdString(std::string(tiny.toJson().at("language").as_string())), QStringLiteral("chinese"));
    }

    void languageFollowsTheVocabulary_data() {
        QTest::addColumn<int>("chinese");  // of 100 entries
        QTest::addColumn<QString>("language");
        QTest::newRow("english") << 4 << "latin";
        QTest::newRow("mixed") << 15 << "mixed";
        QTest::newRow("chinese") << 60 << "chinese";
    }
    void languageFollowsTheVocabulary() {
        QFETCH(int, chinese);
        QFETCH(QString, language);
        QTemporaryDir root;
        const QString dir = root.filePath("m");
        QVERIFY(copyFolder(QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert"), dir));
        QFile vocab(dir + "/vocab.txt");
        QVERIFY(vocab.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QByteArray text = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
        for (int i = 5; i < 100; ++i) text += (i < 5 + chinese ? QString(QChar(0x4E00 + i)).toUtf8() : "w" + QByteArray::number(i)) + "\n";
        vocab.write(text);
        vocab.close();
        const ModelEntry entry = ModelCatalog::describe(dir.toStdString());
        QVERIFY2(entry.usable, entry.problem.c_str());
        QCOMPARE(QString::fromStdString(entry.language), language);
    }

    void removeStaysInsideTheFolder_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("parent") << ".." << "is not a model name";
        QTest::newRow("path") << "../outside" << "is not a model name";
        QTest::newRow("empty") << "" << "is not a model name";
        QTest::newRow("missing") << "nothing-here" << "no model called 'nothing-here'";
    }
    void removeStaysInsideTheFolder() {
        QFETCH(QString, name);
        QFETCH(QString, error);
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.filePath("models")));
        QVERIFY(QDir().mkpath(root.filePath("outside")));
        const auto removed = ModelCatalog::remove(root.filePath("models").toStdString(), name.toStdString());
        QVERIFY(!removed.ok());
        QVERIFY2(QString::fromStdString(removed.error().describe()).contains(error), removed.error().describe().c_str());
        QVERIFY(QDir(root.filePath("outside")).exists());
        QVERIFY(QDir(root.filePath("models")).exists());
    }

    void removeTakesTheModel() {
        QTemporaryDir root;
        QVERIFY(copyFolder(QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert"), root.filePath("tiny")));
        QVERIFY(ModelCatalog::remove(root.path().toStdString(), "tiny").ok());
        QVERIFY(!QDir(root.filePath("tiny")).exists());
        auto models = ModelCatalog::list(root.path().toStdString());
        QVERIFY(models.ok() && models->empty());
        auto none = ModelCatalog::list(root.filePath("never-made").toStdString());
        QVERIFY(none.ok() && none->empty());
    }
};

QTEST_APPLESS_MAIN(TestModelCatalog)
#include "TestModelCatalog.moc"
