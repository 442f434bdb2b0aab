#include "ImportedCohortsPanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include "CohortTableModel.h"
#include "CohortText.h"
#include "JobRunner.h"
#include "Text.h"

namespace ss::ui {

ImportedCohortsPanel::ImportedCohortsPanel(JobRunner& runner, QWidget* parent) : QWidget(parent), runner_(runner) {
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout();
    auto* label = new QLabel(tr("Imported matrix:"), this);
    choices_ = new QComboBox(this);
    choices_->setObjectName("importedChoices");
    choices_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(choices_);
    row->addWidget(label);
    row->addWidget(choices_);
    row->addStretch(1);
    layout->addLayout(row);
    provenance_ = new QLabel(this);
    provenance_->setObjectName("provenance");
    provenance_->setWordWrap(true);
    provenance_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(provenance_);
    model_ = new CohortTableModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->horizontalHeader()->setResizeContentsPrecision(60);
    table_->verticalHeader()->setVisible(false);
    layout->addWidget(table_, 1);
    connect(choices_, &QComboBox::currentIndexChanged, this, &ImportedCohortsPanel::showChosen);
    setProject({});
}

void ImportedCohortsPanel::setProject(const std::filesystem::path& project) {
    stored_.clear();
    choices_->clear();
    model_->setMatrix({});
    choices_->setEnabled(false);
    if (project.empty()) {
        provenance_->setText(tr("No project open."));
        return;
    }
    provenance_->setText(tr("Reading imported results…"));
    std::function<Result<std::vector<ImportedCohortMatrix>>(const JobContext&)> job = [project](const JobContext&) {
        return ImportedCohorts::list(project);
    };
    runner_.start<std::vector<ImportedCohortMatrix>>(
        QStringLiteral("cohorts/imported"), tr("Reading imported cohort matrices"), job, this,
        [this](Result<std::vector<ImportedCohortMatrix>> r) {
            if (!r) {
                provenance_->setText(tr("Could not read the imported results: %1").arg(qs(r.error().describe())));
                emit listed(0);
                return;
            }
            stored_ = std::move(*r);
            if (stored_.empty()) {
                provenance_->setText(tr("No imported cohort matrices. Compute one on a cluster with cluster/cohorts.py and bring it in "
                                        "with: shelfsense-cli import-results --db PROJECT --cohorts FILE"));
            } else {
                const QSignalBlocker quiet(choices_);
                for (const auto& m : stored_) choices_->addItem(qs(m.name));
                choices_->setEnabled(true);
                showChosen();
            }
            emit listed(static_cast<int>(stored_.size()));
        });
}

void ImportedCohortsPanel::showChosen() {
    const int i = choices_->currentIndex();
    if (i < 0 || i >= static_cast<int>(stored_.size())) return;
    const auto& m = stored_[static_cast<std::size_t>(i)];
    const QString when = QLocale().toString(QDateTime::fromSecsSinceEpoch(m.imported), QLocale::ShortFormat);
    provenance_->setText(tr("Computed by %1 outside ShelfSense and imported %2. %3 Rates and intervals are derived here as for "
                            "the project's own matrices; purchases and revenue per customer were not computed.")
                             .arg(qs(m.engine), when, CohortText::definition(m.matrix.definition)));
    model_->setMatrix(m.matrix);
    table_->resizeColumnsToContents();
}

}  // namespace ss::ui
