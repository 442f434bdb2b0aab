#include "CohortControls.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "CohortTableModel.h"
#include "Text.h"

namespace ss::ui {

CohortControls::CohortControls(QWidget* parent) : QWidget(parent) {
    const QList<QPair<QString, QVariant>> behaviours = {{tr("Any behaviour"), 0}, {tr("View"), int(EventType::View)},
                                                        {tr("Add to cart"), int(EventType::Cart)}, {tr("Favourite"), int(EventType::Favourite)},
                                                        {tr("Purchase"), int(EventType::Purchase)}};
    type_ = combo({{tr("First-time"), int(CohortType::FirstTime)}, {tr("Recurring"), int(CohortType::Recurring)}});
    cohortEvent_ = combo(behaviours);
    returnEvent_ = combo(behaviours);
    period_ = combo({{tr("Day"), int(CohortPeriod::Day)}, {tr("Week"), int(CohortPeriod::Week)}, {tr("Month"), int(CohortPeriod::Month)}});
    period_->setCurrentIndex(1);
    window_ = combo({{tr("Calendar periods"), int(PeriodWindow::Calendar)},
                     {tr("Rolling windows (24 h / 7 d / 30 d)"), int(PeriodWindow::Rolling)},
                     {tr("Day brackets"), int(PeriodWindow::Brackets)}});
    brackets_ = new QLineEdit(QStringLiteral("1-3,4-7,8-14,15-30"), this);
    brackets_->setToolTip(tr("Day ranges counted from each customer's cohort event, e.g. 1-3,4-7,8-14,15-30"));
    brackets_->setEnabled(false);
    brackets_->setMinimumWidth(60);
    counting_ = combo({{tr("On (exactly period N)"), int(RetentionCounting::On)}, {tr("On or after (N or later)"), int(RetentionCounting::OnOrAfter)}});
    base_ = combo({{tr("Cohort size"), int(RateBase::CohortSize)}, {tr("Previous period"), int(RateBase::PreviousPeriod)}});
    mean_ = combo({{tr("Weighted by size"), int(MeanKind::Weighted)}, {tr("Simple"), int(MeanKind::Simple)}});
    measure_ = combo({{tr("Retention rate"), int(CohortTableModel::Measure::Rate)}, {tr("Customers"), int(CohortTableModel::Measure::Customers)},
                      {tr("Purchases per customer"), int(CohortTableModel::Measure::Purchases)},
                      {tr("Revenue per customer"), int(CohortTableModel::Measure::Revenue)}});
    groupBy_ = combo({{tr("All customers"), QString()}});
    groupValue_ = combo({{tr("Every group"), QString()}});
    churnGap_ = new QSpinBox(this);
    churnGap_->setRange(1, 365);
    churnGap_->setValue(30);
    churnGap_->setSuffix(tr(" days"));
    churnGap_->setToolTip(tr("A customer's active life ends at their last event before a silence longer than this"));

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<QPair<QString, QWidget*>> fields = {
        {tr("Cohorts"), type_},         {tr("Joined with"), cohortEvent_}, {tr("Returned with"), returnEvent_}, {tr("Period"), period_},
        {tr("Periods as"), window_},    {tr("Brackets"), brackets_},       {tr("Counting"), counting_},         {tr("Rates relative to"), base_},
        {tr("Mean"), mean_},            {tr("Show"), measure_},            {tr("Group by"), groupBy_},          {tr("Group"), groupValue_},
        {tr("Churn gap"), churnGap_}};
    constexpr int kPerRow = 4;
    for (int i = 0; i < fields.size(); ++i) {
        auto* label = new QLabel(fields[i].first, this);
        label->setBuddy(fields[i].second);
        grid->addWidget(label, i / kPerRow, (i % kPerRow) * 2);
        grid->addWidget(fields[i].second, i / kPerRow, (i % kPerRow) * 2 + 1);
    }
    for (int c = 0; c < kPerRow; ++c) grid->setColumnStretch(c * 2 + 1, 1);

    connect(window_, &QComboBox::currentIndexChanged, this, [this] {
        brackets_->setEnabled(window_->currentData().toInt() == int(PeriodWindow::Brackets));
    });
    connect(brackets_, &QLineEdit::editingFinished, this, &CohortControls::changed);
    connect(churnGap_, &QSpinBox::valueChanged, this, &CohortControls::changed);
    connect(groupBy_, &QComboBox::currentIndexChanged, this, &CohortControls::groupingChanged);
    // Long names ("Bought what Item-kNN recommended (run 12)") may not fit the box: the whole one on hover.
    for (QComboBox* box : {groupBy_, groupValue_})
        connect(box, &QComboBox::currentIndexChanged, box, [box] { box->setToolTip(box->currentText()); });
    for (auto* box : {type_, cohortEvent_, returnEvent_, period_, window_, counting_, base_, mean_, measure_, groupValue_})
        connect(box, &QComboBox::currentIndexChanged, this, &CohortControls::changed);
}

QComboBox* CohortControls::combo(const QList<QPair<QString, QVariant>>& entries) {
    auto* box = new QComboBox(this);
    // Long option names must not widen the main window: the box shrinks and shows them elided.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
    for (const auto& [text, data] : entries) box->addItem(text, data);
    return box;
}

Result<CohortDefinition> CohortControls::definition() const {
    CohortDefinition d;
    d.type = static_cast<CohortType>(type_->currentData().toInt());
    if (const int e = cohortEvent_->currentData().toInt()) d.cohortEvent = static_cast<EventType>(e);
    if (const int e = returnEvent_->currentData().toInt()) d.returnEvents = {static_cast<EventType>(e)};
    d.period = static_cast<CohortPeriod>(period_->currentData().toInt());
    d.window = static_cast<PeriodWindow>(window_->currentData().toInt());
    if (d.window == PeriodWindow::Brackets) {
        auto brackets = parseBrackets(utf8(brackets_->text().simplified().remove(QLatin1Char(' '))));
        if (!brackets) return brackets.error();
        d.brackets = *brackets;
    }
    d.counting = static_cast<RetentionCounting>(counting_->currentData().toInt());
    d.base = static_cast<RateBase>(base_->currentData().toInt());
    d.mean = static_cast<MeanKind>(mean_->currentData().toInt());
    SS_TRY(d.validate());
    return d;
}

int CohortControls::measure() const { return measure_->currentData().toInt(); }
QString CohortControls::groupBy() const { return groupBy_->currentData().toString(); }
QString CohortControls::groupValue() const { return groupValue_->currentData().toString(); }
int CohortControls::churnGapDays() const { return churnGap_->value(); }

void CohortControls::setGroupings(const QList<std::pair<QString, QString>>& groupings) {
    const QSignalBlocker block(groupBy_);
    const QString current = groupBy();
    groupBy_->clear();
    groupBy_->addItem(tr("All customers"), QString());
    for (const auto& [key, label] : groupings) groupBy_->addItem(label, key);
    groupBy_->setCurrentIndex(std::max(0, groupBy_->findData(current)));
}

void CohortControls::setGroupValues(const QList<std::pair<QString, QString>>& values) {
    const QSignalBlocker block(groupValue_);
    groupValue_->clear();
    groupValue_->addItem(tr("Every group"), QString());
    for (const auto& [value, label] : values) groupValue_->addItem(label, value);
}

}  // namespace ss::ui
