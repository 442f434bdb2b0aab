#include "EvaluationSetupBox.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include "Text.h"

namespace ss::ui {

EvaluationSetupBox::EvaluationSetupBox(QWidget* parent) : QGroupBox(tr("Split and metrics"), parent) {
    auto* form = new QFormLayout(this);
    split_ = new QComboBox(this);
    split_->addItem(tr("Temporal (global cut-off)"), "temporal");
    split_->addItem(tr("Leave last out (per customer)"), "leave-last");
    split_->addItem(tr("Random (seeded)"), "random");
    split_->setItemData(0, tr("Training = every event before one cut-off time; test = target events after it. Cold items and users appear naturally."),
                        Qt::ToolTipRole);
    testFraction_ = new QDoubleSpinBox(this);
    testFraction_->setRange(0.05, 0.5);
    testFraction_->setSingleStep(0.05);
    testFraction_->setValue(0.2);
    testFraction_->setToolTip(tr("Temporal: share of events after the cut-off. Random: share of (customer, item) pairs held out."));
    target_ = new QComboBox(this);
    for (EventType t : {EventType::Purchase, EventType::Cart, EventType::Favourite, EventType::View})
        target_->addItem(t == EventType::Purchase ? tr("Purchase") : t == EventType::Cart ? tr("Add to cart") : t == EventType::Favourite ? tr("Favourite") : tr("View"),
                         static_cast<int>(t));
    k_ = new QSpinBox(this);
    k_->setRange(1, 100);
    k_->setValue(10);
    convention_ = new QComboBox(this);
    convention_->addItem(tr("recommenders (Microsoft Recommenders)"), "recommenders");
    convention_->addItem(tr("recbole (RecBole)"), "recbole");
    convention_->setToolTip(tr("Which users each mean runs over; see the column tooltips for each metric's exact definition."));
    bootstrap_ = new QSpinBox(this);
    bootstrap_->setRange(100, 20000);
    bootstrap_->setSingleStep(500);
    bootstrap_->setValue(1000);
    testUsers_ = new QSpinBox(this);
    testUsers_->setObjectName("testUsers");
    testUsers_->setRange(0, 10'000'000);
    testUsers_->setSingleStep(5'000);
    testUsers_->setSpecialValueText(tr("All"));
    testUsers_->setValue(0);
    testUsers_->setToolTip(tr("Measure a seeded sample of this many test customers instead of all of them: faster on a large shop. "
                              "Training is unchanged; the metrics and their intervals are the sample's."));
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1'000'000);
    seed_->setValue(42);
    form->addRow(tr("Split"), split_);
    form->addRow(tr("Test share"), testFraction_);
    form->addRow(tr("Test customers"), testUsers_);
    form->addRow(tr("Target behaviour"), target_);
    form->addRow(tr("k"), k_);
    form->addRow(tr("Convention"), convention_);
    form->addRow(tr("Bootstrap resamples"), bootstrap_);
    form->addRow(tr("Seed"), seed_);
}

void EvaluationSetupBox::applyTo(rec::EvaluationOptions& o) const {
    o.split.kind = rec::parseSplitKind(utf8(split_->currentData().toString())).value_or(rec::SplitKind::Temporal);
    o.split.testFraction = testFraction_->value();
    o.split.testUserSample = static_cast<std::size_t>(testUsers_->value());
    o.split.target = static_cast<EventType>(target_->currentData().toInt());
    o.k = k_->value();
    o.convention = parseConvention(utf8(convention_->currentData().toString())).value_or(Convention::Recommenders);
    o.bootstrapResamples = bootstrap_->value();
    o.seed = static_cast<std::uint64_t>(seed_->value());
    o.split.seed = o.seed;
}

QString EvaluationSetupBox::splitLabel() const { return split_->currentText(); }

void EvaluationSetupBox::setSplit(const QString& kind, double testFraction) {
    split_->setCurrentIndex(split_->findData(kind));
    testFraction_->setValue(testFraction);
}

void EvaluationSetupBox::setTopK(int k) { k_->setValue(k); }
void EvaluationSetupBox::setConvention(const QString& name) { convention_->setCurrentIndex(convention_->findData(name)); }
void EvaluationSetupBox::setBootstrapResamples(int n) { bootstrap_->setValue(n); }

}  // namespace ss::ui
