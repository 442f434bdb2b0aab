// ProjectExport: every table written as CSV (read back by our strict CSV reader, quotes, commas and
// line breaks intact) or JSON Lines (nulls as null), behaviours by name, items and reviews with the
// text the encoder reads, the manifest's rows and
// columns; a folder holding other files is refused untouched, an earlier export is replaced only
// when asked, and a replaced export in the other format leaves none of its files behind.
#include <QtTest>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "TestSupport.h"
#include "io/CsvReader.h"
#include "io/LineReader.h"
#include "store/Project.h"
#include "store/ProjectExport.h"

using namespace ss;
namespace fs = std::filesystem;

namespace {

const std::string kTrickyTitle = "Mug, \"large\"\nsecond line";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Records of a CSV file (header first), read by the strict reader.
std::vector<std::vector<std::string>> csvRecords(const fs::path& p) {
    std::vector<std::vector<std::string>> out;
    auto lines = LineReader::open(p);
    if (!lines) return out;
    CsvReader reader(**lines, CsvReader::Options{CsvReader::Separator::Comma, true, false});
    while (reader.next()) out.emplace_back(reader.fields().begin(), reader.fields().end());
    return out;
}

std::vector<boost::json::object> jsonRecords(const fs::path& p) {
    std::vector<boost::json::object> out;
    std::ifstream in(p);
    for (std::string line; std::getline(in, line);) out.push_back(boost::json::parse(line).as_object());
    return out;
}

}  // namespace

class TestProjectExport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    fs::path project_;

