#include "RecommendationLists.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QTableView>
#include <QVBoxLayout>

#include "RankedItemsModel.h"
#include "RecommendationRows.h"
#include "RulesPanel.h"

namespace ss::ui {

RecommendationLists::RecommendationLists(RulesPanel* rules, QWidget* parent) : QWidget(parent), rules_(rules) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int slot = 0; slot < kSlots; ++slot) {
        const auto s = static_cast<std::size_t>(slot);
        auto* box = boxes_[s] = new QGroupBox(this);
        auto* inner = new QVBoxLayout(box);
        inner->setContentsMargins(4, 4, 4, 4);
        models_[s] = new RankedItemsModel(this);
        showScores(slot);
        // One card per item (title, category and price, the explanation) keeps three lists readable side by side.
        auto* view = views_[s] = RecommendationRows::cards(models_[s], box);
        view->setObjectName(QStringLiteral("list%1").arg(slot + 1));
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QTableView::customContextMenuRequested, this, [this, slot, view](const QPoint& at) {
            const int row = view->indexAt(at).row();
            if (row >= 0) rowMenu(slot, row, view->viewport()->mapToGlobal(at));
        });
        connect(view, &QTableView::clicked, this, [this, slot](const QModelIndex& index) {
            emit itemChosen(slot, index.data(RankedItemsModel::ItemIndexRole).toInt());
        });
        inner->addWidget(view);
        layout->addWidget(box, 1);
    }
}

void RecommendationLists::setTitle(int slot, const QString& title) { boxes_[static_cast<std::size_t>(slot)]->setTitle(title); }

void RecommendationLists::setSlotShown(int slot, bool shown) { boxes_[static_cast<std::size_t>(slot)]->setVisible(shown); }

void RecommendationLists::showScores(int slot) {
    model(slot)->setScoreHeader(tr("Score"), tr("The model's score (higher is better; units differ between models). Green or red: moved by a boost or bury rule."));
}

void RecommendationLists::showShares(int slot, int k) {
    model(slot)->setScoreHeader(tr("Share"), tr("Share of the segment's customers with the item in their top %1").arg(k));
}

void RecommendationLists::rowMenu(int slot, int rowIndex, QPoint globalPosition) {
    const RankedItemRow* row = model(slot)->row(rowIndex);
    if (!row) return;
    QMenu menu(this);
    const QString id = row->externalId, category = row->category;
    const int item = row->item;
    menu.addAction(tr("Boost %1").arg(id), this, [this, id] { rules_->addBoost(id); });
    menu.addAction(tr("Bury %1").arg(id), this, [this, id] { rules_->addBury(id); });
    menu.addAction(tr("Hide the category %1").arg(category), this, [this, category] {
        rules_->setCategoryMode(false);
        rules_->setCategoryChecked(category, true);
    });
    menu.addSeparator();
    menu.addAction(tr("Similar items and audience"), this, [this, slot, item] { emit itemChosen(slot, item); });
    menu.exec(globalPosition);
}

void RecommendationLists::clear() {
    for (auto* m : models_) m->clear();
}

}  // namespace ss::ui
