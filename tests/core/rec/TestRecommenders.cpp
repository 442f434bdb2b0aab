// Recommenders against numbers worked out by hand: item-kNN cosine with shrinkage and neighbour cut,
// one ALS least-squares row (closed form for f = 1, Cramer's rule for f = 2) by conjugate gradient and
// by Cholesky, ALS convergence (monotone loss, CG → exact), popularity windows, content cosine with
// recency weights (cold items scored), hybrid z-score blending, explanations that add up to the score.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <set>

#include "RecTestSupport.h"
#include "common/TopN.h"
#include "rec/Als.h"
#include "rec/Content.h"
#include "rec/Hybrid.h"
#include "rec/ItemKnn.h"
#include "rec/Popularity.h"
#include "rec/TwoTower.h"
#ifdef SS_TEST_WITH_TORCH
#include "rec/torch/TorchKernels.h"
#endif

using namespace ss;
using namespace ss::rec;
using namespace rectest;

namespace {

std::shared_ptr<const Interactions> views(int users, int items, const std::vector<std::pair<int, int>>& pairs) {
    std::vector<Event> e;
    for (auto [u, i] : pairs) e.push_back({u, i, EventType::View, kT0});
    return std::make_shared<Interactions>(Interactions::fromTriples(users, items, e, BehaviourWeights{}));
}

std::vector<float> scores(const Recommender& m, int user) {
    std::vector<float> out(static_cast<std::size_t>(m.items()));
    const std::int32_t u = user;
    m.scoreBlock(std::span<const std::int32_t>(&u, 1), out.data());
    return out;
}

CsrMatrix csr(int rows, int cols, const std::vector<std::tuple<int, int, float>>& entries) {
    std::vector<Event> e;
    CsrMatrix m;
    m.rows = rows;
    m.cols = cols;
    m.indptr.assign(static_cast<std::size_t>(rows) + 1, 0);
    for (auto [r, c, v] : entries) {
        m.indices.push_back(c);
        m.values.push_back(v);
        ++m.indptr[r + 1];
    }
    for (int r = 0; r < rows; ++r) m.indptr[r + 1] += m.indptr[r];
    return m;
}

// Block-structured implicit data: users 0..19 like items 0..9, users 20..39 like items 10..19.
std::shared_ptr<const Interactions> blocks(std::uint64_t seed) {
    std::mt19937_64 g(seed);
    std::vector<std::pair<int, int>> pairs;
    for (int u = 0; u < 40; ++u)
        for (int i = 0; i < 10; ++i)
            if (g() % 100 < 45) pairs.emplace_back(u, (u < 20 ? 0 : 10) + i);
    return views(40, 20, pairs);
}

// The models the data-driven tests name: item-kNN with 10 neighbours, ALS with 2 factors, content on
// `text`, and the hybrid of item-kNN and popularity; nullptr for another name.
std::shared_ptr<Recommender> modelNamed(const QString& name, const DenseMatrix& text) {
    if (name == "popularity") return std::make_shared<PopularityRecommender>();
    if (name == "itemknn") return std::make_shared<ItemKnnRecommender>(ItemKnnOptions{10, 0.0});
    if (name == "als") return std::make_shared<AlsRecommender>(AlsOptions{.factors = 2, .iterations = 5});
    if (name == "content") return std::make_shared<ContentRecommender>(text);
    if (name == "hybrid")
        return std::make_shared<HybridRecommender>(std::make_shared<ItemKnnRecommender>(ItemKnnOptions{10, 0.0}),
                                                   std::make_shared<PopularityRecommender>(), 0.5);
    return nullptr;
}

}  // namespace

