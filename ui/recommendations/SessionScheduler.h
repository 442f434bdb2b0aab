// SessionScheduler: owns one open RecommendationSession and orders the jobs that use it. The
// session's train() mutates it while recommend()/history()/audience() only read it, so jobs are
// readers or writers: readers run together, a writer runs alone, and jobs start in the order they
// were asked for (a waiting writer holds back later readers, so training is never starved).
// The GUI thread may read the session directly through readable() whenever no writer runs.
// Jobs run through the JobRunner (progress and Cancel in the jobs panel). GUI thread only.
#pragma once

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

#include "JobRunner.h"
#include "rec/Session.h"

namespace ss::ui {

class SessionScheduler : public QObject {
    Q_OBJECT
public:
    SessionScheduler(JobRunner& runner, std::shared_ptr<rec::RecommendationSession> session, QObject* parent = nullptr)
        : QObject(parent), runner_(runner), session_(std::move(session)) {}

    // The session for GUI-thread reads, or null while a writer (training) runs.
    const rec::RecommendationSession* readable() const { return writing_ ? nullptr : session_.get(); }
    bool writing() const { return writing_; }
    int pending() const { return static_cast<int>(queue_.size()) + readers_ + (writing_ ? 1 : 0); }

    // A job that only reads the session. `onDone` runs on the GUI thread unless `receiver` is gone.
    template <typename T>
    void read(const QString& title, std::function<Result<T>(const rec::RecommendationSession&, const JobContext&)> job,
              QObject* receiver, std::function<void(Result<T>)> onDone) {
        enqueue(false, [this, title, job = std::move(job), guard = QPointer<QObject>(receiver), onDone = std::move(onDone)] {
            ++readers_;
            std::function<Result<T>(const JobContext&)> bound = [s = session_, job](const JobContext& ctx) { return job(*s, ctx); };
            runner_.start<T>(title, bound, this, [this, guard, onDone](Result<T> r) {
                --readers_;
                if (guard) onDone(std::move(r));
                pump();
            });
        });
    }

    // A job that changes the session (training). Runs alone.
    template <typename T>
    void write(const QString& title, std::function<Result<T>(rec::RecommendationSession&, const JobContext&)> job,
               QObject* receiver, std::function<void(Result<T>)> onDone) {
        enqueue(true, [this, title, job = std::move(job), guard = QPointer<QObject>(receiver), onDone = std::move(onDone)] {
            writing_ = true;
            emit writingChanged(true);
            std::function<Result<T>(const JobContext&)> bound = [s = session_, job](const JobContext& ctx) { return job(*s, ctx); };
            // JobRunner delivers results only after start() returned, so the id is set by then.
            writerJob_ = runner_.start<T>(title, bound, this, [this, guard, onDone](Result<T> r) {
                writing_ = false;
                writerJob_ = 0;
                if (guard) onDone(std::move(r));
                emit writingChanged(false);
                pump();
            });
        });
    }

    // Cancels the running writer, if any (queued jobs still run).
    void cancelWriter() {
        if (writerJob_) runner_.cancel(writerJob_);
    }

signals:
    void writingChanged(bool writing);

private:
    struct Pending {
        bool writer = false;
        std::function<void()> start;
    };
    void enqueue(bool writer, std::function<void()> start) {
        queue_.push_back({writer, std::move(start)});
        pump();
    }
    void pump() {
        while (!queue_.empty()) {
            const bool writer = queue_.front().writer;
            if (writing_ || (writer && readers_ > 0)) return;
            auto start = std::move(queue_.front().start);
            queue_.pop_front();
            start();
        }
    }

    JobRunner& runner_;
    std::shared_ptr<rec::RecommendationSession> session_;
    std::deque<Pending> queue_;
    int readers_ = 0;
    bool writing_ = false;
    int writerJob_ = 0;
};

}  // namespace ss::ui
