// JobRunner: the one door from ui to worker threads. Runs core jobs (callables taking a JobContext)
// on its own QThreadPool and delivers progress and results on the GUI thread through queued calls.
// Owns each job's stop_source so the jobs panel can cancel it; on destruction it cancels every job
// and waits for them. Create and call from the GUI thread only.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <exception>
#include <memory>
#include <stop_token>

#include "common/JobContext.h"
#include "JobStageText.h"
#include "common/JobContext.h"
#include "common/Result.h"

namespace ss::ui {

// Lets a job's progress through at most every kInterval, plus every change of stage or subject, every
// milestone (a point of a curve) and the end. Called from the job's threads (a job may report from
// several), hence the mutex.
class ProgressThrottle {
public:
    static constexpr std::chrono::milliseconds kInterval{100};
    bool pass(const JobProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(mutex_);
        const bool sameStage = p.stage == stage_ && p.subject == subject_;
        if (!p.milestone && p.fraction < 1.0 && sameStage && now - last_ < kInterval) return false;
        last_ = now;
        stage_ = p.stage;
        subject_ = p.subject;
        return true;
    }

private:
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
    std::string stage_, subject_;
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    // Progress of one job, for the screen that started it (after the throttle, on the GUI thread).
    using ProgressHandler = std::function<void(const JobProgress&)>;

    explicit JobRunner(QObject* parent = nullptr) : QObject(parent) {
        pool_.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    }
    ~JobRunner() override {
        for (const auto& stop : std::as_const(stops_)) stop->request_stop();
        pool_.waitForDone();
    }

    // Starts `job` on a worker thread; `onDone` runs on the GUI thread with its result, unless
    // `receiver` was destroyed meanwhile. A job that throws finishes as a failed job with the
    // exception's message. Returns the job id.
    template <typename T>
    int start(const QString& title, std::function<Result<T>(const JobContext&)> job, QObject* receiver,
              std::function<void(Result<T>)> onDone) {
        return start(QString(), title, std::move(job), receiver, std::move(onDone));
    }

    // Keyed: starting a job cancels the running job with the same key (e.g. "cohorts/matrix"), whose
    // result and progress are then dropped, so a screen only ever sees the answer to its latest
    // question. `onProgress`, when given, receives this job's reports on the GUI thread.
    template <typename T>
    int start(const QString& key, const QString& title, std::function<Result<T>(const JobContext&)> job, QObject* receiver,
              std::function<void(Result<T>)> onDone, ProgressHandler onProgress = {}) {
        const int id = ++lastId_;
        if (!key.isEmpty()) {
            if (const int older = keys_.value(key, 0)) cancel(older);
            keys_.insert(key, id);
        }
        auto stop = std::make_shared<std::stop_source>();
        stops_.insert(id, stop);
        emit jobStarted(id, title);
        JobContext context;
        context.stop = stop->get_token();
        // Progress crosses threads through a queued invocation on this (GUI-thread) object, thinned by
        // ProgressThrottle: a job may report once per item, and every report queued would flood the
        // GUI thread.
        QPointer<JobRunner> self(this);
        QPointer<QObject> guard(receiver);
        auto throttle = std::make_shared<ProgressThrottle>();
        context.progress = [self, id, key, guard, throttle, onProgress = std::move(onProgress)](const JobProgress& progress) {
            if (!self || !throttle->pass(progress)) return;
            QMetaObject::invokeMethod(self, [self, id, key, guard, onProgress, progress] {
                if (!self || !self->stops_.contains(id)) return;  // finished or cancelled meanwhile
                if (!key.isEmpty() && self->keys_.value(key) != id) return;  // superseded
                emit self->jobProgress(id, progress.fraction, JobStageText::describe(progress));
                if (onProgress && guard) onProgress(progress);
            }, Qt::QueuedConnection);
        };
        QtConcurrent::run(&pool_, [job = std::move(job), context]() -> Result<T> {
            try {
                return job(context);
            } catch (const std::exception& e) {
                return makeError(ErrorCode::Internal, std::string("unexpected error: ") + e.what());
            } catch (...) {
                return makeError(ErrorCode::Internal, "unexpected error");
            }
        })
            .then(this, [this, id, key, guard, onDone = std::move(onDone)](Result<T> result) {
                // A job that finished before .then() was attached runs this continuation inside
                // start(); queue the delivery so callers always get results after start() returned.
                auto shared = std::make_shared<Result<T>>(std::move(result));
                QMetaObject::invokeMethod(this, [this, id, key, guard, onDone, shared] {
                    stops_.remove(id);
                    const bool superseded = !key.isEmpty() && keys_.value(key) != id;
                    if (!key.isEmpty() && !superseded) keys_.remove(key);
                    const bool ok = shared->ok();
                    const bool cancelled = !ok && shared->error().code == ErrorCode::Cancelled;
                    const QString message = ok ? QString() : QString::fromStdString(shared->error().describe());
                    if (guard && !superseded) onDone(std::move(*shared));
                    emit jobFinished(id, ok, cancelled, message);
                }, Qt::QueuedConnection);
            });
        return id;
    }

    void cancel(int id) {
        if (auto stop = stops_.value(id)) stop->request_stop();
    }
    // Cancels the running job started with `key`, if any, and drops its result (for a question that
    // no longer stands, such as a comparison of runs from a project that was just closed).
    void cancelKey(const QString& key) {
        if (const int id = keys_.take(key)) cancel(id);
    }
    int runningCount() const { return stops_.size(); }
    bool isRunning(int id) const { return stops_.contains(id); }

signals:
    void jobStarted(int id, const QString& title);
    void jobProgress(int id, double fraction, const QString& stage);
    void jobFinished(int id, bool ok, bool cancelled, const QString& message);

private:
    int lastId_ = 0;
    QHash<int, std::shared_ptr<std::stop_source>> stops_;
    QHash<QString, int> keys_;  // key → the latest job started with it
    QThreadPool pool_;
};

}  // namespace ss::ui
