// CancelSignal: turns Ctrl-C (SIGINT/SIGTERM) into a std::stop_source request that jobs observe
// through their JobContext, so an interrupted import rolls back cleanly. Install once from main.
#pragma once

#include <stop_token>

namespace ss::cli {

void installCancelSignal();
std::stop_token cancelToken();
// The model module has its own copy of this file: the executable hands it its token.
void adoptCancelToken(std::stop_token token);

}  // namespace ss::cli
