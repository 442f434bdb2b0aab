// ImportedFactors and ImportedAlsRecommender: the ALS factors cluster/als.py writes (model.json,
// users/ and items/ as JSON Lines part files) read with every record checked, kept in the project and
// laid onto its users and items, then served like ALS — scores x·y, explanations that add up to the
// score under the engine's regularisation (λ times the customer's pairs, as MLlib), customers the
// factors lack left to the fallback — and refused by an evaluation that would score them on events
// they were trained on.
#include <QtTest>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "../store/ProjectDump.h"
#include "RecTestSupport.h"
#include "rec/Als.h"
#include "rec/Factory.h"
#include "rec/ImportedFactors.h"
#include "rec/Session.h"

using namespace ss;
using namespace ss::rec;

namespace {

constexpr double kLambda = 0.05;
constexpr int kFactors = 3;

// 5 customers with exactly two items each (so MLlib's λ·n_u is one number, 2λ, for everyone).
Dataset fixture() {
    using rectest::P;
    using rectest::V;
    return rectest::dataset(5, 5, {{0, 0, P, 1}, {0, 1, V, 2}, {1, 0, V, 1}, {1, 2, P, 3}, {2, 1, P, 2}, {2, 3, V, 4},
                                   {3, 3, P, 5}, {3, 4, V, 6}, {4, 2, V, 3}, {4, 4, P, 7}});
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string featureLine(const std::string& id, const float* v, int n) {
    std::string line = "{\"id\":\"" + id + "\",\"features\":[";
    for (int k = 0; k < n; ++k) {
        char number[32];
        std::snprintf(number, sizeof number, "%.9g", v[k]);
        line += (k ? "," : "") + std::string(number);
    }
    return line + "]}\n";
}

// ShelfSense's exact ALS with the regularisation MLlib would apply to every customer here (2λ).
struct Trained {
    DenseMatrix users, items;
};

Trained trainExact(const Dataset& data) {
    AlsOptions o;
    o.factors = kFactors;
    o.regularization = 2 * kLambda;
    o.conjugateGradient = false;
    o.iterations = 12;
    o.device = "cpu";
    AlsRecommender als(o);
    auto train = std::make_shared<const Interactions>(Interactions::build(data, {}, [](const Event&) { return true; }));
    [[maybe_unused]] auto fitted = als.fit(train, {.now = rectest::kT0 + 10 * rectest::kDay}, {});
    return {als.userFactors(), als.itemFactors()};
}

std::string modelJson(const std::string& extra = {}) {
    return "{\"recommender\": \"als\", \"engine\": \"spark-mllib\", \"factors\": 3, \"alpha\": 1.0, \"regularization\": 0.05,"
           " \"regularization_scaled_by_pairs\": true, \"weights\": {\"view\": 1, \"cart\": 3, \"favourite\": 2, \"purchase\": 5},"
           " \"trained_until\": " + std::to_string(rectest::kT0 + 8 * rectest::kDay) + extra + "}";
}

// The job's folder: customers U1..U4 (U5 left out) and an unknown U99; every item and an unknown I77;
// Spark's marker and checksum files beside the part files.
std::filesystem::path writeJobFolder(const QTemporaryDir& dir, const Trained& t, const std::string& model = modelJson()) {
    const auto root = rectest::file(dir, "als-out");
    writeFile(root / "model.json", model);
    std::string users, items;
    for (int u = 0; u < 4; ++u) users += featureLine("U" + std::to_string(u + 1), t.users.row(u), kFactors);
    const float unknown[kFactors] = {0.5f, 0.5f, 0.5f};
    users += featureLine("U99", unknown, kFactors);
    for (int i = 0; i < 5; ++i) items += featureLine("I" + std::to_string(i + 1), t.items.row(i), kFactors);
    items += featureLine("I77", unknown, kFactors);
    writeFile(root / "users" / "part-00000-a.json", users.substr(0, users.find('\n') + 1));
    writeFile(root / "users" / "part-00001-a.json", users.substr(users.find('\n') + 1));
    writeFile(root / "users" / "_SUCCESS", "");
    writeFile(root / "users" / ".part-00000-a.json.crc", "crc");
    writeFile(root / "items" / "part-00000-b.json", items);
    return root;
}

}  // namespace

class TestImportedFactors : public QObject {
    Q_OBJECT

private slots:
    void readsTheJobsFolder() {
        QTemporaryDir dir;
        const Trained t = trainExact(fixture());
        auto f = ImportedFactors::readFolder(writeJobFolder(dir, t));
        SS_VERIFY_OK(f);
        QCOMPARE(f->factors, kFactors);
        QCOMPARE(f->engine, std::string("spark-mllib"));
        QVERIFY(f->regularizationScaledByPairs);
        QCOMPARE(f->trainedUntil.value_or(0), rectest::kT0 + 8 * rectest::kDay);
        QCOMPARE(f->weights, std::string("view=1,cart=3,favourite=2,purchase=5"));
        QCOMPARE(f->userIds, (std::vector<std::string>{"U1", "U2", "U3", "U4", "U99"}));  // part files in name order
        QCOMPARE(f->itemIds.size(), std::size_t(6));
        for (int k = 0; k < kFactors; ++k) QCOMPARE(f->users.row(2)[k], t.users.row(2)[k]);  // %.9g round-trips a float
    }

