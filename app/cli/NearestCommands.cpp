// `similar` and `search`: nearest items by the sentence encoder's vectors. Items not yet in the
// cache are encoded first (only those), so the answers always cover the whole catalog.
#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "ModelDir.h"
#include "Output.h"
#include "embed/EncodeJob.h"
#include "embed/NearestItems.h"
#include "store/CatalogQuery.h"
#include "store/Project.h"

namespace ss::cli {
namespace {

struct Prepared {
    TextEncoder encoder;
    NearestItems index;
};

Result<Prepared> prepare(const ArgParser& parser, const std::string& db) {
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) return makeError(ErrorCode::Io, "no such project file", db);
    auto encoder = TextEncoder::load(*dir, *options);
    if (!encoder) return encoder.error();
    auto encoded = EncodeJob::run(db, *encoder, EncodeTarget::Items, stderrProgress(parser.flag("quiet")));
    if (!encoded) return encoded.error();
    auto index = NearestItems::load(db, encoder->fingerprint());
    if (!index) return index.error();
    return Prepared{std::move(*encoder), std::move(*index)};
}

Status print(const std::string& db, const std::vector<std::pair<std::int64_t, float>>& hits, bool json, boost::json::object head) {
    auto project = Project::open(db);
    if (!project) return project.error();
    CatalogQuery catalog((*project)->db());
    boost::json::array results;
    for (const auto& [id, score] : hits) {
        auto item = catalog.byId(id);
        if (!item) return item.error();
        if (!*item) continue;
        boost::json::object o{{"item", (*item)->externalId}, {"title", (*item)->title}, {"category", (*item)->category},
                              {"score", score}};
        if ((*item)->price) o["price"] = *(*item)->price;
        if (!json) std::printf("%.4f  %-12s %s  [%s]\n", score, (*item)->externalId.c_str(), (*item)->title.c_str(), (*item)->category.c_str());
        results.push_back(std::move(o));
    }
    if (json) {
        head["results"] = std::move(results);
        printJson(head);
    }
    return {};
}

}  // namespace

Status runSimilar(const std::vector<std::string>& args) {
    ArgParser parser(withEncoderOptions({"db", "model", "item", "k"}), {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto item = parser.required("item");
    if (!item) return item.error();
    auto k = parser.integer("k", 10);
    if (!k) return k.error();
    auto prepared = prepare(parser, *db);
    if (!prepared) return prepared.error();
    auto project = Project::open(*db);
    if (!project) return project.error();
    auto found = CatalogQuery((*project)->db()).byExternalId(*item);
    if (!found) return found.error();
    if (!*found) return makeError(ErrorCode::InputData, "no item with id '" + *item + "'", *db);
    const auto hits = prepared->index.similarTo((*found)->id, static_cast<std::size_t>(std::max<std::int64_t>(*k, 0)));
    return print(*db, hits, parser.flag("json"),
                 {{"item", *item}, {"title", (*found)->title}, {"k", *k}, {"model", prepared->encoder.fingerprint()}});
}

Status runSearch(const std::vector<std::string>& args) {
    ArgParser parser(withEncoderOptions({"db", "model", "query", "k"}), {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto query = parser.required("query");
    if (!query) return query.error();
    auto k = parser.integer("k", 10);
    if (!k) return k.error();
    auto prepared = prepare(parser, *db);
    if (!prepared) return prepared.error();
    auto vectors = prepared->encoder.encode({*query});
    if (!vectors) return vectors.error();
    const auto hits = prepared->index.nearest(vectors->front(), static_cast<std::size_t>(std::max<std::int64_t>(*k, 0)));
    return print(*db, hits, parser.flag("json"), {{"query", *query}, {"k", *k}, {"model", prepared->encoder.fingerprint()}});
}

}  // namespace ss::cli
