#include "RecommendationsScreen.h"

#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include "AudienceChoice.h"
#include "AudienceModel.h"
#include "CustomerHistory.h"
#include "OpenedSession.h"
#include "HistoryModel.h"
#include "JobRunner.h"
#include "ItemDetailPanel.h"
#include "RankedItemsModel.h"
#include "RecommendationLists.h"
#include "RecommendationRows.h"
#include "RecommendationsBar.h"
#include "RecommenderChoices.h"
#include "RulesPanel.h"
#include "SessionScheduler.h"
#include "Text.h"

namespace ss::ui {

namespace {

const QString kOpenKey = QStringLiteral("recommendations/open");
static_assert(RecommendationsScreen::kSlots == RecommendationsBar::kSlots && RecommendationsScreen::kSlots == RecommendationLists::kSlots);
constexpr std::size_t kHistoryRows = 1000;  // the most recent events shown in the timeline
}  // namespace


RecommendationsScreen::RecommendationsScreen(JobRunner& runner, QWidget* parent) : ProjectScreen(parent), runner_(runner) {
    auto* outer = new QVBoxLayout(this);
    bar_ = new RecommendationsBar(this);
    audienceChoice_ = bar_->audience();
    customerEdit_ = bar_->customerEdit();
    k_ = bar_->topK();
    outer->addWidget(bar_);
    status_ = new QLabel(tr("No project open."), this);
    status_->setObjectName("status");
    status_->setWordWrap(true);
    outer->addWidget(status_);

    // Lists on top across the whole width; below, the customer's history or the rules beside the
    // selected item's similar items and audience.
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* bottom = bottom_ = new QSplitter(Qt::Horizontal, split);
    sideTabs_ = new QTabWidget(bottom);
    history_ = new HistoryModel(this);
    historyView_ = RecommendationRows::history(history_, sideTabs_);
    sideTabs_->addTab(historyView_, tr("History"));
    rules_ = new RulesPanel(sideTabs_);
    sideTabs_->addTab(rules_, tr("Merchandising rules"));

    lists_ = new RecommendationLists(rules_, split);
    connect(lists_, &RecommendationLists::itemChosen, this, [this](int slot, int item) { showItem(bar_->model(slot), item); });
    detail_ = new ItemDetailPanel(bottom);
    bottom->addWidget(sideTabs_);
    bottom->addWidget(detail_);
    split->addWidget(lists_);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    outer->addWidget(split, 1);

    auto go = [this] { showCustomer(customerEdit_->text().trimmed()); };
    connect(bar_->showButton(), &QPushButton::clicked, this, go);
    connect(customerEdit_, &QLineEdit::returnPressed, this, go);
    connect(customerEdit_->completer(), qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& id) { showCustomer(id); });
    for (int slot = 0; slot < kSlots; ++slot)
        connect(bar_->modelBox(slot), &QComboBox::currentIndexChanged, this, [this] {
            ensureTrained();
            refreshLists();
        });
    connect(k_, &QSpinBox::valueChanged, this, &RecommendationsScreen::refreshLists);
    connect(audienceChoice_, &QComboBox::currentIndexChanged, this, &RecommendationsScreen::audienceChanged);
    connect(rules_, &RulesPanel::rulesChanged, this, &RecommendationsScreen::refreshLists);
    connect(historyView_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const QStringList chosen = models();
        if (!chosen.isEmpty()) showItem(chosen.first(), index.data(HistoryModel::ItemIndexRole).toInt());
    });
    connect(detail_, &ItemDetailPanel::customerChosen, this, [this](const QString& id) {
        sideTabs_->setCurrentIndex(0);
        showCustomer(id);
    });
    connect(detail_, &ItemDetailPanel::failed, this, [this](const QString& message) { report(message, true); });
    connect(detail_, &ItemDetailPanel::similarReady, this, &RecommendationsScreen::similarReady);
    connect(detail_, &ItemDetailPanel::audienceReady, this, &RecommendationsScreen::audienceReady);
    for (int slot = 0; slot < kSlots; ++slot) lists_->setTitle(slot, RecommenderChoices::label(bar_->model(slot)));
}

RecommendationsScreen::~RecommendationsScreen() = default;

RankedItemsModel* RecommendationsScreen::list(int slot) const { return lists_->model(slot); }
RankedItemsModel* RecommendationsScreen::similarItems() const { return detail_->similar(); }
AudienceModel* RecommendationsScreen::audience() const { return detail_->audience(); }

QStringList RecommendationsScreen::models() const { return bar_->models(); }

void RecommendationsScreen::setModels(const QStringList& names) {
    bar_->setModels(names);
    ensureTrained();
    refreshLists();
}

