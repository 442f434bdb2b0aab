// Shared by `cohorts` and `survival`: the project's activity (read-only connection, time zone,
// every customer's events), with a note on stderr when an older project's summary is built once.
// Main thread only.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include "cohorts/ProjectActivity.h"

namespace ss::cli {

using AnalysisInput = ProjectActivity;

inline Result<AnalysisInput> openAnalysis(const std::string& db, const std::optional<std::string>& zoneName, const JobContext& job) {
    auto input = ProjectActivity::open(db, zoneName, job);
    if (!input) return input.error();
    if (!input->summaryNote.empty())
        std::fprintf(stderr, "shelfsense-cli: could not store the activity summary (%s); read the events instead\n", input->summaryNote.c_str());
    else if (input->summaryRebuilt)
        std::fprintf(stderr, "shelfsense-cli: summarised the project's activity once; later runs read the summary\n");
    return input;
}

}  // namespace ss::cli
