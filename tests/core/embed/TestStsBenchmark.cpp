#include <QFile>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "embed/ModelLocator.h"
#include "embed/TextEncoder.h"

// Real-data check (label realdata): the STS Benchmark test split scored with the default model.
// Published for all-MiniLM-L6-v2 (sentence-transformers model card / SBERT benchmark): cosine
// Spearman 0.8203 on STSb test; ShelfSense must land within ±0.002.
class TestStsBenchmark : public QObject {
    Q_OBJECT

    static std::vector<double> ranks(const std::vector<double>& v) {
        std::vector<std::size_t> order(v.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
        std::vector<double> r(v.size());
        for (std::size_t i = 0; i < order.size();) {
            std::size_t j = i;
            while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
            const double average = (double(i) + double(j)) / 2.0 + 1.0;  // ties share their mean rank
            for (std::size_t t = i; t <= j; ++t) r[order[t]] = average;
            i = j + 1;
        }
        return r;
    }

    static double pearson(const std::vector<double>& a, const std::vector<double>& b) {
        const double ma = std::accumulate(a.begin(), a.end(), 0.0) / double(a.size());
        const double mb = std::accumulate(b.begin(), b.end(), 0.0) / double(b.size());
        double sab = 0, saa = 0, sbb = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / std::sqrt(saa * sbb);
    }

private slots:
    void spearmanMatchesPublished() {
        QFile file(QStringLiteral(SS_SHARED_DATA_DIR "/stsbenchmark/sts-test.csv"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        std::vector<std::string> left, right;
        std::vector<double> gold;
        while (!file.atEnd()) {
            // Tab-separated, no CSV quoting (see PROVENANCE.md); score in field 5, sentences in 6 and 7.
            const QList<QByteArray> f = file.readLine().chopped(1).split('\t');
            if (f.size() < 7) continue;
            gold.push_back(f[4].toDouble());
            left.push_back(f[5].toStdString());
            right.push_back(f[6].toStdString());
        }
        QCOMPARE(gold.size(), std::size_t(1379));
        auto dir = ss::ModelLocator::defaultModel();
        QVERIFY2(dir.ok(), dir.ok() ? "" : dir.error().describe().c_str());
        auto encoder = ss::TextEncoder::load(*dir);
        QVERIFY2(encoder.ok(), encoder.ok() ? "" : encoder.error().describe().c_str());
        auto a = encoder->encode(left);
        auto b = encoder->encode(right);
        QVERIFY(a.ok() && b.ok());
        std::vector<double> cosine(gold.size());
        for (std::size_t i = 0; i < gold.size(); ++i) {
            double dot = 0, na = 0, nb = 0;
            for (std::size_t d = 0; d < (*a)[i].size(); ++d) {
                dot += double((*a)[i][d]) * (*b)[i][d];
                na += double((*a)[i][d]) * (*a)[i][d];
                nb += double((*b)[i][d]) * (*b)[i][d];
            }
            cosine[i] = dot / std::sqrt(na * nb);
        }
        const double spearman = pearson(ranks(cosine), ranks(gold));
        qInfo("STSb test cosine Spearman: %.4f (published 0.8203)", spearman);
        QVERIFY2(std::abs(spearman - 0.8203) <= 0.002, qPrintable(QString::number(spearman, 'f', 4)));
    }
};

QTEST_APPLESS_MAIN(TestStsBenchmark)
#include "TestStsBenchmark.moc"
