// The recommender catalog is the one description of the recommenders: every parameter it lists can
// be set, its defaults are the option structs' own, every settable parameter is listed, and what it
// says of each recommender (text vectors, explanations) is what the recommender does.
#include <QtTest>

#include <algorithm>
#include <set>

#include "RecTestSupport.h"
#include "rec/Factory.h"
#include "rec/RecommenderCatalog.h"
#include "rec/TwoTower.h"

using namespace ss;
using namespace ss::rec;

class TestRecommenderCatalog : public QObject {
    Q_OBJECT
private slots:
    void parameters_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("defaultValue");
        for (const auto& info : recommenderCatalog())
            for (const auto& p : info.parameters) QTest::newRow(p.key) << QString(p.key) << QString(p.defaultValue);
    }
    void parameters() {
        QFETCH(QString, key);
        QFETCH(QString, defaultValue);
        const RecommenderConfig defaults;
        // The documented default is what a fresh configuration holds...
        QCOMPARE(QString::fromStdString(RecommenderFactory::parameterValue(defaults, key.toStdString())), defaultValue);
        // ...and setting it explicitly is accepted and changes nothing.
        RecommenderConfig set;
        SS_VERIFY_OK(RecommenderFactory::applyParameter(set, (key + "=" + defaultValue).toStdString()));
        QCOMPARE(QString::fromStdString(RecommenderFactory::parameterValue(set, key.toStdString())), defaultValue);
        // Its prefix names the recommender it belongs to.
        QVERIFY(findRecommender(key.section('.', 0, 0).toStdString()));
    }

    void everySettableParameterIsListed() {
        auto listed = RecommenderFactory::parameterNames();
        auto settable = RecommenderFactory::settableParameters();
        std::sort(listed.begin(), listed.end());
        std::sort(settable.begin(), settable.end());
        QCOMPARE(listed, settable);
        RecommenderConfig c;
        QVERIFY(!RecommenderFactory::applyParameter(c, "als.flavour=mint"));
    }

    void recommenders_data() {
        QTest::addColumn<QString>("name");
        for (const auto& info : recommenderCatalog()) QTest::newRow(info.name) << QString(info.name);
    }
    void recommenders() {
        QFETCH(QString, name);
        const auto* info = findRecommender(name.toStdString());
        QVERIFY(info);
        QVERIFY(RecommenderFactory::known(info->name));
        QVERIFY(std::string(info->label).size() > 0 && std::string(info->description).size() > 10);
        const RecommenderConfig config;
        QCOMPARE(RecommenderFactory::needsItemVectors(info->name, config),
                 info->needsItemVectors || (name == "hybrid" && findRecommender(config.hybrid.b)->needsItemVectors));
        QCOMPARE(RecommenderFactory::needsItemTexts(info->name, config), info->needsItemTexts);
        QCOMPARE(RecommenderFactory::needsImportedFactors(info->name, config), info->needsImportedFactors);
        if (info->needsTorch && !TwoTowerRecommender::available()) QSKIP("this build has no LibTorch");
        // Without vectors, texts and imported factors, exactly the recommenders that need them refuse to be made.
        const bool needs = RecommenderFactory::needsItemVectors(info->name, config) || info->needsItemTexts || info->needsImportedFactors;
        QCOMPARE(RecommenderFactory::create(info->name, config, {}).ok(), !needs);
        ItemTextSet texts;
        texts.texts = std::make_shared<const std::vector<std::string>>(
            std::vector<std::string>{"red wool scarf", "red wool hat", "steel kettle", "steel kettle lid", "咖啡机 咖啡豆"});
        if (info->needsItemTexts) {
            QCOMPARE(RecommenderFactory::create(info->name, config, {.texts = &texts}).ok(), true);
        }
        // With vectors, each is made, trains, and explains (or not) as the catalog says.
        const auto data = rectest::dataset(6, 5, {{0, 0, rectest::P, 1}, {0, 1, rectest::V, 2}, {1, 0, rectest::P, 1}, {1, 1, rectest::P, 2},
                                                 {2, 1, rectest::V, 1}, {2, 2, rectest::P, 3}, {3, 2, rectest::V, 1}, {3, 3, rectest::P, 2},
                                                 {4, 0, rectest::V, 1}, {4, 3, rectest::P, 2}, {5, 4, rectest::V, 1}, {5, 1, rectest::P, 2}});
        ItemVectorSet vectors;
        DenseMatrix five(5, 3);
        five.data = {1, 0, 0, 0.8f, 0.2f, 0, 0, 1, 0, 0, 0.7f, 0.3f, 0, 0, 1};
        vectors.vectors = std::make_shared<const ItemVectorTable>(ItemVectorTable::of(five));
        RecommenderConfig small;
        small.als.factors = 2;
        small.twotower.maxEpochs = 2;
        small.twotower.dim = 4;
        small.twotower.hidden = 8;
        small.twotower.device = "cpu";
        small.itemknn.device = "cpu";
        small.als.device = "cpu";
        auto imported = std::make_shared<ImportedAlsFactors>();
        imported->users = DenseMatrix(6, 2);
        imported->users.data = {1, 0, 1, 0.1f, 0.2f, 1, 0, 1, 0.5f, 0.5f, 0.3f, 0.7f};
        imported->items = DenseMatrix(5, 2);
        imported->items.data = {1, 0, 0.9f, 0.2f, 0, 1, 0.1f, 0.8f, 0.4f, 0.4f};
        imported->userKnown.assign(6, 1);
        auto model = RecommenderFactory::create(info->name, small, {&vectors, &texts, imported});
        SS_VERIFY_OK(model);
        auto train = std::make_shared<const Interactions>(Interactions::build(data, {}, [](const Event&) { return true; }));
        SS_VERIFY_OK((*model)->fit(train, {.now = rectest::kT0 + 10 * rectest::kDay}, {}));
        bool explained = false;
        for (int u = 0; u < 6 && !explained; ++u)
            for (int i = 0; i < 5 && !explained; ++i) explained = !(*model)->explain(u, i, 3).empty();
        QCOMPARE(explained, info->canExplain);
    }

    void helpListsEverything() {
        const std::string help = describeRecommenders();
        for (const auto& info : recommenderCatalog()) {
            QVERIFY2(help.find(std::string("  ") + info.name + ": ") != std::string::npos, info.name);
            for (const auto& p : info.parameters) QVERIFY2(help.find(p.key) != std::string::npos, p.key);
        }
        QCOMPARE(QString::fromStdString(recommenderNames()), QStringLiteral("popularity, itemknn, als, als_imported, content, content_words, twotower, hybrid"));
        QCOMPARE(defaultComparison(), (std::vector<std::string>{"popularity", "itemknn", "als"}));
    }
};

QTEST_APPLESS_MAIN(TestRecommenderCatalog)
#include "TestRecommenderCatalog.moc"
