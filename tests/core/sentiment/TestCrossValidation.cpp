// crossValidatedMacroF1 on planted reviews: every candidate learns planted sentiment out of fold,
// nobody learns labels that were shuffled away from the texts and vectors, heads without vectors
// and a stop request give no scores.
#include <QtTest>

#include <algorithm>
#include <random>

#include "SentimentFixtures.h"
#include "sentiment/CrossValidation.h"

using namespace ss::sentiment;

class TestCrossValidation : public QObject {
    Q_OBJECT

    CrossValidationData data_;
    ss::rec::DenseMatrix vectors_;

    std::vector<CrossValidationCandidate> allCandidates() const {
        CrossValidationCandidate tfidf, head, mlp;
        tfidf.kind = ClassifierKind::Tfidf;
        head.kind = ClassifierKind::Head;
        head.head = HeadTraining{0, 30, 30, 64, 1e-2, 1e-5, 0.0, 1};
        mlp.kind = ClassifierKind::Mlp;
        mlp.head = HeadTraining{32, 30, 30, 64, 1e-2, 1e-4, 0.1, 1};
        return {tfidf, head, mlp};
    }

private slots:
    void initTestCase() {
        for (const auto& r : sstest::plantedReviews(150, 3)) {
            data_.texts.push_back(r.text);
            data_.labels.push_back(r.rating.value_or(3) > 3 ? 1 : 0);
            data_.reviewers.push_back(r.user);
        }
        vectors_ = sstest::plantedVectors(data_.texts);
        data_.vectors = &vectors_;
    }

    void learnsThePlantedSentiment_data() {
        QTest::addColumn<bool>("shuffled");
        QTest::newRow("planted") << false;
        QTest::newRow("labels shuffled") << true;
    }
    void learnsThePlantedSentiment() {
        QFETCH(bool, shuffled);
        auto data = data_;
        if (shuffled) std::shuffle(data.labels.begin(), data.labels.end(), std::mt19937(5));
        const auto scores = crossValidatedMacroF1(data, allCandidates(), 5, 42, {});
        QCOMPARE(scores.size(), std::size_t(3));
        for (double f1 : scores) QVERIFY2(shuffled ? f1 < 0.7 : f1 > 0.9, qPrintable(QString::number(f1)));
    }

    void nothingWithoutVectorsOrWhenStopped() {
        auto data = data_;
        data.vectors = nullptr;
        QVERIFY(crossValidatedMacroF1(data, allCandidates(), 5, 42, {}).empty());
        QVERIFY(crossValidatedMacroF1(data_, allCandidates(), 5, 42, [] { return true; }).empty());
    }
};

QTEST_GUILESS_MAIN(TestCrossValidation)
#include "TestCrossValidation.moc"
