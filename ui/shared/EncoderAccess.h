// EncoderAccess: the workbench's one EncoderCache plus the translation of Settings (model folder,
// device, threads) and the project's own model choice into encoder options. fromSettings() reads
// settings (GUI thread); acquire() and chooseForProject() are for job threads.
#pragma once

#include <QString>

#include "ProjectContext.h"
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
    // The same, but a model chosen for this project (ProjectContext::modelFolder) wins.
    static Result<Choice> fromSettings(const ProjectContext& project);
    // Checks that `folder` holds a BERT-family model, then keeps it as the project's choice (empty:
    // back to the workbench default). Reads model files and writes the project: a job.
    static Status chooseForProject(ProjectContext& project, const QString& folder);
    static Result<EncoderCache::Lease> acquire(const Choice& choice);
};

}  // namespace ss::ui
