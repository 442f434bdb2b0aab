#include "AudienceChoice.h"

#include <QLocale>

#include "JobRunner.h"
#include "ProjectContext.h"
#include "Text.h"
#include "cohorts/Segments.h"
#include "rec/Session.h"

namespace ss::ui {

AudienceChoice::AudienceChoice(QWidget* parent) : QComboBox(parent) {
    setObjectName("audience");
    addItem(tr("One customer"), QString());
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("Whose lists: one customer, or a saved segment (the items the model shows most of its customers)."));
}

Result<std::vector<std::int32_t>> AudienceChoice::members(const rec::RecommendationSession& session, ProjectContext& project,
                                                         const std::string& segment) {
    auto reader = project.readers().lease();
    if (!reader) return reader.error();
    auto members = Segments::members((*reader)->db(), segment);
    if (!members) return members.error();
    std::vector<std::int32_t> out;
    out.reserve(members->size());
    for (const auto& m : *members)
        if (auto index = session.data().userIndex(m.userId)) out.push_back(*index);
    return out;
}

void AudienceChoice::refresh(JobRunner& runner, const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    if (!project) {
        const QSignalBlocker block(this);
        while (count() > 1) removeItem(count() - 1);
        setCurrentIndex(0);
        emit listed();
        return;
    }
    std::function<Result<std::vector<SegmentInfo>>(const JobContext&)> job = [project](const JobContext&) -> Result<std::vector<SegmentInfo>> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        return Segments::list((*reader)->db());
    };
    runner.start<std::vector<SegmentInfo>>(QStringLiteral("recommendations/segments"), tr("Listing segments"), job, this,
                                           [this, project](Result<std::vector<SegmentInfo>> r) {
        if (project != project_) return;  // another project was opened meanwhile
        const QString chosen = segment();
        {
            const QSignalBlocker block(this);
            while (count() > 1) removeItem(count() - 1);
            if (r)
                for (const auto& s : *r) {
                    addItem(tr("Segment: %1 (%2 customers)").arg(qs(s.name), QLocale().toString(qlonglong(s.customers))), qs(s.name));
                    setItemData(count() - 1, qs(s.description), Qt::ToolTipRole);
                }
            const int again = findData(chosen);
            setCurrentIndex(again < 0 ? 0 : again);
        }
        if (segment() != chosen) emit currentIndexChanged(currentIndex());  // the chosen segment was deleted
        emit listed();
    });
}

}  // namespace ss::ui