void RecommendationsScreen::setTopK(int k) { k_->setValue(k); }

void RecommendationsScreen::setProject(const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    runner_.cancelKey(kOpenKey);  // a session of the previous project is not wanted any more
    detail_->setScheduler(nullptr, nullptr);
    delete scheduler_;  // its pending results are dropped with it; running jobs keep the old session alive
    scheduler_ = nullptr;
    opening_ = false;
    training_.clear();
    customerId_.clear();
    user_ = -1;
    strongest_.clear();
    refreshPending_ = refreshRunning_ = false;
    detailShown_ = false;
    history_->setRows({});
    lists_->clear();
    segment_.clear();
    members_.clear();
    audienceChoice_->refresh(runner_, project);
    report(!project ? tr("No project open.") : tr("Open this screen to load the customers."), false);
    if (project && isVisible()) load();
}

void RecommendationsScreen::showEvent(QShowEvent* event) {
    ProjectScreen::showEvent(event);
    if (!splitSized_) {  // once laid out: the history or rules on one half, the selected item on the other
        splitSized_ = true;
        QTimer::singleShot(0, this, [this] { bottom_->setSizes({bottom_->width() / 2, bottom_->width() - bottom_->width() / 2}); });
    }
    if (project_ && !scheduler_ && !opening_) load();
    else if (project_) audienceChoice_->refresh(runner_, project_);  // segments may have been saved meanwhile
}

void RecommendationsScreen::report(const QString& message, bool error) {
    status_->setText(message);
    if (error) emit failed(message);
}

void RecommendationsScreen::load() {
    if (!project_ || scheduler_ || opening_) return;
    opening_ = true;
    report(tr("Loading customers, items and events…"), false);
    rec::SessionOptions options;
    options.vectors = RecommenderChoices::vectorOptions();
    options.threads = RecommenderChoices::threads();
    std::function<Result<OpenedSession>(const JobContext&)> job = [p = project_->file(), options](const JobContext& ctx) {
        return OpenedSession::open(p, options, ctx);
    };
    runner_.start<OpenedSession>(kOpenKey, tr("Loading customers and items"), job, this, [this](Result<OpenedSession> r) {
        opening_ = false;
        if (!r) return report(tr("Could not load the project: %1").arg(qs(r.error().describe())), true);
        sessionOpened(std::move(*r));
    });
}

void RecommendationsScreen::sessionOpened(OpenedSession opened) {
    scheduler_ = new SessionScheduler(runner_, opened.session, this);
    detail_->setScheduler(scheduler_, project_);
    connect(scheduler_, &SessionScheduler::writingChanged, this, [this](bool writing) {
        if (!writing && refreshPending_) refreshLists();
    });
    const auto& data = opened.session->data();
    bar_->setCustomers(opened.customers);
    rules_->setCatalog(opened.catalog);
    report(tr("%1 customers, %2 items, %3 events. Models are trained on every event.")
               .arg(QLocale().toString(qlonglong(data.userCount())), QLocale().toString(qlonglong(data.itemCount())),
                    QLocale().toString(qlonglong(data.events().size()))),
           false);
    emit sessionReady();
    ensureTrained();
    if (customerId_.isEmpty() && !opened.firstCustomer.isEmpty()) showCustomer(opened.firstCustomer);
    else if (!customerId_.isEmpty()) showCustomer(customerId_);
}

void RecommendationsScreen::ensureTrained() {
    if (!scheduler_) return;
    for (const QString& name : models()) {
        if (training_.contains(name)) continue;
        const auto* s = scheduler_->readable();
        if (s && s->trained(utf8(name))) continue;
        training_ << name;
        std::function<Result<bool>(rec::RecommendationSession&, const JobContext&)> job =
            [n = utf8(name)](rec::RecommendationSession& session, const JobContext& ctx) -> Result<bool> {
            if (session.trained(n)) return true;
            auto st = session.train(n, rec::RecommenderConfig{}, ctx);
            if (!st) return st.error();
            return true;
        };
        scheduler_->write<bool>(tr("Training %1").arg(RecommenderChoices::shortLabel(name)), job, this, [this, name](Result<bool> r) {
            training_.removeAll(name);
            if (!r) report(tr("Training %1 failed: %2").arg(RecommenderChoices::label(name), qs(r.error().describe())), true);
            refreshPending_ = true;  // refreshed once the writer has finished (writingChanged)
        });
    }
}

