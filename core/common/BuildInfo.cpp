#include "BuildInfo.h"

#include "BuildRevision.h"  // generated at build time

namespace ss {

std::string BuildInfo::version() { return SS_PROJECT_VERSION; }

std::string BuildInfo::revision() { return SS_BUILD_REVISION; }

std::string BuildInfo::describe() {
    const std::string rev = revision();
    return rev.empty() ? version() : version() + " (git " + rev + ")";
}

}  // namespace ss
