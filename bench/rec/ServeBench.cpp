// ss-bench-serve: what one customer's lists cost on a big project, step by step — the work behind the
// Recommendations screen's "history and top-10 with explanations" (bench/scale/run.py --steps serve-steps).
//   ss-bench-serve --db F [--models popularity,als] [--customers N] [--k 10] [--threads T] [--blas]
// --blas: the dense models scored by the BLAS product, not the fused kernel (FusedScoring), to compare.
// Opens the session and trains or loads each model (kept models are reused), then for N customers
// spread over the customer list times: the history, each model's top-k without explanations, and with
// three explaining history items each. Prints one JSON object: per step the median and largest ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "rec/FusedScoring.h"
#include "rec/Session.h"

using namespace ss;

namespace {

std::string option(const std::vector<std::string>& args, const std::string& name, const std::string& fallback) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name) return args[i + 1];
    return fallback;
}

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

boost::json::object summary(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {{"median_ms", ms.empty() ? 0.0 : ms[ms.size() / 2]}, {"max_ms", ms.empty() ? 0.0 : ms.back()}, {"runs", ms.size()}};
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string path = option(args, "--db", "");
    if (path.empty()) return std::fprintf(stderr, "usage: ss-bench-serve --db F [--models LIST] [--customers N] [--k K] [--threads T]\n"), 1;
    const int customers = std::stoi(option(args, "--customers", "20"));
    const std::size_t k = std::stoul(option(args, "--k", "10"));
    const bool blas = std::find(args.begin(), args.end(), "--blas") != args.end();
    if (blas) rec::FusedScoring::setEnabled(false);
    rec::SessionOptions options;
    options.threads = std::stoi(option(args, "--threads", std::to_string(std::max(1u, std::thread::hardware_concurrency()))));
    std::vector<std::string> models;
    std::stringstream list(option(args, "--models", "popularity,als"));
    for (std::string m; std::getline(list, m, ',');) models.push_back(m);

    boost::json::object out{{"db", path}, {"threads", options.threads}, {"k", k}, {"fused", rec::FusedScoring::available()}};
    auto start = std::chrono::steady_clock::now();
    auto session = rec::RecommendationSession::open(path, options, {});
    if (!session) return std::fprintf(stderr, "%s\n", session.error().describe().c_str()), 2;
    out["open_seconds"] = msSince(start) / 1000;
    boost::json::object loaded;
    for (const auto& m : models) {
        start = std::chrono::steady_clock::now();
        if (auto trained = (*session)->train(m, {}, {}); !trained) return std::fprintf(stderr, "%s\n", trained.error().describe().c_str()), 2;
        loaded[m] = {{"seconds", msSince(start) / 1000}, {"kept", (*session)->fromCache(m)}};
    }
    out["models"] = loaded;
    const auto users = static_cast<std::int32_t>((*session)->data().userCount());
    std::vector<double> history;
    std::vector<std::vector<double>> lists(models.size()), explained(models.size());
    for (int c = 0; c < customers; ++c) {
        const auto user = static_cast<std::int32_t>(static_cast<std::int64_t>(users) * (2 * c + 1) / (2 * customers));
        start = std::chrono::steady_clock::now();
        const auto events = (*session)->history(user);
        history.push_back(msSince(start));
        for (std::size_t m = 0; m < models.size(); ++m) {
            start = std::chrono::steady_clock::now();
            if (auto r = (*session)->recommend(models[m], user, k, {}, false, 0); !r) return std::fprintf(stderr, "%s\n", r.error().describe().c_str()), 2;
            lists[m].push_back(msSince(start));
            start = std::chrono::steady_clock::now();
            if (auto r = (*session)->recommend(models[m], user, k, {}, false, 3); !r) return std::fprintf(stderr, "%s\n", r.error().describe().c_str()), 2;
            explained[m].push_back(msSince(start));
        }
        (void)events;
    }
    boost::json::object steps{{"history", summary(history)}};
    for (std::size_t m = 0; m < models.size(); ++m) {
        steps[models[m] + " top-k"] = summary(lists[m]);
        steps[models[m] + " top-k explained"] = summary(explained[m]);
    }
    out["steps"] = steps;
    std::printf("%s\n", boost::json::serialize(out).c_str());
    return 0;
}
