#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "AudienceModel.h"
#include "ComparisonTableModel.h"
#include "ExportFiles.h"
#include "HistoryModel.h"
#include "LossCurveModel.h"
#include "LanguageManager.h"
#include "ParameterModel.h"
#include "RecommenderChoices.h"
#include "RankedItemsModel.h"
#include "SliceTableModel.h"
#include "rec/ItemKnn.h"
#include "rec/RecommenderCatalog.h"

using namespace ss;
using namespace ss::ui;

// The item models behind the Recommendations and Models screens, on hand-made data whose every cell
// is known, each watched by QAbstractItemModelTester.
namespace {

MetricsReport report(int k, std::vector<double> values, std::vector<std::vector<double>> perUser = {}) {
    MetricsReport r;
    r.k = k;
    r.users = 4;
    for (std::size_t m = 0; m < kAllMetrics.size(); ++m) {
        MetricResult mr;
        mr.id = kAllMetrics[m];
        mr.value = values[m];
        if (m < perUser.size())
            for (std::size_t u = 0; u < perUser[m].size(); ++u) mr.perUser.push_back({std::to_string(u), perUser[m][u]});
        r.metrics.push_back(mr);
    }
    return r;
}

// Three runs: "als" best on every metric; itemknn close to it (not significant), popularity far below.
std::shared_ptr<const rec::EvaluationResult> sampleResult() {
    auto result = std::make_shared<rec::EvaluationResult>();
    result->k = 10;
    const std::pair<const char*, double> runs[] = {{"popularity", 0.10}, {"itemknn", 0.28}, {"als", 0.30}};
    for (const auto& [name, base] : runs) {
        rec::RunResult run;
        run.recommender = name;
        run.report = report(10, {base, base + 0.1, base + 0.05, base - 0.02, base + 0.08, base + 0.3});
        for (MetricId id : kAllMetrics) run.ci95[id] = ConfidenceInterval{run.report.value(id), run.report.value(id) - 0.03, run.report.value(id) + 0.03};
        run.beyond.coverage = base;
        run.beyond.novelty = 5 + base;
        run.beyond.averagePopularity = 40 - base * 10;
        run.fitSeconds = 0.5;
        run.usersPerSecond = 1000;
        run.slices.push_back({"cold_items", report(10, {0, 0, 0, 0, 0, 0})});
        run.slices.push_back({"warm_users", report(10, {base, base, base * 2, base, base, base})});
        run.slices.push_back({"cohort 2025-03", report(10, {base, base, base / 2, base, base, base})});
        result->runs.push_back(run);
    }
    for (MetricId id : kAllMetrics) {
        result->comparisons.push_back({"popularity", "itemknn", id, 50, -0.18, 0.001, 0.002, true});
        result->comparisons.push_back({"popularity", "als", id, 50, -0.20, 0.0005, 0.001, true});
        result->comparisons.push_back({"itemknn", "als", id, 50, -0.02, 0.4, 0.35, false});
    }
    return result;
}

}  // namespace