private slots:
    void initTestCase() {
        project_ = fs::path(dir_.path().toStdString()) / "shop.shelfsense";
        auto project = Project::open(project_);
        SS_VERIFY_OK(project);
        auto& db = (*project)->db();
        SS_VERIFY_OK(db.exec("INSERT INTO users(id, external_id, segment) VALUES (1, 'u-1', 'vip'), (2, 'u,2', NULL)"));
        auto item = db.prepare("INSERT INTO items(id, external_id, title, category, price, available) VALUES (?1, ?2, ?3, ?4, ?5, 1)");
        SS_VERIFY_OK(item);
        item->bind(1, 10).bind(2, "i-10").bind(3, kTrickyTitle).bind(4, "家居").bind(5, 12.5);
        SS_VERIFY_OK(item->run());
        item->reset();
        item->bind(1, 11).bind(2, "i-11").bind(3, " padded ").bind(4, "toys").bind(5, 3.0);
        SS_VERIFY_OK(item->run());
        SS_VERIFY_OK(db.exec("INSERT INTO events(user_id, item_id, type, ts, quantity, value) VALUES "
                             "(1, 10, 1, 1511544070, NULL, NULL), (1, 10, 4, 1511544170, 2, 25.0), (2, 11, 3, 1511600000, NULL, NULL)"));
        SS_VERIFY_OK(db.exec("INSERT INTO reviews(user_id, item_id, rating, title, body, ts) VALUES (1, 10, 4, 'ok', '很好，\"值得\"', 1511700000)"));
        SS_VERIFY_OK(db.exec("INSERT INTO user_properties(user_id, name, value) VALUES (1, 'variant', 'control'), (2, 'region', 'north')"));
    }

    void everyTableIsWritten_data() {
        QTest::addColumn<bool>("csv");
        QTest::newRow("CSV") << true;
        QTest::newRow("JSON Lines") << false;
    }
    void everyTableIsWritten() {
        QFETCH(bool, csv);
        auto project = Project::open(project_);
        SS_VERIFY_OK(project);
        const fs::path out = fs::path(dir_.path().toStdString()) / (csv ? "csv" : "jsonl");
        auto manifest = ProjectExport::write((*project)->db(), out, csv ? ProjectExport::Format::Csv : ProjectExport::Format::JsonLines, false);
        SS_VERIFY_OK(manifest);
        QCOMPARE(manifest->tables.size(), std::size_t(5));
        const std::map<std::string, std::int64_t> rows{{"events", 3}, {"items", 2}, {"users", 2}, {"user_properties", 2}, {"reviews", 1}};
        for (const auto& t : manifest->tables) {
            QCOMPARE(t.rows, rows.at(t.name));
            QVERIFY(fs::exists(out / t.file));
            QVERIFY(!fs::exists(out / (t.file + ".part")));
        }
        const auto json = boost::json::parse(readFile(out / ProjectExport::kManifestFile)).as_object();
        QCOMPARE(json.at("format").as_string(), csv ? "csv" : "jsonl");
        QCOMPARE(json.at("timezone").as_string(), "UTC");
        QCOMPARE(json.at("tables").as_array().size(), std::size_t(5));
        QCOMPARE(json.at("tables").as_array()[0].as_object().at("rows").as_int64(), 3);

        if (csv) {
            const auto events = csvRecords(out / "events.csv");
            QCOMPARE(events.size(), std::size_t(4));
            QCOMPARE(events[0], (std::vector<std::string>{"user", "item", "behaviour", "ts", "quantity", "value"}));
            QCOMPARE(events[2], (std::vector<std::string>{"u-1", "i-10", "purchase", "1511544170", "2", "25"}));
            QCOMPARE(events[3][0], std::string("u,2"));
            QCOMPARE(events[3][2], std::string("favourite"));
            QCOMPARE(events[1][4], std::string());  // NULL: an empty field
            const auto items = csvRecords(out / "items.csv");
            QCOMPARE(items[1][1], kTrickyTitle);
            QCOMPARE(items[2][1], std::string(" padded "));
            QCOMPARE(items[1][5], std::string("12.5"));  // the shortest text that reads back as the same number
            QCOMPARE(items[1][3], std::string("家居"));
            QCOMPARE(items[0].back(), std::string("text"));
            QCOMPARE(items[1].back(), kTrickyTitle + ".  家居");  // what the encoder reads: title. description category
            QCOMPARE(csvRecords(out / "reviews.csv")[1][5], std::string("很好，\"值得\""));
        } else {
            const auto events = jsonRecords(out / "events.jsonl");
            QCOMPARE(events.size(), std::size_t(3));
            QCOMPARE(events[1].at("behaviour").as_string(), "purchase");
            QCOMPARE(events[1].at("value").as_double(), 25.0);
            QVERIFY(events[0].at("quantity").is_null());
            QCOMPARE(jsonRecords(out / "items.jsonl")[0].at("title").as_string(), kTrickyTitle);
            QCOMPARE(jsonRecords(out / "user_properties.jsonl")[1].at("user").as_string(), "u,2");
        }
    }

    void foldersThatAreNotOursAreRefused() {
        auto project = Project::open(project_);
        SS_VERIFY_OK(project);
        const fs::path folder = fs::path(dir_.path().toStdString()) / "mine";
        fs::create_directories(folder);
        {
            std::ofstream notes(folder / "notes.txt");
            notes << "my notes\n";
        }
        auto refused = ProjectExport::write((*project)->db(), folder, ProjectExport::Format::Csv, true);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().describe().find("not empty") != std::string::npos);
        QCOMPARE(readFile(folder / "notes.txt"), std::string("my notes\n"));
        QCOMPARE(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), std::ptrdiff_t(1));
    }

    void anEarlierExportIsReplacedOnlyWhenAsked() {
        auto project = Project::open(project_);
        SS_VERIFY_OK(project);
        const fs::path folder = fs::path(dir_.path().toStdString()) / "again";
        SS_VERIFY_OK(ProjectExport::write((*project)->db(), folder, ProjectExport::Format::Csv, false));
        auto again = ProjectExport::write((*project)->db(), folder, ProjectExport::Format::JsonLines, false);
        QVERIFY(!again.ok());
        QVERIFY(again.error().describe().find("--replace") != std::string::npos);
        QVERIFY(fs::exists(folder / "events.csv"));
        SS_VERIFY_OK(ProjectExport::write((*project)->db(), folder, ProjectExport::Format::JsonLines, true));
        QVERIFY(fs::exists(folder / "events.jsonl"));
        QVERIFY(!fs::exists(folder / "events.csv"));  // the earlier export's files are gone
        QCOMPARE(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), std::ptrdiff_t(6));
    }
};

QTEST_APPLESS_MAIN(TestProjectExport)
#include "TestProjectExport.moc"
