#include "ItemDetailPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "AudienceModel.h"
#include "ProjectContext.h"
#include "RankedItemsModel.h"
#include "RecommendationRows.h"
#include "RecommenderChoices.h"
#include "SessionScheduler.h"
#include "Text.h"

namespace ss::ui {
namespace {
constexpr std::size_t kDetailRows = 20;
}  // namespace

ItemDetailPanel::ItemDetailPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    heading_ = new QLabel(tr("Click an item to see similar items and the customers the model would show it to."), this);
    heading_->setObjectName("itemHeading");
    heading_->setWordWrap(true);
    layout->addWidget(heading_);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName("itemTabs");
    similar_ = new RankedItemsModel(this);
    similar_->setScoreHeader(tr("Similarity"), QString());
    auto* similarView = RecommendationRows::cards(similar_, this);
    similarView->setObjectName("similar");
    audience_ = new AudienceModel(this);
    auto* audienceView = RecommendationRows::table(audience_, this);
    audienceView->setObjectName("audience");
    audienceView->setToolTip(tr("Double-click a customer to show them."));
    for (int c : {int(AudienceModel::Rank), int(AudienceModel::Score), int(AudienceModel::History)})
        audienceView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    audienceView->horizontalHeader()->setSectionResizeMode(AudienceModel::Customer, QHeaderView::Stretch);
    tabs->addTab(similarView, tr("Similar items"));
    tabs->addTab(audienceView, tr("Who the model would show it to"));
    layout->addWidget(tabs, 1);
    connect(audienceView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const AudienceRow* r = audience_->row(index.row())) emit customerChosen(r->externalId);
    });
}

void ItemDetailPanel::setScheduler(SessionScheduler* scheduler, std::shared_ptr<ProjectContext> project) {
    scheduler_ = scheduler;
    project_ = scheduler ? std::move(project) : nullptr;
    if (scheduler) return;
    similar_->clear();
    audience_->setRows({});
}

void ItemDetailPanel::showItem(const QString& model, int item) {
    const auto* s = scheduler_ ? scheduler_->readable() : nullptr;
    if (!scheduler_ || !project_ || model.isEmpty() || item < 0) return;
    if (s) {
        if (item >= static_cast<int>(s->data().itemCount())) return;
        const auto& facts = s->data().items()[static_cast<std::size_t>(item)];
        heading_->setText(tr("<b>%1</b> (%2, %3) as %4 sees it")
                              .arg(qs(project_->catalog().item(facts.id).title).toHtmlEscaped(), qs(facts.externalId).toHtmlEscaped(),
                                   qs(facts.category).toHtmlEscaped(), RecommenderChoices::label(model)));
    }
    using Similar = rec::SimilarItems;
    std::function<Result<Similar>(const rec::RecommendationSession&, const JobContext&)> similarJob =
        [n = utf8(model), item, project = project_](const rec::RecommendationSession& session, const JobContext&) -> Result<Similar> {
        const auto* m = session.model(n);
        if (!m) return makeError(ErrorCode::Usage, "the '" + n + "' recommender is not trained");
        auto similar = m->similarItems(item, kDetailRows);
        std::vector<std::int32_t> items;
        for (const auto& [j, value] : similar.items) items.push_back(j);
        SS_TRY(RecommendationRows::prefetchTitles(session, *project, items));
        return similar;
    };
    scheduler_->read<Similar>(tr("Similar items"), similarJob, this, [this, item](Result<Similar> r) {
        const auto* session = scheduler_ ? scheduler_->readable() : nullptr;
        if (!r || !session) {
            similar_->clear();
            if (!r) emit failed(qs(r.error().describe()));
            return;
        }
        std::vector<RankedItemRow> rows;
        for (std::size_t p = 0; p < r->items.size(); ++p) {
            rows.push_back(RecommendationRows::item(*session, project_->catalog(), r->items[p].first, r->items[p].second));
            if (p < r->words.size() && !r->words[p].empty())
                rows.back().because = RecommendationRows::wordsInCommon(r->words[p]);
        }
        similar_->setScoreHeader(tr("Similarity"), RecommenderChoices::similarityMeasure(r->measure));
        similar_->setRows(std::move(rows));
        emit similarReady(item);
    });
    using Audience = std::vector<AudienceRow>;
    std::function<Result<Audience>(const rec::RecommendationSession&, const JobContext&)> audienceJob =
        [n = utf8(model), item](const rec::RecommendationSession& session, const JobContext& ctx) -> Result<Audience> {
        auto top = session.audience(n, item, kDetailRows, ctx);
        if (!top) return top.error();
        Audience out;
        for (const auto& [u, score] : *top)
            out.push_back({u, qs(session.data().users()[static_cast<std::size_t>(u)].externalId), score,
                           static_cast<int>(session.interactions().weights.rowSize(u))});
        return out;
    };
    scheduler_->read<Audience>(tr("Audience of an item"), audienceJob, this, [this, item](Result<Audience> r) {
        if (!r) {
            audience_->setRows({});
            emit failed(qs(r.error().describe()));
            return;
        }
        audience_->setRows(std::move(*r));
        emit audienceReady(item);
    });
}

}  // namespace ss::ui
