// ReadConnections: read-only connections to one project file, lent to jobs and taken back for the
// next job, so a screen's question does not pay for opening the file (and checking its schema) each
// time. Also says whether anything was committed to the file since a moment (PRAGMA data_version on
// a connection of its own), which is how long-lived caches know they are still true.
// Thread-safe: any thread may lease or ask; a lease is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "Project.h"

namespace ss {

class ReadConnections {
public:
    // Keeps up to `keepIdle` returned connections open for reuse.
    explicit ReadConnections(std::filesystem::path path, std::size_t keepIdle = 4);
    ~ReadConnections();
    ReadConnections(const ReadConnections&) = delete;
    ReadConnections& operator=(const ReadConnections&) = delete;

    // A connection for the calling thread, given back when the lease ends. Must not outlive this.
    class Lease {
    public:
        Lease(Lease&& other) noexcept : owner_(other.owner_), project_(std::move(other.project_)) { other.owner_ = nullptr; }
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Project& operator*() const { return *project_; }
        Project* operator->() const { return project_.get(); }

    private:
        friend class ReadConnections;
        Lease(ReadConnections* owner, std::unique_ptr<Project> project) : owner_(owner), project_(std::move(project)) {}
        ReadConnections* owner_;
        std::unique_ptr<Project> project_;
    };

    Result<Lease> lease();
    const std::filesystem::path& path() const { return path_; }
    // A number that changes whenever any connection (this process's or another program's) commits
    // a change to the file. Equal numbers from two calls: nothing was committed in between.
    Result<std::int64_t> dataVersion();
    // Connections opened so far (for tests: reuse means this stops growing).
    std::size_t opened() const;

private:
    void giveBack(std::unique_ptr<Project> project);

    const std::filesystem::path path_;
    const std::size_t keepIdle_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Project>> idle_;
    std::size_t opened_ = 0;
    std::mutex watchMutex_;
    std::unique_ptr<Project> watch_;  // never writes, so every change it sees is someone else's
};

}  // namespace ss