void RecommendationsScreen::showCustomer(const QString& externalId) {
    if (externalId.isEmpty()) return;
    if (!audienceChoice_->segment().isEmpty()) {  // a customer asked for by name: the lists are theirs again
        const QSignalBlocker block(audienceChoice_);
        audienceChoice_->setCurrentIndex(0);
        customerEdit_->setEnabled(true);
        segment_.clear();
        members_.clear();
    }
    customerId_ = externalId;
    if (customerEdit_->text() != externalId) customerEdit_->setText(externalId);
    if (!scheduler_) {
        load();
        return;
    }
    std::function<Result<CustomerHistory>(const rec::RecommendationSession&, const JobContext&)> job =
        [id = utf8(externalId), project = project_](const rec::RecommendationSession& s, const JobContext&) {
            return CustomerHistory::load(s, *project, id, kHistoryRows);
        };
    report(tr("Loading the history of %1…").arg(externalId), false);
    scheduler_->read<CustomerHistory>(tr("History of %1").arg(externalId), job, this, [this, externalId](Result<CustomerHistory> r) {
        // Another customer was asked for meanwhile, or a segment chosen.
        if (externalId != customerId_ || !audienceChoice_->segment().isEmpty()) return;
        if (!r) return report(qs(r.error().describe()), true);
        showHistory(std::move(*r));
    });
}

void RecommendationsScreen::showHistory(CustomerHistory data) {
    user_ = data.user;
    strongest_ = std::move(data.strongest);
    const auto shown = data.rows.size();
    history_->setRows(std::move(data.rows));
    report(data.events > shown ? tr("Customer %1: %2 events (the latest %3 shown).").arg(data.externalId).arg(data.events).arg(shown)
                               : tr("Customer %1: %2 events.").arg(data.externalId).arg(data.events),
           false);
    emit historyReady();
    refreshLists();
}

void RecommendationsScreen::refreshLists() {
    QStringList names;
    for (int slot = 0; slot < kSlots; ++slot) {
        const QString name = bar_->model(slot);
        names << name;
        lists_->setSlotShown(slot, !name.isEmpty());
        lists_->setTitle(slot, segment_.isEmpty() ? RecommenderChoices::label(name)
                                                  : tr("%1 — for the segment %2").arg(RecommenderChoices::label(name), segment_));
    }
    if (!scheduler_ || (segment_.isEmpty() && user_ < 0)) return;
    const auto* s = scheduler_->readable();
    if (!s || refreshRunning_) {
        refreshPending_ = true;
        return;
    }
    refreshPending_ = false;
    if (!segment_.isEmpty()) return refreshGroupLists(names);
    const auto rules = rules_->rules();
    const bool includeKnown = rules_->includeKnown();
    const auto k = static_cast<std::size_t>(k_->value());
    // Always a job, even when it takes milliseconds: a large catalogue or k must never freeze the
    // window. One refresh runs at a time; changes meanwhile are coalesced into one more (pending).
    refreshRunning_ = true;
    using Timed = std::pair<Lists, double>;
    std::function<Result<Timed>(const rec::RecommendationSession&, const JobContext&)> job =
        [names, user = user_, k, rules, includeKnown, project = project_](const rec::RecommendationSession& session, const JobContext&) -> Result<Timed> {
        QElapsedTimer timer;
        timer.start();
        auto lists = RecommendationRows::lists(session, names, user, k, rules, includeKnown);
        SS_TRY(RecommendationRows::prefetchTitles(session, *project, lists));
        return Timed{std::move(lists), double(timer.nsecsElapsed()) / 1e6};
    };
    const std::int32_t user = user_;
    scheduler_->read<Timed>(tr("Top-%1 lists").arg(k), job, this, [this, names, user, k](Result<Timed> r) {
        refreshRunning_ = false;
        if (r) {
            lastRefreshMs_ = r->second;
            // Not under a segment's title: a customer's lists that arrive after a segment was chosen are dropped.
            if (user == user_ && audienceChoice_->segment().isEmpty()) showLists(names, std::move(r->first));
        }
        if (refreshPending_) refreshLists();
    });
}

void RecommendationsScreen::showLists(const QStringList& names, Lists lists) {
    const auto* s = scheduler_ ? scheduler_->readable() : nullptr;
    if (!s) return;
    QStringList problems;
    for (int slot = 0; slot < kSlots && slot < names.size(); ++slot) {
        const QString& name = names[slot];
        if (name.isEmpty()) continue;
        std::vector<RankedItemRow> rows;
        const auto& list = lists[static_cast<std::size_t>(slot)];
        if (s->trained(utf8(name)) && !list) problems << tr("%1: %2").arg(RecommenderChoices::label(name), qs(list.error().describe()));
        else if (s->trained(utf8(name)))
            for (const auto& r : *list) rows.push_back(RecommendationRows::recommendation(*s, project_->catalog(), r, strongest_));
        lists_->setTitle(slot, slotTitle(name));
        lists_->showScores(slot);
        lists_->model(slot)->setRows(std::move(rows));
    }
    if (!problems.isEmpty()) report(problems.join(QStringLiteral("\n")), true);
    if (!detailShown_ && !names.isEmpty() && !lists_->model(0)->rows().empty()) {  // fill the item panel once, with the first list's top item
        detailShown_ = true;
        lists_->view(0)->selectRow(0);
        showItem(names[0], lists_->model(0)->rows().front().item);
    }
    emit listsUpdated();
}

