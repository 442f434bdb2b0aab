// EvaluationSetupBox: the Models screen's "Split and metrics" group — the split and its test share,
// a seeded sample of test customers, the target behaviour, k, the metric convention, bootstrap
// resamples and the seed — and how they fill an evaluation's options. Owns its widgets. GUI thread only.
#pragma once

#include <QGroupBox>

#include "rec/Evaluation.h"

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace ss::ui {

class EvaluationSetupBox : public QGroupBox {
    Q_OBJECT
public:
    explicit EvaluationSetupBox(QWidget* parent = nullptr);

    // Sets the split, sample, target, k, convention, resamples and seed of `options`.
    void applyTo(rec::EvaluationOptions& options) const;
    QString splitLabel() const;  // the chosen split as the list shows it

    void setSplit(const QString& kind, double testFraction);
    void setTopK(int k);
    void setConvention(const QString& name);
    void setBootstrapResamples(int n);

private:
    QComboBox* split_;
    QDoubleSpinBox* testFraction_;
    QSpinBox* testUsers_;
    QComboBox* target_;
    QSpinBox* k_;
    QComboBox* convention_;
    QSpinBox* bootstrap_;
    QSpinBox* seed_;
};

}  // namespace ss::ui