class TestRecommenders : public QObject {
    Q_OBJECT
private slots:
    void itemKnn_data() {
        QTest::addColumn<double>("shrink");
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<double>("sim01");
        QTest::addColumn<double>("sim02");
        QTest::addColumn<double>("score02");  // U0's score for I2
        // Users: U0 {I0,I1}, U1 {I0,I1,I2}, U2 {I1,I2}, U3 {I3}. |U(I0)|=2, |U(I1)|=3, |U(I2)|=2.
        // co(0,1)=2, co(0,2)=1, co(1,2)=2 → sim(0,1)=2/√6, sim(0,2)=1/2, sim(1,2)=2/√6.
        QTest::newRow("no shrink") << 0.0 << 100 << 2 / std::sqrt(6.0) << 0.5 << 0.5 + 2 / std::sqrt(6.0);
        QTest::newRow("shrink 1") << 1.0 << 100 << 2 / (std::sqrt(6.0) + 1) << 1 / 3.0 << 1 / 3.0 + 2 / (std::sqrt(6.0) + 1);
        // One neighbour each: I0 keeps I1; I1 keeps I0 (tie with I2, smaller index); I2 keeps I1.
        QTest::newRow("1 neighbour") << 0.0 << 1 << 2 / std::sqrt(6.0) << 0.0 << 0.0;
    }
    void itemKnn() {
        QFETCH(double, shrink);
        QFETCH(int, neighbours);
        QFETCH(double, sim01);
        QFETCH(double, sim02);
        QFETCH(double, score02);
        auto train = views(4, 4, {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}, {3, 3}});
        ItemKnnRecommender knn({neighbours, shrink});
        SS_VERIFY_OK(knn.fit(train, {}, {}));
        QVERIFY(std::fabs(knn.similarities().value(0, 1) - sim01) < 1e-6);
        QVERIFY(std::fabs(knn.similarities().value(0, 2) - sim02) < 1e-6);
        QCOMPARE(knn.similarities().rowSize(3), std::size_t(0));
        const auto s = scores(knn, 0);
        QVERIFY2(std::fabs(s[2] - score02) < 1e-6, qPrintable(QString::number(s[2])));
        QCOMPARE(s[3], 0.0f);
        // The explanation's terms are the score's terms.
        const auto why = knn.explain(0, 2, 10);
        double sum = 0;
        for (const auto& c : why) sum += c.value;
        QVERIFY(std::fabs(sum - score02) < 1e-6);
    }

    void alsRow_data() {
        QTest::addColumn<int>("factors");
        QTest::addColumn<bool>("cg");
        QTest::addColumn<int>("steps");
        QTest::newRow("f=1 cg") << 1 << true << 1;
        QTest::newRow("f=1 cholesky") << 1 << false << 0;
        QTest::newRow("f=2 cg") << 2 << true << 2;
        QTest::newRow("f=2 cholesky") << 2 << false << 0;
    }
    void alsRow() {
        QFETCH(int, factors);
        QFETCH(bool, cg);
        QFETCH(int, steps);
        // One user who has items 0 (confidence 3) and 2 (confidence 7); λ = 0.1.
        const CsrMatrix c = csr(1, 3, {{0, 0, 3.0f}, {0, 2, 7.0f}});
        DenseMatrix y(3, factors), x(1, factors);
        const double lambda = 0.1;
        double want[2];
        if (factors == 1) {
            y.data = {0.5f, 1.0f, -0.2f};
            // x = Σ c_i y_i / (Σ_all y_i² + Σ_obs (c_i − 1) y_i² + λ) = 0.1 / 2.13
            want[0] = (3 * 0.5 + 7 * -0.2) / ((0.25 + 1 + 0.04) + (2 * 0.25 + 6 * 0.04) + lambda);
        } else {
            y.data = {0.5f, 0.1f, 1.0f, -0.3f, -0.2f, 0.4f};
            // A = YᵀY + Σ (c−1) y yᵀ + λI, b = Σ c y; solved by Cramer's rule.
            double a[2][2] = {{0, 0}, {0, 0}}, b[2] = {0, 0};
            const double conf[3] = {3, 1, 7};
            const bool seen[3] = {true, false, true};
            for (int i = 0; i < 3; ++i) {
                const double yi[2] = {y.data[i * 2], y.data[i * 2 + 1]};
                for (int r = 0; r < 2; ++r) {
                    for (int k = 0; k < 2; ++k) a[r][k] += conf[i] * yi[r] * yi[k];
                    if (seen[i]) b[r] += conf[i] * yi[r];
                }
            }
            a[0][0] += lambda, a[1][1] += lambda;
            const double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
            want[0] = (b[0] * a[1][1] - a[0][1] * b[1]) / det;
            want[1] = (a[0][0] * b[1] - b[0] * a[1][0]) / det;
        }
        AlsRecommender::solve(c, y, x, lambda, steps, cg, 1);
        for (int k = 0; k < factors; ++k)
            QVERIFY2(std::fabs(x.data[k] - want[k]) < 1e-5, qPrintable(QString("%1 vs %2").arg(x.data[k]).arg(want[k])));
    }

    void alsConvergence_data() {
        QTest::addColumn<bool>("cg");
        QTest::newRow("conjugate gradient") << true;
        QTest::newRow("cholesky") << false;
    }
    void alsConvergence() {
        QFETCH(bool, cg);
        auto train = blocks(3);
        AlsOptions o;
        o.factors = 2;
        o.regularization = 0.5;
        o.iterations = 12;
        o.conjugateGradient = cg;
        o.computeLoss = true;
        o.alpha = 2.0;
        AlsRecommender als(o);
        SS_VERIFY_OK(als.fit(train, {.seed = 5}, {}));
        const auto& loss = als.lossCurve();
        QCOMPARE(int(loss.size()), 12);
        for (std::size_t i = 1; i < loss.size(); ++i)
            QVERIFY2(loss[i] <= loss[i - 1] * (1 + 1e-6), qPrintable(QString("iteration %1: %2 > %3").arg(i).arg(loss[i]).arg(loss[i - 1])));
        // Far below the loss of all-zero factors (Σ over observed pairs of c_ui).
        double zeroLoss = 0;
        for (float w : train->weights.values) zeroLoss += 1 + 2.0 * w;
        QVERIFY2(loss.back() < 0.5 * zeroLoss, qPrintable(QString("%1 vs %2").arg(loss.back()).arg(zeroLoss)));
        // It learns the blocks: every user's best unseen item lies in their own block.
        for (int u = 0; u < 40; ++u) {
            auto s = scores(als, u);
            for (auto i : train->weights.rowIndices(u)) s[i] = -1e9f;
            const int best = int(std::max_element(s.begin(), s.end()) - s.begin());
            if (s[best] == -1e9f) continue;  // a user who has the whole block
            QCOMPARE(best < 10, u < 20);
        }
        // Explanations (Hu et al.): the terms add up to the score.
        const auto why = als.explain(0, 5, 100);
        double sum = 0;
        for (const auto& c : why) sum += c.value;
        const double score = dot(als.userFactors().row(0), als.itemFactors().row(5), 2);
        QVERIFY2(std::fabs(sum - score) < (cg ? 0.02 : 1e-4) * std::max(1.0, std::fabs(score)),
                 qPrintable(QString("%1 vs %2").arg(sum).arg(score)));
    }

    // The native CG half-step against the same CG written plainly in double: row lengths on and off the
    // vectorised path, and observation counts that are gathered once, and in chunks on every pass (more
    // than 1 MiB of rows).
    void alsCgMatchesPlainCg_data() {
        QTest::addColumn<int>("factors");
        QTest::addColumn<int>("observations");
        QTest::addColumn<int>("steps");
        QTest::newRow("6 factors (plain loops)") << 6 << 40 << 3;
        QTest::newRow("8 factors, 3 observations") << 8 << 3 << 3;
        QTest::newRow("64 factors, 100 observations") << 64 << 100 << 3;
        QTest::newRow("64 factors, 5000 observations (chunked)") << 64 << 5000 << 3;
        QTest::newRow("72 factors, 70 observations, 5 steps") << 72 << 70 << 5;
    }
    void alsCgMatchesPlainCg() {
        QFETCH(int, factors);
        QFETCH(int, observations);
        QFETCH(int, steps);
        const int f = factors, items = observations + 50;
        const double lambda = 0.1;
        std::mt19937_64 g(42 + observations);
        std::uniform_real_distribution<float> unit(-0.5f, 0.5f);
        DenseMatrix y(items, f), x(3, f);
        for (auto* m : {&y, &x})
            for (auto& v : m->data) v = unit(g);
        // Row 0: `observations` items in shuffled order; row 1: none; row 2: seven.
        std::vector<int> order(static_cast<std::size_t>(items));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), g);
        std::vector<std::tuple<int, int, float>> entries;
        for (int q = 0; q < observations; ++q) entries.emplace_back(0, order[q], 1.0f + float(g() % 40) / 10.0f);
        for (int q = 0; q < 7; ++q) entries.emplace_back(2, order[items - 1 - q], 2.0f);
        const CsrMatrix c = csr(3, items, entries);

        std::vector<double> yty(static_cast<std::size_t>(f) * f, 0.0);
        for (int i = 0; i < items; ++i)
            for (int r = 0; r < f; ++r)
                for (int k = 0; k < f; ++k) yty[std::size_t(r) * f + k] += double(y.row(i)[r]) * y.row(i)[k];
        for (int r = 0; r < f; ++r) yty[std::size_t(r) * f + r] += lambda;
        auto times = [&](int row, const std::vector<double>& v, bool withConfidence) {  // (YᵀY + λI + Σ(c−1)yyᵀ)·v
            std::vector<double> out(static_cast<std::size_t>(f), 0.0);
            for (int r = 0; r < f; ++r)
                for (int k = 0; k < f; ++k) out[r] += yty[std::size_t(r) * f + k] * v[k];
            for (auto p = c.indptr[row]; p < c.indptr[row + 1]; ++p) {
                const float* yi = y.row(c.indices[p]);
                double d = 0;
                for (int k = 0; k < f; ++k) d += yi[k] * v[k];
                const double coefficient = withConfidence ? (c.values[p] - 1.0) * d : 0.0;
                for (int k = 0; k < f; ++k) out[k] += coefficient * yi[k];
            }
            return out;
        };
        auto dotd = [](const std::vector<double>& a, const std::vector<double>& b) {
            return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
        };
        DenseMatrix want = x;
        for (int row : {0, 2}) {
            std::vector<double> xd(want.row(row), want.row(row) + f), r = times(row, xd, true);
            for (auto& v : r) v = -v;
            for (auto p = c.indptr[row]; p < c.indptr[row + 1]; ++p)
                for (int k = 0; k < f; ++k) r[k] += c.values[p] * y.row(c.indices[p])[k];
            std::vector<double> p = r;
            double rsold = dotd(r, r);
            for (int it = 0; it < steps && rsold >= 1e-20; ++it) {
                const auto ap = times(row, p, true);
                const double alpha = rsold / dotd(p, ap);
                for (int k = 0; k < f; ++k) xd[k] += alpha * p[k], r[k] -= alpha * ap[k];
                const double rsnew = dotd(r, r);
                if (rsnew < 1e-20) break;
                for (int k = 0; k < f; ++k) p[k] = r[k] + rsnew / rsold * p[k];
                rsold = rsnew;
            }
            for (int k = 0; k < f; ++k) want.row(row)[k] = float(xd[k]);
        }
        AlsRecommender::solve(c, y, x, lambda, steps, true, 2);
        double scale = 1.0;
        for (float v : want.data) scale = std::max(scale, double(std::fabs(v)));
        for (int row : {0, 2})
            for (int k = 0; k < f; ++k)
                QVERIFY2(std::fabs(x.row(row)[k] - want.row(row)[k]) <= 2e-3 * scale,
                         qPrintable(QString("row %1, factor %2: %3 vs %4").arg(row).arg(k).arg(x.row(row)[k]).arg(want.row(row)[k])));
        for (int k = 0; k < f; ++k) QCOMPARE(x.row(1)[k], 0.0f);  // no observations: zero
    }

    void alsCgMatchesExact() {
        // With as many CG steps as factors, one half-step equals the exact solve.
        auto train = blocks(11);
        CsrMatrix c = train->weights;
        for (auto& v : c.values) v = 1 + 3 * v;
        const DenseMatrix y = AlsRecommender::initialFactors(20, 6, 1);
        DenseMatrix a = AlsRecommender::initialFactors(40, 6, 2), b = a;
        AlsRecommender::solve(c, y, a, 0.05, 6, true, 1);
        AlsRecommender::solve(c, y, b, 0.05, 0, false, 3);
        for (std::size_t p = 0; p < a.data.size(); ++p) QVERIFY(std::fabs(a.data[p] - b.data[p]) < 1e-3 * std::max(1.0f, std::fabs(b.data[p])));
        // Threads do not change the result.
        DenseMatrix t1 = AlsRecommender::initialFactors(40, 6, 2), t4 = t1;
        AlsRecommender::solve(c, y, t1, 0.05, 3, true, 1);
        AlsRecommender::solve(c, y, t4, 0.05, 3, true, 4);
        QCOMPARE(t1.data, t4.data);
    }

    // The native fit against co-occurrence counted plainly from each item's customers: the same
    // neighbours with the same similarities, ties at the cut going to the smaller index (many ties here:
    // few customers, so equal counts and equal popularity are common).
    void itemKnnMatchesPlainCounting_data() {
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<double>("shrink");
        QTest::newRow("1 neighbour") << 1 << 0.0;
        QTest::newRow("3 neighbours, shrink 10") << 3 << 10.0;
        QTest::newRow("7 neighbours") << 7 << 0.0;
        QTest::newRow("every neighbour, shrink 0.5") << 1000 << 0.5;
    }
    void itemKnnMatchesPlainCounting() {
        QFETCH(int, neighbours);
        QFETCH(double, shrink);
        const int users = 70, items = 40;
        std::mt19937_64 g(31);
        std::vector<std::pair<int, int>> pairs;
        std::vector<std::set<int>> customers(items);
        for (int u = 0; u < users; ++u)
            for (int i = 0; i < items - 3; ++i)  // the last three items have no customers
                if (g() % 100 < (i < 5 ? 40 : 8)) pairs.emplace_back(u, i), customers[std::size_t(i)].insert(u);
        auto train = views(users, items, pairs);
        ItemKnnOptions o;
        o.neighbours = neighbours;
        o.shrink = shrink;
        o.device = "cpu";
        ItemKnnRecommender native(o);
        SS_VERIFY_OK(native.fit(train, {.threads = 2}, {}));
        const CsrMatrix& got = native.similarities();
        for (int i = 0; i < items; ++i) {
            std::vector<std::pair<int, float>> all;  // (item, similarity)
            for (int j = 0; j < items; ++j) {
                if (j == i) continue;
                int co = 0;
                for (int u : customers[std::size_t(i)]) co += int(customers[std::size_t(j)].count(u));
                if (co == 0) continue;
                const double norm = std::sqrt(double(customers[std::size_t(i)].size())) * std::sqrt(double(customers[std::size_t(j)].size()));
                all.emplace_back(j, float(double(co) / (norm + shrink)));
            }
            std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
            if (all.size() > std::size_t(neighbours)) all.resize(std::size_t(neighbours));
            std::sort(all.begin(), all.end());
            const auto idx = got.rowIndices(i);
            const auto val = got.rowValues(i);
            QCOMPARE(idx.size(), all.size());
            for (std::size_t q = 0; q < all.size(); ++q) {
                QCOMPARE(idx[q], all[q].first);
                QCOMPARE(val[q], all[q].second);
            }
        }
    }

    void itemKnnTensorsMatchNative_data() {
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<double>("shrink");
        QTest::newRow("every neighbour, no shrink") << 1000 << 0.0;
        QTest::newRow("3 neighbours (ties cut), shrink 10") << 3 << 10.0;
        QTest::newRow("7 neighbours, shrink 0.5") << 7 << 0.5;
    }
    void itemKnnTensorsMatchNative() {
        // The sparse-product path (the GPU path, run here on the CPU) keeps the same neighbours with the
        // same similarities, ties included (smaller index first), and binarises repeated events.
        if (!TwoTowerRecommender::available()) QSKIP("built without LibTorch");
        QFETCH(int, neighbours);
        QFETCH(double, shrink);
        std::mt19937_64 g(23);
        std::vector<std::pair<int, int>> pairs;
        for (int u = 0; u < 80; ++u)
            for (int i = 0; i < 45; ++i)  // items 45..49 have no users
                if (g() % 100 < (u % 3 == i % 3 ? 25 : 6)) {
                    pairs.emplace_back(u, i);
                    if (g() % 4 == 0) pairs.emplace_back(u, i);  // a repeated event: weight 2, still one user
                }
        auto train = views(80, 50, pairs);
        ItemKnnOptions o;
        o.neighbours = neighbours;
        o.shrink = shrink;
        o.device = "cpu";
        ItemKnnRecommender native(o);
        o.tensorsOnCpu = true;
        ItemKnnRecommender tensors(o);
        SS_VERIFY_OK(native.fit(train, {.threads = 2}, {}));
        SS_VERIFY_OK(tensors.fit(train, {}, {}));
        QCOMPARE(tensors.trainingReport().device, std::string("cpu"));
        const CsrMatrix &a = tensors.similarities(), &b = native.similarities();
        QCOMPARE(a.rows, b.rows);
        QCOMPARE(a.indptr, b.indptr);
        QCOMPARE(a.indices, b.indices);
        for (std::size_t p = 0; p < a.values.size(); ++p) QVERIFY(std::fabs(a.values[p] - b.values[p]) <= 1e-6f * b.values[p]);
        QVERIFY(b.nnz() > 0);
        for (int u : {0, 17, 79}) {
            const auto sa = scores(tensors, u), sb = scores(native, u);
            for (std::size_t i = 0; i < sa.size(); ++i) QVERIFY(std::fabs(sa[i] - sb[i]) <= 1e-5f * std::max(1.0f, std::fabs(sb[i])));
        }
    }

    void alsTensorHalfStepMatchesNative_data() {
        QTest::addColumn<int>("cgSteps");
        QTest::newRow("1 CG step") << 1;
        QTest::newRow("3 CG steps") << 3;
        QTest::newRow("5 CG steps") << 5;
    }
    void alsTensorHalfStepMatchesNative() {
        // The batched LibTorch solver (the GPU path, run here on the CPU) performs the native solver's
        // update: one half-step on each side gives the same factors, rows without entries get 0.
#ifndef SS_TEST_WITH_TORCH
        QSKIP("built without LibTorch");
#else
        QFETCH(int, cgSteps);
        std::mt19937_64 g(3);
        CsrMatrix c;
        c.rows = 31;
        c.cols = 21;  // user 30 and item 20 have no entries
        for (int u = 0; u < c.rows; ++u) {
            for (int i = 0; u < 30 && i < 20; ++i)
                if (g() % 100 < 30) c.indices.push_back(i), c.values.push_back(1.0f + float(g() % 5));
            c.indptr.push_back(std::int64_t(c.indices.size()));
        }
        const CsrMatrix t = c.transposed();
        DenseMatrix x(31, 8), y(21, 8);
        for (auto* m : {&x, &y})
            for (auto& v : m->data) v = float(int(g() % 1000) - 500) / 1000.0f;
        auto view = [](const CsrMatrix& m) { return torchkernels::CsrView{m.rows, m.cols, m.indptr.data(), m.indices.data(), m.values.data()}; };
        torchkernels::AlsTensorSolver solver(view(c), view(t), x.data.data(), y.data.data(), 8, 0.5, cgSteps, "cpu");
        QCOMPARE(QString::fromStdString(solver.device()), QStringLiteral("cpu"));
        DenseMatrix xn = x, yn = y;
        AlsRecommender::solve(c, y, xn, 0.5, cgSteps, true, 1);   // users against the first y
        AlsRecommender::solve(t, xn, yn, 0.5, cgSteps, true, 1);  // items against the new x
        solver.solveUsers();
        solver.solveItems();
        DenseMatrix xt(31, 8), yt(21, 8);
        solver.download(xt.data.data(), yt.data.data());
        for (const auto& [a, b] : {std::pair{&xt, &xn}, std::pair{&yt, &yn}})
            for (std::size_t p = 0; p < a->data.size(); ++p)
                QVERIFY2(std::fabs(a->data[p] - b->data[p]) <= 1e-4f * std::max(1.0f, std::fabs(b->data[p])),
                         qPrintable(QString("entry %1: %2 vs %3").arg(p).arg(a->data[p]).arg(b->data[p])));
        for (int k = 0; k < 8; ++k) {
            QCOMPARE(xt.row(30)[k], 0.0f);
            QCOMPARE(yt.row(20)[k], 0.0f);
        }
#endif
    }

    void alsTensorTraining() {
        // A whole fit on the tensor solver learns what the native one learns. Factors are compared
        // through the objective, not entry by entry: it is unchanged by rotating both factor
        // matrices, and over many iterations the two float roundings drift apart in such directions.
        if (!TwoTowerRecommender::available()) QSKIP("built without LibTorch");
        auto train = blocks(3);
        AlsOptions o;  // as alsConvergence
        o.factors = 2;
        o.regularization = 0.5;
        o.iterations = 12;
        o.computeLoss = true;
        o.alpha = 2.0;
        o.device = "cpu";
        AlsRecommender native(o);
        o.tensorsOnCpu = true;
        AlsRecommender tensors(o);
        SS_VERIFY_OK(native.fit(train, {.seed = 5}, {}));
        SS_VERIFY_OK(tensors.fit(train, {.seed = 5}, {}));
        QCOMPARE(tensors.trainingReport().device, std::string("cpu"));
        QCOMPARE(tensors.lossCurve().size(), native.lossCurve().size());
        const double last = native.lossCurve().back(), lastTensors = tensors.lossCurve().back();
        QVERIFY2(std::fabs(lastTensors - last) <= 1e-2 * last, qPrintable(QString("%1 vs %2").arg(lastTensors).arg(last)));
        // And it learns the blocks: every user's best unseen item lies in their own block.
        for (int u = 0; u < 40; ++u) {
            auto s = scores(tensors, u);
            for (auto i : train->weights.rowIndices(u)) s[i] = -1e9f;
            const int best = int(std::max_element(s.begin(), s.end()) - s.begin());
            if (s[best] == -1e9f) continue;
            QCOMPARE(best < 10, u < 20);
        }
    }

    void alsDeviceChoice() {
        auto train = blocks(3);
        AlsOptions o;
        o.factors = 2;
        o.iterations = 2;
        o.device = "gpu";
        auto bad = AlsRecommender(o).fit(train, {.seed = 1}, {});
        QVERIFY(!bad);
        QCOMPARE(int(bad.error().code), int(ErrorCode::Usage));
        // "auto" without a GPU trains on the CPU; "cuda" without one is refused, not silently moved.
        o.device = "auto";
        AlsRecommender automatic(o);
        SS_VERIFY_OK(automatic.fit(train, {.seed = 1}, {}));
        if (TwoTowerRecommender::available() && automatic.trainingReport().device == "cpu") {
            o.device = "cuda";
            auto refused = AlsRecommender(o).fit(train, {.seed = 1}, {});
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.find("CUDA") != std::string::npos, refused.error().message.c_str());
        }
    }

    void popularityWindow() {
        std::vector<Event> e = {{0, 0, EventType::View, kT0}, {1, 0, EventType::View, kT0}, {2, 0, EventType::View, kT0},
                                {0, 1, EventType::Purchase, kT0 + 9 * kDay}, {1, 2, EventType::View, kT0 + 9 * kDay}};
        auto train = std::make_shared<Interactions>(Interactions::fromTriples(3, 3, e, BehaviourWeights{}));
        PopularityRecommender all;
        SS_VERIFY_OK(all.fit(train, {.now = kT0 + 10 * kDay}, {}));
        QCOMPARE(all.popularity(), (std::vector<float>{3, 5, 1}));
        PopularityRecommender recent({.windowDays = 3});
        SS_VERIFY_OK(recent.fit(train, {.now = kT0 + 10 * kDay}, {}));
        QCOMPARE(recent.popularity(), (std::vector<float>{0, 5, 1}));
        QVERIFY(recent.coversUser(2));
    }

    void content() {
        // 4 items in 2-d: I0 (1,0), I1 (0,1), I2 (1,1)/√2 (cold: nobody has it), I3 (−1,0).
        DenseMatrix v(4, 2);
        v.data = {2, 0, 0, 3, 1, 1, -1, 0};
        std::vector<Event> e = {{0, 0, EventType::View, kT0 - 30 * kDay},  // weight 1, 30 days old: a = 1/2
                                {0, 1, EventType::View, kT0}};            // weight 1, now: a = 1
        auto train = std::make_shared<Interactions>(Interactions::fromTriples(1, 4, e, BehaviourWeights{}));
        ContentRecommender m(v, {.halfLifeDays = 30});
        SS_VERIFY_OK(m.fit(train, {.now = kT0}, {}));
        // u = 0.5·(1,0) + 1·(0,1) = (0.5, 1); |u| = √1.25
        const double nu = std::sqrt(1.25);
        const auto s = scores(m, 0);
        QVERIFY(std::fabs(s[0] - 0.5 / nu) < 1e-6);
        QVERIFY(std::fabs(s[1] - 1.0 / nu) < 1e-6);
        QVERIFY(std::fabs(s[2] - 1.5 / std::sqrt(2.0) / nu) < 1e-6);  // the cold item is scored
        QVERIFY(std::fabs(s[3] + 0.5 / nu) < 1e-6);
        QVERIFY(m.scoresColdItems());
        const auto why = m.explain(0, 2, 5);
        QCOMPARE(int(why.size()), 2);
        QCOMPARE(why[0].item, 1);  // I1 contributes 1·cos(I1, I2)/|u| > 0.5·cos(I0, I2)/|u|
        QVERIFY(std::fabs(why[0].value + why[1].value - s[2]) < 1e-6);
    }

    void hybrid() {
        auto train = views(3, 4, {{0, 0}, {1, 0}, {1, 1}, {2, 2}});
        auto pop = std::make_shared<PopularityRecommender>();
        auto knn = std::make_shared<ItemKnnRecommender>(ItemKnnOptions{10, 0.0});
        SS_VERIFY_OK(pop->fit(train, {}, {}));
        HybridRecommender onlyPop(pop, knn, 1.0);
        SS_VERIFY_OK(onlyPop.fit(train, {}, {}));  // pop is reused, knn gets fitted
        QVERIFY(knn->training() == train.get());
        // Weight 1: the z-scored popularity, whose order is popularity's order.
        const auto p = scores(*pop, 0), h = scores(onlyPop, 0);
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j) QCOMPARE(p[i] < p[j], h[i] < h[j]);
        // z-scores: mean 0, unit variance per user.
        double mean = std::accumulate(h.begin(), h.end(), 0.0) / 4, var = 0;
        for (float x : h) var += (x - mean) * (x - mean);
        QVERIFY(std::fabs(mean) < 1e-6);
        QVERIFY(std::fabs(var / 4 - 1) < 1e-5);
        HybridRecommender half(pop, knn, 0.5);
        SS_VERIFY_OK(half.fit(train, {}, {}));
        QCOMPARE(half.name(), std::string("hybrid"));
        QVERIFY(half.coversUser(0));
        QVERIFY(!half.scoresColdItems());
    }

    // Similar items in each model's own terms (Recommender::similarItems): never the item itself, at
    // most n, best first with ties by the smaller index, and the measure the workbench names.
    // Customers 0-2 bought items 0 and 1, customer 3 items 2 and 3; item 4 has no customer.
    void similarItems_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("measure");
        QTest::addColumn<int>("mostLikeItem0");  // -1: not asserted
        QTest::newRow("popularity: co-occurrence") << "popularity" << int(SimilarityMeasure::CoOccurrence) << 1;
        QTest::newRow("item-kNN") << "itemknn" << int(SimilarityMeasure::ItemKnn) << 1;
        QTest::newRow("ALS") << "als" << int(SimilarityMeasure::AlsFactors) << -1;
        QTest::newRow("content") << "content" << int(SimilarityMeasure::TextVectors) << 1;
        QTest::newRow("hybrid: its first part's") << "hybrid" << int(SimilarityMeasure::ItemKnn) << 1;
    }
    void similarItems() {
        QFETCH(QString, model);
        QFETCH(int, measure);
        QFETCH(int, mostLikeItem0);
        auto train = views(4, 5, {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 1}, {3, 2}, {3, 3}});
        DenseMatrix text(5, 2);
        text.data = {1, 0, 0.9f, 0.1f, 0, 1, -1, 0, 0, 0};  // item 4 has no text: left out
        const auto m = modelNamed(model, text);
        QVERIFY(m);
        SS_VERIFY_OK(m->fit(train, {}, {}));
        const auto similar = m->similarItems(0, 3);
        QCOMPARE(int(similar.measure), measure);
        QVERIFY(!similar.items.empty());
        QVERIFY(similar.items.size() <= 3);
        for (std::size_t i = 0; i < similar.items.size(); ++i) {
            QVERIFY(similar.items[i].first != 0);
            QVERIFY(similar.items[i].first >= 0 && similar.items[i].first < 5);
            if (i) QVERIFY(ranksBefore(similar.items[i - 1].second, similar.items[i - 1].first, similar.items[i].second, similar.items[i].first));
        }
        if (mostLikeItem0 >= 0) QCOMPARE(similar.items.front().first, mostLikeItem0);
        if (model == "popularity") QCOMPARE(similar.items.front().second, 1.0f);  // 3 in common / sqrt(3 * 3)
        // An item out of range has no neighbours, whatever the model.
        QVERIFY(m->similarItems(99, 3).items.empty());
        QVERIFY(m->similarItems(-1, 3).items.empty());
    }

    // One item's scores for many users (whom the item would be shown to) equal that item's entry in
    // each user's whole score row: exactly for item-kNN (the same sum in the same order), popularity and
    // the row-by-row default (hybrid), within rounding for the dense models (another BLAS product).
    void scoreItemIsTheScoreRowsColumn_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("exact");
        QTest::newRow("popularity") << "popularity" << true;
        QTest::newRow("item-kNN") << "itemknn" << true;
        QTest::newRow("ALS (dense)") << "als" << false;
        QTest::newRow("content (dense)") << "content" << false;
        QTest::newRow("hybrid (whole rows)") << "hybrid" << true;
    }
    void scoreItemIsTheScoreRowsColumn() {
        QFETCH(QString, model);
        QFETCH(bool, exact);
        auto train = blocks(11);
        DenseMatrix text(20, 3);
        std::mt19937_64 g(3);
        for (auto& v : text.data) v = float(int(g() % 7) - 3);
        const auto m = modelNamed(model, text);
        QVERIFY(m);
        SS_VERIFY_OK(m->fit(train, {}, {}));
        std::vector<std::int32_t> users;
        for (int u = 39; u >= 0; u -= 2) users.push_back(u);  // any order, not all
        std::vector<float> rows(users.size() * 20);
        m->scoreBlock(users, rows.data());
        int nonZero = 0;
        for (int item : {0, 7, 13, 19}) {
            std::vector<float> column(users.size(), -1.0f);
            m->scoreItem(users, item, column.data());
            for (std::size_t r = 0; r < users.size(); ++r) {
                const float want = rows[r * 20 + static_cast<std::size_t>(item)];
                nonZero += want != 0.0f;
                if (exact) QCOMPARE(column[r], want);
                else QVERIFY2(std::abs(column[r] - want) <= 1e-5f * std::max(1.0f, std::abs(want)),
                              qPrintable(QString("user %1 item %2: %3 vs %4").arg(users[r]).arg(item).arg(column[r]).arg(want)));
            }
        }
        QVERIFY(nonZero > 10);  // the comparison is not between zeros
    }

    // The one ranking order (common/TopN): score first, ties by the smaller id, NaN left out.
    void topNOrder() {
        std::vector<std::pair<std::int32_t, float>> v = {{5, 1.0f}, {2, 3.0f}, {9, std::nanf("")}, {1, 1.0f}, {7, 3.0f}, {3, 0.5f}};
        keepTopN(v, 4);
        QCOMPARE(v, (std::vector<std::pair<std::int32_t, float>>{{2, 3.0f}, {7, 3.0f}, {1, 1.0f}, {5, 1.0f}}));
        std::vector<std::pair<std::int32_t, float>> few = {{4, 0.0f}, {2, 0.0f}};
        keepTopN(few, 10);
        QCOMPARE(few, (std::vector<std::pair<std::int32_t, float>>{{2, 0.0f}, {4, 0.0f}}));
    }
};

QTEST_APPLESS_MAIN(TestRecommenders)
#include "TestRecommenders.moc"
