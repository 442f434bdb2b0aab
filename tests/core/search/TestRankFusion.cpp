#include <QtTest>

#include <cmath>

#include "search/RankFusion.h"

using namespace ss;

Q_DECLARE_METATYPE(std::vector<std::int64_t>)

// Reciprocal rank fusion and the semantic side's weight, against hand-computed values.
class TestRankFusion : public QObject {
    Q_OBJECT

    static std::vector<std::int64_t> ids(const std::vector<FusedRank>& fused) {
        std::vector<std::int64_t> out;
        for (const auto& f : fused) out.push_back(f.itemId);
        return out;
    }

private slots:
    void readability_data() {
        QTest::addColumn<double>("unknownShare");
        QTest::addColumn<double>("expected");
        QTest::newRow("all known") << 0.0 << 1.0;
        QTest::newRow("at the warning line") << 0.10 << 1.0;
        QTest::newRow("halfway") << 0.30 << 0.5;
        QTest::newRow("mostly unknown") << 0.50 << 0.0;
        QTest::newRow("all unknown") << 1.0 << 0.0;
        QTest::newRow("not measured") << std::nan("") << 1.0;
    }
    void readability() {
        QFETCH(double, unknownShare);
        QFETCH(double, expected);
        QVERIFY(std::abs(fusion::readability(unknownShare) - expected) < 1e-12);
    }

    void hybridWeights_data() {
        QTest::addColumn<double>("share");
        QTest::addColumn<double>("query");
        QTest::addColumn<double>("catalog");
        QTest::addColumn<double>("lexical");
        QTest::addColumn<double>("semantic");
        QTest::newRow("balanced, readable") << 0.5 << 0.0 << 0.05 << 0.5 << 0.5;
        QTest::newRow("a chinese query, english model") << 0.5 << 0.8 << 0.05 << 0.5 << 0.0;
        // A catalogue is judged leniently: 30% unknown still reads at 0.9, 50% at 0.5, 75% not at all.
        QTest::newRow("bilingual catalogue") << 0.5 << 0.0 << 0.30 << 0.5 << 0.45;
        QTest::newRow("half-read catalogue") << 0.5 << 0.0 << 0.50 << 0.5 << 0.25;
        QTest::newRow("unread catalogue") << 0.5 << 0.0 << 0.80 << 0.5 << 0.0;
        QTest::newRow("query and catalogue half-read") << 0.5 << 0.30 << 0.30 << 0.5 << 0.225;
        QTest::newRow("words only") << 0.0 << 0.0 << 0.0 << 1.0 << 0.0;
        QTest::newRow("meaning only") << 1.0 << 0.0 << 0.0 << 0.0 << 1.0;
        QTest::newRow("out of range is clamped") << 3.0 << 0.0 << 0.0 << 0.0 << 1.0;
    }
    void hybridWeights() {
        QFETCH(double, share);
        QFETCH(double, query);
        QFETCH(double, catalog);
        QFETCH(double, lexical);
        QFETCH(double, semantic);
        const auto w = fusion::hybridWeights(share, query, catalog);
        QVERIFY2(std::abs(w.lexical - lexical) < 1e-12, qPrintable(QString::number(w.lexical)));
        QVERIFY2(std::abs(w.semantic - semantic) < 1e-12, qPrintable(QString::number(w.semantic)));
    }

