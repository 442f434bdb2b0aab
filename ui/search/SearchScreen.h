// SearchScreen: product search by words, meaning or both (hybrid, the default; English or Chinese
// queries; see core/search), similar items for any item, and the embedding map (PCA of all item vectors coloured by category, with hover
// details). Every computation runs as a job. GUI thread only.
#pragma once

#include "ProjectScreen.h"
#include "embed/EncodeJob.h"
#include "search/CatalogSearch.h"

class QComboBox;
class QLabel;
class QSlider;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace ss::ui {

class CatalogMapChart;
class ItemResultsModel;
class JobRunner;

class SearchScreen : public ProjectScreen {
    Q_OBJECT
public:
    SearchScreen(JobRunner& runner, QWidget* parent = nullptr);
    void setProject(const std::shared_ptr<ProjectContext>& project) override;
    ItemResultsModel* results() const { return results_; }
    void setSearchMode(ss::SearchMode mode);
    ss::SearchMode searchMode() const;
    // The semantic side's share in hybrid search, 0..1 (the slider).
    void setSemanticShare(double share);
    CatalogMapChart* mapChart() const { return map_; }

public slots:
    void search(const QString& query);
    void showSimilar(const QString& externalItemId);
    void buildMap();
    void encode(ss::EncodeTarget target);

signals:
    void resultsReady();
    void mapReady();
    void encoded();
    void modelChosen();
    void coverageShown();
    void failed(const QString& message);

private:
    void showModel();
    void chooseModel();
    // How well the model reads the items and reviews: kept measures of this model, else an estimate.
    void measureCoverage();
    void showEvent(QShowEvent* event) override;

    JobRunner& runner_;
    std::shared_ptr<ProjectContext> project_;
    QLabel* model_;
    QLabel* coverage_;
    bool coverageMeasured_ = false;  // for the current project and model
    QList<QWidget*> needEncoder_;  // off while no sentence encoder is installed
    QLineEdit* query_;
    QComboBox* mode_;
    QSlider* semanticShare_;
    QWidget* balance_;  // the slider and its labels: hybrid only
    QLabel* fusionNote_;
    QSpinBox* k_;
    QLabel* heading_;
    QTableView* view_;
    ItemResultsModel* results_;
    CatalogMapChart* map_;
    QLabel* mapStatus_;
    QTabWidget* tabs_;
};

}  // namespace ss::ui
