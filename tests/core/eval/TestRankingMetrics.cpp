// Ranking metrics against the values the two peer projects publish in their own test suites:
// - Microsoft Recommenders tests/unit/recommenders/evaluation/test_python_evaluation.py (fixtures from its
//   conftest.py; the CSV copies live in tests/data/eval/);
// - RecBole tests/metrics/test_topk_metrics.py (per-user pos_idx / pos_len matrices).
#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "eval/MetricsCsv.h"
#include "eval/RankingMetrics.h"

using namespace ss;

namespace {

const std::vector<int> kTrueUsers = {1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1};
const std::vector<int> kTrueItems = {3, 1, 4, 5, 6, 7, 2, 5, 6, 8, 9, 10, 11, 12, 13, 14, 1, 2};
const std::vector<int> kTrueRatings = {3, 5, 5, 3, 3, 1, 5, 5, 5, 4, 4, 3, 3, 3, 2, 1, 5, 4};
const std::vector<int> kPredItems = {12, 10, 3, 5, 11, 13, 4, 10, 7, 13, 1, 3, 5, 2, 11, 14, 3, 10};
const std::vector<int> kPredScores = {12, 14, 13, 12, 11, 10, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 14, 13};

std::string s(int v) { return std::to_string(v); }

GroundTruth ratingTrue() {
    GroundTruth t;
    for (std::size_t i = 0; i < kTrueUsers.size(); ++i) t.add(s(kTrueUsers[i]), s(kTrueItems[i]), kTrueRatings[i]);
    return t;
}

Predictions ratingPred() {
    Predictions p;
    for (std::size_t i = 0; i < kTrueUsers.size(); ++i) p.add(s(kTrueUsers[i]), s(kPredItems[i]), kPredScores[i]);
    return p;
}

// rating_true used as its own prediction, scored by rating (Recommenders' "perfect" case).
Predictions ratingTrueAsPred() {
    Predictions p;
    for (std::size_t i = 0; i < kTrueUsers.size(); ++i) p.add(s(kTrueUsers[i]), s(kTrueItems[i]), kTrueRatings[i]);
    return p;
}

// rating_nohit: every prediction is item 100.
Predictions ratingNoHit() {
    Predictions p;
    for (std::size_t i = 0; i < kTrueUsers.size(); ++i) p.add(s(kTrueUsers[i]), "100", kPredScores[i]);
    return p;
}

MetricsReport evaluate(const GroundTruth& t, const Predictions& p, int k, Convention c = Convention::Recommenders,
                       Gain g = Gain::Binary) {
    Result<MetricsReport> r = RankingMetrics::evaluate(t, p, RankingOptions{k, c, g});
    if (!r) qFatal("evaluate failed: %s", r.error().describe().c_str());
    return *r;
}

bool near(double a, double b, double tol = 1e-12) { return std::fabs(a - b) <= tol; }

// The digits Recommenders publishes are the value cut (not rounded) after 5 decimals: 0.38172659... -> 0.38172.
QString truncated5(double v) { return QString::number(std::floor(v * 1e5) / 1e5, 'f', 5); }

}  // namespace

class TestRankingMetrics : public QObject {
    Q_OBJECT
private slots:
    void recommendersPublished_data() {
        QTest::addColumn<int>("metric");
        QTest::addColumn<QString>("published");
        QTest::addColumn<double>("exact");  // the rational value where it is simple, else NaN
        const double nan = std::nan("");
        QTest::newRow("precision@10") << int(MetricId::Precision) << "0.26666" << 4.0 / 15.0;
        QTest::newRow("recall@10") << int(MetricId::Recall) << "0.37777" << 17.0 / 45.0;
        QTest::newRow("ndcg@10") << int(MetricId::Ndcg) << "0.38172" << nan;
        QTest::newRow("map@10") << int(MetricId::Map) << "0.23613" << (1.0 / 3 + 1.0 / 15 + (0.5 + 2.0 / 4 + 3.0 / 7 + 4.0 / 8 + 5.0 / 9 + 6.0 / 10) / 10) / 3;
    }
    void recommendersPublished() {
        QFETCH(int, metric);
        QFETCH(QString, published);
        QFETCH(double, exact);
        const MetricsReport r = evaluate(ratingTrue(), ratingPred(), 10);
        const double v = r.value(MetricId(metric));
        QCOMPARE(truncated5(v), published);
        // Recommenders' own check: pytest.approx(published, rel=1e-4).
        QVERIFY(std::fabs(v - published.toDouble()) <= 1e-4 * published.toDouble());
        if (!std::isnan(exact)) QVERIFY2(near(v, exact), qPrintable(QString::number(v, 'g', 17)));
    }

