// `similar` and `search`: nearest items by the sentence encoder's vectors, and search by words,
// meaning or both. Items not yet in the vector cache are encoded first (only those), so the answers
// always cover the whole catalog; lexical search needs no model at all.
#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "InputTexts.h"
#include "ModelDir.h"
#include "Output.h"
#include "common/JsonNumbers.h"
#include "embed/SemanticCatalog.h"
#include "search/CatalogSearch.h"
#include "store/Project.h"

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

// The hits as JSON under "results" beside `head`; printed as text lines unless `json`.
boost::json::object describe(const std::vector<ItemHit>& hits, bool json, boost::json::object head) {
    boost::json::array results;
    for (const auto& hit : hits) {
        boost::json::object o{{"item", hit.item.externalId}, {"title", hit.item.title}, {"category", hit.item.category},
                              {"score", hit.score}};
        if (hit.item.price) o["price"] = *hit.item.price;
        if (hit.lexicalRank) o["lexical_rank"] = hit.lexicalRank;
        if (hit.semanticRank) o["semantic_rank"] = hit.semanticRank;
        if (hit.bm25) o["bm25"] = *hit.bm25;
        if (hit.cosine) o["cosine"] = *hit.cosine;
        if (!json) std::printf("%.4f  %-12s %s  [%s]\n", hit.score, hit.item.externalId.c_str(), hit.item.title.c_str(), hit.item.category.c_str());
        results.push_back(std::move(o));
    }
    head["results"] = std::move(results);
    return head;
}

void print(const std::vector<ItemHit>& hits, bool json, boost::json::object head) {
    auto out = describe(hits, json, std::move(head));
    if (json) printJson(out);
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
    ArgParser parser(withEncoderOptions({"db", "model", "query", "input", "k", "mode", "semantic-weight"}), {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    std::vector<std::string> queries = parser.values("query");
    if (parser.value("input")) {
        ArgParser inputOnly({"input"}, {});
        SS_TRY(inputOnly.parse({"--input", *parser.value("input")}));
        auto lines = inputTexts(inputOnly);
        if (!lines) return lines.error();
        for (auto& line : *lines)
            if (line.find_first_not_of(" \t") != std::string::npos) queries.push_back(std::move(line));
    }
    if (queries.empty()) return makeError(ErrorCode::Usage, "search needs --query TEXT or --input FILE (one query per line)");
    auto k = parser.integer("k", 10);
    if (!k) return k.error();
    if (*k < 1) return makeError(ErrorCode::Usage, "--k must be at least 1");
    SearchOptions options;
    options.k = static_cast<std::size_t>(*k);
    if (auto mode = parser.value("mode")) {
        auto parsed = CatalogSearch::parseMode(*mode);
        if (!parsed) return makeError(ErrorCode::Usage, "--mode must be hybrid, lexical or semantic, got '" + *mode + "'");
        options.mode = *parsed;
    }
    auto weight = parser.real("semantic-weight", options.semanticShare);
    if (!weight) return weight.error();
    if (*weight < 0 || *weight > 1) return makeError(ErrorCode::Usage, "--semantic-weight must be between 0 and 1");
    options.semanticShare = *weight;

    std::optional<TextEncoder> encoder;
    std::optional<NearestItems> index;
    if (options.mode != SearchMode::Lexical) {
        auto loaded = loadEncoder(parser, *db);
        if (!loaded) {
            Error e = loaded.error();
            e.message += " (lexical search needs no model: --mode lexical)";
            return e;
        }
        encoder.emplace(std::move(*loaded));
        auto built = SemanticCatalog::upToDateIndex(*db, *encoder, stderrProgress(parser.flag("quiet")));
        if (!built) return built.error();
        index.emplace(std::move(*built));
    } else {
        std::error_code ec;
        if (!std::filesystem::exists(*db, ec)) return makeError(ErrorCode::Io, "no such project file", *db);
    }
    auto project = Project::open(*db, Database::Mode::ReadOnly);
    if (!project) return project.error();

    const bool json = parser.flag("json");
    boost::json::array searches;
    for (const std::string& query : queries) {
        auto answer = CatalogSearch::run(**project, encoder ? &*encoder : nullptr, index ? &*index : nullptr, query, options);
        if (!answer) return answer.error();
        boost::json::object head{{"query", query}, {"k", *k}, {"mode", CatalogSearch::modeName(options.mode)}};
        if (encoder) head["model"] = encoder->fingerprint();
        if (options.mode == SearchMode::Hybrid) {
            head["semantic_weight"] = options.semanticShare;
            head["weights"] = {{"lexical", answer->weights.lexical}, {"semantic", answer->weights.semantic}};
            head["query_unknown_share"] = jsonNumber(answer->queryUnknownShare);
            head["catalog_unknown_share"] = jsonNumber(answer->catalogUnknownShare);
        }
        if (!json) {
            if (queries.size() > 1) std::printf("== %s\n", query.c_str());
            if (answer->semanticLowered()) {
                const bool ofQuery = answer->queryReadWorse();
                std::fprintf(stderr, "note: the model does not know %.0f%% of the word pieces of the %s, so meaning counts %.2f instead of %.2f beside the words\n",
                             100 * (ofQuery ? answer->queryUnknownShare : answer->catalogUnknownShare), ofQuery ? "query" : "catalog",
                             answer->weights.semantic, options.semanticShare);
            }
        }
        searches.push_back(describe(answer->hits, json, std::move(head)));
    }
    if (!json) return {};
    if (searches.size() == 1) printJson(searches.front());
    else printJson(boost::json::object{{"searches", std::move(searches)}});
    return {};
}

}  // namespace ss::cli
