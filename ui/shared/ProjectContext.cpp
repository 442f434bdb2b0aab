#include "ProjectContext.h"

#include "Text.h"
#include "common/JobStages.h"
#include "store/Project.h"
#ifdef SHELFSENSE_WITH_TORCH
#include "embed/SemanticIndexCache.h"
#endif

namespace ss::ui {

ProjectContext::ProjectContext(std::filesystem::path file, bool readOnly, QString modelFolder)
    : file_(std::move(file)), path_(qs(file_.string())), readOnly_(readOnly), modelFolder_(std::move(modelFolder)), readers_(file_) {
#ifdef SHELFSENSE_WITH_TORCH
    semanticIndex_ = std::make_unique<SemanticIndexCache>(readers_);
#endif
}

ProjectContext::~ProjectContext() = default;

Result<std::shared_ptr<ProjectContext>> ProjectContext::open(const std::filesystem::path& path, const JobContext& context) {
    context.report(-1, stages::kOpeningProject);
    auto project = Project::open(path);
    if (!project) return project.error();
    auto folder = (*project)->setting(kModelFolderKey);
    if (!folder) return folder.error();
    const bool readOnly = (*project)->readOnly();
    project->reset();  // the writer is closed; jobs read through the pool and write on their own connection
    return std::shared_ptr<ProjectContext>(new ProjectContext(path, readOnly, *folder ? qs(**folder) : QString()));
}

QString ProjectContext::modelFolder() const {
    std::lock_guard lock(mutex_);
    return modelFolder_;
}

Result<std::unique_ptr<Project>> ProjectContext::openForWriting() const { return Project::openExisting(file_); }

Status ProjectContext::setModelFolder(const QString& folder) {
    auto project = openForWriting();
    if (!project) return project.error();
    SS_TRY((*project)->setSetting(kModelFolderKey, utf8(folder)));
    std::lock_guard lock(mutex_);
    modelFolder_ = folder;
    return {};
}

}  // namespace ss::ui
