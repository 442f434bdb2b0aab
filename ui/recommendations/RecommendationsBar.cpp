#include "RecommendationsBar.h"

#include <QComboBox>
#include <QCompleter>
#include <QListView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>

#include <algorithm>

#include "AudienceChoice.h"
#include "RecommenderChoices.h"

namespace ss::ui {

RecommendationsBar::RecommendationsBar(QWidget* parent) : QWidget(parent) {
    auto* bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    customerEdit_ = new QLineEdit(this);
    customerEdit_->setObjectName("customer");
    customerEdit_->setPlaceholderText(tr("Customer id"));
    customerEdit_->setClearButtonEnabled(true);
    auto* completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(15);
    // Every row one line high: the popup then never measures its rows (with 200,000 customers the
    // first key press measured ~90,000 matches and held the window 350 ms; 12 ms with this).
    if (auto* list = qobject_cast<QListView*>(completer->popup())) list->setUniformItemSizes(true);
    customerEdit_->setCompleter(completer);
    show_ = new QPushButton(tr("Show"), this);
    audience_ = new AudienceChoice(this);
    bar->addWidget(new QLabel(tr("For:"), this));
    bar->addWidget(audience_);
    bar->addWidget(new QLabel(tr("Customer:"), this));
    bar->addWidget(customerEdit_, 1);
    bar->addWidget(show_);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Models:"), this));
    // The default comparison, personalised models first and the popularity baseline last.
    QStringList defaults = RecommenderChoices::defaultComparison();
    std::reverse(defaults.begin(), defaults.end());
    for (int slot = 0; slot < kSlots; ++slot) {
        auto* box = modelBoxes_[slot] = new QComboBox(this);
        box->setObjectName(QStringLiteral("model%1").arg(slot + 1));
        if (slot > 0) box->addItem(tr("(none)"), QString());
        RecommenderChoices::addChoices(*box);
        box->setCurrentIndex(box->findData(slot < defaults.size() ? defaults[slot] : QString()));
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
        bar->addWidget(box);
    }
    k_ = new QSpinBox(this);
    k_->setRange(1, 100);
    k_->setValue(10);
    k_->setPrefix(tr("top "));
    bar->addWidget(k_);
}

QString RecommendationsBar::model(int slot) const { return modelBoxes_[slot]->currentData().toString(); }

QStringList RecommendationsBar::models() const {
    QStringList out;
    for (int slot = 0; slot < kSlots; ++slot)
        if (!model(slot).isEmpty()) out << model(slot);
    return out;
}

void RecommendationsBar::setModels(const QStringList& names) {
    for (int slot = 0; slot < kSlots; ++slot) {
        QSignalBlocker block(modelBoxes_[slot]);
        modelBoxes_[slot]->setCurrentIndex(modelBoxes_[slot]->findData(slot < names.size() ? names[slot] : QString()));
    }
}

void RecommendationsBar::setCustomers(const QStringList& externalIds) {
    static_cast<QStringListModel*>(customerEdit_->completer()->model())->setStringList(externalIds);
}

}  // namespace ss::ui
