#include "EncoderAccess.h"

#include "SettingsRegistry.h"
#include "Text.h"
#include "embed/ModelLocator.h"

namespace ss::ui {

Result<EncoderAccess::Choice> EncoderAccess::fromSettings() {
    Choice choice;
    const QString folder = SettingsRegistry::modelFolder();
    auto dir = folder.isEmpty() ? ModelLocator::defaultModel() : ModelLocator::resolve(utf8(folder));
    if (!dir) return dir.error();
    choice.modelDir = *dir;
    choice.options.device = utf8(SettingsRegistry::device());
    choice.options.threads = SettingsRegistry::encoderThreads();
    // Half precision on a GPU; the encoder keeps fp32 when it runs on the CPU.
    choice.options.precision = choice.options.device == "cpu" ? "fp32" : "fp16";
    return choice;
}

Result<EncoderCache::Lease> EncoderAccess::acquire(const Choice& choice) {
    static EncoderCache cache;
    return cache.acquire(choice.modelDir, choice.options);
}

}  // namespace ss::ui