QString RecommendationsScreen::slotTitle(const QString& name) const {
    const auto* s = scheduler_ ? scheduler_->readable() : nullptr;
    QString title = RecommenderChoices::label(name);
    if (s && s->trained(utf8(name)) && s->fromCache(utf8(name))) title = tr("%1 — model kept in the project").arg(title);
    if (s && !s->trained(utf8(name))) title = training_.contains(name) ? tr("%1 — training…").arg(title) : tr("%1 — not trained").arg(title);
    if (const QString rules = rules_->summary(); !rules.isEmpty()) title = tr("%1 — %2").arg(title, rules);
    return title;
}

void RecommendationsScreen::audienceChanged() {
    const QString chosen = audienceChoice_->segment();
    customerEdit_->setEnabled(chosen.isEmpty());
    segment_.clear();
    members_.clear();
    if (chosen.isEmpty()) {
        if (!customerId_.isEmpty()) showCustomer(customerId_);
        return;
    }
    lists_->clear();
    history_->setRows({});
    if (!scheduler_) return load();
    std::function<Result<std::vector<std::int32_t>>(const rec::RecommendationSession&, const JobContext&)> job =
        [name = utf8(chosen), project = project_](const rec::RecommendationSession& s, const JobContext&) {
            return AudienceChoice::members(s, *project, name);
        };
    report(tr("Loading the segment %1…").arg(chosen), false);
    scheduler_->read<std::vector<std::int32_t>>(tr("Segment %1").arg(chosen), job, this, [this, chosen](Result<std::vector<std::int32_t>> r) {
        if (audienceChoice_->segment() != chosen) return;  // another audience was chosen meanwhile
        if (!r) return report(qs(r.error().describe()), true);
        segment_ = chosen;
        members_ = std::move(*r);
        lists_->clear();
        report(tr("Segment %1: %2 customers. Each list shows the items the model puts in most of their top %3.")
                   .arg(chosen, QLocale().toString(qlonglong(members_.size())))
                   .arg(k_->value()),
               false);
        refreshLists();
    });
}

void RecommendationsScreen::refreshGroupLists(const QStringList& names) {
    const auto rules = rules_->rules();
    const bool includeKnown = rules_->includeKnown();
    const auto k = static_cast<std::size_t>(k_->value());
    refreshRunning_ = true;
    using Rows = RecommendationRows::RowLists;
    std::function<Result<Rows>(const rec::RecommendationSession&, const JobContext&)> job =
        [names, members = members_, k, rules, includeKnown, project = project_](const rec::RecommendationSession& session,
                                                                              const JobContext& ctx) -> Result<Rows> {
        return RecommendationRows::groupLists(session, *project, names, members, k, rules, includeKnown, ctx);
    };
    scheduler_->read<Rows>(tr("Top-%1 lists of the segment %2").arg(k).arg(segment_), job, this, [this, names, segment = segment_, k](Result<Rows> r) {
        refreshRunning_ = false;
        if (r && segment == segment_) {
            QStringList problems;
            for (int slot = 0; slot < kSlots && slot < names.size(); ++slot) {
                if (names[slot].isEmpty()) continue;
                auto& rows = (*r)[static_cast<std::size_t>(slot)];
                if (!rows) problems << tr("%1: %2").arg(RecommenderChoices::label(names[slot]), qs(rows.error().describe()));
                lists_->setTitle(slot, tr("%1 — for the segment %2").arg(slotTitle(names[slot]), segment));
                lists_->showShares(slot, static_cast<int>(k));
                lists_->model(slot)->setRows(rows ? std::move(*rows) : std::vector<RankedItemRow>{});
            }
            if (!problems.isEmpty()) report(problems.join(QStringLiteral("\n")), true);
            emit listsUpdated();
        } else if (!r) {
            report(qs(r.error().describe()), true);
        }
        if (refreshPending_) refreshLists();
    });
}

void RecommendationsScreen::showItem(const QString& model, int item) { detail_->showItem(model, item); }

}  // namespace ss::ui
