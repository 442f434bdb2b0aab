// Output helpers for CLI commands: JSON to stdout, progress lines to stderr. Main thread only.
#pragma once

#include <boost/json/value.hpp>

#include "common/JobContext.h"
#include "embed/LanguageCoverage.h"

namespace ss::cli {

void printJson(const boost::json::value& value);
// One line on how well a model reads the project's text, and a warning with the remedy when it
// does not (stdout: it is part of the answer).
void printCoverage(const LanguageCoverage& coverage);
// A JobContext whose progress goes to stderr (at most once per second and per stage change).
JobContext stderrProgress(bool quiet);

}  // namespace ss::cli
