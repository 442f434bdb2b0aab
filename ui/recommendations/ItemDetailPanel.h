// ItemDetailPanel: the Recommendations screen's selected item as one model sees it — a heading, the
// items the model finds similar (Recommender::similarItems, with what "similar" means) and the
// customers it would show the item to; both computed as session read jobs. GUI thread only.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QTabWidget;

namespace ss::ui {

class AudienceModel;
class ProjectContext;
class RankedItemsModel;
class SessionScheduler;

class ItemDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit ItemDetailPanel(QWidget* parent = nullptr);

    // The open session's scheduler and project; null clears the panel.
    void setScheduler(SessionScheduler* scheduler, std::shared_ptr<ProjectContext> project);
    void showItem(const QString& model, int item);   // item: dense index
    RankedItemsModel* similar() const { return similar_; }
    AudienceModel* audience() const { return audience_; }

signals:
    void similarReady(int item);
    void audienceReady(int item);
    void customerChosen(const QString& externalId);  // a double-click in the audience
    void failed(const QString& message);

private:
    std::shared_ptr<ProjectContext> project_;
    SessionScheduler* scheduler_ = nullptr;
    QLabel* heading_;
    RankedItemsModel* similar_;
    AudienceModel* audience_;
};

}  // namespace ss::ui
