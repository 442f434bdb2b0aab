// TopicsPanel: the complaint (or praise) topics of the open project — polarity and category chosen
// above, the topics in a table, the selected topic's reviews closest to its centre and its reviews
// per month beside it; double-clicking a topic lists all its reviews. Grouping runs as a keyed job
// whenever a choice changes. GUI thread only.
#pragma once

#include <QWidget>

#include <functional>

#include "ProjectContext.h"
#include "sentiment/ComplaintTopics.h"

class QComboBox;
class QLabel;
class QTableView;

namespace ss::ui {

class JobRunner;
class SentimentTrendChart;
class TopicTableModel;

class TopicsPanel : public QWidget {
    Q_OBJECT
public:
    // `vectorsFor(project)` makes the job's vector sources (the encoder) or none; called on the job's thread.
    using VectorMaker = std::function<std::optional<sentiment::VectorSources>(const std::string& project)>;
    TopicsPanel(JobRunner& runner, VectorMaker vectorsFor, QWidget* parent = nullptr);

    void setProject(const std::shared_ptr<ProjectContext>& project, const QStringList& categories);
    void recompute();
    void showReviews(int row);  // the reviews of a topic, in a dialog (a job loads them)

    TopicTableModel* model() const { return model_; }
    QComboBox* polarityBox() const { return polarity_; }
    QComboBox* categoryBox() const { return category_; }
    SentimentTrendChart* trendChart() const { return trend_; }
    QLabel* snippetsLabel() const { return snippets_; }

signals:
    void topicsShown();
    void reviewsShown(int count);

private:
    void selectTopic(int row);

    JobRunner& runner_;
    VectorMaker vectorsFor_;
    std::shared_ptr<ProjectContext> project_;
    QComboBox *polarity_, *category_;
    QLabel *status_, *snippets_;
    QTableView* table_;
    TopicTableModel* model_;
    SentimentTrendChart* trend_;
};

}  // namespace ss::ui
