#include "ModelInstaller.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <set>

#include "ModelLocator.h"
#include "archive/ZipArchive.h"
#include "common/JobStages.h"
#include "model/ModelConfig.h"
#include "model/SafetensorsFile.h"
#include "model/Sha256.h"

namespace ss {
namespace fs = std::filesystem;

namespace {

// Alternative weight formats and exports we never read: not worth copying (they can be gigabytes).
bool skipped(const std::string& relative) {
    static const std::vector<std::string> suffixes = {".bin", ".onnx", ".h5", ".msgpack", ".ot", ".pt", ".ckpt", ".pth"};
    for (const auto& s : suffixes)
        if (relative.size() >= s.size() && relative.compare(relative.size() - s.size(), s.size(), s) == 0) return true;
    const auto first = relative.substr(0, relative.find('/'));
    return first == "onnx" || first == "openvino" || first == ".git" || first == ".cache";
}

struct SourceFile {
    std::string relative;  // '/'-separated, inside the model folder
    std::uint64_t size = 0;
    fs::path onDisk;                               // for a folder source
    const ZipArchive::Member* member = nullptr;    // for an archive source
};

// The folder inside an archive that holds config.json and model.safetensors (the shallowest).
Result<std::string> modelPrefix(const ZipArchive& archive) {
    std::string best;
    bool found = false;
    for (const auto& m : archive.members()) {
        const std::string suffix = "config.json";
        if (m.name.size() < suffix.size() || m.name.compare(m.name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        const std::string prefix = m.name.substr(0, m.name.size() - suffix.size());
        if (!prefix.empty() && prefix.back() != '/') continue;
        if (!archive.find(prefix + "model.safetensors")) continue;
        if (!found || prefix.size() < best.size()) best = prefix;
        found = true;
    }
    if (!found)
        return makeError(ErrorCode::InputData, "no model in the archive (no folder with config.json and model.safetensors)",
                         archive.path().string());
    return best;
}

std::string lastNamedComponent(const std::string& prefix, const fs::path& fallback) {
    // "pkg/model/" -> "model" is generic: use the package folder's name instead.
    std::vector<std::string> parts;
    std::string part;
    for (char c : prefix) {
        if (c == '/') {
            if (!part.empty()) parts.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    while (!parts.empty() && (parts.back() == "model" || parts.back() == "models")) parts.pop_back();
    return parts.empty() ? fallback.stem().string() : parts.back();
}

Status checkModelFolder(const fs::path& dir) {
    for (const char* required : {"config.json", "vocab.txt", "model.safetensors"}) {
        std::error_code ec;
        if (!fs::is_regular_file(dir / required, ec))
            return makeError(ErrorCode::InputData, std::string("not a sentence-encoder model: ") + required + " is missing", dir.string());
    }
    auto config = ModelConfig::fromDir(dir);
    if (!config) return config.error();
    auto weights = SafetensorsFile::open(dir / "model.safetensors");
    if (!weights) return weights.error();
    return {};
}

// The known model whose checksums all match the files, or nullptr. `mismatch` names a file of the
// model called `name` whose digest differs.
const KnownModel* matchKnown(const fs::path& dir, const std::vector<KnownModel>& known, const std::string& name,
                             std::string* mismatch) {
    std::map<std::string, std::string> digests;
    for (const auto& model : known) {
        bool all = true;
        for (const auto& [file, expected] : model.sha256) {
            if (!digests.count(file)) {
                auto hex = Sha256::hexOfFile(dir / file);
                digests[file] = hex ? *hex : std::string();
            }
            if (digests[file] != expected) {
                all = false;
                if (model.name == name && mismatch->empty()) *mismatch = file;
            }
        }
        if (all) return &model;
    }
    return nullptr;
}

bool sameFiles(const fs::path& a, const fs::path& b, const std::vector<SourceFile>& files) {
    for (const auto& f : files) {
        auto x = Sha256::hexOfFile(a / f.relative);
        auto y = Sha256::hexOfFile(b / f.relative);
        if (!x || !y || *x != *y) return false;
    }
    return true;
}

}  // namespace

Status ModelInstaller::check(const fs::path& dir) { return checkModelFolder(dir); }

const KnownModel* ModelInstaller::recognise(const fs::path& dir, const std::vector<KnownModel>& known) {
    std::string mismatch;
    return matchKnown(dir, known, std::string(), &mismatch);
}

const KnownModel& ModelInstaller::defaultModel() {
    static const KnownModel model{"all-MiniLM-L6-v2",
                                  {{"model.safetensors", "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"},
                                   {"vocab.txt", "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"}}};
    return model;
}

Result<InstalledModel> ModelInstaller::install(const fs::path& source, const fs::path& modelsRoot, const JobContext& context,
                                               const std::vector<KnownModel>& known) {
    std::error_code ec;
    std::unique_ptr<ZipArchive> archive;
    std::vector<SourceFile> files;
    std::string name;
    if (fs::is_directory(source, ec)) {
        fs::path folder = source;
        name = source.filename().empty() ? source.parent_path().filename().string() : source.filename().string();
        if (!fs::exists(source / "config.json", ec)) {
            // A Hugging Face hub cache entry (models--org--name): its newest snapshot, named "name".
            if (auto snapshot = ModelLocator::resolve(source)) {
                folder = *snapshot;
                if (const auto dashes = name.rfind("--"); name.rfind("models--", 0) == 0 && dashes != std::string::npos)
                    name = name.substr(dashes + 2);
            }
        }
        // Snapshot files are links into the cache's blobs: is_regular_file follows them, copy_file copies the content.
        for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            const std::string relative = it->path().lexically_relative(folder).generic_string();  // links not followed
            if (!skipped(relative)) files.push_back({relative, fs::file_size(it->path(), ec), it->path(), nullptr});
        }
        if (ec) return makeError(ErrorCode::Io, "cannot list the folder: " + ec.message(), source.string());
    } else if (fs::is_regular_file(source, ec) && ZipArchive::looksLikeZip(source)) {
        auto opened = ZipArchive::open(source);
        if (!opened) return opened.error();
        archive = std::move(*opened);
        auto prefix = modelPrefix(*archive);
        if (!prefix) return prefix.error();
        for (const auto& m : archive->members()) {
            if (m.name.compare(0, prefix->size(), *prefix) != 0) continue;
            const std::string relative = m.name.substr(prefix->size());
            if (!skipped(relative)) files.push_back({relative, m.size, {}, &m});
        }
        name = lastNamedComponent(*prefix, source);
    } else {
        return makeError(ErrorCode::InputData,
                         fs::exists(source, ec) ? "neither a model folder nor a wheel or zip archive" : "no such file or folder",
                         source.string());
    }
    for (const auto& f : files)
        if (f.relative.find("..") != std::string::npos || (!f.relative.empty() && f.relative.front() == '/'))
            return makeError(ErrorCode::InputData, "an unsafe path inside the model: " + f.relative, source.string());

    fs::create_directories(modelsRoot, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot create the models folder: " + ec.message(), modelsRoot.string());
    // Work in a hidden folder beside the target so the final step is a rename on one file system.
    std::mt19937_64 random{std::random_device{}()};
    const fs::path partial = modelsRoot / (".partial-" + std::to_string(random() % 1000000000));
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ignored;
            if (!dir.empty()) fs::remove_all(dir, ignored);
        }
    } cleanup{partial};

    std::uint64_t total = 0, done = 0;
    for (const auto& f : files) total += f.size;
    for (const auto& f : files) {
        if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled; nothing was installed");
        const fs::path target = partial / fs::path(f.relative);
        fs::create_directories(target.parent_path(), ec);
        if (f.member) {
            SS_TRY(archive->extractMember(*f.member, target));
        } else if (!fs::copy_file(f.onDisk, target, fs::copy_options::overwrite_existing, ec)) {
            return makeError(ErrorCode::Io, "cannot copy: " + ec.message(), f.onDisk.string());
        }
        done += f.size;
        context.report(JobProgress{total ? 0.8 * double(done) / double(total) : 0.8, stages::kCopyingModelFiles, f.relative});
    }

    context.report(0.85, stages::kCheckingModelFiles);
    SS_TRY(checkModelFolder(partial));
    std::string mismatch;
    const KnownModel* match = matchKnown(partial, known, name, &mismatch);
    if (!mismatch.empty() && !match)
        return makeError(ErrorCode::InputData,
                         "the SHA-256 of " + mismatch + " is not the published " + name +
                             "'s: the file is damaged or a different model; nothing was installed",
                         source.string());
    if (match) name = match->name;
    if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled; nothing was installed");

    // Where the copy came from, for the model manager (ModelCatalog reads it back).
    {
        std::ofstream marker(partial / kSourceFile);
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        marker << boost::json::serialize(boost::json::object{{"source", fs::absolute(source, ec).string()}, {"installed_at", now}}) << "\n";
        if (!marker) return makeError(ErrorCode::Io, "cannot write into the models folder", partial.string());
    }

    InstalledModel installed{modelsRoot / name, name, match != nullptr, false};
    if (fs::exists(installed.dir, ec)) {
        if (sameFiles(partial, installed.dir, files)) {
            installed.alreadyInstalled = true;
            context.report(1.0, stages::kAlreadyInstalled);
            return installed;
        }
        // Replace the old copy only once the new one is complete.
        const fs::path old = modelsRoot / (".old-" + std::to_string(random() % 1000000000));
        fs::rename(installed.dir, old, ec);
        if (ec) return makeError(ErrorCode::Io, "cannot replace the installed model: " + ec.message(), installed.dir.string());
        fs::rename(partial, installed.dir, ec);
        if (ec) {
            std::error_code ignored;
            fs::rename(old, installed.dir, ignored);
            return makeError(ErrorCode::Io, "cannot install the model: " + ec.message(), installed.dir.string());
        }
        fs::remove_all(old, ec);
    } else {
        fs::rename(partial, installed.dir, ec);
        if (ec) return makeError(ErrorCode::Io, "cannot install the model: " + ec.message(), installed.dir.string());
    }
    cleanup.dir.clear();
    context.report(1.0, stages::kInstalled);
    return installed;
}

}  // namespace ss
