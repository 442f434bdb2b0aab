#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

#include "SafetensorsBytes.h"
#include "model/SafetensorsFile.h"

using ss::SafetensorsFile;

namespace {

QString describe(const ss::Error& e) { return QString::fromStdString(e.describe()); }

QByteArray entry(const char* name, const char* dtype, const char* shape, const char* offsets) {
    return QByteArray("\"") + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" +
           offsets + "}";
}

}  // namespace

class TestSafetensorsFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // Each broken file must be refused with a message that names the problem (and the tensor, if any).
    void malformed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("mentions");
        using B = SafetensorsBytes;
        const QByteArray w4 = QByteArray(4, '\0');
        QTest::newRow("empty file") << QByteArray() << QStringList{"too short"};
        QTest::newRow("truncated length prefix") << QByteArray(5, '\x01') << QStringList{"too short"};
        QTest::newRow("header too long") << B::raw("{}", {}, 1000) << QStringList{"header length 1000", "past the end"};
        QTest::newRow("header length huge") << B::raw("{}", {}, std::numeric_limits<qint64>::max())
                                            << QStringList{"past the end"};
        QTest::newRow("truncated header") << B::raw("{\"w\":{\"dtype\":\"F32\"", {}, 64) << QStringList{"past the end"};
        QTest::newRow("bad json") << B::raw("{\"w\": {\"dtype\": \"F32\",") << QStringList{"not valid JSON"};
        QTest::newRow("json not object") << B::raw("[1, 2]") << QStringList{"must be an object"};
        QTest::newRow("entry not object") << B::raw("{\"w\": 3}") << QStringList{"'w'", "must be an object"};
        QTest::newRow("bad dtype") << B::raw("{" + entry("w", "Q4_K", "[1]", "[0,4]") + "}", w4)
                                   << QStringList{"'w'", "Q4_K", "unsupported dtype"};
        QTest::newRow("dtype missing") << B::raw("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", w4)
                                       << QStringList{"'w'", "dtype"};
        QTest::newRow("negative shape") << B::raw("{" + entry("w", "F32", "[-1]", "[0,4]") + "}", w4)
                                        << QStringList{"'w'", "negative"};
        QTest::newRow("fractional shape") << B::raw("{" + entry("w", "F32", "[1.5]", "[0,4]") + "}", w4)
                                          << QStringList{"'w'", "non-integer"};
        QTest::newRow("shape overflow") << B::raw("{" + entry("w", "F32", "[4294967296,4294967296,4]", "[0,4]") + "}", w4)
                                        << QStringList{"'w'", "overflows"};
        QTest::newRow("offsets outside") << B::raw("{" + entry("w", "F32", "[2]", "[0,8]") + "}", w4)
                                         << QStringList{"'w'", "outside the data area"};
        QTest::newRow("data truncated") << B::raw("{" + entry("big", "F32", "[16]", "[0,64]") + "}", QByteArray(10, 'x'))
                                        << QStringList{"'big'", "outside the data area", "truncated"};
        QTest::newRow("offsets reversed") << B::raw("{" + entry("w", "F32", "[1]", "[4,0]") + "}", w4)
                                          << QStringList{"'w'", "end before"};
        QTest::newRow("offsets not a pair") << B::raw("{" + entry("w", "F32", "[1]", "[0]") + "}", w4)
                                            << QStringList{"'w'", "data_offsets"};
        QTest::newRow("negative offset") << B::raw("{" + entry("w", "F32", "[1]", "[-4,0]") + "}", w4)
                                         << QStringList{"'w'", "non-negative"};
        QTest::newRow("shape mismatch") << B::raw("{" + entry("w", "F32", "[2]", "[0,4]") + "}", w4)
                                        << QStringList{"'w'", "shape mismatch", "needs 8 bytes"};
        QTest::newRow("overlapping") << B::raw("{" + entry("a", "F32", "[2]", "[0,8]") + "," +
                                               entry("b", "F32", "[2]", "[4,12]") + "}",
                                               QByteArray(12, '\0'))
                                     << QStringList{"'a'", "'b'", "overlaps"};
        QTest::newRow("metadata not strings") << B::raw("{\"__metadata__\":{\"format\":1}}")
                                              << QStringList{"__metadata__", "format"};
    }
    void malformed() {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, mentions);
        const QString path = dir_.filePath(QStringLiteral("bad_%1.safetensors").arg(++counter_));
        QVERIFY(SafetensorsBytes::write(path, bytes));
        const auto file = SafetensorsFile::open(path.toStdString());
        QVERIFY2(!file.ok(), "a malformed file was accepted");
        QCOMPARE(file.error().code, ss::ErrorCode::InputData);
        for (const QString& m : mentions) QVERIFY2(describe(file.error()).contains(m), qPrintable(describe(file.error())));
    }

    void wellFormed() {
        using B = SafetensorsBytes;
        QByteArray f16(6, '\0');
        f16[0] = '\x00';
        f16[1] = '\x3c';  // 1.0 in IEEE half, little-endian
        const QByteArray bytes = B::build({{"layer.weight", "F32", {2, 2}, B::floats({1, 2, 3, 4})},
                                           {"half", "F16", {3}, f16},
                                           {"brain", "BF16", {1}, QByteArray(2, '\0')},
                                           {"empty", "F32", {0, 5}, {}},
                                           {"position_ids", "I64", {1, 2}, QByteArray(16, '\0')}},
                                          R"({"format":"pt"})");
        const QString path = dir_.filePath("good.safetensors");
        QVERIFY(B::write(path, bytes));
        auto file = SafetensorsFile::open(path.toStdString());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().describe().c_str());
        QCOMPARE(file->tensors().size(), std::size_t(5));
        QCOMPARE(QString::fromStdString(file->metadata().at("format")), QStringLiteral("pt"));

        const auto* w = file->find("layer.weight");
        QVERIFY(w);
        QCOMPARE(w->dtype, SafetensorsFile::DType::F32);
        QCOMPARE(w->numel(), std::int64_t(4));
        float values[4];
        std::memcpy(values, file->data(*w), sizeof values);
        QCOMPARE(values[3], 4.0f);
        QCOMPARE(file->find("half")->dtype, SafetensorsFile::DType::F16);
        QCOMPARE(file->find("brain")->dtype, SafetensorsFile::DType::BF16);
        QCOMPARE(file->find("empty")->byteSize(), std::uint64_t(0));
        QVERIFY(!SafetensorsFile::isWeightDType(file->find("position_ids")->dtype));
        QVERIFY(file->find("missing") == nullptr);
        QCOMPARE(file->fileSize(), std::size_t(bytes.size()));

        // Moving keeps the mapping valid.
        SafetensorsFile moved = std::move(file.value());
        std::memcpy(values, moved.data(*moved.find("layer.weight")), sizeof values);
        QCOMPARE(values[0], 1.0f);
    }

    void missingFile() {
        const auto file = SafetensorsFile::open(dir_.filePath("nope.safetensors").toStdString());
        QVERIFY(!file.ok());
        QCOMPARE(file.error().code, ss::ErrorCode::Io);
    }

    void findWeights_data() {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("safetensors") << QStringList{"model.safetensors", "config.json"} << true << QStringList{};
        QTest::newRow("both: safetensors wins") << QStringList{"model.safetensors", "pytorch_model.bin"} << true
                                                << QStringList{};
        QTest::newRow("pickle only") << QStringList{"pytorch_model.bin", "config.json"} << false
                                     << QStringList{"refusing pickled weights", "pytorch_model.bin",
                                                    "loading pickle can run code", "convert to safetensors"};
        QTest::newRow("pt checkpoint") << QStringList{"weights.pt"} << false << QStringList{"refusing pickled weights"};
        QTest::newRow("sharded") << QStringList{"model-00001-of-00002.safetensors"} << false
                                 << QStringList{"single model.safetensors"};
        QTest::newRow("nothing") << QStringList{"config.json"} << false << QStringList{"no model.safetensors"};
    }
    void findWeights() {
        QFETCH(QStringList, files);
        QFETCH(bool, ok);
        QFETCH(QStringList, mentions);
        QTemporaryDir modelDir;
        for (const QString& name : files) QVERIFY(SafetensorsBytes::write(modelDir.filePath(name), "x"));
        const auto found = SafetensorsFile::findWeights(modelDir.path().toStdString());
        QCOMPARE(found.ok(), ok);
        if (ok) {
            QCOMPARE(QString::fromStdString(found.value().filename().string()), QStringLiteral("model.safetensors"));
        } else {
            for (const QString& m : mentions) QVERIFY2(describe(found.error()).contains(m), qPrintable(describe(found.error())));
        }
    }

private:
    QTemporaryDir dir_;
    int counter_ = 0;
};

QTEST_APPLESS_MAIN(TestSafetensorsFile)
#include "TestSafetensorsFile.moc"
