// CpuLinear, exact mode's packed fp32 product, against ATen's addmm on the encoder's shapes and on
// ragged ones (rows that do not fill the kernel's groups of 8), with and without the residual it
// starts from, and with the GELU it can end with (against ATen's exact-erf GELU); and what it leaves to ATen (outputs not a multiple of 32, CPUs without AVX-512).
// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <ATen/ATen.h>

#include "model/bert/CpuLinear.h"

#include <QtTest>

class TestCpuLinear : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!ss::CpuLinear::available()) QSKIP("this CPU has no AVX-512: the encoder uses the BLAS product");
    }

    void matchesAddmm_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::addColumn<bool>("residual");
        QTest::addColumn<bool>("gelu");
        QTest::newRow("Q/K/V, 384 rows") << 384 << 384 << 1152 << false << false;
        QTest::newRow("attention output with residual") << 384 << 384 << 384 << true << false;
        QTest::newRow("feed-forward expansion with GELU, 13 rows") << 13 << 384 << 1536 << false << true;
        QTest::newRow("feed-forward down with residual, 7 rows") << 7 << 1536 << 384 << true << false;
        QTest::newRow("one row") << 1 << 384 << 384 << true << false;
        QTest::newRow("9 rows, odd inputs, GELU") << 9 << 100 << 64 << false << true;
        QTest::newRow("GELU over a wide range") << 40 << 384 << 256 << true << true;
        QTest::newRow("one input") << 17 << 1 << 32 << true << false;
    }
    void matchesAddmm() {
        QFETCH(int, rows);
        QFETCH(int, in);
        QFETCH(int, out);
        QFETCH(bool, residual);
        QFETCH(bool, gelu);
        at::manual_seed(3);
        const at::Tensor x = at::randn({rows, in});
        const at::Tensor weight = at::randn({out, in}).mul_(0.05), bias = at::randn({out});
        // The residual spreads the products' results over ±15 or so, where GELU's tails matter.
        const at::Tensor start = residual ? at::randn({rows, out}).mul_(5) : at::Tensor();
        const ss::CpuLinear linear(weight, bias);
        QVERIFY(linear.defined());
        at::Tensor got;
        {
            at::NoGradGuard noGrad;
            QVERIFY(ss::CpuLinear::usable(linear, x));
            got = linear.forward(x, start, gelu ? ss::CpuLinear::Then::Gelu : ss::CpuLinear::Then::Nothing);
        }
        at::Tensor expected = residual ? (start + bias).addmm_(x, weight.t()) : at::addmm(bias, x, weight.t());
        if (gelu) expected = at::gelu(expected);
        QCOMPARE(got.sizes().vec(), expected.sizes().vec());
        // The sums run in another order than the BLAS's: a few ulps of the largest term.
        const double worst = (got - expected).abs().max().item<double>();
        const double scale = std::max(1.0, expected.abs().max().item<double>());
        QVERIFY2(worst <= 1e-5 * scale, qPrintable(QString("%1 off").arg(worst)));
    }

    void leavesOtherShapesAndTrainingToAten() {
        const at::Tensor w33 = at::randn({33, 16}), b33 = at::randn({33});
        QVERIFY(!ss::CpuLinear::fits(w33));
        QVERIFY(!ss::CpuLinear(w33, b33).defined());
        const ss::CpuLinear linear(at::randn({32, 16}), at::randn({32}));
        QVERIFY(linear.defined());
        // Gradients wanted (fine-tuning): ATen's product, which autograd follows.
        QVERIFY(!ss::CpuLinear::usable(linear, at::randn({4, 16})));
        at::NoGradGuard noGrad;
        QVERIFY(ss::CpuLinear::usable(linear, at::randn({4, 16})));
        QVERIFY(!ss::CpuLinear::usable(linear, at::randn({4, 16}).to(at::kDouble)));
        QVERIFY(!ss::CpuLinear::usable(ss::CpuLinear(), at::randn({4, 16})));
    }
};

QTEST_APPLESS_MAIN(TestCpuLinear)
#include "TestCpuLinear.moc"