    // Recommenders' current map_at_k divides by min(k, |R(u)|); its older definition (kept as `map`)
    // divides by |R(u)|. At k = 10 no fixture user has more than 10 relevant items, so both publish
    // 0.23613; at k = 5 user 3 (10 relevant) separates them: 0.2 (ours, current) vs 1/6 (old).
    void recommendersMapDivisor() {
        const MetricsReport r = evaluate(ratingTrue(), ratingPred(), 5);
        // user 1: hit at rank 1 -> 1/3; user 2: hit at rank 3 -> (1/3)/5; user 3: hits at 2, 4 -> (1/2 + 2/4)/5
        QVERIFY(near(r.value(MetricId::Map), (1.0 / 3 + 1.0 / 15 + 0.2) / 3));
        QVERIFY(!near(r.value(MetricId::Map), (1.0 / 3 + 1.0 / 15 + 0.1) / 3, 1e-3));
    }

    // The same fixture read from the CSV copies through the `metrics` command's entry point.
    void recommendersFromCsv() {
        const std::string dir = SS_TEST_DATA_DIR "/eval/";
        Result<MetricsReport> r = evaluateCsvFiles(dir + "recommenders_rating_true.csv",
                                                   dir + "recommenders_rating_pred.csv", 10, Convention::Recommenders);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(truncated5(r->value(MetricId::Precision)), QString("0.26666"));
        QCOMPARE(truncated5(r->value(MetricId::Recall)), QString("0.37777"));
        QCOMPARE(truncated5(r->value(MetricId::Ndcg)), QString("0.38172"));
        QCOMPARE(truncated5(r->value(MetricId::Map)), QString("0.23613"));
        QCOMPARE(r->users, std::size_t(3));
        QCOMPARE(r->usersWithPredictions, std::size_t(3));
    }

    // test_python_*: prediction = truth ranked by rating, and a prediction that hits nothing.
    void recommendersPerfectAndNoHit_data() {
        QTest::addColumn<int>("metric");
        QTest::addColumn<double>("perfect");
        QTest::newRow("precision") << int(MetricId::Precision) << 0.6;  // 3/10, 5/10, 10/10
        QTest::newRow("recall") << int(MetricId::Recall) << 1.0;
        QTest::newRow("ndcg") << int(MetricId::Ndcg) << 1.0;
        QTest::newRow("map") << int(MetricId::Map) << 1.0;
        QTest::newRow("mrr") << int(MetricId::Mrr) << 1.0;
        QTest::newRow("hit") << int(MetricId::Hit) << 1.0;
    }
    void recommendersPerfectAndNoHit() {
        QFETCH(int, metric);
        QFETCH(double, perfect);
        QVERIFY(near(evaluate(ratingTrue(), ratingTrueAsPred(), 10).value(MetricId(metric)), perfect));
        QCOMPARE(evaluate(ratingTrue(), ratingNoHit(), 10).value(MetricId(metric)), 0.0);
    }

