// Output helpers for CLI commands: JSON to stdout, progress lines to stderr. Main thread only.
#pragma once

#include <boost/json/value.hpp>

#include "common/JobContext.h"

namespace ss::cli {

void printJson(const boost::json::value& value);
// A JobContext whose progress goes to stderr (at most once per second and per stage change).
JobContext stderrProgress(bool quiet);

}  // namespace ss::cli
