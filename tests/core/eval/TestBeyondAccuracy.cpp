// Beyond-accuracy measures against published values:
// - Microsoft Recommenders test_python_evaluation.py with the `diversity_data` fixture of its conftest.py:
//   catalog_coverage 0.8, novelty 2.83333, user_diversity [0.29289, 1.0, 0.0], diversity 0.43096
//   (item co-occurrence similarity) and 0.5 (item feature-vector cosine);
// - RecBole test_topk_metrics.py: ItemCoverage 7/8 and AveragePopularity per-user values.
#include <QtTest>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eval/BeyondAccuracy.h"

using namespace ss;

namespace {

bool near(double a, double b, double tol = 1e-12) { return std::fabs(a - b) <= tol; }
bool approx(double v, double published) { return std::fabs(v - published) <= 1e-4 * std::fabs(published) + 1e-12; }

// diversity_data: train_df (UserId, ItemId) and reco_df.
const std::vector<std::pair<int, int>> kTrain = {{1, 1}, {1, 2}, {1, 4}, {2, 3}, {2, 4}, {3, 3}, {3, 4}, {3, 5}};
const std::vector<std::pair<int, int>> kReco = {{1, 3}, {1, 5}, {2, 2}, {2, 5}, {3, 1}, {3, 2}};

RankedLists recoLists() {
    RankedLists lists;
    for (const auto& [u, i] : kReco) lists[std::to_string(u)].push_back(std::to_string(i));
    return lists;
}

ItemPopularity trainPopularity() {
    ItemPopularity pop;
    for (const auto& [u, i] : kTrain) pop[std::to_string(i)] += 1.0;
    return pop;
}

// Recommenders' item co-occurrence cosine: users who have both / sqrt(count(i) * count(j)).
double cooccurrence(const std::string& a, const std::string& b) {
    std::map<std::string, std::set<int>> users;
    for (const auto& [u, i] : kTrain) users[std::to_string(i)].insert(u);
    std::size_t both = 0;
    for (int u : users[a]) both += users[b].count(u);
    const double denom = std::sqrt(double(users[a].size()) * double(users[b].size()));
    return denom > 0 ? double(both) / denom : 0.0;
}

// Recommenders' item_feature_df and cosine of feature vectors.
double featureCosine(const std::string& a, const std::string& b) {
    static const std::map<std::string, std::vector<double>> f = {{"1", {0, 1, 1, 0, 0}},
                                                                 {"2", {0, 1, 0, 1, 0}},
                                                                 {"3", {0, 0, 1, 1, 0}},
                                                                 {"4", {0, 0, 1, 0, 1}},
                                                                 {"5", {0, 0, 0, 1, 1}}};
    const auto& x = f.at(a);
    const auto& y = f.at(b);
    double dot = 0, nx = 0, ny = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        dot += x[i] * y[i];
        nx += x[i] * x[i];
        ny += y[i] * y[i];
    }
    return dot / std::sqrt(nx * ny);
}

}  // namespace

class TestBeyondAccuracy : public QObject {
    Q_OBJECT
private slots:
    void recommendersCatalogCoverage() {
        // catalogue = distinct training items (5); recommended distinct = {1, 2, 3, 5}.
        QVERIFY(approx(BeyondAccuracy::catalogCoverage(recoLists(), trainPopularity().size()), 0.8));
        QCOMPARE(BeyondAccuracy::catalogCoverage(recoLists(), 0), 0.0);
    }

    void recommendersNovelty() {
        const double v = BeyondAccuracy::novelty(recoLists(), trainPopularity());
        QVERIFY(approx(v, 2.83333));
        QVERIFY(near(v, 17.0 / 6.0));
        // Novelty is zero when the history holds only one item (test_novelty, second case).
        ItemPopularity only3{{"3", 2.0}};
        RankedLists reco3{{"1", {"3"}}};
        QCOMPARE(BeyondAccuracy::novelty(reco3, only3), 0.0);
    }

    void recommendersDiversity_data() {
        QTest::addColumn<bool>("features");
        QTest::addColumn<QList<double>>("perUser");
        QTest::addColumn<double>("mean");
        QTest::newRow("item co-occurrence") << false << QList<double>{0.29289, 1.0, 0.0} << 0.43096;
        QTest::newRow("item feature vector") << true << QList<double>{0.5, 0.5, 0.5} << 0.5;
    }
    void recommendersDiversity() {
        QFETCH(bool, features);
        QFETCH(QList<double>, perUser);
        QFETCH(double, mean);
        const BeyondAccuracy::Similarity sim = features ? BeyondAccuracy::Similarity(featureCosine)
                                                        : BeyondAccuracy::Similarity(cooccurrence);
        const auto users = BeyondAccuracy::intraListDiversityPerUser(recoLists(), sim);
        QCOMPARE(users.size(), std::size_t(3));
        for (std::size_t i = 0; i < users.size(); ++i) {
            QCOMPARE(users[i].first, std::to_string(i + 1));
            // assert_frame_equal(check_exact=False, atol=1e-4)
            QVERIFY2(std::fabs(users[i].second - perUser[qsizetype(i)]) <= 1e-4,
                     qPrintable(QString::number(users[i].second, 'g', 17)));
        }
        QVERIFY(approx(BeyondAccuracy::intraListDiversity(recoLists(), sim), mean));
    }

