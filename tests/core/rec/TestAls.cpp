// AlsRecommender: one least-squares row against numbers worked out by hand (closed form for f = 1,
// Cramer's rule for f = 2) by conjugate gradient and by Cholesky; the CG half-step against the same CG
// written plainly in double (vectorised and plain row lengths, gathered and chunked rows); convergence
// (monotone loss, CG → exact, thread count irrelevant); explanations that add up to the score; the
// LibTorch tensor solver against the native one; the device choice.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>

#include "RecTestSupport.h"
#include "rec/Als.h"
#include "rec/TwoTower.h"
#ifdef SS_TEST_WITH_TORCH
#include "rec/torch/TorchKernels.h"
#endif

using namespace ss;
using namespace ss::rec;
using namespace rectest;

class TestAls : public QObject {
    Q_OBJECT
private slots:
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
};

QTEST_APPLESS_MAIN(TestAls)
#include "TestAls.moc"
