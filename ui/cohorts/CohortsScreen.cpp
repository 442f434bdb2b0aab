#include "CohortsScreen.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QStyle>
#include <QFileDialog>
#include <QTimeZone>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QMenu>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

#include "CohortControls.h"
#include "CohortTableModel.h"
#include "CohortText.h"
#include "ExportFiles.h"
#include "GroupDifferencePanel.h"
#include "ImportedCohortsPanel.h"
#include "JobRunner.h"
#include "LifetimeValueChart.h"
#include "RetentionCurveChart.h"
#include "SurvivalChart.h"
#include "Text.h"
#include "cohorts/CohortEngine.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/Survival.h"
#include "CustomerListDialog.h"
#include "cohorts/ProjectActivity.h"
#include "cohorts/Segments.h"
#include "store/Project.h"

namespace ss::ui {

constexpr std::size_t kMostGroups = 12;

// Everything the engine needs from the project, loaded once per project and shared read-only with jobs.
struct CohortData {
    ActivityLog log;
    TimeZone zone;
    std::map<std::string, CustomerGroups> groupings;
};

struct CohortResult {
    CohortMatrix matrix;
    SurvivalReport survival;
    std::vector<std::pair<std::string, CohortMatrix>> byGroup;  // when grouped and no group is picked
    std::string groupedBy;                                      // the grouping's key; empty when not grouped
    GroupDifferences differences;                               // every ordered pair of byGroup
};

CohortsScreen::CohortsScreen(JobRunner& runner, QWidget* parent) : ProjectScreen(parent), runner_(runner) {
    auto* layout = new QVBoxLayout(this);
    controls_ = new CohortControls(this);
    layout->addWidget(controls_);
    definition_ = new QLabel(this);
    definition_->setObjectName("definition");
    definition_->setWordWrap(true);
    definition_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(definition_);

    tabs_ = new QTabWidget(this);
    model_ = new CohortTableModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    // Sized from the first rows and those in view, not from every cell: daily cohorts over a year are
    // 365 × 365 cells, and measuring them all froze the window for 0.2 s (GuiStallMeter).
    table_->horizontalHeader()->setResizeContentsPrecision(60);
    table_->verticalHeader()->setVisible(false);
    table_->setAlternatingRowColors(false);
    tabs_->addTab(table_, tr("Retention table"));
    curves_ = new RetentionCurveChart(this);
    tabs_->addTab(curves_, tr("Retention curves"));
    auto* survivalPage = new QWidget(this);
    auto* survivalLayout = new QVBoxLayout(survivalPage);
    survival_ = new SurvivalChart(survivalPage);
    survivalSummary_ = new QLabel(survivalPage);
    survivalSummary_->setWordWrap(true);
    survivalLayout->addWidget(survival_, 1);
    survivalLayout->addWidget(survivalSummary_);
    tabs_->addTab(survivalPage, tr("Still active (survival)"));
    value_ = new LifetimeValueChart(this);
    tabs_->addTab(value_, tr("Lifetime value"));
    compare_ = new GroupDifferencePanel(this);
    tabs_->addTab(compare_, tr("Compare groups"));
    imported_ = new ImportedCohortsPanel(runner_, this);
    tabs_->addTab(imported_, tr("Imported"));
    layout->addWidget(tabs_, 1);

    auto* bottom = new QHBoxLayout();
    status_ = new QLabel(tr("No project open."), this);
    status_->setObjectName("status");
    bottom->addWidget(status_, 1);
    auto* csv = new QPushButton(tr("Export CSV…"), this);
    auto* image = new QPushButton(tr("Export image…"), this);
    bottom->addWidget(csv);
    bottom->addWidget(image);
    layout->addLayout(bottom);

    connect(csv, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(image, &QPushButton::clicked, this, [this] { chooseExport(true); });
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table_, &QTableView::customContextMenuRequested, this, &CohortsScreen::cellMenu);
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& cell) { showCustomers(cell); });
    connect(controls_, &CohortControls::changed, this, &CohortsScreen::recompute);
    connect(controls_, &CohortControls::groupingChanged, this, &CohortsScreen::groupingChanged);
}

CohortsScreen::~CohortsScreen() = default;

