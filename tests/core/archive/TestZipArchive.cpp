// ZipArchive: member listing, member paths, whole-member reads with a size guard, extraction, and
// refusals (encrypted members, damaged archives) that name the archive.
#include <QtTest>

#include <fstream>

#include "../store/TestSupport.h"
#include "ZipFixture.h"
#include "archive/ZipArchive.h"

using namespace ss;
namespace fs = std::filesystem;

class TestZipArchive : public QObject {
    Q_OBJECT
private slots:
    void splitMemberPath_data() {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("archive");  // empty: not a member path
        QTest::addColumn<QString>("member");
        QTest::newRow("the archive itself") << "a.zip" << "" << "";
        QTest::newRow("a member") << "a.zip/x.csv" << "a.zip" << "x.csv";
        QTest::newRow("a nested member") << "a.zip/d/e/x.csv" << "a.zip" << "d/e/x.csv";
        QTest::newRow("a wheel's member") << "w.whl/pkg/model/vocab.txt" << "w.whl" << "pkg/model/vocab.txt";
        QTest::newRow("upper-case extension") << "B.ZIP/x.csv" << "B.ZIP" << "x.csv";
        QTest::newRow("a missing archive") << "missing.zip/x.csv" << "" << "";
        QTest::newRow("a plain missing file") << "nothing.csv" << "" << "";
        QTest::newRow("a folder named like an archive") << "folder.zip/x.csv" << "" << "";
    }
    void splitMemberPath() {
        QFETCH(QString, given);
        QFETCH(QString, archive);
        QFETCH(QString, member);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        for (const char* name : {"a.zip", "w.whl", "B.ZIP"}) QVERIFY(sstest::writeZip(root / name, {{"x.csv", "1\n"}}));
        fs::create_directory(root / "folder.zip");
        const auto split = ZipArchive::splitMemberPath(root / given.toStdString());
        QCOMPARE(split.has_value(), !archive.isEmpty());
        if (split) {
            QCOMPARE(QString::fromStdString(split->first.string()), QString::fromStdString((root / archive.toStdString()).string()));
            QCOMPARE(QString::fromStdString(split->second), member);
        }
    }

    void readsAndExtractsMembers() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        QByteArray big;
        for (int i = 0; i < 100000; ++i) big += QByteArray::number(i) + ' ';
        QVERIFY(sstest::writeZip(root / "m.zip", {{"pkg/", {}}, {"pkg/model/vocab.txt", "[PAD]\n[UNK]\n中文\n"}, {"pkg/big.bin", big}}));
        QVERIFY(ZipArchive::looksLikeZip(root / "m.zip"));
        auto archive = ZipArchive::open(root / "m.zip");
        SS_VERIFY_OK(archive);
        QCOMPARE(int((*archive)->members().size()), 2);  // the folder entry is not a member
        auto vocab = (*archive)->readMember("pkg/model/vocab.txt", 1024);
        SS_VERIFY_OK(vocab);
        QCOMPARE(QByteArray::fromStdString(*vocab), QByteArray("[PAD]\n[UNK]\n中文\n"));
        auto tooBig = (*archive)->readMember("pkg/big.bin", 1000);
        QVERIFY(!tooBig);
        QVERIFY(tooBig.error().describe().find("larger than 1000 bytes") != std::string::npos);
        QVERIFY(!(*archive)->readMember("pkg/none", 1000));

        const ZipArchive::Member* member = (*archive)->find("pkg/big.bin");
        QVERIFY(member);
        QCOMPARE(member->size, std::uint64_t(big.size()));
        QVERIFY(member->compressedSize < member->size);
        SS_VERIFY_OK((*archive)->extractMember(*member, root / "big.out"));
        std::ifstream in(root / "big.out", std::ios::binary);
        const std::string out((std::istreambuf_iterator<char>(in)), {});
        QCOMPARE(QByteArray::fromStdString(out), big);
        QVERIFY(!(*archive)->onlyMember());
    }

    void refusals() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        {
            std::ofstream notZip(root / "plain.zip");
            notZip << "id,name\n1,x\n";
        }
        QVERIFY(!ZipArchive::looksLikeZip(root / "plain.zip"));
        auto plain = ZipArchive::open(root / "plain.zip");
        QVERIFY(!plain);
        QCOMPARE(plain.error().code, ErrorCode::InputData);
        QVERIFY(plain.error().describe().find("plain.zip") != std::string::npos);

        auto missing = ZipArchive::open(root / "missing.zip");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);

        if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1)) QSKIP("this libzip cannot write AES archives");
        QVERIFY(sstest::writeZip(root / "secret.zip", {{"data.csv", "a,1\n", false, "password"}}));
        auto secret = ZipArchive::open(root / "secret.zip");
        SS_VERIFY_OK(secret);
        auto stream = (*secret)->openMember((*secret)->members().front());
        QVERIFY(!stream);
        QCOMPARE(stream.error().code, ErrorCode::Unsupported);
        QVERIFY(stream.error().describe().find("secret.zip/data.csv") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestZipArchive)
#include "TestZipArchive.moc"
