#include "Output.h"

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "CancelSignal.h"

namespace ss::cli {

void printJson(const boost::json::value& value) {
    std::cout << boost::json::serialize(value) << std::endl;
}

JobContext stderrProgress(bool quiet) {
    JobContext context;
    context.stop = cancelToken();
    if (quiet) return context;
    struct State {
        std::chrono::steady_clock::time_point last{};
        std::string stage;
    };
    auto state = std::make_shared<State>();
    context.progress = [state](const JobProgress& progress) {
        const auto now = std::chrono::steady_clock::now();
        const std::string stage = progress.stage + '\n' + progress.subject;
        if (!progress.milestone && stage == state->stage && now - state->last < std::chrono::seconds(1)) return;
        state->last = now;
        state->stage = stage;
        const std::string text = describeProgress(progress);
        if (progress.fraction >= 0) std::fprintf(stderr, "%s: %.0f%%\n", text.c_str(), progress.fraction * 100.0);
        else std::fprintf(stderr, "%s...\n", text.c_str());
    };
    return context;
}

}  // namespace ss::cli
