// WordContentRecommender ("Content (words)") with the factory's TF-IDF vectorizer: scores are the
// cosine of the recency-weighted history sum with each item (checked against a dense reference),
// English by words and Chinese by character n-grams, cold items scored, similar items by shared
// words, explanations that add up to the score, the vocabulary limits, and the evaluation pipeline
// on a sample shop without any sentence encoder.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "RecTestSupport.h"
#include "rec/Evaluation.h"
#include "rec/Factory.h"
#include "rec/ItemTexts.h"
#include "rec/WordContent.h"

using namespace ss;
using namespace ss::rec;
using namespace rectest;

namespace {

// 0-1 coffee machines, 2-3 wool, 4-5 Chinese coffee machines, 6 Chinese scarf, 7 no text, 8 kettle.
const std::vector<std::string> kTexts = {
    "Espresso coffee machine, stainless steel", "Coffee machine descaler tablets", "Red wool winter scarf", "Red wool hat",
    "意式咖啡机 不锈钢", "咖啡机 除垢剂", "红色 羊毛 围巾", "", "Stainless steel kettle"};
constexpr int kItems = 9;

std::shared_ptr<const std::vector<std::string>> texts() { return std::make_shared<const std::vector<std::string>>(kTexts); }

std::shared_ptr<const Interactions> views(int users, const std::vector<std::pair<int, int>>& pairs, std::int64_t time = kT0) {
    std::vector<Event> e;
    for (auto [u, i] : pairs) e.push_back({u, i, EventType::View, time});
    return std::make_shared<const Interactions>(Interactions::fromTriples(users, kItems, e, BehaviourWeights{}));
}

std::vector<double> denseRow(const CsrMatrix& m, int r) {
    std::vector<double> out(static_cast<std::size_t>(m.cols), 0.0);
    for (std::size_t p = 0; p < m.rowSize(r); ++p) out[m.rowIndices(r)[p]] = m.rowValues(r)[p];
    return out;
}

}  // namespace

class TestWordContent : public QObject {
    Q_OBJECT
private slots:
    // The item a user who viewed `viewed` is shown first among those they have not seen.
    void firstRecommendation_data() {
        QTest::addColumn<int>("viewed");
        QTest::addColumn<int>("expected");
        QTest::newRow("English: coffee machine → the other coffee machine") << 0 << 1;
        QTest::newRow("English: wool scarf → wool hat") << 2 << 3;
        QTest::newRow("Chinese: 咖啡机 → 咖啡机 (character n-grams)") << 4 << 5;
        QTest::newRow("kettle → the stainless espresso machine") << 8 << 0;
    }
    void firstRecommendation() {
        QFETCH(int, viewed);
        QFETCH(int, expected);
        WordContentRecommender m(texts(), RecommenderFactory::termVectorizer(), {.minItems = 2, .maxItemShare = 0.5});
        SS_VERIFY_OK(m.fit(views(1, {{0, viewed}}), {.now = kT0}, {}));
        auto s = scores(m, 0);
        s[static_cast<std::size_t>(viewed)] = -1;
        QCOMPARE(int(std::max_element(s.begin(), s.end()) - s.begin()), expected);
        QVERIFY(m.scoresColdItems());  // nobody viewed `expected`: cold items are scored
        QCOMPARE(s[7], 0.0f);          // the item without text scores nothing
    }

