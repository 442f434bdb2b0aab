// RecommendationsScreen: a merchandiser's view of one customer — find them by id, see their history
// as a timeline, and the top-K of one to three models side by side with scores and explanations —
// or of a saved segment (AudienceChoice: the items each model puts in most of its members' top K);
// merchandising rules edited live change the lists at once; clicking an item shows its similar items
// and the customers the model would show it to. The session (data + models trained on every event)
// lives in a SessionScheduler: loading, training, history, top-K lists, similar items and audiences
// are jobs; the GUI thread only reads item facts from the open session. GUI thread only.
#pragma once

#include <QStringList>

#include <memory>
#include <unordered_map>

#include "ProjectScreen.h"
#include "RecommendationRows.h"
#include "RulesPanel.h"
#include "rec/Session.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;

namespace ss::ui {

class AudienceChoice;
class AudienceModel;
struct CustomerHistory;
class CustomerSearch;
struct OpenedSession;
class HistoryModel;
class ItemDetailPanel;
class JobRunner;
class RankedItemsModel;
class RecommendationLists;
class RecommendationsBar;
class SessionScheduler;

class RecommendationsScreen : public ProjectScreen {
    Q_OBJECT
public:
    static constexpr int kSlots = 3;  // model slots, as many as RecommendationsBar offers
    RecommendationsScreen(JobRunner& runner, QWidget* parent = nullptr);
    ~RecommendationsScreen() override;
    void setProject(const std::shared_ptr<ProjectContext>& project) override;

    // Chosen models in slot order ("als", "itemknn", ...); empty slots left out.
    QStringList models() const;
    void setModels(const QStringList& names);
    void setTopK(int k);
    QString customer() const { return customerId_; }
    AudienceChoice* audienceChoice() const { return audienceChoice_; }
    QString segment() const { return segment_; }  // the segment the lists are for; empty: one customer
    RankedItemsModel* list(int slot) const;
    HistoryModel* history() const { return history_; }
    RankedItemsModel* similarItems() const;
    AudienceModel* audience() const;
    RulesPanel* rulesPanel() const { return rules_; }
    QTabWidget* sideTabs() const { return sideTabs_; }
    double lastRefreshMilliseconds() const { return lastRefreshMs_; }  // the last lists' job, measured inside it

public slots:
    void load();                                   // opens the session (a job); also on first show
    void showCustomer(const QString& externalId);
    void showItem(const QString& model, int item);  // item: dense index
    void refreshLists();

signals:
    void sessionReady();
    void historyReady();
    void listsUpdated();
    void similarReady(int item);
    void audienceReady(int item);
    void failed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    using Lists = RecommendationRows::Lists;
    void sessionOpened(OpenedSession opened);
    void ensureTrained();
    void showLists(const QStringList& names, Lists lists);
    void showHistory(CustomerHistory data);
    void report(const QString& message, bool error);
    void audienceChanged();
    void refreshGroupLists(const QStringList& names);
    QString slotTitle(const QString& name) const;  // the model, and whether it is training, kept or ruled

    JobRunner& runner_;
    std::shared_ptr<ProjectContext> project_;
    SessionScheduler* scheduler_ = nullptr;
    bool opening_ = false;                 // the session is being opened (keyed job "recommendations/open")
    QStringList training_;                 // models with a training job queued or running
    QString customerId_;
    std::int32_t user_ = -1;
    std::unordered_map<std::int32_t, EventType> strongest_;  // the customer's strongest behaviour per item
    bool refreshPending_ = false, refreshRunning_ = false;
    bool detailShown_ = false;             // the item panel was filled once for this project
    double lastRefreshMs_ = 0;

    QString segment_;                      // chosen in audienceChoice_, once its members are loaded
    std::vector<std::int32_t> members_;    // the segment's customers (dense indices)
    RecommendationsBar* bar_;
    AudienceChoice* audienceChoice_;       // the bar's controls, named for short
    QLineEdit* customerEdit_;
    QSpinBox* k_;
    QLabel* status_;
    QTabWidget* sideTabs_;
    HistoryModel* history_;
    QTableView* historyView_;
    RulesPanel* rules_;
    RecommendationLists* lists_;
    QSplitter* bottom_;
    bool splitSized_ = false;
    ItemDetailPanel* detail_;
};

}  // namespace ss::ui