    void fuse_data() {
        QTest::addColumn<std::vector<std::int64_t>>("lexical");
        QTest::addColumn<std::vector<std::int64_t>>("semantic");
        QTest::addColumn<double>("lexicalWeight");
        QTest::addColumn<double>("semanticWeight");
        QTest::addColumn<int>("k");
        QTest::addColumn<std::vector<std::int64_t>>("expected");
        // 7 is second on both sides: 2/62 beats 1/61 + 0 for 1 (and for 9).
        QTest::newRow("agreement wins") << std::vector<std::int64_t>{1, 7, 3} << std::vector<std::int64_t>{9, 7, 4} << 0.5 << 0.5 << 5
                                        << std::vector<std::int64_t>{7, 1, 9, 3, 4};
        QTest::newRow("no semantic weight keeps the lexical order") << std::vector<std::int64_t>{3, 1, 2} << std::vector<std::int64_t>{2, 5, 1}
                                                                    << 1.0 << 0.0 << 10 << std::vector<std::int64_t>{3, 1, 2, 5};
        QTest::newRow("no lexical weight keeps the semantic order") << std::vector<std::int64_t>{3, 1, 2} << std::vector<std::int64_t>{2, 5, 1}
                                                                    << 0.0 << 1.0 << 10 << std::vector<std::int64_t>{2, 5, 1, 3};
        QTest::newRow("cut at k") << std::vector<std::int64_t>{1, 2, 3} << std::vector<std::int64_t>{4, 5, 6} << 0.5 << 0.5 << 2
                                  << std::vector<std::int64_t>{1, 4};
        QTest::newRow("one side empty") << std::vector<std::int64_t>{} << std::vector<std::int64_t>{8, 6} << 0.5 << 0.5 << 3
                                        << std::vector<std::int64_t>{8, 6};
        QTest::newRow("a repeat keeps its first place") << std::vector<std::int64_t>{1, 2, 1} << std::vector<std::int64_t>{} << 1.0 << 0.0 << 3
                                                        << std::vector<std::int64_t>{1, 2};
    }
    void fuse() {
        QFETCH(std::vector<std::int64_t>, lexical);
        QFETCH(std::vector<std::int64_t>, semantic);
        QFETCH(double, lexicalWeight);
        QFETCH(double, semanticWeight);
        QFETCH(int, k);
        QFETCH(std::vector<std::int64_t>, expected);
        const auto fused = fusion::fuse(lexical, semantic, {lexicalWeight, semanticWeight}, static_cast<std::size_t>(k));
        QCOMPARE(ids(fused), expected);
    }

    void partialLexicalMatchesCountLess() {
        // Lexical first 2 holds only some of the words: at half weight it falls behind the semantic first (5).
        QCOMPARE(ids(fusion::fuse({2}, {5}, {0.5, 0.5}, 2)), (std::vector<std::int64_t>{2, 5}));
        const auto scaled = fusion::fuse({2}, {5}, {0.5, 0.5}, 2, {fusion::kPartialMatchFactor});
        QCOMPARE(ids(scaled), (std::vector<std::int64_t>{5, 2}));
        QVERIFY(std::abs(scaled[1].score - 0.5 * 0.5 / 61) < 1e-15);
        // Without semantic weight the scaled lexical order is still the lexical order.
        const auto wordsOnly = fusion::fuse({1, 2, 3}, {3, 2}, {1, 0}, 3, {1.0, 0.5, 0.5});
        QCOMPARE(ids(wordsOnly), (std::vector<std::int64_t>{1, 2, 3}));
    }

    void scoresAndRanksAreKept() {
        const auto fused = fusion::fuse({1, 7}, {7}, {0.5, 0.5}, 10);
        QCOMPARE(fused.size(), std::size_t(2));
        QCOMPARE(fused[0].itemId, std::int64_t(7));
        QCOMPARE(fused[0].lexicalRank, 2);
        QCOMPARE(fused[0].semanticRank, 1);
        QVERIFY(std::abs(fused[0].score - (0.5 / 62 + 0.5 / 61)) < 1e-15);
        QCOMPARE(fused[1].semanticRank, 0);
        // First on both sides is the best possible score: 1.
        const auto top = fusion::fuse({4}, {4}, {0.3, 0.2}, 1);
        QVERIFY(std::abs(fusion::normalised(top[0].score, {0.3, 0.2}) - 1) < 1e-12);
        QCOMPARE(fusion::normalised(1, {0, 0}), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestRankFusion)
#include "TestRankFusion.moc"