    // test_python_precision_at_k "Check normalization": the divisor is k even with fewer predictions.
    void recommendersPrecisionNormalisation_data() {
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("twoUsers");
        QTest::addColumn<double>("expected");
        QTest::newRow("single user k=3") << 3 << false << 1.0;
        QTest::newRow("same items k=3") << 3 << true << 1.0;
        QTest::newRow("same items k=5") << 5 << true << 0.6;
    }
    void recommendersPrecisionNormalisation() {
        QFETCH(int, k);
        QFETCH(bool, twoUsers);
        QFETCH(double, expected);
        GroundTruth t;
        Predictions p;
        const std::vector<std::pair<int, int>> rows =
            twoUsers ? std::vector<std::pair<int, int>>{{1, 5}, {1, 4}, {1, 3}, {2, 5}, {2, 5}, {2, 3}}
                     : std::vector<std::pair<int, int>>{{1, 5}, {1, 4}, {1, 3}};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string item = s(int(i % 3) + 1);
            t.add(s(rows[i].first), item, rows[i].second);
            p.add(s(rows[i].first), item, rows[i].second);
        }
        QVERIFY(near(evaluate(t, p, k).value(MetricId::Precision), expected));
    }

    // test_python_ndcg_at_k, Wikipedia DCG example: raw relevance, log2 discount, k = 6 -> 0.785.
    void recommendersGradedNdcg() {
        GroundTruth t;
        Predictions p;
        const int rel[] = {3, 2, 3, 0, 1, 2, 3, 2};
        for (int i = 0; i < 8; ++i) t.add("0", s(i), rel[i]);
        for (int i = 0; i < 6; ++i) p.add("0", s(i), 6 - i);
        const double v = evaluate(t, p, 6, Convention::Recommenders, Gain::Raw).value(MetricId::Ndcg);
        QVERIFY(std::fabs(v - 0.785) <= 1e-4 * 0.785);
        QCOMPARE(QString::number(v, 'f', 3), QString("0.785"));
        // Binary gain on the same lists: 5 of the 6 predicted are relevant (item 3 has rating 0 but is in
        // the truth, so it is a hit).
        const double binary = evaluate(t, p, 6).value(MetricId::Ndcg);
        QVERIFY(binary > 0.99);
    }

    // RecBole test_topk_metrics.py: per-user values at k = 1, 2, 3 for pos_idx rows with pos_len.
    void recbolePerUser_data() {
        QTest::addColumn<int>("metric");
        QTest::addColumn<int>("row");
        QTest::addColumn<QList<double>>("expected");
        const double l2 = std::log2(2.0), l3 = std::log2(3.0), l4 = std::log2(4.0);
        const QList<QList<double>> hit = {{0, 0, 0}, {1, 1, 1}, {1, 1, 1}, {0, 0, 1}};
        const QList<QList<double>> ndcg = {
            {0, 0, 0},
            {1, 1, 1},
            {1, (1 / l2 / (1 / l2 + 1 / l3)), ((1 / l2 + 1 / l4) / (1 / l2 + 1 / l3 + 1 / l4))},
            {0, 0, (1 / l4 / (1 / l2 + 1 / l3))}};
        const QList<QList<double>> mrr = {{0, 0, 0}, {1, 1, 1}, {1, 1, 1}, {0, 0, 1.0 / 3}};
        const QList<QList<double>> map = {
            {0, 0, 0}, {1, 1, 1}, {1, 1.0 / 2, (1.0 / 3) * ((1.0 / 1) + (2.0 / 3))}, {0, 0, (1.0 / 3) * (1.0 / 2)}};
        const QList<QList<double>> recall = {
            {0, 0, 0}, {1.0 / 3, 2.0 / 3, 3.0 / 3}, {1.0 / 4, 1.0 / 4, 2.0 / 4}, {0, 0, 1.0 / 2}};
        const QList<QList<double>> precision = {
            {0, 0, 0}, {1.0 / 1, 2.0 / 2, 3.0 / 3}, {1.0 / 1, 1.0 / 2, 2.0 / 3}, {0, 0, 1.0 / 3}};
        const std::pair<MetricId, const QList<QList<double>>*> tables[] = {
            {MetricId::Hit, &hit},       {MetricId::Ndcg, &ndcg},     {MetricId::Mrr, &mrr},
            {MetricId::Map, &map},       {MetricId::Recall, &recall}, {MetricId::Precision, &precision}};
        for (const auto& [id, table] : tables)
            for (int row = 0; row < 4; ++row)
                QTest::addRow("%s row %d", std::string(metricKey(id)).c_str(), row)
                    << int(id) << row << (*table)[row];
    }
    void recbolePerUser() {
        QFETCH(int, metric);
        QFETCH(int, row);
        QFETCH(QList<double>, expected);
        const std::vector<std::vector<int>> posIdx = {{0, 0, 0}, {1, 1, 1}, {1, 0, 1}, {0, 0, 1}};
        const std::size_t posLen[] = {1, 3, 4, 2};
        for (int k = 1; k <= 3; ++k) {
            const double v = RankingMetrics::evaluateUser(posIdx[row], posLen[row], k)[MetricId(metric)];
            QVERIFY2(near(v, expected[k - 1]),
                     qPrintable(QString("k=%1: got %2, want %3").arg(k).arg(v, 0, 'g', 17).arg(expected[k - 1], 0, 'g', 17)));
        }
    }

    // The same matrices through the full path, and the one thing that separates the conventions: the
    // users a mean runs over. User "5" has positives but no predictions.
    void conventionsAverageOverDifferentUsers() {
        const std::vector<std::vector<int>> posIdx = {{0, 0, 0}, {1, 1, 1}, {1, 0, 1}, {0, 0, 1}};
        const int posLen[] = {1, 3, 4, 2};
        GroundTruth t;
        Predictions p;
        for (int u = 0; u < 4; ++u) {
            const std::string user = s(u + 1);
            int relevant = 0;
            for (int i = 0; i < 3; ++i) {
                const std::string item = "u" + user + "-p" + s(i);
                p.add(user, item, 3 - i);
                if (posIdx[u][i]) {
                    t.add(user, item);
                    ++relevant;
                }
            }
            for (int extra = relevant; extra < posLen[u]; ++extra) t.add(user, "u" + user + "-unranked" + s(extra));
        }
        Predictions onlyFour = p;
        t.add("5", "lonely");
        p.add("9", "x", 1.0);  // predicted user without truth: ignored by both conventions

        const MetricsReport rb = evaluate(t, p, 3, Convention::RecBole);
        const MetricsReport ms = evaluate(t, p, 3, Convention::Recommenders);
        QCOMPARE(rb.users, std::size_t(5));
        QCOMPARE(rb.usersWithPredictions, std::size_t(4));
        QCOMPARE(rb.predictedUsersNotInTruth, std::size_t(1));
        // precision@3 per user: 0, 1, 2/3, 1/3 (+0 for user 5 under recbole)
        QVERIFY(near(rb.value(MetricId::Precision), (1.0 + 2.0 / 3 + 1.0 / 3) / 5));
        QVERIFY(near(ms.value(MetricId::Precision), (1.0 + 2.0 / 3 + 1.0 / 3) / 4));
        QCOMPARE(rb.metric(MetricId::Precision).perUser.size(), std::size_t(5));
        QCOMPARE(ms.metric(MetricId::Precision).perUser.size(), std::size_t(4));
        // NDCG runs over every truth user in both.
        QCOMPARE(ms.metric(MetricId::Ndcg).perUser.size(), std::size_t(5));
        QVERIFY(near(rb.value(MetricId::Ndcg), ms.value(MetricId::Ndcg)));
        // Without the lonely user the conventions agree on every metric.
        GroundTruth t4;
        for (const auto& [user, items] : t.users())
            if (user != "5")
                for (const auto& item : items) t4.add(user, item.first);
        for (MetricId id : kAllMetrics)
            QVERIFY(near(evaluate(t4, onlyFour, 3, Convention::RecBole).value(id),
                         evaluate(t4, onlyFour, 3, Convention::Recommenders).value(id)));
        // The mean is exactly the mean of the per-user values, for every metric.
        for (const MetricsReport* r : {&rb, &ms})
            for (const MetricResult& m : r->metrics) {
                double sum = 0;
                for (const UserValue& v : m.perUser) sum += v.value;
                QVERIFY(near(m.value, sum / double(m.perUser.size())));
            }
    }

    void rankingRule_data() {
        QTest::addColumn<QStringList>("items");
        QTest::addColumn<QList<double>>("scores");
        QTest::addColumn<int>("k");
        QTest::addColumn<QStringList>("expected");
        const double nan = std::nan("");
        QTest::newRow("score descending") << QStringList{"a", "b", "c"} << QList<double>{1, 3, 2} << 3
                                          << QStringList{"b", "c", "a"};
        QTest::newRow("ties keep input order") << QStringList{"x", "y", "z", "w"} << QList<double>{1, 2, 2, 2} << 3
                                               << QStringList{"y", "z", "w"};
        QTest::newRow("nan last") << QStringList{"n", "a", "b"} << QList<double>{nan, -5, 0} << 3
                                  << QStringList{"b", "a", "n"};
        QTest::newRow("duplicate counts once at best rank")
            << QStringList{"a", "b", "a", "c"} << QList<double>{1, 5, 9, 3} << 3 << QStringList{"a", "b", "c"};
        QTest::newRow("duplicates beyond the sorted prefix")
            << QStringList{"a", "a", "a", "b"} << QList<double>{9, 8, 7, 1} << 2 << QStringList{"a", "b"};
        QTest::newRow("cut to k") << QStringList{"a", "b", "c"} << QList<double>{3, 2, 1} << 1 << QStringList{"a"};
        QTest::newRow("fewer than k") << QStringList{"a"} << QList<double>{3} << 10 << QStringList{"a"};
    }
    void rankingRule() {
        QFETCH(QStringList, items);
        QFETCH(QList<double>, scores);
        QFETCH(int, k);
        QFETCH(QStringList, expected);
        std::vector<ScoredItem> list;
        for (qsizetype i = 0; i < items.size(); ++i) list.push_back({items[i].toStdString(), scores[i]});
        QStringList got;
        for (const std::string& item : Predictions::rank(list, k)) got << QString::fromStdString(item);
        QCOMPARE(got, expected);
    }

    void errors() {
        Result<MetricsReport> r = RankingMetrics::evaluate(ratingTrue(), ratingPred(), RankingOptions{0});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Usage);
        r = RankingMetrics::evaluate(GroundTruth{}, ratingPred(), RankingOptions{});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InputData);
    }

    void definitionsAndNames() {
        for (MetricId id : kAllMetrics) {
            const std::string_view a = definition(id, Convention::Recommenders);
            const std::string_view b = definition(id, Convention::RecBole);
            QVERIFY(a.size() > 40);
            QVERIFY(a != b);
            QVERIFY(a.find("recommenders") != std::string_view::npos);
            QVERIFY(b.find("recbole") != std::string_view::npos);
            QCOMPARE(parseMetricKey(metricLabel(id, 10)), std::optional<MetricId>(id));
        }
        QVERIFY(definition(MetricId::Ndcg, Convention::Recommenders).find("every user in the truth") !=
                std::string_view::npos);
        QVERIFY(definition(MetricId::Map, Convention::Recommenders).find("min(K, |R(u)|)") != std::string_view::npos);
        QCOMPARE(parseConvention("RecBole"), std::optional<Convention>(Convention::RecBole));
        QCOMPARE(parseConvention("recommenders"), std::optional<Convention>(Convention::Recommenders));
        QVERIFY(!parseConvention("lenskit"));
        QVERIFY(!parseMetricKey("auc@5"));
        QVERIFY(!ss::rankingRule().empty());
    }

    void jsonShape() {
        const MetricsReport r = evaluate(ratingTrue(), ratingPred(), 10);
        const boost::json::value v = toJson(r);
        const boost::json::object& o = v.as_object();
        QCOMPARE(o.at("k").as_int64(), 10);
        QCOMPARE(std::string(o.at("convention").as_string()), std::string("recommenders"));
        QCOMPARE(o.at("users").to_number<std::int64_t>(), 3);
        const boost::json::object& m = o.at("metrics").as_object();
        QCOMPARE(m.size(), std::size_t(6));
        QStringList keys;
        for (const auto& kv : m) keys << QString::fromStdString(std::string(kv.key()));
        QCOMPARE(keys, (QStringList{"precision@10", "recall@10", "ndcg@10", "map@10", "mrr@10", "hit@10"}));
        QVERIFY(near(m.at("precision@10").as_double(), 4.0 / 15.0));
        QVERIFY(near(m.at("hit@10").as_double(), 1.0));
        // The document round-trips through text.
        const boost::json::value back = boost::json::parse(boost::json::serialize(v));
        QCOMPARE(back.at("metrics").at("recall@10").as_double(), m.at("recall@10").as_double());
    }
};

QTEST_APPLESS_MAIN(TestRankingMetrics)
#include "TestRankingMetrics.moc"
