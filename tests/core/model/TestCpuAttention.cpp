// CpuAttention, the encoder's fused CPU attention, against ATen's softmax(Q Kᵀ / √d + mask) V on
// packed Q/K/V inputs: short and long sequences, padded ones (the mask as the encoder builds it, with
// huge values behind the padding that must not leak in), a sequence with every key masked, bfloat16
// output, and what it refuses (inputs that need a gradient).
// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <ATen/ATen.h>

#include "model/bert/CpuAttention.h"

#include <QtTest>

#include <limits>

namespace {

// The reference: ATen's products and softmax on the same packed rows.
at::Tensor reference(const at::Tensor& qkv, const at::Tensor& mask, std::int64_t batch, std::int64_t length, std::int64_t heads,
                     std::int64_t dim) {
    const auto parts = qkv.view({batch, length, 3, heads, dim}).permute({2, 0, 3, 1, 4}).unbind(0);
    const at::Tensor scores = at::matmul(parts[0], parts[1].transpose(-1, -2)).div(std::sqrt(double(dim))).add(mask);
    return at::matmul(at::softmax(scores, -1), parts[2]).permute({0, 2, 1, 3}).reshape({batch * length, heads * dim});
}

// The encoder's additive mask: 0 for a sequence's first `lengths[b]` tokens, float's lowest after.
at::Tensor paddingMask(const std::vector<std::int64_t>& lengths, std::int64_t length) {
    at::Tensor mask = at::zeros({std::int64_t(lengths.size()), 1, 1, length});
    for (std::size_t b = 0; b < lengths.size(); ++b)
        mask[std::int64_t(b)].narrow(-1, lengths[b], length - lengths[b]).fill_(std::numeric_limits<float>::lowest());
    return mask;
}

}  // namespace

class TestCpuAttention : public QObject {
    Q_OBJECT
private slots:
    void matchesAten_data() {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("dim");
        QTest::addColumn<QList<int>>("padding");  // per sequence, how many of its last tokens are padding
        QTest::addColumn<bool>("bf16");
        QTest::newRow("short, MiniLM's heads") << 4 << 12 << 12 << 32 << QList<int>{0, 3, 7, 11} << false;
        QTest::newRow("long") << 2 << 140 << 12 << 32 << QList<int>{0, 61} << false;
        QTest::newRow("one token") << 3 << 1 << 2 << 8 << QList<int>{0, 0, 0} << false;
        QTest::newRow("odd sizes") << 3 << 37 << 3 << 20 << QList<int>{5, 0, 36} << false;
        QTest::newRow("BERT-base's heads") << 2 << 19 << 12 << 64 << QList<int>{0, 4} << false;
        QTest::newRow("every key masked") << 2 << 9 << 4 << 16 << QList<int>{9, 2} << false;
        QTest::newRow("bfloat16 out") << 4 << 23 << 12 << 32 << QList<int>{0, 3, 7, 22} << true;
    }
    void matchesAten() {
        QFETCH(int, batch);
        QFETCH(int, length);
        QFETCH(int, heads);
        QFETCH(int, dim);
        QFETCH(QList<int>, padding);
        QFETCH(bool, bf16);
        at::manual_seed(5);
        // Scores of a few units, as in a trained model, so the softmax is neither flat nor one-hot.
        at::Tensor qkv = at::randn({batch * length, 3 * heads * dim}).mul_(0.6);
        std::vector<std::int64_t> lengths;
        for (int b = 0; b < batch; ++b) {
            lengths.push_back(length - padding[b]);
            // Behind the padding, keys and values that would dominate if they leaked in.
            if (padding[b] > 0 && padding[b] < length)
                qkv.narrow(0, std::int64_t(b) * length + lengths.back(), padding[b]).narrow(1, heads * dim, 2 * heads * dim).fill_(1e4);
        }
        const at::Tensor mask = paddingMask(lengths, length);
        QVERIFY(ss::CpuAttention::handles(qkv, mask, dim));
        const at::Tensor ours = ss::CpuAttention::forward(qkv, mask, batch, length, heads, dim, bf16 ? at::kBFloat16 : at::kFloat);
        const at::Tensor expected = reference(qkv, mask, batch, length, heads, dim);
        QCOMPARE(ours.scalar_type(), bf16 ? at::kBFloat16 : at::kFloat);
        QCOMPARE(ours.sizes().vec(), expected.sizes().vec());
        // Rows of padding tokens are only ever read back as padding; the real tokens must agree.
        for (int b = 0; b < batch; ++b) {
            const std::int64_t real = padding[b] == length ? length : lengths[std::size_t(b)];
            const at::Tensor mine = ours.narrow(0, std::int64_t(b) * length, real).to(at::kFloat);
            const at::Tensor theirs = expected.narrow(0, std::int64_t(b) * length, real);
            if (bf16) {
                // One rounding of a value that is a few ulps off: at most one bfloat16 step (2^-8).
                QVERIFY2(at::allclose(mine, theirs, 1.0 / 128, 1e-3), qPrintable(QString("row %1").arg(b)));
            } else {
                // The sums run in another order: a few ulps.
                const double worst = (mine - theirs).abs().max().item<double>();
                const double scale = std::max(1.0, theirs.abs().max().item<double>());
                QVERIFY2(worst <= 2e-5 * scale, qPrintable(QString("row %1: %2 off").arg(b).arg(worst)));
            }
            QVERIFY(std::isfinite(mine.abs().max().item<double>()));
        }
    }

    void leavesGradientsToAten() {
        const at::Tensor qkv = at::randn({2 * 3, 3 * 8}).requires_grad_(true);
        const at::Tensor mask = paddingMask({3, 2}, 3);
        QVERIFY(!ss::CpuAttention::handles(qkv, mask, 8));
        {
            at::NoGradGuard noGrad;
            QVERIFY(ss::CpuAttention::handles(qkv.detach(), mask, 8));
        }
        QVERIFY(!ss::CpuAttention::handles(qkv.detach().to(at::kDouble), mask, 8));
        QVERIFY(!ss::CpuAttention::handles(qkv.detach().t(), mask, 8));
        QVERIFY(!ss::CpuAttention::handles(qkv.detach(), mask, 512));
    }
};

QTEST_APPLESS_MAIN(TestCpuAttention)
#include "TestCpuAttention.moc"
