// ModelCatalog: the sentence-encoder models ShelfSense knows — every folder in the models folder —
// described for people choosing one (name, vocabulary language, dimension, layers, size on disk,
// checksum, whether it is a model with published checksums), verified the way an install checks
// one, and removed. Pure file-system work: any thread (a job: checksums read every weight byte).
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/Result.h"

namespace ss {

struct ModelEntry {
    std::string name;  // the folder's name
    std::filesystem::path dir;
    std::string source;  // what it was installed from (empty: put there by hand, or before this was recorded)
    bool usable = false;     // passed the checks; else `problem` says why not
    std::string problem;
    // What its vocabulary is written in: "chinese" (at least 30% of the word pieces hold Chinese
    // characters, as bert-base-chinese's), "mixed" (10-30%) or "latin" (an English-style vocabulary:
    // Chinese text is mostly unknown to it).
    std::string language;
    std::int64_t vocabulary = 0, dimension = 0, layers = 0;
    std::string pooling;
    bool normalised = false;
    std::uintmax_t bytes = 0;  // all its files
    std::string weightsSha256;  // of model.safetensors
    bool knownChecksums = false;  // matches a model with published checksums (the default)
    bool isDefault = false;       // the workbench's default model folder

    boost::json::object toJson() const;
};

class ModelCatalog {
public:
    // Every folder of `modelsRoot`, usable or not, by name.
    static Result<std::vector<ModelEntry>> list(const std::filesystem::path& modelsRoot);
    // One folder, checked as an install checks it, plus its vocabulary (vocab.txt and tokenizer_config.json).
    static ModelEntry describe(const std::filesystem::path& dir);
    // Removes the model folder `name` of `modelsRoot` (nothing outside it, never the root itself).
    static Status remove(const std::filesystem::path& modelsRoot, const std::string& name);

    static constexpr double kChineseVocabularyShare = 0.30, kMixedVocabularyShare = 0.10;
};

}  // namespace ss