class TestRecommendationModels : public QObject {
    Q_OBJECT

private slots:
    void rankedItems() {
        RankedItemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<RankedItemRow> rows(3);
        for (int i = 0; i < 3; ++i) {
            rows[i].item = 10 + i;
            rows[i].externalId = QStringLiteral("SKU-%1").arg(i);
            rows[i].title = QStringLiteral("Title %1").arg(i);
            rows[i].category = "Audio / 音频";
            rows[i].score = rows[i].adjusted = 1.0 - 0.1 * i;
            rows[i].because = "because you bought X";
        }
        rows[1].adjusted = 2.0;  // boosted
        rows[2].price = 12.5;
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(RankedItemsModel::ColumnCount));
        QCOMPARE(model.data(model.index(0, RankedItemsModel::Rank)).toInt(), 1);
        QCOMPARE(model.data(model.index(2, RankedItemsModel::Item)).toString(), QString("SKU-2"));
        QCOMPARE(model.data(model.index(1, RankedItemsModel::Title), RankedItemsModel::ItemIndexRole).toInt(), 11);
        QCOMPARE(model.data(model.index(0, RankedItemsModel::Score)).toString(), QString("1.0000"));
        QVERIFY(model.data(model.index(1, RankedItemsModel::Score), Qt::ToolTipRole).toString().contains("2.0000"));
        QVERIFY(model.data(model.index(1, RankedItemsModel::Score), Qt::ForegroundRole).isValid());
        QVERIFY(!model.data(model.index(0, RankedItemsModel::Price)).isValid());
        QCOMPARE(model.data(model.index(2, RankedItemsModel::Price), Qt::EditRole).toDouble(), 12.5);
        model.setScoreHeader("Similarity", "cosine");
        QCOMPARE(model.headerData(RankedItemsModel::Score, Qt::Horizontal).toString(), QString("Similarity"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void historyNewestFirst() {
        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<HistoryRow> rows(3);
        rows[0].time = 1'700'000'000;
        rows[0].type = EventType::View;
        rows[1].time = 1'700'100'000;
        rows[1].type = EventType::Purchase;
        rows[1].rating = 4;
        rows[1].reviewTitle = "Good";
        rows[2].time = 1'700'050'000;
        rows[2].type = EventType::Cart;
        for (auto& r : rows) r.title = "T";
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0, 0), HistoryModel::TimeRole).toLongLong(), 1'700'100'000LL);
        QCOMPARE(model.data(model.index(2, 0), HistoryModel::TimeRole).toLongLong(), 1'700'000'000LL);
        QCOMPARE(model.data(model.index(0, HistoryModel::Review)).toString(), QString("★★★★☆"));
        QVERIFY(model.data(model.index(0, HistoryModel::Review), Qt::ToolTipRole).toString().contains("Good"));
        QVERIFY(!model.data(model.index(1, HistoryModel::Behaviour), Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.data(model.index(0, HistoryModel::When)).toString(), QString("2023-11-16 02:00"));
    }

    void audience() {
        AudienceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{3, "U3", 0.9, 12}, {7, "U7", 0.5, 2}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1, AudienceModel::Customer)).toString(), QString("U7"));
        QCOMPARE(model.data(model.index(0, AudienceModel::History)).toInt(), 12);
        QCOMPARE(model.data(model.index(0, 0), AudienceModel::UserIndexRole).toInt(), 3);
    }

    void parameters() {
        ParameterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int all = model.rowCount();
        QVERIFY(all >= 20);
        // Defaults are shown as the factory would parse them, and parse back to the default configuration.
        const rec::RecommenderConfig defaults;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString name = model.data(model.index(r, 0)).toString();
            const QString value = ParameterModel::valueOf(defaults, name.toStdString());
            QVERIFY2(!value.isEmpty(), qPrintable(name));
            QVERIFY2(!model.data(model.index(r, ParameterModel::Name), Qt::ToolTipRole).toString().isEmpty(), qPrintable(name));  // its help
            QCOMPARE(model.data(model.index(r, ParameterModel::Default)).toString(), value);
            rec::RecommenderConfig parsed;
            QVERIFY(rec::RecommenderFactory::applyParameter(parsed, (name + "=" + value).toStdString()).ok());
            QCOMPARE(ParameterModel::valueOf(parsed, name.toStdString()), value);
        }
        QCOMPARE(ParameterModel::valueOf(defaults, "als.factors"), QString("64"));
        QCOMPARE(ParameterModel::valueOf(defaults, "hybrid.a"), QString("als"));
        model.setRecommenders({"als"});
        QVERIFY(model.rowCount() > 0 && model.rowCount() < all);
        for (int r = 0; r < model.rowCount(); ++r) QVERIFY(model.data(model.index(r, 0)).toString().startsWith("als."));
        QSignalSpy rejected(&model, &ParameterModel::rejected);
        int factors = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.data(model.index(r, 0)).toString() == "als.factors") factors = r;
        QVERIFY(factors >= 0);
        QVERIFY(!model.setData(model.index(factors, ParameterModel::Value), "many"));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(model.setData(model.index(factors, ParameterModel::Value), "16"));
        QVERIFY(model.setValue("twotower.epochs", "3"));  // not shown now, still kept
        auto config = model.config();
        QVERIFY(config.ok());
        QCOMPARE(config->als.factors, 16);
        QCOMPARE(config->twotower.maxEpochs, 3);
        QCOMPARE(ParameterModel::valueOf(*config, "als.factors"), QString("16"));
        QVERIFY(model.flags(model.index(0, ParameterModel::Value)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, ParameterModel::Name)) & Qt::ItemIsEditable));
    }

    // Everything the recommender catalog says reads in Chinese in the workbench: labels (but the
    // acronyms), descriptions and every parameter's help.
    void catalogReadsInChinese() {
        LanguageManager language;
        QCOMPARE(language.apply("zh_CN"), QStringLiteral("zh_CN"));
        QStringList untranslated;
        auto check = [&](const QString& english, const QString& shown) {
            if (shown.isEmpty() || shown == english) untranslated << english;
        };
        const QStringList acronyms = {"Item-kNN", "ALS"};
        for (const auto& info : rec::recommenderCatalog()) {
            const QString name = QString::fromLatin1(info.name);
            if (!acronyms.contains(QString::fromUtf8(info.label))) check(QString::fromUtf8(info.label), RecommenderChoices::label(name));
            if (!acronyms.contains(QString::fromUtf8(info.shortLabel))) check(QString::fromUtf8(info.shortLabel), RecommenderChoices::shortLabel(name));
            check(QString::fromUtf8(info.description), RecommenderChoices::description(name));
            for (const auto& p : info.parameters) check(QString::fromUtf8(p.help), RecommenderChoices::parameterHelp(QString::fromLatin1(p.key)));
        }
        QCOMPARE(language.apply("en"), QStringLiteral("en"));
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(" | ")));
        QCOMPARE(RecommenderChoices::label("als"), QStringLiteral("ALS (matrix factorisation)"));
        QCOMPARE(RecommenderChoices::defaultComparison(), (QStringList{"popularity", "itemknn", "als"}));
    }

    void comparisonTable() {
        ComparisonTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(sampleResult());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 1 + 12 + int(ComparisonTableModel::ExtraCount));
        const int ndcg = ComparisonTableModel::valueColumn(MetricId::Ndcg);
        QCOMPARE(model.headerData(ndcg, Qt::Horizontal).toString(), QString("ndcg@10"));
        QCOMPARE(model.headerData(ComparisonTableModel::ciColumn(MetricId::Ndcg), Qt::Horizontal).toString(), QString("95% CI"));
        QVERIFY(model.headerData(ndcg, Qt::Horizontal, Qt::ToolTipRole).toString().contains("IDCG"));
        // als (row 2) is best; itemknn's difference from it is not significant; popularity's is.
        QCOMPARE(model.bestRow(ndcg), 2);
        QVERIFY(model.data(model.index(2, ndcg), ComparisonTableModel::BestRole).toBool());
        QVERIFY(model.data(model.index(2, ndcg), Qt::BackgroundRole).isValid());
        QVERIFY(model.data(model.index(1, ndcg), ComparisonTableModel::NotSignificantRole).toBool());
        QVERIFY(model.data(model.index(1, ndcg)).toString().endsWith("≈"));
        QVERIFY(!model.data(model.index(0, ndcg), ComparisonTableModel::NotSignificantRole).toBool());
        QCOMPARE(model.data(model.index(1, ndcg), ComparisonTableModel::PValueRole).toDouble(), 0.4);
        QCOMPARE(model.data(model.index(2, ComparisonTableModel::ciColumn(MetricId::Ndcg))).toString(), QString("0.3200–0.3800"));
        QVERIFY(model.data(model.index(1, ndcg), Qt::ToolTipRole).toString().contains("not significant"));
        // Coverage: higher is better; average popularity is not ranked.
        QCOMPARE(model.bestRow(ComparisonTableModel::extraColumn(ComparisonTableModel::Coverage)), 2);
        QCOMPARE(model.bestRow(ComparisonTableModel::extraColumn(ComparisonTableModel::AveragePopularity)), -1);
        QCOMPARE(model.data(model.index(0, ComparisonTableModel::extraColumn(ComparisonTableModel::Diversity))).toString(), QString("—"));
        const QStringList lines = model.csv().trimmed().split('\n');
        // Without review sentiment there is no share of complained-about products to show.
        QCOMPARE(model.data(model.index(0, ComparisonTableModel::extraColumn(ComparisonTableModel::NegativeShare))).toString(), QString("—"));
        QCOMPARE(lines.size(), 1 + 3 * (6 + 7));
        QVERIFY(lines.contains("als,ndcg@10,0.35,0.32,0.38,true,,"));
        QVERIFY(lines.contains("itemknn,ndcg@10,0.33,0.3,0.36,false,0.4,false"));
        model.setResult(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void slices() {
        SliceTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(sampleResult());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 2 + 3);
        QCOMPARE(model.data(model.index(0, 0), SliceTableModel::SliceKeyRole).toString(), QString("cold_items"));
        QCOMPARE(model.data(model.index(2, 0)).toString(), QString("Cohort 2025-03"));
        QCOMPARE(model.data(model.index(1, 1)).toULongLong(), 4ULL);
        QCOMPARE(model.data(model.index(1, 4)).toString(), QString("0.6000"));  // als warm users ndcg
        QVERIFY(model.data(model.index(1, 4), SliceTableModel::BestRole).toBool());
        QVERIFY(!model.data(model.index(0, 4), SliceTableModel::BestRole).toBool());  // all zero: no best
        model.setMetric(MetricId::Precision);
        QCOMPARE(model.data(model.index(2, 2)).toString(), QString("0.1000"));
        QVERIFY(model.headerData(2, Qt::Horizontal).toString().contains("precision@10"));
        const QStringList lines = ExportFiles::csv(model).trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith("Slice,Users,"));
    }

    void lossCurve() {
        LossCurveModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(1, 0.69, 0.70);
        model.append(2, 0.50, 0.55);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1, LossCurveModel::Validation)).toDouble(), 0.55);
        QCOMPARE(model.maxLoss(), 0.70);
        QCOMPARE(model.minLoss(), 0.50);
        model.setCurve({0.6, 0.4, 0.3}, {0.62, 0.45, 0.41});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(2, LossCurveModel::Epoch)).toInt(), 3);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void csvQuotingAndFiles() {
        QCOMPARE(ExportFiles::quoteCsv("plain"), QString("plain"));
        QCOMPARE(ExportFiles::quoteCsv("a,b"), QString("\"a,b\""));
        QCOMPARE(ExportFiles::quoteCsv("say \"hi\""), QString("\"say \"\"hi\"\"\""));
        QTemporaryDir dir;
        const QString path = dir.filePath("out.csv");
        QVERIFY(ExportFiles::writeText(path, "x,y\n1,2\n").isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("x,y\n1,2\n"));
        QVERIFY(!ExportFiles::writeText(dir.filePath("no/such/dir/out.csv"), "x").isEmpty());
    }
};

QTEST_MAIN(TestRecommendationModels)
#include "TestRecommendationModels.moc"
