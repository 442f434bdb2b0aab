// ProjectContext: what the workbench keeps for one open project — its file and whether it can be
// written, the project's own settings read when it opened (the sentence encoder chosen for it),
// pooled read-only connections for jobs, the catalogue rows shown in item lists, and the semantic
// index. Screens receive it from the main window; a job that needs the project captures the
// shared_ptr, so a project closed meanwhile stays valid until the job ends.
// Created by open(), which is a job (it may create or migrate the file). Thread-safe: every member
// may be called from any thread, and none of them reads the file on the caller's thread except
// open(), readers(), setModelFolder() and the caches' own filling calls, which are for jobs.
#pragma once

#include <QString>

#include <filesystem>
#include <memory>
#include <mutex>

#include "CatalogCache.h"
#include "common/JobContext.h"
#include "common/Result.h"
#include "store/ReadConnections.h"

namespace ss {
class Project;
class SemanticIndexCache;
}

namespace ss::ui {

class ProjectContext {
public:
    // Opens `path` (creating a new project, or upgrading an older one in place) on the job's thread.
    static Result<std::shared_ptr<ProjectContext>> open(const std::filesystem::path& path, const JobContext& context);
    ~ProjectContext();
    ProjectContext(const ProjectContext&) = delete;
    ProjectContext& operator=(const ProjectContext&) = delete;

    const std::filesystem::path& file() const { return file_; }
    const QString& path() const { return path_; }
    // True when the file cannot be written (read-only file, folder or drive).
    bool readOnly() const { return readOnly_; }

    // The sentence encoder folder chosen for this project ("encoder.model_dir"); empty: the
    // workbench default. Read at open, kept in step by setModelFolder.
    QString modelFolder() const;
    // Writes the project's choice (job threads). Empty clears it.
    Status setModelFolder(const QString& folder);
    static constexpr const char* kModelFolderKey = "encoder.model_dir";

    // A connection that may write, for a job that changes the project. Refuses a file that is gone
    // (never creates an empty project in its place).
    Result<std::unique_ptr<Project>> openForWriting() const;
    ReadConnections& readers() { return readers_; }
    CatalogCache& catalog() { return catalog_; }
#ifdef SHELFSENSE_WITH_TORCH
    SemanticIndexCache& semanticIndex() { return *semanticIndex_; }
#endif

private:
    ProjectContext(std::filesystem::path file, bool readOnly, QString modelFolder);

    const std::filesystem::path file_;
    const QString path_;
    const bool readOnly_;
    mutable std::mutex mutex_;
    QString modelFolder_;
    ReadConnections readers_;
    CatalogCache catalog_;
    std::unique_ptr<SemanticIndexCache> semanticIndex_;
};

}  // namespace ss::ui
