// TextTerms (words and word pairs; character 1-3-grams for Chinese and other unspaced runs),
// TfidfModel and LogisticRegression against scikit-learn reference values computed on the same
// eight texts (TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True) and LogisticRegression(C)
// with lbfgs, tol 1e-10): idf, a transformed row, coefficients and probabilities for 2 and 3
// classes; and both survive a save/load round trip.
#include <QtTest>

#include <cmath>

#include "sentiment/LogisticRegression.h"
#include "sentiment/TextTerms.h"
#include "sentiment/TfidfModel.h"

using namespace ss;
using namespace ss::sentiment;

namespace {

const std::vector<std::string> kTexts = {"good good product", "bad product", "good", "bad bad bad", "very good", "very bad", "good value", "poor value"};

int indexOf(const TfidfModel& m, const std::string& term) {
    for (std::size_t i = 0; i < m.termCount(); ++i)
        if (m.term(i) == term) return static_cast<int>(i);
    return -1;
}

TfidfModel referenceModel() {
    TfidfOptions o;
    o.minDocumentFrequency = 1;
    return TfidfModel::fit(kTexts, o);
}

}  // namespace

class TestTfidfLogistic : public QObject {
    Q_OBJECT
private slots:
    void terms_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("words and pairs, lower-cased") << "Great FIT" << QStringList{"great", "great fit", "fit"};
        QTest::newRow("one-letter words dropped") << "a b cd" << QStringList{"cd"};
        QTest::newRow("punctuation breaks pairs and counts as characters") << "bad, zip" << QStringList{"bad", "zip", ","};
        QTest::newRow("Chinese: characters 1-3") << "很好用" << QStringList{"很", "很好", "很好用", "好", "好用", "用"};
        QTest::newRow("mixed") << "iPhone很好" << QStringList{"iphone", "很", "很好", "好"};
        QTest::newRow("full-width punctuation in the run") << "差！" << QStringList{"差", "差！", "！"};
        QTest::newRow("accented words stay words") << "très bien" << QStringList{"très", "très bien", "bien"};
        QTest::newRow("empty") << "" << QStringList{};
    }
    void terms() {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const auto& t : textTerms(text.toStdString())) got << QString::fromStdString(t);
        QCOMPARE(got, expected);
    }

    void labelTermsAreWordsAndChineseBigrams() {
        QStringList got;
        for (const auto& t : labelTerms("Battery 电池不行！")) got << QString::fromStdString(t);
        QCOMPARE(got, (QStringList{"battery", "电池", "池不", "不行"}));
    }

    void idfAndRowMatchScikitLearn() {
        const auto m = referenceModel();
        QCOMPARE(m.termCount(), std::size_t(14));
        QVERIFY(std::abs(m.idf(static_cast<std::size_t>(indexOf(m, "bad"))) - 1.81093) < 1e-5);
        QVERIFY(std::abs(m.idf(static_cast<std::size_t>(indexOf(m, "good"))) - 1.587787) < 1e-5);
        QVERIFY(std::abs(m.idf(static_cast<std::size_t>(indexOf(m, "value"))) - 2.098612) < 1e-5);
        std::vector<std::int32_t> idx;
        std::vector<float> val;
        m.transform("good good product", idx, val);
        QCOMPARE(idx.size(), std::size_t(4));
        const std::pair<const char*, double> expected[] = {{"good", 0.5468}, {"good good", 0.509318}, {"good product", 0.509318}, {"product", 0.426848}};
        for (const auto& [term, weight] : expected) {
            const auto at = std::find(idx.begin(), idx.end(), indexOf(m, term)) - idx.begin();
            QVERIFY2(at < static_cast<long>(idx.size()), term);
            QVERIFY2(std::abs(val[static_cast<std::size_t>(at)] - weight) < 1e-5, term);
        }
        m.transform("unknown words only", idx, val);
        QVERIFY(idx.empty());
    }

    void logisticMatchesScikitLearn_data() {
        QTest::addColumn<double>("c");
        QTest::addColumn<double>("goodWeight");
        QTest::addColumn<double>("badProductWeight");
        QTest::addColumn<double>("goodProductPositive");
        QTest::addColumn<double>("badValuePositive");
        QTest::newRow("C=1") << 1.0 << 0.86114 << -0.24114 << 0.59148 << 0.3839;
        QTest::newRow("C=10") << 10.0 << 2.88261 << -0.83745 << 0.78292 << 0.16874;
    }
    void logisticMatchesScikitLearn() {
        QFETCH(double, c);
        QFETCH(double, goodWeight);
        QFETCH(double, badProductWeight);
        QFETCH(double, goodProductPositive);
        QFETCH(double, badValuePositive);
        const auto m = referenceModel();
        LogisticOptions o;
        o.c = c;
        o.balancedClassWeights = false;
        o.maxIterations = 2000;
        const auto lr = LogisticRegression::fit(m.transform(kTexts), {1, 0, 1, 0, 1, 0, 1, 0}, 2, o);
        QVERIFY(std::abs(lr.weight(1, static_cast<std::size_t>(indexOf(m, "good"))) - goodWeight) < 1e-3);
        QVERIFY(std::abs(lr.weight(1, static_cast<std::size_t>(indexOf(m, "bad product"))) - badProductWeight) < 1e-3);
        const auto p = lr.predict(m.transform(std::vector<std::string>{"good product", "bad value"}));
        QVERIFY2(std::abs(p[1] - goodProductPositive) < 1e-3, std::to_string(p[1]).c_str());
        QVERIFY2(std::abs(p[3] - badValuePositive) < 1e-3, std::to_string(p[3]).c_str());
        QVERIFY(std::abs(p[0] + p[1] - 1) < 1e-6);
    }

    void threeClassesMatchScikitLearn() {
        const auto m = referenceModel();
        LogisticOptions o;
        o.balancedClassWeights = false;
        o.maxIterations = 2000;
        const auto lr = LogisticRegression::fit(m.transform(kTexts), {2, 0, 2, 0, 2, 0, 1, 1}, 3, o);
        const auto p = lr.predict(m.transform(std::vector<std::string>{"good product", "bad value", "value"}));
        const double expected[] = {0.28172, 0.19463, 0.52364, 0.46468, 0.32644, 0.20889, 0.29057, 0.45809, 0.25134};
        for (int i = 0; i < 9; ++i) QVERIFY2(std::abs(p[static_cast<std::size_t>(i)] - expected[i]) < 1e-3, std::to_string(i).c_str());
    }

    void balancedWeightsAsScikitLearn() {
        const auto w = balancedWeights({0, 0, 0, 1}, 2);
        QVERIFY(std::abs(w[0] - 4.0 / 6.0) < 1e-12);
        QVERIFY(std::abs(w[1] - 2.0) < 1e-12);
    }

    void saveAndLoad() {
        const auto m = referenceModel();
        const auto lr = LogisticRegression::fit(m.transform(kTexts), {1, 0, 1, 0, 1, 0, 1, 0}, 2);
        rec::ModelState out("test/1");
        m.write(out);
        lr.write(out);
        rec::ModelState in("test/1", out.bytes());
        TfidfModel m2;
        LogisticRegression lr2;
        QVERIFY(m2.read(in));
        QVERIFY(lr2.read(in));
        QVERIFY(in.atEnd());
        const std::vector<std::string> probe = {"good product", "very bad value"};
        QCOMPARE(lr2.predict(m2.transform(probe)), lr.predict(m.transform(probe)));
        // Truncated bytes are refused, not misread.
        auto bytes = out.bytes();
        bytes.resize(bytes.size() - 3);
        rec::ModelState cut("test/1", bytes);
        TfidfModel m3;
        LogisticRegression lr3;
        QVERIFY(!(m3.read(cut) && lr3.read(cut)));
    }
};

QTEST_GUILESS_MAIN(TestTfidfLogistic)
#include "TestTfidfLogistic.moc"