void CohortsScreen::setProject(const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    data_.reset();
    imported_->setProject(project ? project->file() : std::filesystem::path());
    model_->setMatrix({});
    if (!project) {
        status_->setText(tr("No project open."));
        return;
    }
    status_->setText(tr("Reading the project's events…"));
    std::function<Result<std::shared_ptr<const CohortData>>(const JobContext&)> job =
        [p = project->file()](const JobContext& context) -> Result<std::shared_ptr<const CohortData>> {
        auto activity = ProjectActivity::open(p, std::nullopt, context);
        if (!activity) return activity.error();
        auto& project = activity->project;
        auto data = std::make_shared<CohortData>(CohortData{std::move(activity->log), std::move(activity->zone), {}});
        auto names = CustomerGroups::available(project->db(), data->log);
        if (!names) return names.error();
        for (const auto& name : *names) {
            auto groups = CustomerGroups::load(project->db(), data->log, name);
            if (!groups) return groups.error();
            // Thousands of categories make neither a readable chart nor a usable list: the largest only.
            groups->keepLargest(kMostGroups);
            data->groupings.emplace(name, std::move(*groups));
        }
        return std::shared_ptr<const CohortData>(std::move(data));
    };
    runner_.start<std::shared_ptr<const CohortData>>(QStringLiteral("cohorts/load"), tr("Loading events for cohorts"), job, this,
                                                     [this](Result<std::shared_ptr<const CohortData>> r) {
                                                         if (!r) {
                                                             status_->setText(tr("Could not read the project: %1").arg(qs(r.error().describe())));
                                                             return;
                                                         }
                                                         loaded(std::move(*r));
                                                     });
}

void CohortsScreen::loaded(std::shared_ptr<const CohortData> data) {
    data_ = std::move(data);
    QList<std::pair<QString, QString>> names;
    for (const auto& [name, groups] : data_->groupings) names.append({qs(name), CohortText::grouping(groups)});
    controls_->setGroupings(names);
    groupingChanged();
}

void CohortsScreen::groupingChanged() {
    QList<std::pair<QString, QString>> values;
    if (data_) {
        if (auto it = data_->groupings.find(utf8(controls_->groupBy())); it != data_->groupings.end())
            for (const auto& v : it->second.names) values.append({qs(v), CohortText::groupValue(it->second, v)});
    }
    controls_->setGroupValues(values);
    recompute();
}

void CohortsScreen::recompute() {
    if (!data_) return;
    auto definition = controls_->definition();
    if (!definition) {
        status_->setText(qs(definition.error().describe()));
        return;
    }
    definition->timeZone = data_->zone.name();
    model_->setMeasure(static_cast<CohortTableModel::Measure>(controls_->measure()));
    status_->setText(tr("Counting cohorts…"));
    std::function<Result<CohortResult>(const JobContext&)> job = [data = data_, d = *definition, by = utf8(controls_->groupBy()),
                                                                  value = utf8(controls_->groupValue()),
                                                                  gap = controls_->churnGapDays()](const JobContext& context) -> Result<CohortResult> {
        const CustomerGroups* groups = nullptr;
        if (auto it = data->groupings.find(by); it != data->groupings.end()) groups = &it->second;
        std::vector<char> include;
        if (groups && !value.empty()) include = groups->members(value);
        auto matrix = CohortEngine::compute(data->log, d, data->zone, context, include);
        if (!matrix) return matrix.error();
        // Survival: one curve per group when grouped (the chosen group alone when one is picked).
        Result<SurvivalReport> survival = makeError(ErrorCode::Internal, "not computed");
        if (groups && value.empty()) {
            survival = Survival::compute(data->log, gap, context, groups->groupOf, groups->names, groups->by);
        } else if (groups) {
            std::vector<int> one(groups->groupOf.size(), -1);
            for (std::size_t c = 0; c < one.size(); ++c)
                if (include[c]) one[c] = 0;
            const std::vector<std::string> names{value};
            survival = Survival::compute(data->log, gap, context, one, names, groups->by);
        } else {
            survival = Survival::compute(data->log, gap, context);
        }
        if (!survival) return survival.error();
        CohortResult result{std::move(*matrix), std::move(*survival), {}, groups ? by : std::string()};
        if (groups && value.empty()) {
            for (const auto& name : groups->names) {
                auto part = CohortEngine::compute(data->log, d, data->zone, context, groups->members(name));
                if (!part) return part.error();
                result.byGroup.emplace_back(name, std::move(*part));
            }
            for (std::size_t a = 0; a < result.byGroup.size(); ++a)
                for (std::size_t b = 0; b < result.byGroup.size(); ++b)
                    if (a != b)
                        result.differences[{int(a), int(b)}] = compareMeanRetention(result.byGroup[a].second, result.byGroup[b].second);
        }
        return result;
    };
    // A result for data no longer shown (another project opened meanwhile) is dropped.
    runner_.start<CohortResult>(QStringLiteral("cohorts/compute"), tr("Counting cohorts"), job, this,
                                [this, forData = data_](Result<CohortResult> r) {
        if (data_ != forData) return;
        if (!r) {
            if (r.error().code != ErrorCode::Cancelled) status_->setText(qs(r.error().describe()));
            return;
        }
        display(*r);
    });
}