    void badFoldersAreNamed_data() {
        QTest::addColumn<QString>("file");     // relative to the job folder; replaced by `content`
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("where");    // in the error's location
        QTest::addColumn<QString>("message");  // in the error's message
        const QByteArray good = "{\"id\":\"U1\",\"features\":[0.1,0.2,0.3]}\n";
        QTest::newRow("not ALS") << "model.json" << QByteArray("{\"recommender\": \"twotower\", \"factors\": 3}") << "field 'recommender'"
                                 << "not ALS factors";
        QTest::newRow("no factors") << "model.json" << QByteArray("{\"recommender\": \"als\", \"factors\": 0, \"alpha\": 1, \"regularization\": 0}")
                                    << "field 'factors'" << "whole number";
        QTest::newRow("negative alpha") << "model.json" << QByteArray("{\"recommender\": \"als\", \"factors\": 3, \"alpha\": -1, \"regularization\": 0}")
                                        << "field 'alpha'" << ">= 0";
        QTest::newRow("time as text") << "model.json" << QByteArray(modelJson(", \"trained_until\": \"yesterday\"").c_str())
                                      << "field 'trained_until'" << "unix seconds";
        QTest::newRow("model.json not JSON") << "model.json" << QByteArray("{recommender") << "model.json" << "not a JSON object";
        QTest::newRow("short vector") << "users/part-00000-a.json" << good + "{\"id\":\"U2\",\"features\":[0.1,0.2]}\n"
                                      << "part-00000-a.json:2: field 'features'" << "2 values; 3 are expected";
        QTest::newRow("not finite") << "users/part-00000-a.json" << good + "{\"id\":\"U2\",\"features\":\"AADAfwAAgD8AAIA/\"}\n"
                                    << "part-00000-a.json:2: field 'features'" << "not finite";
        QTest::newRow("no features") << "items/part-00000-b.json" << QByteArray("{\"id\":\"I1\"}\n") << "part-00000-b.json:1: field 'features'"
                                     << "missing";
        QTest::newRow("twice") << "users/part-00000-a.json" << good + good << "part-00000-a.json:2: field 'id'" << "appears twice";
        QTest::newRow("id neither text nor number") << "users/part-00000-a.json" << QByteArray("{\"id\":[1],\"features\":[0,0,0]}\n")
                                                    << "part-00000-a.json:1: field 'id'" << "neither text nor a whole number";
        QTest::newRow("not a JSON line") << "users/part-00000-a.json" << good + "{\"id\": \n" << "part-00000-a.json:2" << "not a JSON object";
    }
    void badFoldersAreNamed() {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, where);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto root = writeJobFolder(dir, trainExact(fixture()));
        writeFile(root / file.toStdString(), content.toStdString());
        auto f = ImportedFactors::readFolder(root);
        QVERIFY(!f);
        QVERIFY2(QString::fromStdString(f.error().context).contains(where), f.error().describe().c_str());
        QVERIFY2(QString::fromStdString(f.error().message).contains(message), f.error().describe().c_str());
    }

    void missingPartsAreNamed() {
        QTemporaryDir dir;
        const auto root = writeJobFolder(dir, trainExact(fixture()));
        std::filesystem::remove_all(root / "items");
        auto f = ImportedFactors::readFolder(root);
        QVERIFY(!f);
        QVERIFY2(f.error().context.find("items") != std::string::npos, f.error().describe().c_str());
        std::filesystem::remove(root / "model.json");
        f = ImportedFactors::readFolder(root);
        QVERIFY(!f);
        QVERIFY2(f.error().describe().find("model.json") != std::string::npos, f.error().describe().c_str());
    }

