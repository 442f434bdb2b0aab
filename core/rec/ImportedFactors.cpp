#include "rec/ImportedFactors.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/JsonLines.h"
#include "common/JsonParse.h"
#include "rec/ModelState.h"
#include "store/ImportedResults.h"
#include "store/Project.h"

namespace ss::rec {
namespace {

namespace fs = std::filesystem;
constexpr const char* kStateTag = "imported-als/1";
constexpr const char* kName = "als";

Error fieldError(const std::string& message, const std::string& where, const char* field) {
    return makeError(ErrorCode::InputData, message, where + ": field '" + field + "'");
}

Result<double> nonNegative(const boost::json::object& o, const char* field, const std::string& where) {
    const auto* v = o.if_contains(field);
    if (!v || !v->is_number()) return fieldError("is missing or not a number", where, field);
    const double x = v->to_number<double>();
    if (!std::isfinite(x) || x < 0) return fieldError("must be a finite number >= 0", where, field);
    return x;
}

// One side's factor rows (users/ or items/), every id once, every vector `dim` finite floats.
Status readRows(const fs::path& folder, std::size_t dim, std::vector<std::string>& ids, DenseMatrix& matrix) {
    auto files = jsonlines::files(folder);
    if (!files) return files.error();
    std::unordered_map<std::string, std::string> seen;  // id → where
    std::vector<float> values;
    SS_TRY(jsonlines::forEach(*files, [&](const boost::json::object& record, const std::string& where) -> Status {
        auto id = jsonlines::idText(record, "id", where);
        if (!id) return id.error();
        if (auto [it, inserted] = seen.emplace(*id, where); !inserted)
            return fieldError("'" + *id + "' appears twice (also at " + it->second + ")", where, "id");
        auto features = jsonlines::floatVector(record, "features", dim, where);
        if (!features) return features.error();
        ids.push_back(std::move(*id));
        values.insert(values.end(), features->begin(), features->end());
        return {};
    }));
    if (ids.empty()) return makeError(ErrorCode::InputData, "holds no factor rows", folder.string());
    matrix.rows = static_cast<int>(ids.size());
    matrix.cols = static_cast<int>(dim);
    matrix.data = std::move(values);
    return {};
}

}  // namespace

Status ImportedFactors::readSource(const std::string& text, const std::string& where) {
    boost::system::error_code ec;
    const auto parsed = parseJson(text, ec);
    if (ec || !parsed.is_object()) return makeError(ErrorCode::InputData, "not a JSON object", where);
    const auto& o = parsed.as_object();
    const auto* recommender = o.if_contains("recommender");
    if (!recommender || !recommender->is_string() || recommender->as_string() != "als")
        return fieldError("must be \"als\": these are not ALS factors", where, "recommender");
    const auto* f = o.if_contains("factors");
    if (!f || !f->is_int64() || f->as_int64() < 1 || f->as_int64() > 4096) return fieldError("must be a whole number from 1 to 4096", where, "factors");
    factors = static_cast<int>(f->as_int64());
    auto a = nonNegative(o, "alpha", where);
    if (!a) return a.error();
    alpha = *a;
    auto r = nonNegative(o, "regularization", where);
    if (!r) return r.error();
    regularization = *r;
    if (const auto* scaled = o.if_contains("regularization_scaled_by_pairs")) {
        if (!scaled->is_bool()) return fieldError("must be true or false", where, "regularization_scaled_by_pairs");
        regularizationScaledByPairs = scaled->as_bool();
    }
    trainedUntil.reset();
    if (const auto* until = o.if_contains("trained_until"); until && !until->is_null()) {
        if (!until->is_int64()) return fieldError("must be unix seconds (a whole number)", where, "trained_until");
        trainedUntil = until->as_int64();
    }
    engine = "unknown";
    if (const auto* e = o.if_contains("engine"); e && e->is_string()) engine = std::string(e->as_string());
    weights.clear();
    if (const auto* w = o.if_contains("weights"); w && w->is_object()) {
        for (const auto& [name, value] : w->as_object()) {
            if (!value.is_number()) return fieldError("must map behaviours to numbers", where, "weights");
            std::ostringstream one;
            one << value.to_number<double>();
            weights += (weights.empty() ? "" : ",") + std::string(name) + "=" + one.str();
        }
    }
    source = text;
    return {};
}

Result<ImportedFactors> ImportedFactors::readFolder(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return makeError(ErrorCode::Io, "not a folder (the --out of cluster/als.py)", folder.string());
    const fs::path modelJson = folder / "model.json";
    std::ifstream in(modelJson, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot read model.json (the parameters cluster/als.py writes)", modelJson.string());
    std::ostringstream text;
    text << in.rdbuf();
    ImportedFactors out;
    SS_TRY(out.readSource(text.str(), modelJson.string()));
    SS_TRY(readRows(folder / "users", static_cast<std::size_t>(out.factors), out.userIds, out.users));
    SS_TRY(readRows(folder / "items", static_cast<std::size_t>(out.factors), out.itemIds, out.items));
    return out;
}

Result<ImportedFactorsMatch> ImportedFactors::match(const fs::path& project) const {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto count = [&](const char* table, const std::vector<std::string>& ids, std::int64_t& matched, std::int64_t& unknown) -> Status {
        auto stmt = (*p)->db().prepare(std::string("SELECT external_id FROM ") + table);
        if (!stmt) return stmt.error();
        std::unordered_set<std::string> known;
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            known.insert(stmt->columnText(0));
        }
        for (const auto& id : ids) ++(known.count(id) ? matched : unknown);
        return {};
    };
    ImportedFactorsMatch m;
    SS_TRY(count("users", userIds, m.usersMatched, m.usersUnknown));
    SS_TRY(count("items", itemIds, m.itemsMatched, m.itemsUnknown));
    if (m.usersMatched == 0 || m.itemsMatched == 0)
        return makeError(ErrorCode::InputData,
                         "none of the " + std::to_string(m.usersMatched == 0 ? userIds.size() : itemIds.size()) +
                             (m.usersMatched == 0 ? " customers" : " items") +
                             " of the factors is in this project: were they trained on another shop's export?",
                         project.string());
    return m;
}

Status ImportedFactors::store(const fs::path& project) {
    ModelState state(kStateTag);
    state.write(userIds);
    state.write(users);
    state.write(itemIds);
    state.write(items);
    auto stamped = ImportedResults::put(project, kKind, kName, source, state.bytes());
    if (!stamped) return stamped.error();
    imported = *stamped;
    return {};
}

Result<std::optional<ImportedFactors>> ImportedFactors::load(const fs::path& project) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    Database& db = (*p)->db();
    auto table = ImportedResults::present(db);  // a project not yet upgraded (opened read-only) has none
    if (!table) return table.error();
    if (!*table) return std::optional<ImportedFactors>();
    auto stmt = db.prepare("SELECT source, created, payload FROM imported_results WHERE kind=?1 AND name=?2");
    if (!stmt) return stmt.error();
    stmt->bind(1, kKind).bind(2, kName);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<ImportedFactors>();
    ImportedFactors out;
    const std::string where = project.string() + ": imported ALS factors";
    SS_TRY(out.readSource(stmt->columnText(0), where));
    out.imported = stmt->columnInt(1);
    const auto blob = stmt->columnBlob(2);
    ModelState state(kStateTag, blob);
    if (!state.read(out.userIds) || !state.read(out.users) || !state.read(out.itemIds) || !state.read(out.items) || !state.atEnd() ||
        out.users.rows != static_cast<int>(out.userIds.size()) || out.items.rows != static_cast<int>(out.itemIds.size()) ||
        out.users.cols != out.factors || out.items.cols != out.factors)
        return makeError(ErrorCode::InputData, "the kept factors are damaged; import them again", where);
    return std::optional<ImportedFactors>(std::move(out));
}

