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
    static Result<Choice> fromSettings();
    static Result<EncoderCache::Lease> acquire(const Choice& choice);
};

}  // namespace ss::ui
