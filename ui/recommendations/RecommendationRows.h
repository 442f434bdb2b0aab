// RecommendationRows: the rows the Recommendations screen shows for an item — its catalogue facts
// and score, and for a recommendation the sentence that explains it ("because you bought A; viewed
// B") grouped by the customer's strongest behaviour per item — plus the table set-up the screen's
// item lists share (a card per item). GUI thread only (reads the CatalogCache), except lists() and
// prefetchTitles(), which are job bodies.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <span>
#include <unordered_map>

#include "RankedItemsModel.h"
#include "rec/Session.h"
#include "store/EventType.h"

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace ss::ui {

class CatalogCache;
class HistoryModel;
class ProjectContext;

class RecommendationRows {
    Q_DECLARE_TR_FUNCTIONS(RecommendationRows)
public:
    using Strongest = std::unordered_map<std::int32_t, EventType>;  // item → the customer's strongest behaviour

    // Every named model's top-k for one customer, in the names' order (empty for an empty or
    // untrained slot), with up to three explaining items each. Runs inside a session read job.
    using Lists = std::vector<Result<std::vector<rec::Recommendation>>>;
    static Lists lists(const rec::RecommendationSession& s, const QStringList& names, std::int32_t user, std::size_t k,
                       const rec::MerchandisingRules& rules, bool includeKnown);
    // A segment's lists: every named model's n items found most often in its members' top k, as rows
    // ("in the top 10 of 120 of 400 customers (30%)"), titles prefetched. Runs inside a session read job.
    using RowLists = std::vector<Result<std::vector<RankedItemRow>>>;
    static RowLists groupLists(const rec::RecommendationSession& s, ProjectContext& project, const QStringList& names,
                               std::span<const std::int32_t> members, std::size_t k, const rec::MerchandisingRules& rules,
                               bool includeKnown, const JobContext& job);
    // Reads the catalogue rows of `items` (dense indices) into the project's CatalogCache, so the
    // rows can be built on the GUI thread without reading the file. Job threads.
    static Status prefetchTitles(const rec::RecommendationSession& s, ProjectContext& project, const std::vector<std::int32_t>& items);
    // The same for every item of the lists and every item that explains one.
    static Status prefetchTitles(const rec::RecommendationSession& s, ProjectContext& project, const Lists& lists);

    // An item with a score, no explanation (similar items).
    static RankedItemRow item(const rec::RecommendationSession& s, const CatalogCache& catalog, std::int32_t item, float score);
    // A recommendation, explained in terms of the customer's history.
    static RankedItemRow recommendation(const rec::RecommendationSession& s, const CatalogCache& catalog, const rec::Recommendation& r,
                                        const Strongest& strongest);
    // Words a word model matched, as the reason line reads: words in common: “coffee machine”, “steel”.
    static QString wordsInCommon(const std::vector<std::string>& words);
    // The item's title, its first part for bilingual titles ("English | 中文"), else its id.
    static QString shortTitle(const rec::RecommendationSession& s, const CatalogCache& catalog, std::int32_t item);

    // A read-only, single-row-selection table without row numbers.
    static QTableView* table(QAbstractItemModel* model, QWidget* parent);
    // A RankedItemsModel view as cards: rank, score, and the title column drawn as a card.
    static QTableView* cards(RankedItemsModel* model, QWidget* parent);
    // The customer's timeline: when, what, and the item as a card (title; category, price and id; review).
    static QTableView* history(HistoryModel* model, QWidget* parent);
};

}  // namespace ss::ui
