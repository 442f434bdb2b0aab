// JobContext: what a core job receives to report progress and notice cancellation.
// The job's worker thread (or a helper thread inside the job) calls report() and cancelled(); the
// owner (ui JobRunner or the CLI) supplies the sink and requests a stop from any thread through the
// std::stop_source it owns. A report is structured (JobProgress), so the workbench can translate the
// stage, show live numbers (an epoch's losses) and keep every point of a curve.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace ss {

struct JobProgress {
    double fraction = -1;      // in [0,1]; negative when unknown
    std::string stage;         // one of the names in common/JobStages.h (English; the workbench translates it)
    std::string subject;       // what the stage works on: a file, a recommender, a model; never translated
    std::vector<std::pair<std::string, double>> values;  // live numbers: "epoch", "loss", "train_loss", ...
    bool milestone = false;    // a point of a curve (an epoch's end): no throttle drops it

    std::optional<double> value(const std::string& name) const {
        for (const auto& [n, v] : values)
            if (n == name) return v;
        return std::nullopt;
    }
};

// English text of a report, for the command line: "Training: als (epoch 3, train_loss 0.5213)".
std::string describeProgress(const JobProgress& progress);

struct JobContext {
    std::function<void(const JobProgress&)> progress;
    std::stop_token stop;

    void report(double fraction, std::string stage) const {
        if (progress) progress(JobProgress{fraction, std::move(stage)});
    }
    void report(const JobProgress& p) const {
        if (progress) progress(p);
    }
    bool cancelled() const { return stop.stop_requested(); }

    // This job seen as one part of a larger one: fractions mapped into [from, to] (an unknown
    // fraction stays unknown); `subject` fills in where a report names none. Copies the sink, so the
    // part may outlive this context object (not the job).
    JobContext part(double from, double to, std::string subject = {}) const {
        JobContext inner;
        inner.stop = stop;
        if (!progress) return inner;
        inner.progress = [sink = progress, from, to, subject = std::move(subject)](const JobProgress& p) {
            JobProgress mapped = p;
            if (p.fraction >= 0) mapped.fraction = from + (to - from) * std::min(1.0, p.fraction);
            if (mapped.subject.empty()) mapped.subject = subject;
            sink(mapped);
        };
        return inner;
    }
};

}  // namespace ss
