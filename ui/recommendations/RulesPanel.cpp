#include "RulesPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "Text.h"

namespace ss::ui {

RulesPanel::RulesPanel(QWidget* parent) : QWidget(parent) {
    // Two columns: the categories on the left, every other rule on the right.
    auto* columns = new QHBoxLayout(this);
    columns->setContentsMargins(4, 4, 4, 4);
    auto* left = new QVBoxLayout();
    auto* layout = new QVBoxLayout();
    columns->addLayout(left, 1);
    columns->addLayout(layout, 1);
    categoryMode_ = new QComboBox(this);
    categoryMode_->setObjectName("categoryMode");
    categoryMode_->addItem(tr("Hide checked"));
    categoryMode_->addItem(tr("Only checked"));
    categoryMode_->setToolTip(tr("Hide the checked categories, or show only the checked categories."));
    categories_ = new QListWidget(this);
    categories_->setUniformItemSizes(true);  // thousands of categories: rows never measured one by one
    categories_->setObjectName("categories");
    categories_->setMinimumHeight(80);
    left->addWidget(categoryMode_);
    left->addWidget(categories_, 1);

    auto* form = new QFormLayout();
    auto price = [this](const QString& name) {
        auto* box = new QDoubleSpinBox(this);
        box->setObjectName(name);
        box->setDecimals(2);
        box->setRange(-1, 1e9);
        box->setValue(-1);
        box->setSpecialValueText(tr("any"));  // shown at the minimum (-1): no limit
        box->setMaximumWidth(110);
        return box;
    };
    minPrice_ = price("minPrice");
    maxPrice_ = price("maxPrice");
    auto* prices = new QHBoxLayout();
    prices->addWidget(minPrice_);
    prices->addWidget(new QLabel(QStringLiteral("–"), this));
    prices->addWidget(maxPrice_);
    form->addRow(tr("Price"), prices);
    inStock_ = new QCheckBox(tr("In stock only"), this);
    form->addRow(QString(), inStock_);
    boost_ = new QLineEdit(this);
    boost_->setObjectName("boost");
    boost_->setPlaceholderText(tr("item ids, comma-separated"));
    boost_->setToolTip(tr("Raises these items by one standard deviation of the customer's scores."));
    bury_ = new QLineEdit(this);
    bury_->setObjectName("bury");
    bury_->setPlaceholderText(tr("item ids, comma-separated"));
    bury_->setToolTip(tr("Lowers these items by three standard deviations of the customer's scores."));
    form->addRow(tr("Boost"), boost_);
    form->addRow(tr("Bury"), bury_);
    buryNegative_ = new QSpinBox(this);
    buryNegative_->setObjectName("buryNegative");
    buryNegative_->setRange(-1, 99);
    buryNegative_->setValue(-1);
    buryNegative_->setSpecialValueText(tr("off"));  // shown at the minimum (-1)
    buryNegative_->setPrefix(tr("over "));
    buryNegative_->setSuffix(QStringLiteral("%"));
    buryNegative_->setMaximumWidth(110);
    buryNegative_->setToolTip(tr("Lowers products whose share of negative reviews (of at least 3 labelled reviews) is above this, "
                                 "by three standard deviations of the customer's scores."));
    form->addRow(tr("Bury complained-about"), buryNegative_);
    diversify_ = new QCheckBox(tr("Diversify (MMR)"), this);
    diversify_->setToolTip(tr("Maximal marginal relevance: each pick trades relevance (λ) against similarity to the items already "
                              "picked (1 − λ). Needs item text vectors (train the content or two-tower model)."));
    lambda_ = new QSlider(Qt::Horizontal, this);
    lambda_->setRange(0, 100);
    lambda_->setValue(70);
    lambda_->setEnabled(false);
    lambdaValue_ = new QLabel(this);
    auto* mmr = new QHBoxLayout();
    mmr->addWidget(lambda_, 1);
    mmr->addWidget(lambdaValue_);
    form->addRow(diversify_, mmr);
    includeKnown_ = new QCheckBox(tr("Include owned items"), this);
    includeKnown_->setToolTip(tr("Also show items the customer already viewed, carted, favourited or bought."));
    form->addRow(QString(), includeKnown_);
    layout->addLayout(form);
    auto* resetButton = new QPushButton(tr("Clear all rules"), this);
    layout->addStretch(1);
    layout->addWidget(resetButton);
    connect(resetButton, &QPushButton::clicked, this, &RulesPanel::reset);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(150);
    connect(debounce_, &QTimer::timeout, this, &RulesPanel::rulesChanged);
    auto onChange = [this] { changed(); };
    connect(categories_, &QListWidget::itemChanged, this, onChange);
    connect(categoryMode_, &QComboBox::currentIndexChanged, this, onChange);
    connect(minPrice_, &QDoubleSpinBox::valueChanged, this, onChange);
    connect(maxPrice_, &QDoubleSpinBox::valueChanged, this, onChange);
    connect(inStock_, &QCheckBox::toggled, this, onChange);
    connect(boost_, &QLineEdit::textChanged, this, onChange);
    connect(bury_, &QLineEdit::textChanged, this, onChange);
    connect(buryNegative_, &QSpinBox::valueChanged, this, onChange);
    connect(includeKnown_, &QCheckBox::toggled, this, onChange);
    connect(diversify_, &QCheckBox::toggled, this, [this](bool on) {
        lambda_->setEnabled(on);
        changed();
    });
    connect(lambda_, &QSlider::valueChanged, this, [this](int v) {
        lambdaValue_->setText(QStringLiteral("λ = %1").arg(v / 100.0, 0, 'f', 2));
        changed();
    });
    lambdaValue_->setText(QStringLiteral("λ = %1").arg(lambda_->value() / 100.0, 0, 'f', 2));
}

void RulesPanel::changed() {
    if (!quiet_) debounce_->start();
}

void RulesPanel::setCategories(const QStringList& categories) {
    quiet_ = true;
    categories_->clear();
    for (const QString& c : categories) {
        auto* item = new QListWidgetItem(c.isEmpty() ? tr("(no category)") : c, categories_);
        item->setData(Qt::UserRole, c);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    quiet_ = false;
}

void RulesPanel::setPriceRange(double low, double high) {
    Q_UNUSED(low);
    quiet_ = true;
    minPrice_->setMaximum(high);
    maxPrice_->setMaximum(high);
    quiet_ = false;
}

rec::MerchandisingRules RulesPanel::rules() const {
    rec::MerchandisingRules r;
    auto& target = categoryMode_->currentIndex() == 1 ? r.includeCategories : r.excludeCategories;
    for (int i = 0; i < categories_->count(); ++i)
        if (categories_->item(i)->checkState() == Qt::Checked) target.push_back(utf8(categories_->item(i)->data(Qt::UserRole).toString()));
    if (minPrice_->value() >= 0) r.minPrice = minPrice_->value();
    if (maxPrice_->value() >= 0) r.maxPrice = maxPrice_->value();
    r.inStockOnly = inStock_->isChecked();
    for (const QString& id : ids(boost_)) r.boost.push_back(utf8(id));
    for (const QString& id : ids(bury_)) r.bury.push_back(utf8(id));
    if (buryNegative_->value() >= 0) r.buryNegativeAbove = buryNegative_->value() / 100.0;
    if (diversify_->isChecked()) r.mmrLambda = lambda_->value() / 100.0;
    return r;
}

bool RulesPanel::includeKnown() const { return includeKnown_->isChecked(); }

QString RulesPanel::summary() const {
    const auto r = rules();
    QStringList parts;
    if (!r.includeCategories.empty() || !r.excludeCategories.empty() || r.minPrice || r.maxPrice || r.inStockOnly) parts << tr("filtered");
    if (!r.boost.empty() || !r.bury.empty()) parts << tr("boost/bury");
    if (r.buryNegativeAbove) parts << tr("complained-about buried");
    if (r.mmrLambda) parts << tr("MMR λ %1").arg(*r.mmrLambda, 0, 'f', 2);
    if (includeKnown()) parts << tr("owned items included");
    return parts.join(QStringLiteral(" · "));
}

QStringList RulesPanel::ids(const QLineEdit* edit) {
    QStringList out;
    for (const QString& part : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) out << part.trimmed();
    return out;
}

void RulesPanel::setCategoryChecked(const QString& category, bool checked) {
    for (int i = 0; i < categories_->count(); ++i)
        if (categories_->item(i)->data(Qt::UserRole).toString() == category)
            categories_->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void RulesPanel::setCategoryMode(bool showOnlyChecked) { categoryMode_->setCurrentIndex(showOnlyChecked ? 1 : 0); }

void RulesPanel::setPriceLimits(std::optional<double> minimum, std::optional<double> maximum) {
    minPrice_->setValue(minimum.value_or(-1));
    maxPrice_->setValue(maximum.value_or(-1));
}

void RulesPanel::setInStockOnly(bool on) { inStock_->setChecked(on); }

void RulesPanel::addBoost(const QString& itemId) {
    QStringList list = ids(boost_);
    if (!list.contains(itemId)) boost_->setText((list << itemId).join(QStringLiteral(", ")));
}

void RulesPanel::addBury(const QString& itemId) {
    QStringList list = ids(bury_);
    if (!list.contains(itemId)) bury_->setText((list << itemId).join(QStringLiteral(", ")));
}

void RulesPanel::setDiversity(std::optional<double> lambda) {
    if (lambda) lambda_->setValue(static_cast<int>(*lambda * 100 + 0.5));
    diversify_->setChecked(lambda.has_value());
}

void RulesPanel::reset() {
    quiet_ = true;
    for (int i = 0; i < categories_->count(); ++i) categories_->item(i)->setCheckState(Qt::Unchecked);
    categoryMode_->setCurrentIndex(0);
    minPrice_->setValue(-1);
    maxPrice_->setValue(-1);
    inStock_->setChecked(false);
    boost_->clear();
    bury_->clear();
    buryNegative_->setValue(-1);
    diversify_->setChecked(false);
    includeKnown_->setChecked(false);
    quiet_ = false;
    changed();
}

CatalogChoices RulesPanel::catalogChoices(const rec::Dataset& data) {
    std::set<std::string> categories;
    CatalogChoices out;
    for (const auto& item : data.items()) {
        categories.insert(item.category);
        if (item.price) out.maxPrice = std::max(out.maxPrice, *item.price);
    }
    for (const auto& c : categories) out.categories << qs(c);
    return out;
}

void RulesPanel::setCatalog(const CatalogChoices& choices) {
    setCategories(choices.categories);
    setPriceRange(0, std::max(1.0, choices.maxPrice));
}

}  // namespace ss::ui
