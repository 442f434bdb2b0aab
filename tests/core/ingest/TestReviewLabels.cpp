// Reviews with sentiment labels through the mapped CSV import (--map column=label): 0/1 and words
// (English and Chinese) stored as -1/0/1, stars optional when a label is given, a labelled corpus
// without reviewers, products or dates (each row its own reviewer, the category standing for the
// product), bad labels rejected with line and field, and mappings without stars or label refused.
#include <QtTest>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "ingest/Importer.h"
#include "sentiment/SentimentLabel.h"
#include "store/Project.h"

using namespace ss;

namespace {

ImportOptions mapping(std::vector<std::pair<std::string, std::string>> map) { return sstest::columnMapping(std::move(map)); }

QString reviews(const std::filesystem::path& project) {
    return QString::fromStdString(sstest::queryText(
        project, "SELECT group_concat(x, ' | ') FROM (SELECT u.external_id || ',' || i.external_id || ',' || coalesce(i.category,'-') || ',' ||"
                 " coalesce(r.rating,'-') || ',' || coalesce(r.label,'-') || ',' || r.ts || ',' || r.body AS x"
                 " FROM reviews r JOIN users u ON u.id = r.user_id JOIN items i ON i.id = r.item_id ORDER BY r.id)"));
}

}  // namespace

class TestReviewLabels : public QObject {
    Q_OBJECT
private slots:
    void parseSentiment_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");  // 9: not a label
        QTest::newRow("0 is negative") << "0" << -1;
        QTest::newRow("1 is positive") << "1" << 1;
        QTest::newRow("-1") << "-1" << -1;
        QTest::newRow("word, any case, spaces") << "  Positive " << 1;
        QTest::newRow("neutral") << "neutral" << 0;
        QTest::newRow("short neg") << "NEG" << -1;
        QTest::newRow("Chinese negative") << "负面" << -1;
        QTest::newRow("Chinese neutral") << "中性" << 0;
        QTest::newRow("Chinese good review") << "好评" << 1;
        QTest::newRow("2 is not a label") << "2" << 9;
        QTest::newRow("empty") << "" << 9;
        QTest::newRow("a word") << "maybe" << 9;
    }
    void parseSentiment() {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto s = sentiment::parseSentiment(text.toStdString());
        QCOMPARE(s ? static_cast<int>(*s) : 9, expected);
    }

    void starsScheme_data() {
        QTest::addColumn<double>("stars");
        QTest::addColumn<int>("classes");
        QTest::addColumn<int>("classIndex");  // -1: left out
        QTest::newRow("5 stars, 2 classes") << 5.0 << 2 << 1;
        QTest::newRow("4 stars, 2 classes") << 4.0 << 2 << 1;
        QTest::newRow("3 stars left out of 2 classes") << 3.0 << 2 << -1;
        QTest::newRow("2 stars, 2 classes") << 2.0 << 2 << 0;
        QTest::newRow("1 star, 3 classes") << 1.0 << 3 << 0;
        QTest::newRow("3 stars, 3 classes") << 3.0 << 3 << 1;
        QTest::newRow("4.5 stars, 3 classes") << 4.5 << 3 << 2;
    }
    void starsScheme() {
        QFETCH(double, stars);
        QFETCH(int, classes);
        QFETCH(int, classIndex);
        const sentiment::LabelScheme scheme{sentiment::LabelSource::Stars, classes};
        const auto c = scheme.classOf(sentiment::fromStars(stars));
        QCOMPARE(c ? *c : -1, classIndex);
        if (c) QCOMPARE(scheme.sentimentOf(*c), sentiment::fromStars(stars));
    }

    void labelsWithReviewers() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        const auto file = sstest::writeFixture(dir, "reviews.csv",
                                               sstest::lines({"user,item,stars,sentiment,when,text", "U1,A,5,positive,2024-03-01,lovely",
                                                              "U2,A,,0,2024-03-02,broke in a day", "U3,B,3,,2024-03-03,fine I guess",
                                                              "U4,B,,,2024-03-04,no stars no label", "U5,B,4,great?,2024-03-05,odd label"}));
        auto summary = sstest::runImport(project, ImportFormat::Csv, {file},
                                         mapping({{"user", "user"}, {"item", "item"}, {"stars", "rating"}, {"sentiment", "label"}, {"when", "time"}, {"text", "text"}}));
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(3));
        sstest::checkRejects(summary->files[0].rejects,
                             {"5|stars|neither a rating nor a label", "6|sentiment|not a sentiment label (0/1, negative/neutral/positive): 'great?'"});
        QCOMPARE(reviews(project), QStringLiteral("U1,A,-,5.0,1,1709251200,lovely | U2,A,-,-,-1,1709337600,broke in a day | U3,B,-,3.0,-,1709424000,fine I guess"));
    }

    void labelledCorpusWithoutReviewersOrDates() {
        // The shape of a public sentiment corpus (category, label, text): each row becomes its own
        // reviewer, the category stands for the product, the review is undated.
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        const auto file = sstest::writeFixture(dir, "corpus.csv", sstest::lines({"cat,label,review", "书籍,1,很好看的书", "水果,0,不新鲜", ",1,no category"}));
        auto summary = sstest::runImport(project, ImportFormat::Csv, {file}, mapping({{"cat", "category"}, {"label", "label"}, {"review", "text"}}));
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(2));
        sstest::checkRejects(summary->files[0].rejects, {"4|cat|empty category (it stands for the product)"});
        QCOMPARE(reviews(project), QStringLiteral("anonymous:corpus.csv:2,category:书籍,书籍,-,1,0,很好看的书 | anonymous:corpus.csv:3,category:水果,水果,-,-1,0,不新鲜"));
        // Importing the same file again adds nothing: the same reviewer, product, time and text.
        auto again = sstest::runImport(project, ImportFormat::Csv, {file}, mapping({{"cat", "category"}, {"label", "label"}, {"review", "text"}}));
        SS_VERIFY_OK(again);
        QCOMPARE(again->rowsImported, std::int64_t(0));
        QCOMPARE(again->rowsDuplicate, std::int64_t(2));
    }

    void mappingsRefused_data() {
        QTest::addColumn<QStringList>("map");
        QTest::addColumn<QString>("message");
        QTest::newRow("text without stars or label") << QStringList{"user=user", "item=item", "text=text"} << "a column for 'rating' or 'label'";
        QTest::newRow("label without product or category") << QStringList{"label=label", "text=text"} << "a column for 'item' or 'category'";
    }
    void mappingsRefused() {
        QFETCH(QStringList, map);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        const auto file = sstest::writeFixture(dir, "r.csv", sstest::lines({"user,item,label,text", "U1,A,1,good"}));
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const auto& m : map) pairs.emplace_back(m.section('=', 0, 0).toStdString(), m.section('=', 1).toStdString());
        auto summary = sstest::runImport(project, ImportFormat::Csv, {file}, mapping(pairs));
        QVERIFY(!summary);
        QVERIFY2(QString::fromStdString(summary.error().message).contains(message), summary.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestReviewLabels)
#include "TestReviewLabels.moc"
