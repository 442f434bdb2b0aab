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
    context.progress = [state](double fraction, const std::string& stage) {
        const auto now = std::chrono::steady_clock::now();
        if (stage == state->stage && now - state->last < std::chrono::seconds(1)) return;
        state->last = now;
        state->stage = stage;
        if (fraction >= 0) std::fprintf(stderr, "%s: %.0f%%\n", stage.c_str(), fraction * 100.0);
        else std::fprintf(stderr, "%s...\n", stage.c_str());
    };
    return context;
}

}  // namespace ss::cli
