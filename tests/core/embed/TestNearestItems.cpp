#include <QtTest>

#include <cmath>

#include "embed/NearestItems.h"
#include "embed/Projection2D.h"

using namespace ss;

class TestNearestItems : public QObject {
    Q_OBJECT

    static NearestItems fixture() {
        // Four items in 3D; ids deliberately not contiguous.
        EmbeddingMatrix m;
        m.dim = 3;
        m.ids = {2, 5, 9, 11};
        m.values = {1, 0, 0,   0.9f, 0.1f, 0,   0, 1, 0,   -1, 0, 0};
        return NearestItems(std::move(m));
    }

private slots:
    void nearestIsCosineRanked_data() {
        QTest::addColumn<QList<float>>("query");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("x axis") << QList<float>{2, 0, 0} << QList<qint64>{2, 5, 9, 11};
        QTest::newRow("y axis") << QList<float>{0, 3, 0} << QList<qint64>{9, 5, 2, 11};
        QTest::newRow("minus x") << QList<float>{-1, 0, 0} << QList<qint64>{11, 9, 5, 2};
    }
    void nearestIsCosineRanked() {
        QFETCH(QList<float>, query);
        QFETCH(QList<qint64>, expected);
        const auto index = fixture();
        const auto hits = index.nearest(std::vector<float>(query.begin(), query.end()), 10);
        QCOMPARE(hits.size(), std::size_t(4));
        for (std::size_t i = 0; i < hits.size(); ++i) QCOMPARE(qint64(hits[i].first), expected[qsizetype(i)]);
        QVERIFY(std::abs(hits.front().second - 1.0f) < 1e-5f);  // normalised: the best is exactly aligned
    }

    void similarExcludesItselfAndLimitsK() {
        const auto index = fixture();
        const auto hits = index.similarTo(2, 2);
        QCOMPARE(hits.size(), std::size_t(2));
        QCOMPARE(hits[0].first, std::int64_t(5));
        QCOMPARE(hits[1].first, std::int64_t(9));
        QVERIFY(index.similarTo(3, 2).empty());  // unknown id
        QVERIFY(index.nearest({1, 0}, 3).empty());  // wrong dimension
    }

    void pcaFindsTheSpreadDirections() {
        // Points spread along (1,1,0) a lot and along (1,-1,0) a little; nothing along z.
        std::vector<float> rows;
        for (int i = -10; i <= 10; ++i) {
            const float big = float(i), small = float(i % 3) * 0.1f;
            rows.insert(rows.end(), {big + small, big - small, 0.0f});
        }
        const auto p = projectPca2D(rows, 3);
        QCOMPARE(p.points.size(), std::size_t(21));
        QVERIFY(p.explained[0] > 0.99);
        QVERIFY(p.explained[1] > 0 && p.explained[1] < 0.01);
        // First coordinate ~ distance along (1,1,0)/sqrt2 from the mean.
        QVERIFY(std::abs(std::abs(p.points[20].first) - 10 * std::sqrt(2.0f)) < 0.05f);
        const auto again = projectPca2D(rows, 3);
        QCOMPARE(again.points[5].first, p.points[5].first);  // deterministic
    }
};

QTEST_APPLESS_MAIN(TestNearestItems)
#include "TestNearestItems.moc"
