// EncoderAccess: the workbench's one EncoderCache plus the translation of Settings (model folder,
// device, threads) into encoder options. acquire() may be called from any job thread.
#pragma once

#include <QString>

#include "embed/EncoderCache.h"

namespace ss::ui {

class EncoderAccess {
public:
    struct Choice {
        std::filesystem::path modelDir;
        EncoderOptions options;
    };
    // Reads the settings (GUI thread) into a value that a job can carry.
    // The precision the settings ask for on `device` ("auto", "cpu" or "cuda").
    static std::string precisionFromSettings(const std::string& device);
    static Result<Choice> fromSettings();
    // The same, but a model chosen for this project (its "encoder.model_dir" setting) wins.
    static Result<Choice> fromSettings(const QString& projectPath);
    static QString projectModelFolder(const QString& projectPath);
    static Status setProjectModelFolder(const QString& projectPath, const QString& folder);
    static constexpr const char* kProjectModelKey = "encoder.model_dir";
    static Result<EncoderCache::Lease> acquire(const Choice& choice);
};

}  // namespace ss::ui