    void diversitySkipsShortLists() {
        RankedLists lists{{"a", {"1"}}, {"b", {}}, {"c", {"1", "1"}}};
        QCOMPARE(BeyondAccuracy::intraListDiversityPerUser(lists, cooccurrence).size(), std::size_t(0));
        QCOMPARE(BeyondAccuracy::intraListDiversity(lists, cooccurrence), 0.0);
    }

    // RecBole: item_matrix (5 users x top-3), num_items = 8 -> 7 distinct / 8.
    void recboleItemCoverage() {
        const int m[5][3] = {{5, 7, 3}, {4, 5, 2}, {2, 3, 5}, {1, 4, 6}, {5, 3, 7}};
        RankedLists lists;
        for (int u = 0; u < 5; ++u)
            for (int j = 0; j < 3; ++j) lists[std::to_string(u)].push_back(std::to_string(m[u][j]));
        QCOMPARE(BeyondAccuracy::catalogCoverage(lists, 8), 7.0 / 8.0);
    }

    // RecBole AveragePopularity.metric_info(get_pop(item_matrix, item_count)): per user, the mean
    // popularity of the top-k items, for k = 1, 2, 3 (item 7 has no count: popularity 0).
    void recboleAveragePopularity_data() {
        QTest::addColumn<int>("user");
        QTest::addColumn<QList<double>>("expected");
        const QList<QList<double>> table = {{4.0 / 1, 4.0 / 2, 6.0 / 3},
                                            {3.0 / 1, 7.0 / 2, 8.0 / 3},
                                            {1.0 / 1, 3.0 / 2, 7.0 / 3},
                                            {0.0 / 1, 3.0 / 2, 8.0 / 3},
                                            {4.0 / 1, 6.0 / 2, 6.0 / 3}};
        for (int u = 0; u < 5; ++u) QTest::addRow("user %d", u) << u << table[u];
    }
    void recboleAveragePopularity() {
        QFETCH(int, user);
        QFETCH(QList<double>, expected);
        const int m[5][3] = {{5, 7, 3}, {4, 5, 2}, {2, 3, 5}, {1, 4, 6}, {5, 3, 7}};
        const ItemPopularity count{{"1", 0}, {"2", 1}, {"3", 2}, {"4", 3}, {"5", 4}, {"6", 5}};
        for (int k = 1; k <= 3; ++k) {
            RankedLists one;
            for (int j = 0; j < k; ++j) one["u"].push_back(std::to_string(m[user][j]));
            QVERIFY(near(BeyondAccuracy::averagePopularity(one, count), expected[k - 1]));
        }
        // The mean over users at k = 3 is the column mean.
        RankedLists all;
        double column = 0;
        for (int u = 0; u < 5; ++u) {
            double sum = 0;
            for (int j = 0; j < 3; ++j) {
                all[std::to_string(u)].push_back(std::to_string(m[u][j]));
                const auto it = count.find(std::to_string(m[u][j]));
                sum += it == count.end() ? 0 : it->second;
            }
            column += sum / 3;
        }
        QVERIFY(near(BeyondAccuracy::averagePopularity(all, count), column / 5));
    }

    void negativeShare_data() {
        QTest::addColumn<double>("expected");
        QTest::addColumn<QStringList>("negative");
        // Lists: u1 = a b c d, u2 = b e, u3 = (empty, left out).
        QTest::newRow("none complained about") << 0.0 << QStringList{"x"};
        QTest::newRow("b in both lists") << (0.25 + 0.5) / 2 << QStringList{"b"};
        QTest::newRow("a and e") << (0.25 + 0.5) / 2 << QStringList{"a", "e"};
        QTest::newRow("everything") << 1.0 << QStringList{"a", "b", "c", "d", "e"};
    }
    void negativeShare() {
        QFETCH(double, expected);
        QFETCH(QStringList, negative);
        const RankedLists lists = {{"u1", {"a", "b", "c", "d"}}, {"u2", {"b", "e"}}, {"u3", {}}};
        std::unordered_set<std::string> set;
        for (const auto& n : negative) set.insert(n.toStdString());
        QVERIFY(near(BeyondAccuracy::negativeShare(lists, set), expected));
        QCOMPARE(BeyondAccuracy::negativeShare({}, set), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestBeyondAccuracy)
#include "TestBeyondAccuracy.moc"
