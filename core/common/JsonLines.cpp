#include "common/JsonLines.h"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

#include "common/Base64.h"

namespace ss::jsonlines {

namespace fs = std::filesystem;

Result<std::vector<fs::path>> files(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return makeError(ErrorCode::Io, "no such file or folder", path.string());
    if (!fs::is_directory(path, ec)) return std::vector<fs::path>{path};
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        const auto name = entry.path().filename().string();
        const auto ext = entry.path().extension().string();
        if (entry.is_regular_file() && name.front() != '.' && name.front() != '_' && (ext == ".json" || ext == ".jsonl"))
            out.push_back(entry.path());
    }
    if (ec) return makeError(ErrorCode::Io, "cannot list the folder: " + ec.message(), path.string());
    std::sort(out.begin(), out.end());
    if (out.empty()) return makeError(ErrorCode::InputData, "the folder holds no .json or .jsonl files", path.string());
    return out;
}

Status forEach(const std::vector<fs::path>& paths,
               const std::function<Status(const boost::json::object& record, const std::string& where)>& record) {
    for (const auto& file : paths) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return makeError(ErrorCode::Io, "cannot read the file", file.string());
        std::string line;
        for (std::int64_t number = 1; std::getline(in, line); ++number) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            const std::string where = file.filename().string() + ":" + std::to_string(number);
            boost::system::error_code ec;
            const auto parsed = boost::json::parse(line, ec);
            if (ec || !parsed.is_object()) return makeError(ErrorCode::InputData, "not a JSON object", where);
            SS_TRY(record(parsed.as_object(), where));
        }
        if (in.bad()) return makeError(ErrorCode::Io, "reading the file failed", file.string());
    }
    return {};
}

Result<std::string> idText(const boost::json::object& record, const char* field, const std::string& where) {
    const auto* id = record.if_contains(field);
    if (id && id->is_string()) return std::string(id->as_string());
    if (id && id->is_int64()) return std::to_string(id->as_int64());
    if (id && id->is_uint64()) return std::to_string(id->as_uint64());
    return makeError(ErrorCode::InputData, "\"" + std::string(field) + "\" is missing or neither text nor a whole number",
                     where + ": field '" + field + "'");
}

Result<std::vector<float>> floatVector(const boost::json::object& record, const char* field, std::size_t dim, const std::string& where) {
    const std::string at = where + ": field '" + field + "'";
    const auto* v = record.if_contains(field);
    std::vector<float> out;
    if (v && v->is_array()) {
        out.reserve(v->as_array().size());
        for (const auto& x : v->as_array()) {
            if (!x.is_number()) return makeError(ErrorCode::InputData, "the vector holds something that is not a number", at);
            out.push_back(static_cast<float>(x.to_number<double>()));
        }
    } else if (v && v->is_string()) {
        const auto bytes = fromBase64(std::string_view(v->as_string()));
        if (!bytes || bytes->size() % sizeof(float) != 0)
            return makeError(ErrorCode::InputData, "the vector is neither numbers nor base64 of float32 values", at);
        out.resize(bytes->size() / sizeof(float));
        std::memcpy(out.data(), bytes->data(), bytes->size());  // little-endian float32, as embed --jsonl writes them
    } else {
        return makeError(ErrorCode::InputData, "\"" + std::string(field) + "\" is missing", at);
    }
    if (out.size() != dim)
        return makeError(ErrorCode::InputData,
                         "the vector has " + std::to_string(out.size()) + " values; " + std::to_string(dim) + " are expected", at);
    for (float x : out)
        if (!std::isfinite(x)) return makeError(ErrorCode::InputData, "the vector holds a value that is not finite", at);
    return out;
}

}  // namespace ss::jsonlines
