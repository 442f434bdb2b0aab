// The two-tower trainer (LibTorch side) on a catalogue where every product is listed twice with one
// text: trained per distinct vector (the table's rows, its gathers, its item tower and its ranking
// once per row) it learns the same model as over every listing's own copy of the vector — the same
// losses epoch by epoch, the same item and user factors up to float rounding — with either stopping
// rule, mean or attention pooling and the shared tower; and the held-out ranking over rows, expanded
// into listings, finds what the ranking over listings finds. A batch's negatives picked from one pool
// of draws come from at most that many items, and the towers still learn.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

#include "rec/torch/TorchKernels.h"

using namespace ss::rec::torchkernels;

namespace {

constexpr int kCategories = 8, kProducts = 80, kItems = 2 * kProducts, kUsers = 300, kDim = 16;

struct Shop {
    std::vector<float> itemVectors;   // kItems × kDim: listings 2p and 2p + 1 carry product p's vector
    std::vector<float> rowVectors;    // kProducts × kDim
    std::vector<std::int32_t> itemRow;
    std::vector<std::int64_t> rowOffsets;
    std::vector<std::int32_t> rowItems;
    TwoTowerInput input;              // without rows, and without its vectors' pointer (see listings())
};

// The shop's input over every listing's own vector.
TwoTowerInput listings(const Shop& s) {
    TwoTowerInput in = s.input;
    in.itemVectors = s.itemVectors.data();
    return in;
}

Shop shop() {
    std::mt19937_64 g(5);
    auto unit = [&g] { return double(g() >> 11) * 0x1.0p-53; };
    auto normal = [&] { return std::sqrt(-2 * std::log(std::max(1e-12, unit()))) * std::cos(6.283185307179586 * unit()); };
    Shop s;
    std::vector<std::vector<double>> direction(kCategories, std::vector<double>(kDim));
    for (auto& d : direction)
        for (auto& x : d) x = normal();
    for (int p = 0; p < kProducts; ++p)
        for (int k = 0; k < kDim; ++k) s.rowVectors.push_back(float(direction[p % kCategories][k] + 0.3 * normal()));
    for (int i = 0; i < kItems; ++i) {
        s.itemVectors.insert(s.itemVectors.end(), s.rowVectors.begin() + (i / 2) * kDim, s.rowVectors.begin() + (i / 2 + 1) * kDim);
        s.itemRow.push_back(i / 2);
        s.rowItems.push_back(i);
    }
    for (int r = 0; r <= kProducts; ++r) s.rowOffsets.push_back(2 * r);
    TwoTowerInput& in = s.input;
    in.items = kItems;
    in.inputDim = kDim;
    in.seenItem.assign(kItems, 1);
    in.itemUsers.assign(kItems, 0.0f);
    in.historyOffset.push_back(0);
    for (int u = 0; u < kUsers; ++u) {
        // A favourite category and distinct listings in it, mostly; both listings of a product occur.
        const int favourite = int(g() % kCategories);
        std::vector<std::int32_t> seen;
        while (seen.size() < 16) {
            const int category = unit() < 0.85 ? favourite : int(g() % kCategories);
            const int item = 2 * (category + kCategories * int(g() % (kProducts / kCategories))) + int(g() % 2);
            if (std::find(seen.begin(), seen.end(), item) == seen.end()) seen.push_back(item);
        }
        for (auto item : seen) in.history.push_back(item), in.itemUsers[std::size_t(item)] += 1;
        in.historyOffset.push_back(std::int64_t(in.history.size()));
    }
    return s;
}

TwoTowerInput withRows(const Shop& s) {
    TwoTowerInput in = listings(s);
    in.rowVectors = s.rowVectors.data();
    in.rows = kProducts;
    in.itemRow = s.itemRow;
    in.rowOffsets = s.rowOffsets.data();
    in.rowItems = s.rowItems.data();
    return in;
}

// Small towers trained for six epochs, every one of them (the curves are compared whole).
TwoTowerConfig sixEpochs() {
    TwoTowerConfig c;
    c.dim = 16;
    c.hidden = 32;
    c.maxEpochs = 6;
    c.patience = 6;
    c.batchSize = 256;
    c.learningRate = 3e-3;
    c.historyLength = 10;
    return c;
}

double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b) {
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, double(std::abs(a[i] - b[i])));
    return worst;
}

}  // namespace

