#include "eval/MetricsCsv.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

#include "common/Numbers.h"
#include "eval/RankingMetrics.h"
#include "io/CsvReader.h"

namespace ss {

namespace {

enum class Column { User, Item, Value };

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool oneOf(const std::string& name, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

std::optional<Column> columnNamed(std::string_view field, bool truth) {
    const std::string n = lower(std::string(field));
    if (oneOf(n, {"user", "user_id", "userid", "uid", "customer", "customer_id"})) return Column::User;
    if (oneOf(n, {"item", "item_id", "itemid", "iid", "product", "product_id"})) return Column::Item;
    if (truth && oneOf(n, {"rating", "relevance", "weight", "label"})) return Column::Value;
    if (!truth && oneOf(n, {"score", "prediction", "pred", "rating"})) return Column::Value;
    return std::nullopt;
}

// A finite decimal number, optionally signed; blanks around it (also inside quotes) are allowed.
std::optional<double> parseNumber(std::string_view text) { return parseFiniteDouble(text); }

struct Layout {
    std::size_t fields = 0;                 // fields per row
    std::size_t user = 0, item = 1;
    std::optional<std::size_t> value;       // rating (truth, optional) / score (predictions)
};

const char* valueName(bool truth) { return truth ? "rating" : "score"; }

std::string fieldContext(const CsvReader& reader, std::size_t index, const char* name) {
    return reader.where() + ": field " + std::to_string(index + 1) + " '" + name + "'";
}

// Reads every row of a truth or prediction file and hands (user, item, value) to `row`.
template <typename RowFn>
Status readRows(LineReader& lines, bool truth, RowFn&& row) {
    CsvReader reader(lines, CsvReader::Options{CsvReader::Separator::Comma, /*strict=*/true, /*trimSpaces=*/true});
    bool more = reader.next();
    if (auto error = reader.error()) return *error;
    if (!more) return makeError(ErrorCode::InputData, "the file is empty", lines.path().string());
    const std::vector<std::string_view> firstRow = reader.fields();  // views: valid until the next record

    const std::size_t count = firstRow.size();
    Layout layout;
    layout.fields = count;

    const bool valuePositional = count >= 3;
    const bool namesLookLikeHeader =
        columnNamed(firstRow[0], truth) == Column::User && count >= 2 && columnNamed(firstRow[1], truth) == Column::Item;
    const bool valueNotNumber = valuePositional && !parseNumber(firstRow[2]);
    const bool header = namesLookLikeHeader || valueNotNumber;

    bool mapped = false;
    if (header) {
        // Map by name when every header field is a known column name and user and item are present.
        std::optional<std::size_t> u, i, v;
        bool allKnown = true;
        for (std::size_t f = 0; f < count; ++f) {
            const auto c = columnNamed(firstRow[f], truth);
            if (!c) { allKnown = false; continue; }
            if (*c == Column::User && !u) u = f;
            if (*c == Column::Item && !i) i = f;
            if (*c == Column::Value && !v) v = f;
        }
        if (allKnown && u && i && (truth || v)) {
            layout.user = *u;
            layout.item = *i;
            layout.value = v;
            mapped = true;
        }
    }
    if (!mapped) {
        if (truth ? (count < 2 || count > 3) : count != 3)
            return makeError(ErrorCode::InputData,
                             std::string("expected ") + (truth ? "2 or 3 fields (user,item[,rating])"
                                                               : "3 fields (user,item,score)") +
                                 ", found " + std::to_string(count),
                             reader.where());
        layout.user = 0;
        layout.item = 1;
        if (count == 3) layout.value = 2;
    }

    if (header) more = reader.next();
    while (more) {
        const auto& fields = reader.fields();
        if (fields.size() != layout.fields) {
            const std::string message = "expected " + std::to_string(layout.fields) + " fields, found " +
                                        std::to_string(fields.size());
            return makeError(ErrorCode::InputData, message, reader.where());
        }
        const std::string user(fields[layout.user]);
        const std::string item(fields[layout.item]);
        if (user.empty())
            return makeError(ErrorCode::InputData, "empty user id", fieldContext(reader, layout.user, "user"));
        if (item.empty())
            return makeError(ErrorCode::InputData, "empty item id", fieldContext(reader, layout.item, "item"));
        std::optional<double> value;
        if (layout.value) {
            value = parseNumber(fields[*layout.value]);
            if (!value)
                return makeError(ErrorCode::InputData, "not a finite number: '" + std::string(fields[*layout.value]) + "'",
                                 fieldContext(reader, *layout.value, valueName(truth)));
        }
        row(user, item, value);
        more = reader.next();
    }
    if (auto error = reader.error()) return *error;  // a malformed record, or a damaged gzip stream
    return {};
}

}  // namespace

Result<GroundTruth> MetricsCsv::readTruth(LineReader& lines) {
    GroundTruth truth;
    Status s = readRows(lines, true, [&truth](const std::string& u, const std::string& i,
                                                         std::optional<double> rating) { truth.add(u, i, rating); });
    if (!s) return s.error();
    if (truth.empty()) return makeError(ErrorCode::InputData, "no data rows (only a header)", lines.path().string());
    return truth;
}

Result<GroundTruth> MetricsCsv::readTruth(const std::filesystem::path& path) {
    auto lines = LineReader::open(path);
    if (!lines) return lines.error();
    return readTruth(**lines);
}

Result<Predictions> MetricsCsv::readPredictions(LineReader& lines) {
    Predictions predictions;
    Status s = readRows(lines, false,
                        [&predictions](const std::string& u, const std::string& i, std::optional<double> score) {
                            predictions.add(u, i, *score);
                        });
    if (!s) return s.error();
    return predictions;
}

Result<Predictions> MetricsCsv::readPredictions(const std::filesystem::path& path) {
    auto lines = LineReader::open(path);
    if (!lines) return lines.error();
    return readPredictions(**lines);
}

Result<MetricsReport> evaluateCsvFiles(const std::filesystem::path& truthPath, const std::filesystem::path& predPath,
                                       int k, Convention convention) {
    if (k < 1) return makeError(ErrorCode::Usage, "k must be at least 1, got " + std::to_string(k), "--k");
    Result<GroundTruth> truth = MetricsCsv::readTruth(truthPath);
    if (!truth) return truth.error();
    Result<Predictions> predictions = MetricsCsv::readPredictions(predPath);
    if (!predictions) return predictions.error();
    RankingOptions options;
    options.k = k;
    options.convention = convention;
    return RankingMetrics::evaluate(*truth, *predictions, options);
}

}  // namespace ss
