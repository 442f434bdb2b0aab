// RulesPanel: edits the merchandising rules live — categories to hide or to show exclusively, a price
// range, in stock only, boost and bury lists of item ids, diversity re-ranking (MMR λ) — and whether
// items the customer already has may be shown. Emits rulesChanged() shortly after each edit (typing is
// debounced), so the lists follow at once. GUI thread only.
#pragma once

#include <QStringList>
#include <QWidget>

#include "rec/Dataset.h"
#include "rec/Rules.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QListWidget;
class QSlider;
class QTimer;

namespace ss::ui {

// The catalogue's categories (sorted) and highest price, for the filters.
struct CatalogChoices {
    QStringList categories;
    double maxPrice = 0;
};

class RulesPanel : public QWidget {
    Q_OBJECT
public:
    explicit RulesPanel(QWidget* parent = nullptr);

    // From the session's items; any thread (the screen makes them in the session's opening job: over
    // four million items it is a second of work).
    static CatalogChoices catalogChoices(const rec::Dataset& data);

    void setCategories(const QStringList& categories);  // the catalogue's categories, in display order
    void setPriceRange(double low, double high);         // spin box limits from the catalogue
    void setCatalog(const CatalogChoices& choices);     // both
    rec::MerchandisingRules rules() const;
    bool includeKnown() const;
    QString summary() const;  // "filtered · boost/bury · MMR λ 0.30"; empty without rules

    // Programmatic edits (menus, tests); each emits rulesChanged() after the debounce.
    void setCategoryChecked(const QString& category, bool checked);
    void setCategoryMode(bool showOnlyChecked);
    void setPriceLimits(std::optional<double> minimum, std::optional<double> maximum);
    void setInStockOnly(bool on);
    void addBoost(const QString& itemId);
    void addBury(const QString& itemId);
    void setDiversity(std::optional<double> lambda);
    void reset();

signals:
    void rulesChanged();

private:
    void changed();
    static QStringList ids(const QLineEdit* edit);

    QListWidget* categories_;
    QComboBox* categoryMode_;
    QDoubleSpinBox* minPrice_;
    QDoubleSpinBox* maxPrice_;
    QCheckBox* inStock_;
    QLineEdit* boost_;
    QLineEdit* bury_;
    QSpinBox* buryNegative_;
    QCheckBox* diversify_;
    QSlider* lambda_;
    QLabel* lambdaValue_;
    QCheckBox* includeKnown_;
    QTimer* debounce_;
    bool quiet_ = false;
};

}  // namespace ss::ui
