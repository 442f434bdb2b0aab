#include "ModelModule.h"

#include <dlfcn.h>

#include <cstdio>
#include <filesystem>
#include <stop_token>

#include "CancelSignal.h"

namespace ss::cli {

using ModuleEntry = int (*)(const char* name, const std::vector<std::string>* args, const std::stop_token* cancel);

int runModelCommand(const std::string& name, const std::vector<std::string>& args) {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto dir = exe.parent_path();
    const std::filesystem::path candidates[] = {dir / "libshelfsense-models.so",
                                                dir / ".." / "lib" / "shelfsense" / "libshelfsense-models.so"};
    std::string errors;
    for (const auto& path : candidates) {
        if (!std::filesystem::exists(path, ec)) continue;
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            errors += std::string(dlerror()) + "\n";
            continue;
        }
        auto entry = reinterpret_cast<ModuleEntry>(dlsym(handle, "shelfsense_models_run"));
        if (!entry) {
            errors += path.string() + ": no entry point\n";
            continue;
        }
        const std::stop_token token = cancelToken();
        return entry(name.c_str(), &args, &token);  // the module stays loaded until exit
    }
    std::fprintf(stderr, "shelfsense-cli %s: the model module (libshelfsense-models.so) could not be loaded%s%s\n",
                 name.c_str(), errors.empty() ? "; it is not installed next to the executable" : ":\n", errors.c_str());
    return 5;  // "any other failure" (see main.cpp)
}

}  // namespace ss::cli
