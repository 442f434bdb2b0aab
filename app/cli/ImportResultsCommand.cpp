#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "ModelDir.h"
#include "Output.h"
#include "cohorts/ImportedCohorts.h"
#include "common/TimeUtil.h"
#include "embed/TextEncoder.h"
#include "embed/VectorImport.h"
#include "rec/ImportedFactors.h"

namespace ss::cli {
namespace {

// --als DIR: the factors cluster/als.py trained, kept as the "als_imported" recommender.
Status importAls(const std::string& db, const std::string& folder, bool json) {
    auto factors = rec::ImportedFactors::readFolder(folder);
    if (!factors) return factors.error();
    auto matched = factors->match(db);
    if (!matched) return matched.error();
    SS_TRY(factors->store(db));
    if (json) {
        boost::json::object o{{"recommender", "als_imported"},    {"engine", factors->engine},
                              {"factors", factors->factors},      {"users", factors->userIds.size()},
                              {"items", factors->itemIds.size()}, {"users_matched", matched->usersMatched},
                              {"users_unknown", matched->usersUnknown}, {"items_matched", matched->itemsMatched},
                              {"items_unknown", matched->itemsUnknown}};
        o["trained_until"] = factors->trainedUntil ? boost::json::value(*factors->trainedUntil) : boost::json::value(nullptr);
        printJson(o);
    } else {
        std::printf("ALS factors from %s: %lld customers (%lld in this project), %lld items (%lld in this project), %d factors%s%s\n",
                    factors->engine.c_str(), (long long)factors->userIds.size(), (long long)matched->usersMatched,
                    (long long)factors->itemIds.size(), (long long)matched->itemsMatched, factors->factors,
                    factors->trainedUntil ? ", trained on events up to " : "",
                    factors->trainedUntil ? isoDateTime(*factors->trainedUntil).c_str() : "");
        std::printf("served as the recommender als_imported (recommend --recommender als_imported)\n");
    }
    return {};
}

// --cohorts FILE: a retention matrix cluster/cohorts.py computed, kept under a name.
Status importCohorts(const std::string& db, const std::string& file, const std::string& name, bool json) {
    auto imported = ImportedCohorts::readFile(file, name);
    if (!imported) return imported.error();
    SS_TRY(ImportedCohorts::store(db, *imported));
    const auto& m = imported->matrix;
    std::size_t cells = 0;
    for (const auto& row : m.rows) cells += row.cells.size();
    if (json) {
        printJson(boost::json::object{{"name", imported->name}, {"engine", imported->engine}, {"definition", m.definition.describe()},
                                      {"cohorts", m.rows.size()}, {"cells", cells}, {"customers", m.customers}});
    } else {
        std::printf("cohort matrix '%s' from %s: %zu cohorts, %zu cells. %s\nshown by cohorts --stored %s and in the Cohorts screen\n",
                    imported->name.c_str(), imported->engine.c_str(), m.rows.size(), cells, m.definition.describe().c_str(),
                    imported->name.c_str());
    }
    return {};
}

}  // namespace

// import-results --db F --vectors PATH --target items|reviews: vectors computed elsewhere (the
// cluster's encode job) into the project's embedding cache, under the model that made them;
// import-results --db F --als DIR: ALS factors trained on the cluster, kept as a recommender;
// import-results --db F --cohorts FILE [--name N]: a cohort matrix from the cluster, kept as a stored result.
Status runImportResults(const std::vector<std::string>& args) {
    ArgParser parser(withEncoderOptions({"db", "vectors", "target", "model", "als", "cohorts", "name"}), {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    const auto als = parser.value("als");
    const auto cohorts = parser.value("cohorts");
    if (int(bool(als)) + int(bool(cohorts)) + int(bool(parser.value("vectors"))) > 1)
        return makeError(ErrorCode::Usage, "give one of --vectors, --als and --cohorts");
    if (als) return importAls(*db, *als, parser.flag("json"));
    if (cohorts) return importCohorts(*db, *cohorts, parser.value("name").value_or(""), parser.flag("json"));
    auto vectors = parser.required("vectors");
    if (!vectors) return makeError(ErrorCode::Usage, "import-results needs --vectors FILE|DIR or --als DIR", "vectors");
    const std::string targetName = parser.value("target").value_or("items");
    if (targetName != "items" && targetName != "reviews") return makeError(ErrorCode::Usage, "--target must be items or reviews", "target");
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    // The model names the cache the vectors go to and the dimension they must have.
    auto encoder = TextEncoder::load(*dir, *options);
    if (!encoder) return encoder.error();
    const auto target = targetName == "items" ? EncodeTarget::Items : EncodeTarget::Reviews;
    auto summary = VectorImport::run(*db, encoder->fingerprint(), static_cast<std::size_t>(encoder->info().hidden), target, *vectors,
                                     stderrProgress(parser.flag("quiet")));
    if (!summary) return summary.error();
    if (parser.flag("json")) {
        printJson(boost::json::object{{"target", targetName}, {"files", summary->files}, {"records", summary->records},
                                      {"stored", summary->stored}, {"model", encoder->fingerprint()}});
    } else {
        std::printf("%s: %lld vectors from %lld records in %lld files stored under %s\n", targetName.c_str(), (long long)summary->stored,
                    (long long)summary->records, (long long)summary->files, encoder->info().name.c_str());
    }
    return {};
}

}  // namespace ss::cli
