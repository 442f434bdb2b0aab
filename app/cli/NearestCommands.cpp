// `similar` and `search`: nearest items by the sentence encoder's vectors. Items not yet in the
// cache are encoded first (only those), so the answers always cover the whole catalog.
#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "ModelDir.h"
#include "Output.h"
#include "embed/SemanticCatalog.h"

namespace ss::cli {
namespace {

Result<TextEncoder> loadEncoder(const ArgParser& parser, const std::string& db) {
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) return makeError(ErrorCode::Io, "no such project file", db);
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    return TextEncoder::load(*dir, *options);
}

void print(const std::vector<ItemHit>& hits, bool json, boost::json::object head) {
    boost::json::array results;
    for (const auto& hit : hits) {
        boost::json::object o{{"item", hit.item.externalId}, {"title", hit.item.title}, {"category", hit.item.category},
                              {"score", hit.score}};
        if (hit.item.price) o["price"] = *hit.item.price;
        if (!json) std::printf("%.4f  %-12s %s  [%s]\n", hit.score, hit.item.externalId.c_str(), hit.item.title.c_str(), hit.item.category.c_str());
        results.push_back(std::move(o));
    }
    if (json) {
        head["results"] = std::move(results);
        printJson(head);
    }
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
    if (*k < 1) return makeError(ErrorCode::Usage, "--k must be at least 1");
    auto encoder = loadEncoder(parser, *db);
    if (!encoder) return encoder.error();
    auto hits = SemanticCatalog::similar(*db, *encoder, *item, static_cast<std::size_t>(*k), stderrProgress(parser.flag("quiet")));
    if (!hits) return hits.error();
    print(*hits, parser.flag("json"), {{"item", *item}, {"k", *k}, {"model", encoder->fingerprint()}});
    return {};
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
    if (*k < 1) return makeError(ErrorCode::Usage, "--k must be at least 1");
    auto encoder = loadEncoder(parser, *db);
    if (!encoder) return encoder.error();
    auto hits = SemanticCatalog::search(*db, *encoder, *query, static_cast<std::size_t>(*k), stderrProgress(parser.flag("quiet")));
    if (!hits) return hits.error();
    print(*hits, parser.flag("json"), {{"query", *query}, {"k", *k}, {"model", encoder->fingerprint()}});
    return {};
}

}  // namespace ss::cli