void CohortsScreen::display(const CohortResult& result) {
    const auto& m = result.matrix;
    definition_->setText(CohortText::definition(m.definition));
    model_->setMatrix(m);
    sizeColumns();
    // Groups by their names in this language ("Yes: bought an item of its top 10", not "yes").
    const CustomerGroups* grouping = nullptr;
    if (auto it = data_->groupings.find(result.groupedBy); it != data_->groupings.end()) grouping = &it->second;
    auto named = [&](const std::string& value) { return grouping ? CohortText::groupValue(*grouping, value) : qs(value); };
    std::vector<std::pair<QString, const CohortMatrix*>> groups;
    for (const auto& [name, matrix] : result.byGroup) groups.emplace_back(named(name), &matrix);
    curves_->setMatrix(m, groups);
    SurvivalReport survival = result.survival;
    for (auto& curve : survival.curves)
        if (curve.group != "all") curve.group = utf8(named(curve.group));
    survival_->setReport(survival);
    survivalSummary_->setText(SurvivalChart::summary(survival));
    std::vector<std::string> groupNames;
    QStringList groupLabels, periods;
    for (const auto& [name, matrix] : result.byGroup) {
        groupNames.push_back(name);
        groupLabels << named(name);
    }
    std::size_t columns = 0;
    for (const auto& row : m.rows) columns = std::max(columns, row.cells.size());
    for (std::size_t c = 0; c < columns; ++c) periods << CohortText::periodLabel(m.definition, c);
    compare_->setGroups(groupNames, groupLabels, result.differences, periods);
    value_->setMatrix(m);
    status_->setText(tr("%1 customers in %2 cohorts; data up to %3.")
                         .arg(QLocale().toString(static_cast<qlonglong>(m.customers)))
                         .arg(m.rows.size())
                         .arg(QDateTime::fromSecsSinceEpoch(m.dataEnd, QTimeZone(QByteArray::fromStdString(m.definition.timeZone)))
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    emit resultShown();
}

void CohortsScreen::sizeColumns() {
    // Not QHeaderView::ResizeToContents: daily cohorts over a year are 365 × 365 cells, and measuring
    // every one froze the window for over 0.1 s (GuiStallMeter). The period columns share one width,
    // the widest of their headings and of the oldest cohort's and the mean row's cells (the longest
    // rows; the mean in bold); the cohort and size columns fit their contents.
    auto* header = table_->horizontalHeader();
    QFont boldFont = table_->font();
    boldFont.setBold(true);
    const QFontMetrics plain(table_->font()), bold(boldFont), headings(header->font());
    const int rows = model_->rowCount();
    int width = 0;
    for (int c = CohortTableModel::kFirstPeriodColumn; c < model_->columnCount(); ++c) {
        width = std::max(width, headings.horizontalAdvance(model_->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
        if (rows > 0) width = std::max(width, plain.horizontalAdvance(model_->index(0, c).data().toString()));
        if (rows > 1) width = std::max(width, bold.horizontalAdvance(model_->index(rows - 1, c).data().toString()));
    }
    const int padding = 2 * table_->style()->pixelMetric(QStyle::PM_HeaderMargin) + 8;
    for (int c = CohortTableModel::kFirstPeriodColumn; c < model_->columnCount(); ++c) header->resizeSection(c, width + padding);
    table_->resizeColumnToContents(0);
    table_->resizeColumnToContents(1);
}

void CohortsScreen::cellMenu(const QPoint& at) {
    const QModelIndex cell = table_->indexAt(at);
    if (!model_->cell(cell) || model_->isMeanRow(cell.row())) return;
    QMenu menu(this);
    menu.addAction(tr("Show the customers…"), this, [this, cell] { showCustomers(cell); });
    menu.addAction(tr("Save them as a segment…"), this, [this, cell] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save as segment"), tr("Segment name:"), QLineEdit::Normal, QString(), &ok).trimmed();
        if (ok && !name.isEmpty()) saveSegment(cell, name);
    });
    menu.exec(table_->viewport()->mapToGlobal(at));
}

void CohortsScreen::withCustomers(const QModelIndex& cell, const QString& title,
                                  std::function<void(std::vector<std::int64_t>, QStringList)> then) {
    if (!data_ || !model_->cell(cell) || model_->isMeanRow(cell.row())) return;
    const auto& m = model_->matrix();
    const std::string label = m.rows[static_cast<std::size_t>(cell.row())].label;
    const auto column = static_cast<std::size_t>(cell.column() - CohortTableModel::kFirstPeriodColumn);
    struct Found {
        std::vector<std::int64_t> userIds;
        std::vector<std::string> externalIds;
    };
    std::function<Result<Found>(const JobContext&)> job = [data = data_, d = m.definition, label, column, by = utf8(controls_->groupBy()),
                                                           value = utf8(controls_->groupValue()), project = project_](const JobContext&) -> Result<Found> {
        std::vector<char> include;
        if (auto it = data->groupings.find(by); it != data->groupings.end() && !value.empty()) include = it->second.members(value);
        auto customers = CohortEngine::members(data->log, d, data->zone, label, column, include);
        if (!customers) return customers.error();
        Found found;
        for (auto c : *customers) found.userIds.push_back(data->log.userId(c));
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        auto names = Segments::externalIds((*reader)->db(), found.userIds);
        if (!names) return names.error();
        found.externalIds = std::move(*names);
        return found;
    };
    runner_.start<Found>(QStringLiteral("cohorts/customers"), title, job, this, [this, then = std::move(then)](Result<Found> r) {
        if (!r) {
            status_->setText(qs(r.error().describe()));
            return;
        }
        QStringList ids;
        for (const auto& id : r->externalIds) ids << qs(id);
        then(std::move(r->userIds), ids);
    });
}

void CohortsScreen::showCustomers(const QModelIndex& cell, bool quiet) {
    const QString where = model_->headerData(cell.column(), Qt::Horizontal, Qt::DisplayRole).toString();
    const QString cohort = model_->data(model_->index(cell.row(), 0), Qt::DisplayRole).toString();
    withCustomers(cell, tr("Finding the customers of a cell"), [this, quiet, description = tr("cohort %1, %2").arg(cohort, where),
                                                               cell](std::vector<std::int64_t>, QStringList ids) {
        emit customersShown(ids);
        if (quiet) return;
        auto* dialog = new CustomerListDialog(description, ids, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &CustomerListDialog::saveRequested, this, [this, cell](const QString& name) { saveSegment(cell, name); });
        dialog->show();
    });
}

void CohortsScreen::saveSegment(const QModelIndex& cell, const QString& name) {
    const QString description = tr("cohort %1, %2: %3")
                                    .arg(model_->data(model_->index(cell.row(), 0), Qt::DisplayRole).toString(),
                                         model_->headerData(cell.column(), Qt::Horizontal, Qt::DisplayRole).toString(), definition_->text());
    withCustomers(cell, tr("Finding the customers of a cell"), [this, name, description](std::vector<std::int64_t> userIds, QStringList) {
        std::function<Result<SegmentInfo>(const JobContext&)> job = [project = project_, n = utf8(name), d = utf8(description),
                                                                     ids = std::move(userIds)](const JobContext&) -> Result<SegmentInfo> {
            auto writer = project->openForWriting();
            if (!writer) return writer.error();
            return Segments::save((*writer)->db(), n, d, ids, false, QDateTime::currentSecsSinceEpoch());
        };
        runner_.start<SegmentInfo>(tr("Saving segment %1").arg(name), job, this, [this, name](Result<SegmentInfo> r) {
            if (!r) {
                status_->setText(tr("Could not save the segment: %1").arg(qs(r.error().describe())));
                return;
            }
            status_->setText(tr("Saved segment “%1” with %2 customers.").arg(name, QLocale().toString(static_cast<qlonglong>(r->customers))));
            emit segmentSaved(name, r->customers);
        });
    });
}

QString CohortsScreen::exportCsv(const QString& path) const {
    return ExportFiles::writeText(path, qs(model_->matrix().toCsv()));
}

QString CohortsScreen::exportImage(const QString& path) {
    QWidget* page = tabs_->currentWidget();
    return page ? ExportFiles::saveImage(*page, path) : tr("Nothing to export.");
}

void CohortsScreen::chooseExport(bool image) {
    const QString path = image ? QFileDialog::getSaveFileName(this, tr("Export image"), QStringLiteral("cohorts.png"),
                                                              tr("Images (*.png *.svg)"))
                               : QFileDialog::getSaveFileName(this, tr("Export CSV"), QStringLiteral("cohorts.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    const QString error = image ? exportImage(path) : exportCsv(path);
    status_->setText(error.isEmpty() ? tr("Saved %1").arg(path) : error);
}

}  // namespace ss::ui
