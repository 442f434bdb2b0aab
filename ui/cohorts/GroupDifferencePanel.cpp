#include "GroupDifferencePanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "GroupDifferenceModel.h"

namespace ss::ui {

GroupDifferencePanel::GroupDifferencePanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    a_ = new QComboBox(this);
    a_->setObjectName("groupA");
    b_ = new QComboBox(this);
    b_->setObjectName("groupB");
    for (auto* box : {a_, b_}) box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(new QLabel(tr("Compare"), this));
    bar->addWidget(a_);
    bar->addWidget(new QLabel(tr("with"), this));
    bar->addWidget(b_);
    bar->addStretch(1);
    layout->addLayout(bar);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    layout->addWidget(note_);
    model_ = new GroupDifferenceModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(table_, 1);
    for (auto* box : {a_, b_}) connect(box, &QComboBox::currentIndexChanged, this, &GroupDifferencePanel::showPair);
    setGroups({}, {}, {}, {});
}

void GroupDifferencePanel::setGroups(const std::vector<std::string>& names, const QStringList& labels, GroupDifferences differences,
                                     const QStringList& periods) {
    differences_ = std::move(differences);
    periods_ = periods;
    {
        const QSignalBlocker blockA(a_), blockB(b_);
        a_->clear();
        b_->clear();
        for (std::size_t g = 0; g < names.size(); ++g) {
            const QString label = g < static_cast<std::size_t>(labels.size()) ? labels[static_cast<int>(g)] : QString::fromStdString(names[g]);
            a_->addItem(label, int(g));
            b_->addItem(label, int(g));
        }
        if (b_->count() > 1) b_->setCurrentIndex(1);
    }
    a_->setEnabled(names.size() > 1);
    b_->setEnabled(names.size() > 1);
    showPair();
}

void GroupDifferencePanel::showPair() {
    if (a_->count() < 2) {
        model_->clear();
        note_->setText(tr("Group the customers (Group by, with every group shown) to compare two groups period by period."));
        return;
    }
    const int a = a_->currentData().toInt(), b = b_->currentData().toInt();
    const auto it = differences_.find({a, b});
    if (a == b || it == differences_.end()) {
        model_->clear();
        note_->setText(tr("Choose two different groups."));
        return;
    }
    model_->setComparison(a_->currentText(), b_->currentText(), it->second, periods_);
    int shown = 0;
    for (const auto& d : model_->differences()) shown += (d.low > 0 || d.high < 0) ? 1 : 0;
    note_->setText(tr("Retention of “%2” minus that of “%1”, in percentage points, with Newcombe's 95% interval (complete "
                      "periods, weighted by cohort size). Periods where they differ, the interval leaving out zero: %3 of %4.")
                       .arg(a_->currentText(), b_->currentText())
                       .arg(shown)
                       .arg(model_->rowCount()));
}

}  // namespace ss::ui