    // score(u, j) = cos(Σ a_i x_i, x_j) with a_i = weight · 2^(−age/halfLife), against a dense reference.
    void scoresMatchTheFormula() {
        std::vector<Event> e = {{0, 0, EventType::View, kT0 - 30 * kDay}, {0, 4, EventType::Purchase, kT0},
                                {1, 2, EventType::View, kT0 - 60 * kDay}, {1, 6, EventType::Cart, kT0 - 10 * kDay},
                                {1, 8, EventType::View, kT0}};
        auto train = std::make_shared<const Interactions>(Interactions::fromTriples(2, kItems, e, BehaviourWeights{}));
        WordContentRecommender m(texts(), RecommenderFactory::termVectorizer(), {.halfLifeDays = 30, .minItems = 1, .maxItemShare = 1});
        SS_VERIFY_OK(m.fit(train, {.now = kT0}, {}));
        const CsrMatrix& x = m.termMatrix().rows;
        QCOMPARE(x.rows, kItems);
        QVERIFY(x.cols > 20);
        for (int user = 0; user < 2; ++user) {
            std::vector<double> u(static_cast<std::size_t>(x.cols), 0.0);
            for (auto p = train->weights.indptr[user]; p < train->weights.indptr[user + 1]; ++p) {
                const double age = double(kT0 - train->lastTime[p]) / 86400.0;
                const double a = train->weights.values[p] * std::exp2(-age / 30.0);
                const auto row = denseRow(x, train->weights.indices[p]);
                for (std::size_t t = 0; t < u.size(); ++t) u[t] += a * row[t];
            }
            double nu = 0;
            for (double v : u) nu += v * v;
            nu = std::sqrt(nu);
            const auto s = scores(m, user);
            double explainedSum = 0;
            for (int j = 0; j < kItems; ++j) {
                const auto row = denseRow(x, j);
                double dot = 0, nj = 0;
                for (std::size_t t = 0; t < u.size(); ++t) dot += u[t] * row[t], nj += row[t] * row[t];
                const double expected = nj > 0 ? dot / nu / std::sqrt(nj) : 0.0;
                QVERIFY2(std::fabs(s[j] - expected) < 1e-5, qPrintable(QStringLiteral("user %1 item %2: %3 vs %4").arg(user).arg(j).arg(s[j]).arg(expected)));
                if (j == 3) {
                    // The explanation's terms add up to the score.
                    for (const auto& c : m.explain(user, j, 10)) explainedSum += c.value;
                    QVERIFY(std::fabs(explainedSum - expected) < 1e-5);
                }
            }
        }
    }

    void similarItemsAndSharedWords() {
        WordContentRecommender m(texts(), RecommenderFactory::termVectorizer(), {.minItems = 2, .maxItemShare = 0.5});
        SS_VERIFY_OK(m.fit(views(1, {{0, 0}}), {.now = kT0}, {}));
        const auto similar = m.similarItems(4, 3);
        QCOMPARE(int(similar.measure), int(SimilarityMeasure::SharedWords));
        QVERIFY(!similar.items.empty());
        QCOMPARE(similar.items.front().first, 5);
        for (const auto& [item, score] : similar.items) {
            QVERIFY(item != 4);
            QVERIFY(score > 0 && score <= 1.0f + 1e-6f);
        }
        QCOMPARE(similar.words.size(), similar.items.size());
        QCOMPARE(similar.words.front().front(), std::string("咖啡机"));  // the strongest word in common comes first
        QVERIFY(m.similarItems(7, 3).items.empty());  // no text, nothing alike
        QVERIFY(m.similarItems(99, 3).items.empty());
        const auto words = m.sharedTerms(0, 1, 3);
        QVERIFY(!words.empty());
        QVERIFY2(std::find(words.begin(), words.end(), "coffee machine") != words.end() ||
                     std::find(words.begin(), words.end(), "coffee") != words.end(),
                 "the coffee machines share 'coffee'");
        const auto chinese = m.sharedTerms(4, 5, 10);
        QVERIFY(std::find(chinese.begin(), chinese.end(), "咖啡机") != chinese.end());
        QVERIFY(m.sharedTerms(0, 2, 3).empty());  // nothing in common
    }

    // The words that made an item match: "coffee machine" once, not also "coffee" and "machine".
    void explainsInWords() {
        WordContentRecommender m(texts(), RecommenderFactory::termVectorizer(), {.minItems = 2, .maxItemShare = 0.5});
        SS_VERIFY_OK(m.fit(views(2, {{0, 0}, {1, 4}}), {.now = kT0}, {}));
        const auto english = m.explainTerms(0, 1, 3);
        QVERIFY(!english.empty());
        QCOMPARE(english.front(), std::string("coffee machine"));
        QVERIFY(std::find(english.begin(), english.end(), "coffee") == english.end());
        QVERIFY(std::find(english.begin(), english.end(), "machine") == english.end());
        const auto chinese = m.explainTerms(1, 5, 3);
        QVERIFY(!chinese.empty());
        QCOMPARE(chinese.front(), std::string("咖啡机"));
        QVERIFY(m.explainTerms(0, 2, 3).empty());  // a wool scarf shares no word with a coffee machine
        QVERIFY(m.explainTerms(0, 7, 3).empty());
    }

