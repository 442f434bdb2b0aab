#include "EncoderAccess.h"

#include "SettingsRegistry.h"
#include "Text.h"
#include "embed/ModelLocator.h"
#include "model/ModelConfig.h"

namespace ss::ui {

// Half precision on a GPU; on the CPU fp32, or fast mode's bf16/int8 matrix products when chosen.
std::string EncoderAccess::precisionFromSettings(const std::string& device) {
    if (SettingsRegistry::fastEncoding()) return "fast";
    return device == "cpu" ? "fp32" : "fp16";
}

Result<EncoderAccess::Choice> EncoderAccess::fromSettings() {
    Choice choice;
    const QString folder = SettingsRegistry::modelFolder();
    auto dir = ModelLocator::resolveOrDefault(utf8(folder));
    if (!dir) return dir.error();
    choice.modelDir = *dir;
    choice.options.device = utf8(SettingsRegistry::device());
    choice.options.threads = SettingsRegistry::encoderThreads();
    choice.options.precision = precisionFromSettings(choice.options.device);
    return choice;
}

Status EncoderAccess::chooseForProject(ProjectContext& project, const QString& folder) {
    if (!folder.isEmpty()) {
        auto dir = ModelLocator::resolve(utf8(folder));
        if (!dir) return dir.error();
        auto config = ModelConfig::fromDir(*dir);  // refuses non-BERT architectures with a clear message
        if (!config) return config.error();
    }
    return project.setModelFolder(folder);
}

Result<EncoderAccess::Choice> EncoderAccess::fromSettings(const ProjectContext& project) {
    auto choice = fromSettings();
    const QString folder = project.modelFolder();
    if (folder.isEmpty()) return choice;
    auto dir = ModelLocator::resolve(utf8(folder));
    if (!dir) return dir.error();
    Choice own = choice ? *choice : Choice{};
    if (!choice) {
        own.options.device = utf8(SettingsRegistry::device());
        own.options.threads = SettingsRegistry::encoderThreads();
        own.options.precision = precisionFromSettings(own.options.device);
    }
    own.modelDir = *dir;
    return own;
}

Result<EncoderCache::Lease> EncoderAccess::acquire(const Choice& choice) {
    static EncoderCache cache;
    return cache.acquire(choice.modelDir, choice.options);
}

}  // namespace ss::ui