    void keptInTheProjectAndLaidOntoItsIds() {
        QTemporaryDir dir;
        const Dataset data = fixture();
        const auto project = rectest::file(dir, "p.shelfsense");
        SS_VERIFY_OK(rectest::writeProject(project, data));
        auto none = ImportedFactors::load(project);
        SS_VERIFY_OK(none);
        QVERIFY(!none->has_value());
        const Trained t = trainExact(data);
        auto f = ImportedFactors::readFolder(writeJobFolder(dir, t));
        SS_VERIFY_OK(f);
        auto matched = f->match(project);
        SS_VERIFY_OK(matched);
        QCOMPARE(matched->usersMatched, std::int64_t(4));
        QCOMPARE(matched->usersUnknown, std::int64_t(1));
        QCOMPARE(matched->itemsMatched, std::int64_t(5));
        QCOMPARE(matched->itemsUnknown, std::int64_t(1));
        SS_VERIFY_OK(f->store(project));
        SS_VERIFY_OK(f->store(project));  // a new import replaces the last
        QCOMPARE(rectest::count(project, "SELECT count(*) FROM imported_results"), std::int64_t(1));
        auto kept = ImportedFactors::load(project);
        SS_VERIFY_OK(kept);
        QVERIFY(kept->has_value());
        QCOMPARE((*kept)->userIds, f->userIds);
        QCOMPARE((*kept)->items.data, f->items.data);
        QCOMPARE((*kept)->source, f->source);
        QVERIFY((*kept)->imported > 0);
        const auto laid = (*kept)->onto(data);
        QCOMPARE(laid->userKnown, (std::vector<char>{1, 1, 1, 1, 0}));  // U5 has no factors
        QCOMPARE(laid->unknownUsers, std::size_t(1));
        QCOMPARE(laid->unknownItems, std::size_t(1));
        QCOMPARE(laid->itemsKnown, std::size_t(5));
        for (int k = 0; k < kFactors; ++k) {
            QCOMPARE(laid->users.row(3)[k], t.users.row(3)[k]);
            QCOMPARE(laid->users.row(4)[k], 0.0f);
            QCOMPARE(laid->items.row(4)[k], t.items.row(4)[k]);
        }
    }

    void anotherShopsFactorsChangeNothing() {
        QTemporaryDir dir;
        const auto project = rectest::file(dir, "p.shelfsense");
        SS_VERIFY_OK(rectest::writeProject(project, rectest::dataset(2, 2, {{0, 0, rectest::P, 1}, {1, 1, rectest::V, 2}})));
        const auto root = rectest::file(dir, "other");
        writeFile(root / "model.json", modelJson());
        writeFile(root / "users" / "part-0.json", "{\"id\":\"someone\",\"features\":[1,0,0]}\n");
        writeFile(root / "items" / "part-0.json", "{\"id\":\"I1\",\"features\":[1,0,0]}\n");
        auto f = ImportedFactors::readFolder(root);
        SS_VERIFY_OK(f);
        const std::string before = sstest::dumpProject(project);
        auto matched = f->match(project);
        QVERIFY(!matched);
        QVERIFY2(matched.error().message.find("another shop") != std::string::npos, matched.error().describe().c_str());
        SS_COMPARE_STR(sstest::dumpProject(project), before);
    }

    void servedLikeAls() {
        QTemporaryDir dir;
        const Dataset data = fixture();
        const Trained t = trainExact(data);
        auto f = ImportedFactors::readFolder(writeJobFolder(dir, t));
        SS_VERIFY_OK(f);
        auto train = std::make_shared<const Interactions>(Interactions::build(data, {}, [](const Event&) { return true; }));
        auto made = RecommenderFactory::create("als_imported", {}, {.importedAls = f->onto(data)});
        SS_VERIFY_OK(made);
        auto& model = **made;
        SS_VERIFY_OK(model.fit(train, {.now = rectest::kT0 + 10 * rectest::kDay}, {}));
        const std::int32_t users[] = {0, 2, 3};
        std::vector<float> scores(3 * 5);
        model.scoreBlock(users, scores.data());
        for (int r = 0; r < 3; ++r)
            for (int i = 0; i < 5; ++i) {
                float dot = 0;
                for (int k = 0; k < kFactors; ++k) dot += t.users.row(users[r])[k] * t.items.row(i)[k];
                QVERIFY(std::abs(scores[r * 5 + i] - dot) < 1e-5f);
                // The factors are exact solutions under λ·2 pairs: the two history items' shares add up to the score.
                const auto because = model.explain(users[r], i, 10);
                QCOMPARE(because.size(), std::size_t(2));
                QVERIFY2(std::abs(because[0].value + because[1].value - dot) < 1e-4f,
                         qPrintable(QString("user %1 item %2: %3 + %4 vs %5").arg(users[r]).arg(i).arg(because[0].value).arg(because[1].value).arg(dot)));
            }
        QVERIFY(model.coversUser(3));
        QVERIFY(!model.coversUser(4));  // U5: not in the factors
        QVERIFY(model.explain(4, 0, 3).empty());
        const auto similar = model.similarItems(0, 2);
        QCOMPARE(similar.measure, SimilarityMeasure::AlsFactors);
        QCOMPARE(similar.items.size(), std::size_t(2));
        QCOMPARE(model.trainingReport().device, std::string("imported"));
    }