class TestTwoTowerTrainer : public QObject {
    Q_OBJECT
private slots:
    void distinctRowsTrainTheSameModel_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("attention");
        QTest::addColumn<bool>("sharedTower");
        QTest::newRow("loss, mean pooling") << "loss" << false << false;
        QTest::newRow("ranking, mean pooling") << "ranking" << false << false;
        QTest::newRow("ranking, attention") << "ranking" << true << false;
        QTest::newRow("loss, shared tower") << "loss" << false << true;
    }
    void distinctRowsTrainTheSameModel() {
        QFETCH(QString, rule);
        QFETCH(bool, attention);
        QFETCH(bool, sharedTower);
        const Shop s = shop();
        TwoTowerConfig c = sixEpochs();
        c.earlyStopping = rule.toStdString();
        c.attention = attention;
        c.sharedTower = sharedTower;
        c.seed = 11;
        const TwoTowerInput eachInput = listings(s);
        const TwoTowerOutcome each = trainTwoTower(eachInput, c, {}, {}, {});
        const TwoTowerInput rowsInput = withRows(s);
        const TwoTowerOutcome rows = trainTwoTower(rowsInput, c, {}, {}, {});
        QVERIFY2(each.error.empty() && rows.error.empty(), (each.error + rows.error).c_str());
        QCOMPARE(rows.epochs, each.epochs);
        QCOMPARE(rows.trainLoss.size(), each.trainLoss.size());
        for (std::size_t e = 0; e < each.trainLoss.size(); ++e) {
            QVERIFY2(std::abs(rows.trainLoss[e] - each.trainLoss[e]) < 1e-4 * each.trainLoss[e],
                     qPrintable(QStringLiteral("epoch %1: %2 vs %3").arg(e + 1).arg(rows.trainLoss[e]).arg(each.trainLoss[e])));
            QVERIFY(std::abs(rows.validationLoss[e] - each.validationLoss[e]) < 1e-4 * each.validationLoss[e]);
        }
        if (rule == "loss") QCOMPARE(rows.bestEpoch, each.bestEpoch);
        // Both listings of a product get the one output of its row.
        QCOMPARE(rows.itemFactors.size(), each.itemFactors.size());
        for (int i = 0; i < kItems; i += 2)
            QVERIFY(std::equal(rows.itemFactors.begin() + i * c.dim, rows.itemFactors.begin() + (i + 1) * c.dim,
                               rows.itemFactors.begin() + (i + 1) * c.dim));
        if (rows.bestEpoch == each.bestEpoch) {
            QVERIFY2(maxAbsDifference(rows.itemFactors, each.itemFactors) < 1e-3, qPrintable(QString::number(maxAbsDifference(rows.itemFactors, each.itemFactors))));
            QVERIFY(maxAbsDifference(rows.userFactors, each.userFactors) < 1e-3);
        }
        if (rule != "ranking") return;
        // The ranking over rows: the same customers, a curve well above a random order's (about 0.1
        // here) and close to the ranking over listings — both listings of a product score alike, and
        // which of the two comes first may differ between the two (the rows rank the smaller first).
        QCOMPARE(rows.rankingCustomers, each.rankingCustomers);
        QVERIFY(rows.rankingCustomers >= 15);
        QCOMPARE(rows.validationNdcg.size(), each.validationNdcg.size());
        for (std::size_t e = 0; e < each.validationNdcg.size(); ++e) {
            qInfo("epoch %zu: NDCG@10 %.4f by rows, %.4f by listings", e + 1, rows.validationNdcg[e], each.validationNdcg[e]);
            QVERIFY(std::abs(rows.validationNdcg[e] - each.validationNdcg[e]) < 0.05);
        }
        QVERIFY(*std::max_element(rows.validationNdcg.begin(), rows.validationNdcg.end()) > 0.2);
    }

    // An epoch's held-out ranking against the best one, customer by customer: better only by more than
    // one standard error of the paired differences, clearly worse (training stops) only by more than two.
    void rankingVerdicts_data() {
        QTest::addColumn<double>("shift");   // added to every customer's NDCG of the best epoch
        QTest::addColumn<double>("noise");   // ± alternating per customer on top
        QTest::addColumn<int>("verdict");
        QTest::newRow("the same") << 0.0 << 0.0 << int(RankingVerdict::Level);
        QTest::newRow("higher, clearly") << 0.02 << 0.05 << int(RankingVerdict::Better);
        QTest::newRow("higher, within the noise") << 0.001 << 0.05 << int(RankingVerdict::Level);
        QTest::newRow("lower, within the noise") << -0.001 << 0.05 << int(RankingVerdict::Level);
        QTest::newRow("lower, by under two standard errors") << -0.004 << 0.05 << int(RankingVerdict::Level);
        QTest::newRow("lower, clearly") << -0.02 << 0.05 << int(RankingVerdict::ClearlyWorse);
    }
    void rankingVerdicts() {
        QFETCH(double, shift);
        QFETCH(double, noise);
        QFETCH(int, verdict);
        // 400 customers: the differences have standard deviation `noise`, so a standard error of noise / 20.
        std::vector<double> best, now;
        for (int i = 0; i < 400; ++i) {
            best.push_back(0.1 + 0.001 * (i % 7));
            now.push_back(best.back() + shift + (i % 2 ? noise : -noise));
        }
        QCOMPARE(int(compareRankings(now, best)), verdict);
    }

    // A batch's negatives are picked from `negativePool` draws of the sampler: a step then holds at
    // most that many distinct negatives (about all 160 listings without a pool), and the towers still
    // learn the shop — the held-out ranking well above a random order's and near the unpooled one's.
    void negativesComeFromOnePoolABatch_data() {
        QTest::addColumn<int>("pool");
        QTest::newRow("each positive's own draws") << 0;
        QTest::newRow("pool of 8") << 8;
        QTest::newRow("pool of 64") << 64;
    }
    void negativesComeFromOnePoolABatch() {
        QFETCH(int, pool);
        const Shop s = shop();
        TwoTowerConfig c = sixEpochs();
        c.earlyStopping = "ranking";
        c.seed = 11;
        c.negativePool = pool;
        const TwoTowerInput input = listings(s);
        const TwoTowerOutcome out = trainTwoTower(input, c, {}, {}, {});
        QVERIFY2(out.error.empty(), out.error.c_str());
        qInfo("pool %d: %.1f distinct negatives a step, best held-out NDCG@10 %.4f", pool, out.negativesPerStep,
              *std::max_element(out.validationNdcg.begin(), out.validationNdcg.end()));
        if (pool == 0) {
            QVERIFY(out.negativesPerStep > 150);  // 1024 draws from 160 listings
        } else {
            QVERIFY(out.negativesPerStep <= pool);
            QVERIFY(out.negativesPerStep >= 0.5 * pool);  // the pool's own draws, nearly all picked
        }
        if (pool >= 64) {
            c.negativePool = 0;
            const TwoTowerOutcome unpooled = trainTwoTower(input, c, {}, {}, {});
            const double best = *std::max_element(out.validationNdcg.begin(), out.validationNdcg.end());
            const double unpooledBest = *std::max_element(unpooled.validationNdcg.begin(), unpooled.validationNdcg.end());
            QVERIFY(best > 0.2);
            QVERIFY2(best > unpooledBest - 0.05, qPrintable(QStringLiteral("%1 vs %2 unpooled").arg(best).arg(unpooledBest)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTwoTowerTrainer)
#include "TestTwoTowerTrainer.moc"
