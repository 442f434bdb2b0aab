#include "RecommendationRows.h"

#include <QHeaderView>
#include <QLocale>
#include <QStringList>
#include <QTableView>

#include <algorithm>
#include <vector>

#include "BehaviourIcons.h"
#include "CatalogCache.h"
#include "HistoryModel.h"
#include "ItemCardDelegate.h"
#include "ProjectContext.h"
#include "Text.h"

namespace ss::ui {

RecommendationRows::Lists RecommendationRows::lists(const rec::RecommendationSession& s, const QStringList& names, std::int32_t user,
                                                   std::size_t k, const rec::MerchandisingRules& rules, bool includeKnown) {
    Lists out;
    for (const QString& name : names) {
        const std::string n = utf8(name);
        if (n.empty() || !s.trained(n)) out.emplace_back(std::vector<rec::Recommendation>{});
        else out.push_back(s.recommend(n, user, k, rules, includeKnown, 3));
    }
    return out;
}

RecommendationRows::RowLists RecommendationRows::groupLists(const rec::RecommendationSession& s, ProjectContext& project,
                                                           const QStringList& names, std::span<const std::int32_t> members, std::size_t k,
                                                           const rec::MerchandisingRules& rules, bool includeKnown, const JobContext& job) {
    RowLists out;
    const double size = static_cast<double>(members.size());
    for (const QString& name : names) {
        const std::string n = utf8(name);
        if (n.empty() || !s.trained(n)) {
            out.emplace_back(std::vector<RankedItemRow>{});
            continue;
        }
        auto found = s.recommendToGroup(n, members, k, k, rules, includeKnown, job);
        if (!found) {
            out.emplace_back(found.error());
            continue;
        }
        std::vector<std::int32_t> items;
        for (const auto& g : *found) items.push_back(g.item);
        if (auto fetched = prefetchTitles(s, project, items); !fetched) {
            out.emplace_back(fetched.error());
            continue;
        }
        std::vector<RankedItemRow> rows;
        for (const auto& g : *found) {
            RankedItemRow row = item(s, project.catalog(), g.item, size > 0 ? double(g.customers) / size : 0.0);
            row.because = tr("in the top %1 of %2 of %3 customers (%4%); place %5 on average")
                              .arg(k)
                              .arg(QLocale().toString(qlonglong(g.customers)), QLocale().toString(qlonglong(members.size())))
                              .arg(QLocale().toString(row.score * 100, 'f', 0), QLocale().toString(g.meanRank, 'f', 1));
            rows.push_back(std::move(row));
        }
        out.emplace_back(std::move(rows));
    }
    return out;
}

Status RecommendationRows::prefetchTitles(const rec::RecommendationSession& s, ProjectContext& project, const std::vector<std::int32_t>& items) {
    std::vector<std::int64_t> ids;
    ids.reserve(items.size());
    for (auto i : items)
        if (i >= 0 && i < static_cast<std::int32_t>(s.data().itemCount())) ids.push_back(s.data().items()[static_cast<std::size_t>(i)].id);
    auto reader = project.readers().lease();
    if (!reader) return reader.error();
    return project.catalog().prefetch(**reader, ids);
}

Status RecommendationRows::prefetchTitles(const rec::RecommendationSession& s, ProjectContext& project, const Lists& lists) {
    std::vector<std::int32_t> items;
    for (const auto& list : lists) {
        if (!list) continue;
        for (const auto& r : *list) {
            items.push_back(r.item);
            for (const auto& c : r.because) items.push_back(c.item);
        }
    }
    return prefetchTitles(s, project, items);
}

RankedItemRow RecommendationRows::item(const rec::RecommendationSession& s, const CatalogCache& catalog, std::int32_t item, float score) {
    const auto& facts = s.data().items()[static_cast<std::size_t>(item)];
    RankedItemRow row;
    row.item = item;
    row.externalId = qs(facts.externalId);
    row.title = qs(catalog.item(facts.id).title);
    row.category = qs(facts.category);
    row.price = facts.price;
    row.score = score;
    row.adjusted = score;
    return row;
}

QString RecommendationRows::shortTitle(const rec::RecommendationSession& s, const CatalogCache& catalog, std::int32_t item) {
    if (item < 0 || item >= static_cast<std::int32_t>(s.data().itemCount())) return {};
    const auto& facts = s.data().items()[static_cast<std::size_t>(item)];
    QString title = qs(catalog.item(facts.id).title);
    if (const int bar = title.indexOf(QStringLiteral(" | ")); bar > 0) title.truncate(bar);  // enough inside a sentence
    return title.isEmpty() ? qs(facts.externalId) : title;
}

QString RecommendationRows::wordsInCommon(const std::vector<std::string>& words) {
    QStringList quoted;
    for (const auto& w : words) quoted << QStringLiteral("“%1”").arg(qs(w));
    return tr("words in common: %1").arg(quoted.join(QStringLiteral(", ")));
}

RankedItemRow RecommendationRows::recommendation(const rec::RecommendationSession& s, const CatalogCache& catalog, const rec::Recommendation& r,
                                                 const Strongest& strongest) {
    RankedItemRow row = item(s, catalog, r.item, r.score);
    row.adjusted = r.adjusted;
    row.fallback = r.fallback;
    if (r.fallback) {
        row.because = tr("popular with everyone (no history this model can use)");
        return row;
    }
    // "because you bought A; viewed B, C": contributions grouped by the customer's strongest behaviour.
    std::vector<std::pair<EventType, QStringList>> groups;
    QStringList detail;
    for (const auto& c : r.because) {
        const auto it = strongest.find(c.item);
        const EventType type = it == strongest.end() ? EventType::View : it->second;
        auto g = std::find_if(groups.begin(), groups.end(), [type](const auto& x) { return x.first == type; });
        if (g == groups.end()) g = groups.insert(groups.end(), {type, {}});
        const QString title = shortTitle(s, catalog, c.item);
        g->second << title;
        detail << tr("%1 %2 (%3): %4")
                      .arg(BehaviourIcons::name(type), title, qs(s.data().items()[static_cast<std::size_t>(c.item)].externalId))
                      .arg(c.value, 0, 'f', 4);
    }
    QStringList parts;
    for (const auto& [type, titles] : groups) parts << BehaviourIcons::phrase(type, titles.join(QStringLiteral(", ")));
    if (!parts.isEmpty()) row.because = tr("because you %1").arg(parts.join(QStringLiteral("; ")));
    if (!r.words.empty()) {
        const QString words = wordsInCommon(r.words);
        // First: the words say more than the list of history items, which the card may cut short.
        row.because = row.because.isEmpty() ? words : words + QStringLiteral(" · ") + row.because;
    }
    if (!detail.isEmpty()) row.becauseDetail = tr("Contributions to the score:") + QStringLiteral("\n") + detail.join(QStringLiteral("\n"));
    return row;
}

QTableView* RecommendationRows::table(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    return view;
}

QTableView* RecommendationRows::cards(RankedItemsModel* model, QWidget* parent) {
    auto* view = table(model, parent);
    for (int c : {int(RankedItemsModel::Item), int(RankedItemsModel::Category), int(RankedItemsModel::Price), int(RankedItemsModel::Because)})
        view->setColumnHidden(c, true);
    view->setItemDelegateForColumn(RankedItemsModel::Title, new ItemCardDelegate(view));
    view->horizontalHeader()->setSectionResizeMode(RankedItemsModel::Rank, QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(RankedItemsModel::Score, QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(RankedItemsModel::Title, QHeaderView::Stretch);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QTableView* RecommendationRows::history(HistoryModel* model, QWidget* parent) {
    auto* view = table(model, parent);
    view->setIconSize(QSize(16, 16));
    for (int c : {int(HistoryModel::Category), int(HistoryModel::Price), int(HistoryModel::Review)}) view->setColumnHidden(c, true);
    view->setItemDelegateForColumn(HistoryModel::Title, new ItemCardDelegate(view));
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (int c : {int(HistoryModel::When), int(HistoryModel::Behaviour)}) view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(HistoryModel::Title, QHeaderView::Stretch);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

}  // namespace ss::ui
