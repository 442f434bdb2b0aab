#include "ReadConnections.h"

namespace ss {

ReadConnections::ReadConnections(std::filesystem::path path, std::size_t keepIdle) : path_(std::move(path)), keepIdle_(keepIdle) {}

ReadConnections::~ReadConnections() = default;

ReadConnections::Lease::~Lease() {
    if (owner_ && project_) owner_->giveBack(std::move(project_));
}

Result<ReadConnections::Lease> ReadConnections::lease() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto project = std::move(idle_.back());
            idle_.pop_back();
            return Lease(this, std::move(project));
        }
    }
    // Opened outside the lock: another thread's lease need not wait for this file open.
    auto project = Project::openExisting(path_, Database::Mode::ReadOnly);
    if (!project) return project.error();
    std::lock_guard lock(mutex_);
    ++opened_;
    return Lease(this, std::move(*project));
}

void ReadConnections::giveBack(std::unique_ptr<Project> project) {
    std::lock_guard lock(mutex_);
    if (idle_.size() < keepIdle_) idle_.push_back(std::move(project));
}

std::size_t ReadConnections::opened() const {
    std::lock_guard lock(mutex_);
    return opened_;
}

Result<std::int64_t> ReadConnections::dataVersion() {
    std::lock_guard lock(watchMutex_);
    if (!watch_) {
        auto project = Project::openExisting(path_, Database::Mode::ReadOnly);
        if (!project) return project.error();
        watch_ = std::move(*project);
    }
    return watch_->db().queryInt("PRAGMA data_version");
}

}  // namespace ss