    void evaluationsOnlyOnUnseenEvents_data() {
        QTest::addColumn<bool>("evaluating");
        QTest::addColumn<qint64>("heldOutFrom");  // 0: not a temporal split
        QTest::addColumn<bool>("knowsItsRange");
        QTest::addColumn<QString>("refusal");     // empty: accepted
        const qint64 trained = rectest::kT0 + 8 * rectest::kDay;
        QTest::newRow("serving") << false << qint64(0) << true << "";
        QTest::newRow("temporal, cut after") << true << trained + 1 << true << "";
        QTest::newRow("temporal, cut at its last event") << true << trained << true << "--before " + QString::number(trained);
        QTest::newRow("temporal, cut before") << true << trained - 86400 << true << "they have seen the test period";
        QTest::newRow("leave-last or random") << true << qint64(0) << true << "only on a temporal split";
        QTest::newRow("range unknown") << true << trained + 1 << false << "trained_until";
    }
    void evaluationsOnlyOnUnseenEvents() {
        QFETCH(bool, evaluating);
        QFETCH(qint64, heldOutFrom);
        QFETCH(bool, knowsItsRange);
        QFETCH(QString, refusal);
        QTemporaryDir dir;
        const Dataset data = fixture();
        auto f = ImportedFactors::readFolder(writeJobFolder(dir, trainExact(data)));
        SS_VERIFY_OK(f);
        if (!knowsItsRange) f->trainedUntil.reset();
        ImportedAlsRecommender model(f->onto(data));
        FitContext fit{.now = rectest::kT0 + 10 * rectest::kDay, .evaluating = evaluating};
        if (heldOutFrom) fit.heldOutFrom = heldOutFrom;
        auto train = std::make_shared<const Interactions>(Interactions::build(data, {}, [](const Event&) { return true; }));
        const Status fitted = model.fit(train, fit, {});
        if (refusal.isEmpty()) {
            SS_VERIFY_OK(fitted);
        } else {
            QVERIFY(!fitted);
            QVERIFY2(QString::fromStdString(fitted.error().message).contains(refusal), fitted.error().message.c_str());
        }
    }

    void sessionServesThemOnceImported() {
        QTemporaryDir dir;
        const Dataset data = fixture();
        const auto project = rectest::file(dir, "p.shelfsense");
        SS_VERIFY_OK(rectest::writeProject(project, data));
        auto session = RecommendationSession::open(project, {}, {});
        SS_VERIFY_OK(session);
        const Status without = (*session)->train("als_imported", {}, {});
        QVERIFY(!without);
        QVERIFY2(without.error().message.find("import-results --als") != std::string::npos, without.error().message.c_str());

        auto f = ImportedFactors::readFolder(writeJobFolder(dir, trainExact(data)));
        SS_VERIFY_OK(f);
        SS_VERIFY_OK(f->store(project));
        session = RecommendationSession::open(project, {}, {});
        SS_VERIFY_OK(session);
        SS_VERIFY_OK((*session)->train("als_imported", {}, {}));
        auto list = (*session)->recommend("als_imported", 0, 3, {}, false, 2);
        SS_VERIFY_OK(list);
        QCOMPARE(list->size(), std::size_t(3));
        QVERIFY(!list->front().fallback);
        QVERIFY(!list->front().because.empty());
        auto uncovered = (*session)->recommend("als_imported", 4, 3, {}, false, 2);  // U5: the fallback serves
        SS_VERIFY_OK(uncovered);
        QVERIFY(!uncovered->empty());
        QVERIFY(uncovered->front().fallback);
    }
};

QTEST_APPLESS_MAIN(TestImportedFactors)
#include "TestImportedFactors.moc"
