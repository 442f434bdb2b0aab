#include "ModelsScreen.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "ComparisonTableModel.h"
#include "EvaluationSetupBox.h"
#include "ExportFiles.h"
#include "JobRunner.h"
#include "LossChart.h"
#include "LossCurveModel.h"
#include "MetricChartsGrid.h"
#include "ParameterModel.h"
#include "RecommenderChoices.h"
#include "RunHistoryPanel.h"
#include "SliceBarChart.h"
#include "SliceTableModel.h"
#include "Text.h"
#include "common/JobStages.h"
#include "common/TimeUtil.h"

namespace ss::ui {
namespace {
const QString kEvaluateKey = QStringLiteral("models/evaluate");
}  // namespace

ModelsScreen::ModelsScreen(JobRunner& runner, QWidget* parent) : ProjectScreen(parent), runner_(runner) {
    auto* outer = new QHBoxLayout(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(split);

    auto* config = new QWidget(split);
    auto* configLayout = new QVBoxLayout(config);
    auto* models = new QGroupBox(tr("Recommenders"), config);
    auto* modelsLayout = new QGridLayout(models);
    const QStringList names = RecommenderChoices::names();
    for (int i = 0; i < names.size(); ++i) {
        auto* box = new QCheckBox(RecommenderChoices::label(names[i]), models);
        box->setObjectName(names[i]);
        box->setToolTip(RecommenderChoices::description(names[i]));
        box->setChecked(RecommenderChoices::defaultComparison().contains(names[i]));
        if (const QString why = RecommenderChoices::unavailableReason(names[i]); !why.isEmpty()) {
            box->setEnabled(false);
            box->setToolTip(why);
        }
        recommenderBoxes_ << box;
        modelsLayout->addWidget(box, i / 2, i % 2);
    }
    configLayout->addWidget(models);

    setup_ = new EvaluationSetupBox(config);
    configLayout->addWidget(setup_);

    auto* params = new QGroupBox(tr("Parameters"), config);
    auto* paramsLayout = new QVBoxLayout(params);
    parameters_ = new ParameterModel(this);
    auto* paramView = new QTableView(params);
    paramView->setObjectName("parameters");
    paramView->setModel(parameters_);
    paramView->verticalHeader()->hide();
    paramView->horizontalHeader()->setSectionResizeMode(ParameterModel::Name, QHeaderView::Stretch);
    paramView->horizontalHeader()->setSectionResizeMode(ParameterModel::Default, QHeaderView::ResizeToContents);
    paramView->setColumnWidth(ParameterModel::Value, 70);
    paramView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    paramsLayout->addWidget(paramView);
    configLayout->addWidget(params, 1);
    auto* buttons = new QHBoxLayout();
    run_ = new QPushButton(tr("Train and evaluate"), config);
    run_->setObjectName("run");
    cancel_ = new QPushButton(tr("Cancel"), config);
    cancel_->setEnabled(false);
    buttons->addWidget(run_, 1);
    buttons->addWidget(cancel_);
    configLayout->addLayout(buttons);
    config->setMinimumWidth(300);

    auto* results = new QWidget(split);
    auto* resultsLayout = new QVBoxLayout(results);
    summary_ = new QLabel(tr("Choose recommenders and press “Train and evaluate”."), results);
    summary_->setObjectName("summary");
    summary_->setWordWrap(true);
    summary_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    summary_->setMinimumHeight(summary_->fontMetrics().lineSpacing() * 3 + 4);  // room for three lines (a narrow window)
    resultsLayout->addWidget(summary_);
    tabs_ = new QTabWidget(results);
    resultsLayout->addWidget(tabs_, 1);

    auto* comparisonPage = new QWidget(tabs_);
    auto* comparisonLayout = new QVBoxLayout(comparisonPage);
    comparison_ = new ComparisonTableModel(this);
    comparisonView_ = new QTableView(comparisonPage);
    comparisonView_->setObjectName("comparison");
    comparisonView_->setModel(comparison_);
    comparisonView_->verticalHeader()->hide();
    comparisonView_->setSelectionMode(QAbstractItemView::NoSelection);
    comparisonLayout->addWidget(comparisonView_, 1);
    auto* legend = new QLabel(tr("<span style='background:#c8e6c9'>&nbsp;<b>bold</b>&nbsp;</span> best in the column &nbsp; "
                                 "<span style='background:#fff1c4'>&nbsp;value ≈&nbsp;</span> not significantly different from the best "
                                 "(paired t-test over users, p ≥ 0.05) &nbsp; Hover a header for the metric's definition, a cell for "
                                 "its interval and p-values."),
                              comparisonPage);
    legend->setWordWrap(true);
    comparisonLayout->addWidget(legend);
    auto* exportComparison = new QPushButton(tr("Export CSV…"), comparisonPage);
    comparisonLayout->addWidget(exportComparison, 0, Qt::AlignRight);
    tabs_->addTab(comparisonPage, tr("Comparison"));

    auto* chartsPage = new QWidget(tabs_);
    auto* chartsLayout = new QVBoxLayout(chartsPage);
    chartsGrid_ = new MetricChartsGrid(comparison_, chartsPage);
    chartsLayout->addWidget(chartsGrid_, 1);
    auto* saveCharts = new QPushButton(tr("Save chart image…"), chartsPage);
    chartsLayout->addWidget(saveCharts, 0, Qt::AlignRight);
    tabs_->addTab(chartsPage, tr("Charts"));

    auto* slicesPage = new QWidget(tabs_);
    auto* slicesLayout = new QVBoxLayout(slicesPage);
    auto* sliceBar = new QHBoxLayout();
    sliceMetric_ = new QComboBox(slicesPage);
    for (MetricId id : kAllMetrics) sliceMetric_->addItem(qs(std::string(metricKey(id))), static_cast<int>(id));
    sliceMetric_->setCurrentIndex(static_cast<int>(MetricId::Ndcg));
    sliceBar->addWidget(new QLabel(tr("Metric:"), slicesPage));
    sliceBar->addWidget(sliceMetric_);
    sliceBar->addStretch(1);
    slicesLayout->addLayout(sliceBar);
    slices_ = new SliceTableModel(this);
    auto* sliceView = new QTableView(slicesPage);
    sliceView->setObjectName("slices");
    sliceView->setModel(slices_);
    sliceView->verticalHeader()->hide();
    sliceView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    sliceChart_ = new SliceBarChart(slices_, slicesPage);
    sliceChart_->setMinimumHeight(200);
    sliceView->setMinimumHeight(120);
    slicesLayout->addWidget(sliceView, 1);
    slicesLayout->addWidget(sliceChart_, 1);
    auto* sliceNote = new QLabel(tr("Cold items have no training interaction (only content models can rank them); cold users have "
                                    "no training history (served by the popularity fallback); cohorts are customers by the month of "
                                    "their first event."),
                                 slicesPage);
    sliceNote->setWordWrap(true);
    slicesLayout->addWidget(sliceNote);
    auto* exportSlices = new QPushButton(tr("Export CSV…"), slicesPage);
    slicesLayout->addWidget(exportSlices, 0, Qt::AlignRight);
    tabs_->addTab(slicesPage, tr("Slices"));

    auto* trainingPage = new QWidget(tabs_);
    auto* trainingLayout = new QVBoxLayout(trainingPage);
    lossChart_ = new LossChart(trainingPage);
    trainingLayout->addWidget(lossChart_, 1);
    trainingLog_ = new QLabel(tr("The two-tower's loss curve appears here while it trains."), trainingPage);
    trainingLog_->setWordWrap(true);
    trainingLayout->addWidget(trainingLog_);
    auto* saveLoss = new QPushButton(tr("Save chart image…"), trainingPage);
    trainingLayout->addWidget(saveLoss, 0, Qt::AlignRight);
    tabs_->addTab(trainingPage, tr("Training"));

    history_ = new RunHistoryPanel(runner_, tabs_);
    tabs_->addTab(history_, tr("History"));

    split->addWidget(config);
    split->addWidget(results);
    split->setStretchFactor(1, 1);

    connect(run_, &QPushButton::clicked, this, &ModelsScreen::evaluate);
    connect(cancel_, &QPushButton::clicked, this, &ModelsScreen::cancel);
    connect(parameters_, &ParameterModel::rejected, this, [this](const QString& m) { report(m, true); });
    for (auto* box : recommenderBoxes_)
        connect(box, &QCheckBox::toggled, this, [this] { parameters_->setRecommenders(recommenders()); });
    parameters_->setRecommenders(recommenders());
    connect(sliceMetric_, &QComboBox::currentIndexChanged, this,
            [this] { slices_->setMetric(static_cast<MetricId>(sliceMetric_->currentData().toInt())); });
    auto exporter = [this](const QString& title, const QString& name, const QString& filter, auto write) {
        const QString path = askPath(title, name, filter);
        if (path.isEmpty()) return;
        const QString error = write(path);
        report(error.isEmpty() ? tr("Saved %1").arg(path) : error, !error.isEmpty());
    };
    connect(exportComparison, &QPushButton::clicked, this, [this, exporter] {
        exporter(tr("Export the comparison"), "comparison.csv", tr("CSV files (*.csv)"), [this](const QString& p) { return exportComparisonCsv(p); });
    });
    connect(exportSlices, &QPushButton::clicked, this, [this, exporter] {
        exporter(tr("Export the slices"), "slices.csv", tr("CSV files (*.csv)"), [this](const QString& p) { return exportSlicesCsv(p); });
    });
    connect(saveCharts, &QPushButton::clicked, this, [this, exporter] {
        exporter(tr("Save the charts"), "metrics.png", tr("Images (*.png *.jpg *.bmp)"), [this](const QString& p) { return saveChartsImage(p); });
    });
    connect(saveLoss, &QPushButton::clicked, this, [this, exporter] {
        exporter(tr("Save the loss chart"), "loss.png", tr("Images (*.png *.jpg *.bmp)"), [this](const QString& p) { return saveLossImage(p); });
    });
}

void ModelsScreen::setProject(const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    runner_.cancelKey(kEvaluateKey);  // its result and epochs belong to the previous project
    job_ = 0;
    run_->setEnabled(project != nullptr);
    cancel_->setEnabled(false);
    comparison_->setResult(nullptr);
    slices_->setResult(nullptr);
    lossChart_->model()->clear();
    history_->setProject(project);
    report(!project ? tr("No project open.") : tr("Choose recommenders and press “Train and evaluate”."), false);
}

void ModelsScreen::report(const QString& message, bool error) {
    summary_->setText(message);
    if (error) emit failed(message);
}

QString ModelsScreen::askPath(const QString& title, const QString& suggested, const QString& filter) {
    return QFileDialog::getSaveFileName(this, title, suggested, filter);
}

QStringList ModelsScreen::recommenders() const {
    QStringList out;
    for (auto* box : recommenderBoxes_)
        if (box->isChecked() && box->isEnabled()) out << box->objectName();
    return out;
}

void ModelsScreen::setRecommenders(const QStringList& names) {
    for (auto* box : recommenderBoxes_) box->setChecked(names.contains(box->objectName()));
}

void ModelsScreen::setSplit(const QString& kind, double testFraction) { setup_->setSplit(kind, testFraction); }
void ModelsScreen::setTopK(int k) { setup_->setTopK(k); }
void ModelsScreen::setConvention(const QString& name) { setup_->setConvention(name); }
void ModelsScreen::setBootstrapResamples(int n) { setup_->setBootstrapResamples(n); }

void ModelsScreen::evaluate() {
    if (!project_ || job_) return;
    rec::EvaluationOptions o;
    o.recommenders.clear();
    for (const QString& n : recommenders()) o.recommenders.push_back(utf8(n));
    if (o.recommenders.empty()) return report(tr("Choose at least one recommender."), true);
    setup_->applyTo(o);
    o.threads = RecommenderChoices::threads();
    o.vectors = RecommenderChoices::vectorOptions();
    auto config = parameters_->config();
    if (!config) return report(qs(config.error().describe()), true);
    o.config = *config;
    lossChart_->model()->clear();
    lossChart_->setSubtitle(QString());
    std::function<Result<rec::EvaluationResult>(const JobContext&)> job = [p = project_->file(), o](const JobContext& ctx) {
        return rec::Evaluation::run(p, o, ctx);
    };
    report(tr("Training and evaluating %1…").arg(recommenders().join(QStringLiteral(", "))), false);
    run_->setEnabled(false);
    cancel_->setEnabled(true);
    job_ = runner_.start<rec::EvaluationResult>(kEvaluateKey, tr("Evaluating recommenders"), job, this, [this](Result<rec::EvaluationResult> r) {
        job_ = 0;
        run_->setEnabled(true);
        cancel_->setEnabled(false);
        if (!r) {
            if (r.error().code == ErrorCode::Cancelled) return report(tr("Cancelled: nothing was stored."), false);
            return report(tr("The evaluation failed: %1").arg(qs(r.error().describe())), true);
        }
        showResult(std::make_shared<const rec::EvaluationResult>(std::move(*r)));
    }, [this](const JobProgress& progress) { showEpoch(progress); });
}

// The live loss curve: every epoch of a two-tower (alone or inside a hybrid) arrives as a milestone.
void ModelsScreen::showEpoch(const JobProgress& progress) {
    if (!progress.milestone) return;
    const auto epoch = progress.value(stages::kValueEpoch);
    const auto train = progress.value(stages::kValueTrainLoss), validation = progress.value(stages::kValueValidationLoss);
    if (!epoch || !train || !validation) return;
    lossChart_->model()->append(static_cast<int>(*epoch), *train, *validation);
    QString text = tr("Epoch %1: training loss %2, validation loss %3").arg(static_cast<int>(*epoch)).arg(*train, 0, 'f', 4).arg(*validation, 0, 'f', 4);
    if (const auto ndcg = progress.value(stages::kValueValidationNdcg)) text += tr(", validation NDCG@10 %1").arg(*ndcg, 0, 'f', 4);
    trainingLog_->setText(text);
    emit epochReported(static_cast<int>(*epoch), *train, *validation);
}

void ModelsScreen::cancel() {
    if (job_) runner_.cancel(job_);
}

void ModelsScreen::showResult(std::shared_ptr<const rec::EvaluationResult> result) {
    history_->reload();  // the runs just stored
    comparison_->setResult(result);
    slices_->setResult(result);
    comparisonView_->resizeColumnsToContents();
    const auto& s = result->split;
    QString cut;
    if (s.cutoff) cut = tr(" at %1").arg(qs(isoDate(*s.cutoff)));
    if (s.testUsersSampledFrom)
        cut += tr(" (a seeded sample of the %1 test customers; metrics and intervals are the sample's)").arg(*s.testUsersSampledFrom);
    QStringList stored;
    for (const auto& run : result->runs)
        if (run.runId) stored << QString::number(run.runId);
    report(tr("%1 split%2: %3 test customers, %4 test pairs (%5 on cold items), %6 cold customers; k = %7, convention %8, seed %9; "
              "%10 s.%11")
               .arg(setup_->splitLabel(), cut)
               .arg(s.testUsers)
               .arg(s.testPairs)
               .arg(s.coldItemTestPairs)
               .arg(s.coldUsers)
               .arg(result->k)
               .arg(qs(std::string(conventionName(result->convention))))
               .arg(result->seed)
               .arg(QString::number(result->seconds, 'f', 1),
                    stored.isEmpty() ? QString() : tr(" Stored as runs %1.").arg(stored.join(QStringLiteral(", ")))),
           false);
    for (const auto& run : result->runs)
        if (const auto* log = run.training.lossCurves()) {
            // The finished run's report is authoritative (the live curve may have missed nothing, but keep one source).
            lossChart_->model()->setCurve(log->trainLoss, log->validationLoss);
            const int best = log->bestEpoch.value_or(0), epochs = log->epochs.value_or(0);
            lossChart_->setSubtitle(tr("best epoch %1 of %2").arg(best).arg(epochs));
            if (!log->validationNdcg.empty() && best >= 1 && best <= static_cast<int>(log->validationNdcg.size()))
                trainingLog_->setText(tr("Two-tower: %1 epochs; the best was epoch %2 (validation NDCG@10 %3 over %4 held-out customers; "
                                         "a later epoch had to beat it by more than a standard error) and its weights are kept; trained in %5 s.")
                                          .arg(epochs)
                                          .arg(best)
                                          .arg(log->validationNdcg[static_cast<std::size_t>(best - 1)], 0, 'f', 4)
                                          .arg(log->rankingCustomers.value_or(0))
                                          .arg(run.fitSeconds, 0, 'f', 1));
            else
                trainingLog_->setText(tr("Two-tower: %1 epochs, the best (lowest validation loss) was epoch %2 and its weights are kept; "
                                         "trained in %3 s.")
                                          .arg(epochs)
                                          .arg(best)
                                          .arg(run.fitSeconds, 0, 'f', 1));
        }
    emit evaluated();
}

QString ModelsScreen::exportComparisonCsv(const QString& path) const { return ExportFiles::writeText(path, comparison_->csv()); }
QString ModelsScreen::exportSlicesCsv(const QString& path) const { return ExportFiles::writeText(path, ExportFiles::csv(*slices_)); }
QString ModelsScreen::saveChartsImage(const QString& path) { return ExportFiles::saveImage(*chartsGrid_, path); }
QString ModelsScreen::saveLossImage(const QString& path) { return ExportFiles::saveImage(*lossChart_, path); }

}  // namespace ss::ui
