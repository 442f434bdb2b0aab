// CohortControls: the options of the Cohorts screen — cohort definition (type, events, period,
// window, brackets, counting, rate base, mean), the measure shown, the segment filter and the churn
// gap — read back as a CohortDefinition. Emits changed() whenever an option changes. GUI thread only.
#pragma once

#include <QWidget>

#include <utility>

#include "cohorts/CohortDefinition.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ss::ui {

class CohortControls : public QWidget {
    Q_OBJECT
public:
    explicit CohortControls(QWidget* parent = nullptr);

    // The definition chosen (time zone left to the caller); an error names the bad field.
    Result<CohortDefinition> definition() const;
    int measure() const;     // CohortTableModel::Measure as int
    QString groupBy() const;  // "" (everyone), "segment", "acquisition-category" or "property:NAME"
    QString groupValue() const;  // "" = every group (survival draws one curve per group)
    int churnGapDays() const;

    // The groupings the project offers, and the values of the one chosen.
    // (key, label) pairs: the key is what CustomerGroups::load() takes, the label what the list shows.
    void setGroupings(const QList<std::pair<QString, QString>>& groupings);
    // (value, label) pairs of the chosen grouping's groups.
    void setGroupValues(const QList<std::pair<QString, QString>>& values);

    QComboBox* periodBox() const { return period_; }  // tests
    QComboBox* groupByBox() const { return groupBy_; }
    QComboBox* groupValueBox() const { return groupValue_; }
    QComboBox* measureBox() const { return measure_; }

signals:
    void changed();
    void groupingChanged();  // the grouping itself changed: its values must be reloaded

private:
    QComboBox* combo(const QList<QPair<QString, QVariant>>& entries);
    QComboBox *type_, *cohortEvent_, *returnEvent_, *period_, *window_, *counting_, *base_, *mean_, *measure_, *groupBy_, *groupValue_;
    QLineEdit* brackets_;
    QSpinBox* churnGap_;
};

}  // namespace ss::ui
