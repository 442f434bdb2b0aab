#include "RecommendationsBar.h"

#include <QComboBox>
#include <QCompleter>
#include <QListView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>

#include <algorithm>

#include "AudienceChoice.h"
#include "CustomerSearch.h"
#include "RecommenderChoices.h"

namespace ss::ui {

RecommendationsBar::RecommendationsBar(QWidget* parent) : QWidget(parent) {
    auto* bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    customerEdit_ = new QLineEdit(this);
    customerEdit_->setObjectName("customer");
    customerEdit_->setPlaceholderText(tr("Customer id"));
    customerEdit_->setClearButtonEnabled(true);
    // The list under the field is made by CustomerSearch as each key is typed, and the completer only
    // shows it: Qt's own filtering compared every id on each key press (a million customers: 115 ms).
    matches_ = new QStringListModel(this);
    auto* completer = new QCompleter(matches_, this);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setMaxVisibleItems(15);
    // Every row one line high: the popup then never measures its rows.
    if (auto* list = qobject_cast<QListView*>(completer->popup())) list->setUniformItemSizes(true);
    customerEdit_->setCompleter(completer);
    // textEdited comes before the line edit asks its completer to complete, so the list is ready.
    connect(customerEdit_, &QLineEdit::textEdited, this, &RecommendationsBar::findCustomers);
    matchCount_ = new QLabel(this);
    matchCount_->setObjectName("matchCount");
    matchCount_->setForegroundRole(QPalette::PlaceholderText);
    show_ = new QPushButton(tr("Show"), this);
    audience_ = new AudienceChoice(this);
    bar->addWidget(new QLabel(tr("For:"), this));
    bar->addWidget(audience_);
    bar->addWidget(new QLabel(tr("Customer:"), this));
    bar->addWidget(customerEdit_, 1);
    bar->addWidget(matchCount_);
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

void RecommendationsBar::setCustomers(std::shared_ptr<const CustomerSearch> customers) {
    customers_ = std::move(customers);
    findCustomers(customerEdit_->text());
}

void RecommendationsBar::findCustomers(const QString& text) {
    const auto found = customers_ && !text.trimmed().isEmpty() ? customers_->find(text, kListedMatches) : CustomerSearch::Matches{};
    QStringList rows;
    rows.reserve(static_cast<qsizetype>(found.rows.size()));
    for (auto r : found.rows) rows << customers_->id(r);
    matches_->setStringList(rows);
    matchTotal_ = found.total;
    const QString count = QLocale().toString(qulonglong(found.total));
    if (text.trimmed().isEmpty() || !customers_) matchCount_->clear();
    else if (found.total == 0) matchCount_->setText(tr("none found"));
    else if (found.total <= found.rows.size()) matchCount_->setText(tr("%1 found").arg(count));
    else matchCount_->setText(tr("%1 found, first %2 listed").arg(count, QLocale().toString(qulonglong(found.rows.size()))));
}

}  // namespace ss::ui
