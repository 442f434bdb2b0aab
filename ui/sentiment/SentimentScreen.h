// SentimentScreen: how customers feel about the shop — sentiment by category (stacked bars) and by
// month (lines), the products table sortable by share negative, complaint topics, and the quality of
// the classifiers with the TF-IDF baseline beside them; Train (then label every review) and Label
// reviews run as jobs with progress and Cancel in the Jobs panel. What the screen shows is loaded
// in a keyed job per project and again after each job that changes it. GUI thread only.
#pragma once

#include <memory>
#include <optional>

#include "ProjectScreen.h"
#include "sentiment/SentimentOverview.h"
#include "sentiment/SentimentReport.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace ss::ui {

class ItemSentimentModel;
class JobRunner;
class QualityPanel;
class SentimentCategoryChart;
class SentimentTrendChart;
class TopicsPanel;
struct EncoderChoiceHolder;

class SentimentScreen : public ProjectScreen {
    Q_OBJECT
public:
    explicit SentimentScreen(JobRunner& runner, QWidget* parent = nullptr);
    ~SentimentScreen() override;
    void setProject(const std::shared_ptr<ProjectContext>& project) override;

    // Trains with the chosen labels and classifier, then labels every review (one job).
    void train();
    // Labels the reviews the kept classifier has not labelled yet.
    void labelReviews();

    QComboBox* labelsBox() const { return labels_; }
    QComboBox* classesBox() const { return classes_; }
    QComboBox* classifierBox() const { return classifier_; }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* definitionLabel() const { return definition_; }
    QLabel* statusLabel() const { return status_; }
    SentimentCategoryChart* categoryChart() const { return categories_; }
    SentimentTrendChart* trendChart() const { return trend_; }
    ItemSentimentModel* itemModel() const { return items_; }
    QSortFilterProxyModel* itemProxy() const { return proxy_; }
    TopicsPanel* topics() const { return topics_; }
    QualityPanel* quality() const { return quality_; }

signals:
    void loaded();   // the overview and the newest run are on screen
    void trained();  // a training job finished (and its labels are on screen after the next loaded())

private:
    struct Shown {
        sentiment::SentimentOverview overview;
        std::optional<sentiment::SentimentReport> report;
    };
    void reload();
    void display(Shown shown);

    JobRunner& runner_;
    std::shared_ptr<ProjectContext> project_;
    std::shared_ptr<EncoderChoiceHolder> encoder_;
    QComboBox *labels_, *classes_, *classifier_;
    QPushButton *train_, *apply_;
    QLabel *status_, *definition_;
    QTabWidget* tabs_;
    SentimentCategoryChart* categories_;
    SentimentTrendChart* trend_;
    ItemSentimentModel* items_;
    QSortFilterProxyModel* proxy_;
    QTableView* itemTable_;
    TopicsPanel* topics_;
    QualityPanel* quality_;
};

}  // namespace ss::ui