    // min_items and max_item_share decide which terms are kept.
    void vocabularyLimits_data() {
        QTest::addColumn<int>("minItems");
        QTest::addColumn<double>("maxShare");
        QTest::addColumn<bool>("hasDescaler");  // in one item only
        QTest::addColumn<bool>("hasSteel");     // in two of nine items
        QTest::newRow("defaults") << 2 << 0.5 << false << true;
        QTest::newRow("words of one item kept") << 1 << 0.5 << true << true;
        QTest::newRow("words of more than 1/9 left out") << 1 << 0.12 << true << false;
    }
    void vocabularyLimits() {
        QFETCH(int, minItems);
        QFETCH(double, maxShare);
        QFETCH(bool, hasDescaler);
        QFETCH(bool, hasSteel);
        WordContentRecommender m(texts(), RecommenderFactory::termVectorizer(), {.minItems = minItems, .maxItemShare = maxShare});
        SS_VERIFY_OK(m.fit(views(1, {{0, 0}}), {.now = kT0}, {}));
        const auto& terms = m.termMatrix().terms;
        QCOMPARE(std::find(terms.begin(), terms.end(), "descaler") != terms.end(), hasDescaler);
        QCOMPARE(std::find(terms.begin(), terms.end(), "steel") != terms.end(), hasSteel);
        QCOMPARE(m.parameters().at("terms").as_int64(), static_cast<std::int64_t>(terms.size()));
    }

    void parametersThroughTheFactory() {
        RecommenderConfig c;
        SS_VERIFY_OK(RecommenderFactory::applyParameter(c, "content_words.min_items=3"));
        SS_VERIFY_OK(RecommenderFactory::applyParameter(c, "content_words.max_item_share=0.25"));
        SS_VERIFY_OK(RecommenderFactory::applyParameter(c, "content_words.half_life_days=0"));
        QCOMPARE(RecommenderFactory::parameterValue(c, "content_words.min_items"), std::string("3"));
        QCOMPARE(RecommenderFactory::parameterValue(c, "content_words.max_item_share"), std::string("0.25"));
        QVERIFY(!RecommenderFactory::applyParameter(c, "content_words.min_items=0"));
        QVERIFY(!RecommenderFactory::applyParameter(c, "content_words.max_item_share=1.5"));
        QVERIFY(!RecommenderFactory::needsItemVectors("content_words", c));
        QVERIFY(RecommenderFactory::needsItemTexts("content_words", c));
        c.hybrid.b = "content_words";
        QVERIFY(RecommenderFactory::needsItemTexts("hybrid", c));
        QVERIFY(!RecommenderFactory::needsItemVectors("hybrid", c));
        QVERIFY(!RecommenderFactory::create("content_words", c, {}).ok());
    }

    // The whole pipeline on a Chinese sample shop, with no sentence encoder anywhere: the word model
    // and a hybrid of ALS with it train, are evaluated, and score the cold-item slice.
    void evaluatesAChineseShopWithoutAnEncoder() {
        QTemporaryDir dir;
        const auto path = file(dir, "zh.shelfsense");
        SampleShopOptions shop;
        shop.users = 400;
        shop.items = 300;
        shop.days = 120;
        shop.seed = 5;
        shop.language = SampleShopOptions::Language::Chinese;
        SS_VERIFY_OK(SampleShop::write(path, shop, {}));
        auto data = Dataset::load(path);
        SS_VERIFY_OK(data);
        auto texts = loadItemTexts(path, *data, {});
        SS_VERIFY_OK(texts);
        QCOMPARE(texts->texts->size(), data->itemCount());
        QCOMPARE(texts->missing, std::size_t(0));
        EvaluationOptions o;
        o.recommenders = {"popularity", "als", "content_words", "hybrid"};
        o.config.hybrid.b = "content_words";
        o.config.als.factors = 8;
        o.config.als.device = "cpu";
        o.store = false;
        auto r = Evaluation::run(path, o, {});
        SS_VERIFY_OK(r);
        QCOMPARE(int(r->runs.size()), 4);
        QVERIFY(r->vectorsModel.empty());  // no encoder was read
        const auto& words = r->runs[2];
        QCOMPARE(words.recommender, std::string("content_words"));
        QVERIFY(words.parameters.at("terms").as_int64() > 50);
        // New items are found by their words: popularity cannot rank them at all, the word model does.
        auto coldNdcg = [](const RunResult& run) {
            for (const auto& slice : run.slices)
                if (slice.name == "cold_items") return slice.report.value(MetricId::Ndcg);
            return -1.0;
        };
        QCOMPARE(coldNdcg(r->runs[0]), 0.0);
        QVERIFY2(coldNdcg(words) > 0.0, qPrintable(QString::number(coldNdcg(words))));
        QVERIFY(coldNdcg(r->runs[3]) > 0.0);  // and so does the hybrid through its word part
    }
};

QTEST_GUILESS_MAIN(TestWordContent)
#include "TestWordContent.moc"
