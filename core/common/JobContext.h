// JobContext: what a core job receives to report progress and notice cancellation.
// The job's worker thread calls report() and cancelled(); the owner (ui job runner or CLI) supplies
// the sink and requests a stop from any thread through the std::stop_source it owns.
#pragma once

#include <functional>
#include <stop_token>
#include <string>

namespace ss {

struct JobContext {
    // fraction in [0,1] (negative when unknown), and a short human-readable stage description
    std::function<void(double fraction, const std::string& stage)> progress;
    std::stop_token stop;

    void report(double fraction, const std::string& stage) const {
        if (progress) progress(fraction, stage);
    }
    bool cancelled() const { return stop.stop_requested(); }
};

}  // namespace ss
