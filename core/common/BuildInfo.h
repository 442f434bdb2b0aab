// BuildInfo: the program's version, set in one place (project() in the top CMakeLists.txt), and the
// git revision it was built from when built from a checkout. Constants: any thread.
#pragma once

#include <string>

namespace ss {

struct BuildInfo {
    static std::string version();   // e.g. "0.1.0"
    static std::string revision();  // e.g. "9375b84a1c-dirty"; empty when not built from git
    // "0.1.0 (git 9375b84a1c)", or just the version.
    static std::string describe();
};

}  // namespace ss
