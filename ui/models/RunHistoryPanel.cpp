#include "RunHistoryPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

#include "RecommenderChoices.h"
#include "Text.h"
#include "eval/MetricDefinitions.h"

namespace ss::ui {
namespace {

QString pValue(double p) {
    return std::isfinite(p) ? QLocale().toString(p, 'g', 2) : QStringLiteral("–");
}

}  // namespace

RunHistoryPanel::RunHistoryPanel(JobRunner& runner, QWidget* parent) : QWidget(parent), runner_(runner) {
    auto* layout = new QVBoxLayout(this);
    model_ = new RunHistoryModel(this);
    view_ = new QTableView(this);
    view_->setObjectName("runHistory");
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(view_, 1);

    auto* bar = new QHBoxLayout();
    bar->addWidget(new QLabel(tr("Compare two selected runs on"), this));
    metric_ = new QComboBox(this);
    for (MetricId id : kAllMetrics) metric_->addItem(qs(std::string(metricKey(id))), static_cast<int>(id));
    metric_->setCurrentIndex(static_cast<int>(MetricId::Ndcg));
    bar->addWidget(metric_);
    compare_ = new QPushButton(tr("Compare"), this);
    compare_->setEnabled(false);
    bar->addWidget(compare_);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    bar->addWidget(refresh);
    bar->addStretch(1);
    layout->addLayout(bar);
    result_ = new QLabel(tr("Every evaluation is stored in the project; select two runs to test their difference."), this);
    result_->setObjectName("runComparison");
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(result_);

    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunHistoryPanel::updateButton);
    connect(compare_, &QPushButton::clicked, this, &RunHistoryPanel::compareSelected);
    connect(refresh, &QPushButton::clicked, this, &RunHistoryPanel::reload);
}

namespace {
const QString kLoadKey = QStringLiteral("models/runs/load");
const QString kCompareKey = QStringLiteral("models/runs/compare");
}  // namespace

void RunHistoryPanel::setProject(const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    reload();
}

void RunHistoryPanel::reload() {
    // A comparison asked of the old list no longer stands; a newer load replaces an older one (keyed).
    runner_.cancelKey(kCompareKey);
    if (!project_) {
        runner_.cancelKey(kLoadKey);
        model_->setRuns({});
        return;
    }
    std::function<Result<std::vector<rec::StoredRun>>(const JobContext&)> job = [project = project_](const JobContext&) -> Result<std::vector<rec::StoredRun>> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        return rec::Runs::list((*reader)->db());
    };
    runner_.start<std::vector<rec::StoredRun>>(kLoadKey, tr("Loading stored runs"), job, this, [this](Result<std::vector<rec::StoredRun>> r) {
        if (!r) {
            result_->setText(tr("The stored runs could not be read: %1").arg(qs(r.error().describe())));
            return;
        }
        model_->setRuns(std::move(*r));
        updateButton();
        emit loaded();
    });
}

void RunHistoryPanel::selectRows(int a, int b) {
    view_->clearSelection();
    for (int row : {a, b}) view_->selectionModel()->select(model_->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void RunHistoryPanel::updateButton() {
    compare_->setEnabled(view_->selectionModel()->selectedRows().size() == 2);
}

void RunHistoryPanel::compareSelected() {
    const auto rows = view_->selectionModel()->selectedRows();
    if (rows.size() != 2) return;
    // The difference always reads newer − older (rows are newest first).
    const rec::StoredRun* first = model_->run(std::max(rows[0].row(), rows[1].row()));
    const rec::StoredRun* second = model_->run(std::min(rows[0].row(), rows[1].row()));
    if (!first || !second) return;
    const auto metric = static_cast<MetricId>(metric_->currentData().toInt());
    const rec::StoredRun a = *second, b = *first;
    std::function<Result<rec::Comparison>(const JobContext&)> job = [project = project_, a, b, metric](const JobContext&) -> Result<rec::Comparison> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        return rec::Runs::compare((*reader)->db(), a, b, metric);
    };
    runner_.start<rec::Comparison>(kCompareKey, tr("Comparing runs"), job, this, [this, a, b, metric](Result<rec::Comparison> r) {
        if (!r) {
            result_->setText(tr("These runs cannot be compared: %1").arg(qs(r.error().describe())));
            emit compared();
            return;
        }
        const QString label = qs(metricLabel(metric, a.k));
        QString text = tr("%1 (run %2) − %3 (run %4): %5 %6 over %7 users; paired t-test p = %8, Wilcoxon p = %9 — %10.")
                           .arg(RecommenderChoices::label(qs(a.recommender)))
                           .arg(a.id)
                           .arg(RecommenderChoices::label(qs(b.recommender)))
                           .arg(b.id)
                           .arg(label)
                           .arg(QLocale().toString(r->meanDifference, 'f', 4))
                           .arg(QLocale().toString(qulonglong(r->n)))
                           .arg(pValue(r->tPValue), pValue(r->wilcoxonPValue),
                                r->significant ? tr("significant") : tr("not significant"));
        if (!rec::Runs::sameSetting(a, b))
            text += QLatin1Char(' ') + tr("Careful: the two runs were evaluated on different splits or data, so this pairs "
                                          "different test items; compare runs of one evaluation for a fair test.");
        result_->setText(text);
        emit compared();
    });
}

QString RunHistoryPanel::comparisonText() const { return result_->text(); }

}  // namespace ss::ui
