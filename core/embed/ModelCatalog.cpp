#include "ModelCatalog.h"

#include <algorithm>
#include <fstream>

#include "ModelInstaller.h"
#include "ModelLocator.h"
#include "common/JsonFields.h"
#include "common/JsonParse.h"
#include "model/ModelConfig.h"
#include "model/Sha256.h"
#include "text/BertTokenizer.h"
#include "text/Unicode.h"

namespace ss {
namespace fs = std::filesystem;
namespace {

// Share of vocabulary entries holding a Chinese character.
double chineseShare(const fs::path& vocab, std::int64_t& entries) {
    std::ifstream in(vocab);
    std::string line;
    std::int64_t chinese = 0;
    entries = 0;
    while (std::getline(in, line)) {
        ++entries;
        std::size_t pos = 0;
        while (pos < line.size()) {
            if (unicode::isChineseChar(unicode::nextCodePoint(line, pos))) {
                ++chinese;
                break;
            }
        }
    }
    return entries > 0 ? double(chinese) / double(entries) : 0;
}

std::uintmax_t folderBytes(const fs::path& dir) {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    return bytes;
}

}  // namespace

boost::json::object ModelEntry::toJson() const {
    boost::json::object o{{"name", name}, {"dir", dir.string()}, {"source", source}, {"usable", usable}, {"bytes", bytes}, {"default", isDefault},
                          {"known_checksums", knownChecksums}};
    if (!usable) o["problem"] = problem;
    if (!language.empty()) o["language"] = language;
    if (vocabulary) o["vocabulary"] = vocabulary;
    if (dimension) {
        o["dimension"] = dimension;
        o["layers"] = layers;
        o["pooling"] = pooling;
        o["normalised"] = normalised;
    }
    if (!weightsSha256.empty()) o["sha256"] = weightsSha256;
    return o;
}

ModelEntry ModelCatalog::describe(const fs::path& dir) {
    ModelEntry entry;
    entry.dir = dir;
    entry.name = dir.filename().string();
    entry.bytes = folderBytes(dir);
    if (std::ifstream marker(dir / ModelInstaller::kSourceFile); marker) {
        std::string text((std::istreambuf_iterator<char>(marker)), std::istreambuf_iterator<char>());
        boost::system::error_code ec;
        const auto parsed = parseJson(text, ec);
        if (!ec && parsed.is_object()) entry.source = stringAt(parsed.as_object(), "source");
    }
    if (auto home = ModelLocator::defaultModel(); home) {
        std::error_code ec;
        entry.isDefault = fs::equivalent(*home, dir, ec);
    }
    if (Status s = ModelInstaller::check(dir); !s) {
        entry.problem = s.error().describe();
        return entry;
    }
    if (auto tokenizer = BertTokenizer::fromModelDir(dir); !tokenizer) {
        entry.problem = tokenizer.error().describe();
        return entry;
    }
    auto config = ModelConfig::fromDir(dir);  // readable: check() read it
    entry.dimension = config->hiddenSize;
    entry.layers = config->numLayers;
    entry.pooling = std::string(ModelConfig::poolingName(config->pooling));
    entry.normalised = config->normalize;
    const double share = chineseShare(dir / "vocab.txt", entry.vocabulary);
    entry.language = share >= kChineseVocabularyShare ? "chinese" : share >= kMixedVocabularyShare ? "mixed" : "latin";
    auto sha = Sha256::hexOfFile(dir / "model.safetensors");
    if (!sha) {
        entry.problem = sha.error().describe();
        return entry;
    }
    entry.weightsSha256 = *sha;
    entry.knownChecksums = ModelInstaller::recognise(dir) != nullptr;
    entry.usable = true;
    return entry;
}

Result<std::vector<ModelEntry>> ModelCatalog::list(const fs::path& modelsRoot) {
    std::vector<ModelEntry> out;
    std::error_code ec;
    if (!fs::exists(modelsRoot, ec)) return out;
    for (auto it = fs::directory_iterator(modelsRoot, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (it->is_directory(ec) && it->path().filename().string().front() != '.') out.push_back(describe(it->path()));
    if (ec) return makeError(ErrorCode::Io, "cannot read the models folder: " + ec.message(), modelsRoot.string());
    std::sort(out.begin(), out.end(), [](const ModelEntry& a, const ModelEntry& b) { return a.name < b.name; });
    return out;
}

Status ModelCatalog::remove(const fs::path& modelsRoot, const std::string& name) {
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
        return makeError(ErrorCode::Usage, "'" + name + "' is not a model name (a folder of the models folder)");
    const fs::path dir = modelsRoot / name;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return makeError(ErrorCode::InputData, "no model called '" + name + "'", modelsRoot.string());
    if (fs::is_symlink(dir, ec)) {
        fs::remove(dir, ec);  // a link the user made: the link goes, not what it points to
    } else {
        fs::remove_all(dir, ec);
    }
    if (ec) return makeError(ErrorCode::Io, "cannot remove the model: " + ec.message(), dir.string());
    return {};
}

}  // namespace ss
