// RecommendationLists: the Recommendations screen's one to three ranked lists side by side, each a
// titled box with a card view over its own RankedItemsModel. Owns the boxes, models and views, and
// each row's context menu: boost, bury or hide its category (through the screen's RulesPanel), or
// show the item. Says which item was chosen; the item panel is the screen's. GUI thread only.
#pragma once

#include <QPoint>
#include <QWidget>

#include <array>

class QGroupBox;
class QTableView;

namespace ss::ui {

class RankedItemsModel;
class RulesPanel;

class RecommendationLists : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSlots = 3;
    explicit RecommendationLists(RulesPanel* rules, QWidget* parent = nullptr);

    RankedItemsModel* model(int slot) const { return models_[static_cast<std::size_t>(slot)]; }
    QTableView* view(int slot) const { return views_[static_cast<std::size_t>(slot)]; }
    void setTitle(int slot, const QString& title);
    void setSlotShown(int slot, bool shown);
    // The score column: the model's own score for one customer's lists, or, for a segment's, the share
    // of its customers with the item in their top k.
    void showScores(int slot);
    void showShares(int slot, int k);
    void clear();

signals:
    void itemChosen(int slot, int item);  // clicked, or "Similar items and audience"; item: dense index

private:
    void rowMenu(int slot, int row, QPoint globalPosition);

    RulesPanel* rules_;
    std::array<QGroupBox*, kSlots> boxes_{};
    std::array<RankedItemsModel*, kSlots> models_{};
    std::array<QTableView*, kSlots> views_{};
};

}  // namespace ss::ui
