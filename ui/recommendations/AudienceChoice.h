// AudienceChoice: who the Recommendations screen's lists are for — one customer, or a saved segment
// (cohorts/Segments: customers saved from a cohort cell, a survival step or the command line), whose
// lists then show the items the model puts in most of its members' top K. The segments are listed
// by a job on the project's read connections; refresh() again after segments may have changed.
// GUI thread only.
#pragma once

#include <QComboBox>

#include <memory>
#include <string>
#include <vector>

#include "common/Result.h"

namespace ss::rec {
class RecommendationSession;
}

namespace ss::ui {

class JobRunner;
class ProjectContext;

class AudienceChoice : public QComboBox {
    Q_OBJECT
public:
    explicit AudienceChoice(QWidget* parent = nullptr);
    // Lists the project's segments (null: none); the chosen one stays chosen while it exists.
    void refresh(JobRunner& runner, const std::shared_ptr<ProjectContext>& project);
    // The chosen segment's name; empty for one customer.
    QString segment() const { return currentData().toString(); }
    // A segment's customers as the session's dense indices (those it does not know are left out).
    // Job threads: reads the project on a pooled connection.
    static Result<std::vector<std::int32_t>> members(const rec::RecommendationSession& session, ProjectContext& project,
                                                     const std::string& segment);

signals:
    void listed();  // the segments are in the list

private:
    std::shared_ptr<ProjectContext> project_;
};

}  // namespace ss::ui
