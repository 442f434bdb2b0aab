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

void printCoverage(const LanguageCoverage& c) {
    std::printf("coverage       %s by %s (%s): %.1f%% of %lld word pieces unknown, %.1f%% of %lld texts cut at the model's length\n",
                c.target.c_str(), c.modelName.c_str(), c.exact ? "every text" : "a sample", 100.0 * c.unknownShare(),
                static_cast<long long>(c.counts.pieces), 100.0 * c.truncatedShare(), static_cast<long long>(c.counts.texts));
    if (c.unreadable())
        std::printf("warning        %s does not know %.0f%% of the word pieces in this shop's %s (its vocabulary lacks the "
                    "shop's language: Chinese text read by an English model, say), so search, similar items and content "
                    "recommendations miss what those words say. Add a model that reads the shop's language (shelfsense-cli "
                    "model install FOLDER, or Help > Add a sentence encoder in the workbench) and encode again.\n",
                    c.modelName.c_str(), 100.0 * c.unknownShare(), c.target.c_str());
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