namespace {

// Copies each factor row to the dense row of the dataset entity with that id; `known` marks the dense
// rows filled. Returns how many ids the dataset lacks. The index is a hash map: Dataset's own lookup
// scans, fine for one id, not for millions.
template <typename Facts>
std::size_t layRows(const std::vector<std::string>& ids, const DenseMatrix& rows, const std::vector<Facts>& facts, DenseMatrix& out,
                    std::vector<char>& known) {
    std::unordered_map<std::string_view, int> index;
    index.reserve(facts.size());
    for (std::size_t d = 0; d < facts.size(); ++d) index.emplace(facts[d].externalId, static_cast<int>(d));
    std::size_t unknown = 0;
    for (std::size_t r = 0; r < ids.size(); ++r) {
        const auto found = index.find(ids[r]);
        if (found == index.end()) {
            ++unknown;
            continue;
        }
        std::copy(rows.row(static_cast<int>(r)), rows.row(static_cast<int>(r)) + rows.cols, out.row(found->second));
        known[static_cast<std::size_t>(found->second)] = 1;
    }
    return unknown;
}

}  // namespace

std::shared_ptr<const ImportedAlsFactors> ImportedFactors::onto(const Dataset& data) const {
    auto out = std::make_shared<ImportedAlsFactors>();
    out->users = DenseMatrix(static_cast<int>(data.userCount()), factors);
    out->items = DenseMatrix(static_cast<int>(data.itemCount()), factors);
    out->userKnown.assign(data.userCount(), 0);
    std::vector<char> itemKnown(data.itemCount(), 0);
    out->unknownUsers = layRows(userIds, users, data.users(), out->users, out->userKnown);
    out->unknownItems = layRows(itemIds, items, data.items(), out->items, itemKnown);
    out->itemsKnown = static_cast<std::size_t>(std::count(itemKnown.begin(), itemKnown.end(), 1));
    out->engine = engine;
    out->alpha = alpha;
    out->regularization = regularization;
    out->regularizationScaledByPairs = regularizationScaledByPairs;
    out->trainedUntil = trainedUntil;
    out->weights = weights;
    out->imported = imported;
    return out;
}

}  // namespace ss::rec
