// GroupDifferencePanel: the Cohorts screen's "Compare groups" tab — pick two groups of the chosen
// grouping and see, period by period, whether their retention really differs (GroupDifferenceModel:
// difference in points with its 95% interval, significant rows marked). The differences come
// precomputed from the screen's job (every pair of the groups shown), so picking is instant and does
// no engine work on the GUI thread. GUI thread only.
#pragma once

#include <QWidget>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cohorts/CohortMatrix.h"

class QComboBox;
class QLabel;
class QTableView;

namespace ss::ui {

class GroupDifferenceModel;

// Every ordered pair of groups (by index into the names) with their per-period differences.
using GroupDifferences = std::map<std::pair<int, int>, std::vector<RetentionDifference>>;

class GroupDifferencePanel : public QWidget {
    Q_OBJECT
public:
    explicit GroupDifferencePanel(QWidget* parent = nullptr);
    // `names`: the groups' keys, `labels` what to call them; `periods`: column headings. No groups: a hint.
    void setGroups(const std::vector<std::string>& names, const QStringList& labels, GroupDifferences differences,
                   const QStringList& periods);
    GroupDifferenceModel* model() const { return model_; }
    QComboBox* groupABox() const { return a_; }
    QComboBox* groupBBox() const { return b_; }

private:
    void showPair();
    QComboBox* a_;
    QComboBox* b_;
    QLabel* note_;
    QTableView* table_;
    GroupDifferenceModel* model_;
    GroupDifferences differences_;
    QStringList periods_;
};

}  // namespace ss::ui
