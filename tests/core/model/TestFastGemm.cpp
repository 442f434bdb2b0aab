// FastGemm, the fast mode's low-precision matrix product, against the fp32 product on inputs shaped
// like an encoder's: plain, with an outlier channel, an outlier token, GELU-like (one-sided) rows,
// constant rows, and the tall/wide shapes of BERT's four products. Also: concurrent calls agree.
// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <ATen/ATen.h>

#include "model/bert/FastGemm.h"

#include <QtTest>

#include <thread>

namespace {

at::Tensor inputs(const QByteArray& shape, std::int64_t rows, std::int64_t in) {
    at::manual_seed(7);
    at::Tensor x = at::randn({rows, in});
    if (shape == "outlier channel") x.select(1, 3).mul_(40);
    if (shape == "outlier token") x.select(0, 1).mul_(60);
    if (shape == "one-sided") x = at::gelu(x.mul(2));
    if (shape == "negative outlier") x.select(1, 5).fill_(-25);
    if (shape == "shifted") x.add_(6);  // far from 0: the offset multiplies the weights' rounding
    if (shape == "constant rows") x.select(0, 0).fill_(0.75), x.select(0, 2).zero_();
    return x;
}

double cosine(const at::Tensor& a, const at::Tensor& b) {
    return (a * b).sum().item<double>() / (a.norm().item<double>() * b.norm().item<double>());
}

}  // namespace

class TestFastGemm : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (ss::FastGemm::bestKind() == ss::FastGemm::Kind::None) QSKIP("this CPU and LibTorch have no fast product");
    }

    void closeToFp32_data() {
        QTest::addColumn<QByteArray>("shape");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        for (const char* shape : {"gaussian", "outlier channel", "outlier token", "one-sided", "negative outlier", "shifted", "constant rows"})
            QTest::addRow("%s, 37x384 -> 1152", shape) << QByteArray(shape) << 37 << 384 << 1152;
        QTest::newRow("FFN down 64x1536 -> 384") << QByteArray("one-sided") << 64 << 1536 << 384;
        QTest::newRow("one row") << QByteArray("gaussian") << 1 << 384 << 384;
    }
    void closeToFp32() {
        QFETCH(QByteArray, shape);
        QFETCH(int, rows);
        QFETCH(int, in);
        QFETCH(int, out);
        const at::Tensor x = inputs(shape, rows, in);
        at::manual_seed(11);
        const at::Tensor weight = at::randn({out, in}).mul_(0.05);
        const at::Tensor bias = at::randn({out});
        const at::Tensor exact = at::addmm(bias, x, weight.t());
        const ss::FastGemm fast(weight, bias, ss::FastGemm::bestKind());
        QVERIFY(fast.defined());
        const at::Tensor y = fast.linear(x);
        QCOMPARE(y.sizes(), exact.sizes());
        QCOMPARE(y.scalar_type(), at::kFloat);
        // Every row (token) on its own: one token's range must not coarsen another's.
        for (std::int64_t r = 0; r < rows; ++r) {
            const at::Tensor a = exact[r] - bias, b = y[r] - bias;
            if (a.norm().item<double>() < 1e-6) {  // an all-zero row: only the bias is left
                QVERIFY(b.abs().max().item<double>() < 1e-4);
                continue;
            }
            const double c = cosine(a, b);
            QVERIFY2(c > 0.999, qPrintable(QStringLiteral("row %1: cosine %2").arg(r).arg(c, 0, 'f', 6)));
            QVERIFY(!at::equal(exact[r], y[r]));  // really another computation
        }
    }

    void concurrentCallsAgree() {
        const at::Tensor x = inputs("outlier token", 48, 384);
        const at::Tensor weight = at::randn({1536, 384}).mul_(0.05);
        const ss::FastGemm fast(weight, at::zeros({1536}), ss::FastGemm::bestKind());
        const at::Tensor expected = fast.linear(x);
        std::vector<at::Tensor> results(4);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < results.size(); ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 20; ++i) results[t] = fast.linear(x);
            });
        for (auto& t : threads) t.join();
        for (const auto& r : results) QVERIFY(at::equal(r, expected));
    }

    void kindName_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("bf16") << int(ss::FastGemm::Kind::Bf16) << "bf16";
        QTest::newRow("int8") << int(ss::FastGemm::Kind::Int8) << "int8";
        QTest::newRow("none") << int(ss::FastGemm::Kind::None) << "";
    }
    void kindName() {
        QFETCH(int, kind);
        QFETCH(QString, name);
        QCOMPARE(QString::fromLatin1(ss::FastGemm::kindName(ss::FastGemm::Kind(kind))), name);
    }
};

QTEST_GUILESS_MAIN(TestFastGemm)
#include "TestFastGemm.moc"
