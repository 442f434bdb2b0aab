#include "model/bert/BertWeightLoader.h"

#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace ss {
namespace {

std::string shapeText(at::IntArrayRef shape) {
    std::string out = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + "]";
}

std::string listOf(const std::vector<std::string>& names) {
    // Long lists (e.g. a wrong model entirely) are cut so the message stays readable.
    constexpr std::size_t kShown = 8;
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < kShown; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > kShown) out += ", ... (" + std::to_string(names.size() - kShown) + " more)";
    return out;
}

bool ignored(const std::string& name) {
    return name == "embeddings.position_ids" || name.rfind("pooler.", 0) == 0 || name.rfind("cls.", 0) == 0;
}

at::ScalarType scalarType(SafetensorsFile::DType dtype) {
    switch (dtype) {
        case SafetensorsFile::DType::F16: return at::kHalf;
        case SafetensorsFile::DType::BF16: return at::kBFloat16;
        default: return at::kFloat;
    }
}

}  // namespace

Status BertWeightLoader::load(BertModel& model, const SafetensorsFile& file) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return makeError(ErrorCode::Unsupported, "safetensors data is little-endian; big-endian hosts are not supported",
                     file.path().string());
#endif
    std::map<std::string, at::Tensor> expected;
    for (const auto& item : model->named_parameters(/*recurse=*/true)) expected.emplace(item.key(), item.value());

    std::map<std::string, const SafetensorsFile::Tensor*> provided;
    std::vector<std::string> unexpected, misshaped, badType, duplicated;
    for (const auto& tensor : file.tensors()) {
        const bool prefixed = tensor.name.rfind("bert.", 0) == 0;
        const std::string name = prefixed ? tensor.name.substr(5) : tensor.name;
        if (ignored(name)) continue;
        if (!expected.count(name)) {
            unexpected.push_back(tensor.name);
            continue;
        }
        if (!provided.emplace(name, &tensor).second) {
            duplicated.push_back(name + " (given with and without 'bert.')");
            continue;
        }
        const at::Tensor& target = expected.at(name);
        if (!SafetensorsFile::isWeightDType(tensor.dtype)) {
            badType.push_back(tensor.name + " is " + std::string(SafetensorsFile::dtypeName(tensor.dtype)));
        }
        if (at::IntArrayRef(tensor.shape) != target.sizes()) {
            misshaped.push_back(tensor.name + " " + shapeText(tensor.shape) + " (expected " + shapeText(target.sizes()) + ")");
        }
    }
    std::vector<std::string> missing;
    for (const auto& [name, tensor] : expected) {
        if (!provided.count(name)) missing.push_back(name);
    }

    std::string problems;
    const auto add = [&problems](const char* what, const std::vector<std::string>& names) {
        if (names.empty()) return;
        problems += (problems.empty() ? "" : "; ") + std::string(what) + " (" + std::to_string(names.size()) +
                    "): " + listOf(names);
    };
    add("missing tensors", missing);
    add("unexpected tensors", unexpected);
    add("wrong shape", misshaped);
    add("unsupported dtype (weights must be F32, F16 or BF16)", badType);
    add("duplicated", duplicated);
    if (!problems.empty()) {
        return makeError(ErrorCode::InputData, "weights do not match the BERT config: " + problems, file.path().string());
    }

    at::NoGradGuard noGrad;
    for (const auto& [name, source] : provided) {
        // Copy out of the mapping (whose bytes may be unaligned) into an owned tensor of the file's
        // dtype; copy_ then converts to the parameter's dtype.
        at::Tensor staged = at::empty(source->shape, at::TensorOptions().dtype(scalarType(source->dtype)));
        if (source->byteSize() > 0) std::memcpy(staged.data_ptr(), file.data(*source), source->byteSize());
        expected.at(name).copy_(staged);
    }
    return {};
}

}  // namespace ss
