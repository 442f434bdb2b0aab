#include <boost/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "InputTexts.h"
#include "ModelDir.h"
#include "Output.h"
#include "common/Base64.h"
#include "embed/TextEncoder.h"

namespace ss::cli {
namespace {

// Records read from stdin before they are encoded and written: bounds memory on a stream of any
// length while keeping batches full.
constexpr std::size_t kRecordsPerChunk = 1024;

struct Record {
    boost::json::value id;
    std::string text;
};

// One stdin line as a record, or an error naming the line and the field.
Result<Record> parseRecord(const std::string& line, std::size_t lineNumber) {
    const std::string where = "stdin:" + std::to_string(lineNumber);
    boost::system::error_code ec;
    boost::json::value parsed = boost::json::parse(line, ec);
    if (ec || !parsed.is_object()) return makeError(ErrorCode::InputData, "not a JSON object: " + line.substr(0, 80), where);
    auto& object = parsed.as_object();
    const auto* id = object.if_contains("id");
    if (!id || id->is_null()) return makeError(ErrorCode::InputData, "the record has no \"id\"", where + ": field 'id'");
    const auto* text = object.if_contains("text");
    if (!text || !text->is_string()) return makeError(ErrorCode::InputData, "\"text\" is missing or not a string", where + ": field 'text'");
    return Record{*id, std::string(text->as_string())};
}

boost::json::value vectorJson(const std::vector<float>& vector, bool base64) {
    if (base64) return boost::json::string(toBase64(std::as_bytes(std::span(vector))));
    boost::json::array values;
    values.reserve(vector.size());
    for (float x : vector) values.emplace_back(x);
    return values;
}

// stdin {"id": ..., "text": ...} per line → stdout {"id": ..., "vector": ...} per line, in order,
// a chunk at a time; the first bad record stops the run with its line and field.
Status embedJsonLines(TextEncoder& encoder, bool base64, const JobContext& context) {
    std::vector<Record> chunk;
    std::string line;
    std::size_t lineNumber = 0;
    auto flush = [&]() -> Status {
        if (chunk.empty()) return {};
        std::vector<std::string> texts;
        texts.reserve(chunk.size());
        for (const auto& record : chunk) texts.push_back(record.text);
        auto vectors = encoder.encode(texts, &context);
        if (!vectors) return vectors.error();
        std::string out;
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            boost::json::object row;
            row["id"] = chunk[i].id;
            row["vector"] = vectorJson((*vectors)[i], base64);
            out += boost::json::serialize(row);
            out += '\n';
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
        std::fflush(stdout);
        chunk.clear();
        return {};
    };
    while (std::getline(std::cin, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines carry nothing
        auto record = parseRecord(line, lineNumber);
        if (!record) return record.error();
        chunk.push_back(std::move(*record));
        if (chunk.size() == kRecordsPerChunk) SS_TRY(flush());
    }
    return flush();
}

}  // namespace

Status runEmbed(const std::vector<std::string>& args) {
    ArgParser parser(withEncoderOptions({"model", "input", "vector-format"}), {"json", "jsonl", "quiet"});
    SS_TRY(parser.parse(args));
    const std::string format = parser.value("vector-format").value_or("json");
    if (format != "json" && format != "base64")
        return makeError(ErrorCode::Usage, "--vector-format is json or base64, not '" + format + "'", "vector-format");
    const bool jsonLines = parser.flag("jsonl");
    if (jsonLines && (!parser.positionals().empty() || parser.value("input") || parser.flag("json")))
        return makeError(ErrorCode::Usage, "--jsonl reads its records from stdin: give no TEXT, --input or --json with it");
    if (!jsonLines && !parser.flag("json") && parser.value("vector-format"))
        return makeError(ErrorCode::Usage, "--vector-format goes with --json or --jsonl", "vector-format");
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    std::vector<std::string> texts;
    if (!jsonLines) {
        auto input = inputTexts(parser);
        if (!input) return input.error();
        texts = std::move(*input);
        if (texts.empty()) return makeError(ErrorCode::Usage, "no text to embed (give TEXT..., --input FILE or --jsonl)");
    }
    auto encoder = TextEncoder::load(*dir, *options);
    if (!encoder) return encoder.error();
    const JobContext context = stderrProgress(parser.flag("quiet"));
    if (jsonLines) return embedJsonLines(*encoder, format == "base64", context);
    auto vectors = encoder->encode(texts, &context);
    if (!vectors) return vectors.error();
    if (parser.flag("json")) {
        boost::json::array out;
        // base64: a tenth of the output to format and parse (16 MB of numbers for 2,000 vectors).
        for (std::size_t i = 0; i < texts.size(); ++i)
            out.push_back({{"text", texts[i]}, {"vector", vectorJson((*vectors)[i], format == "base64")}});
        printJson(out);
    } else {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            std::string line;
            for (float x : (*vectors)[i]) line += std::to_string(x) + " ";
            std::printf("%s\n", line.c_str());
        }
    }
    return {};
}

}  // namespace ss::cli
