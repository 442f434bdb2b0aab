// ss-bench-rec: recommender quality and speed benchmarks (driven by bench/rec/run.py).
//   movielens DATA_DIR WORK_DIR [--param p=v ...] [--recommenders LIST]
//       MovieLens-100k ua.base / ua.test: every rating is an implicit interaction (weight 1), the test
//       items are ua.test's (any rating), full ranking with training items removed, k = 10, the
//       `recommenders` convention. Items are titles + genres for the content models. JSON on stdout.
//   als-time (--db F | --movielens DIR) --threads N [--iterations N] [--factors F] [--export FILE]
//       ALS seconds per iteration (CG, 3 steps) on the project's interactions; --export writes the
//       confidence matrix (1 + α·w) as "user item value" lines for the `implicit` peer.
//   throughput --db F --recommender R [--threads N] [--k K] [--users N] [--block-users N] [--tile-items N] [--portable | --blas]
//       top-K for every user with history (or N of them, evenly spaced) over all items through the
//       engine: users per second, and GFLOP/s for the dense models.
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>

#include "rec/Evaluation.h"
#include "rec/FusedScoring.h"
#include "rec/ItemTexts.h"
#include "rec/TopK.h"
#include "store/BulkWriter.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::rec;

namespace {

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

std::string latin1ToUtf8(const std::string& in) {
    std::string out;
    for (unsigned char c : in) {
        if (c < 0x80) out.push_back(char(c));
        else out.push_back(char(0xC0 | (c >> 6))), out.push_back(char(0x80 | (c & 0x3F)));
    }
    return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::stringstream in(s);
    while (std::getline(in, part, sep)) out.push_back(part);
    return out;
}

struct Rating {
    std::string user, item;
    std::int64_t time;
};

std::vector<Rating> readRatings(const std::string& path) {
    std::vector<Rating> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        auto f = split(line, '\t');
        if (f.size() >= 4) out.push_back({f[0], f[1], std::stoll(f[3])});
    }
    return out;
}

// Writes the MovieLens project (fresh) and returns its path.
Result<std::filesystem::path> movielensProject(const std::string& dataDir, const std::string& workDir) {
    const std::filesystem::path path = std::filesystem::path(workDir) / "ml100k.shelfsense";
    std::filesystem::create_directories(workDir);
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path.string() + "-wal", ec);
    std::filesystem::remove(path.string() + "-shm", ec);
    auto project = Project::open(path);
    if (!project) return project.error();
    Database& db = (*project)->db();
    Transaction tx(db);
    auto writer = BulkWriter::create(db, std::nullopt);
    if (!writer) return writer.error();
    std::vector<std::string> genres;
    {
        std::ifstream in(dataDir + "/u.genre");
        for (std::string line; std::getline(in, line);) {
            auto f = split(line, '|');
            if (f.size() >= 2) genres.push_back(f[0]);
        }
    }
    std::ifstream items(dataDir + "/u.item");
    for (std::string line; std::getline(items, line);) {
        auto f = split(latin1ToUtf8(line), '|');
        if (f.size() < 5 + genres.size()) continue;
        std::string names;
        for (std::size_t g = 0; g < genres.size(); ++g)
            if (f[5 + g] == "1") names += (names.empty() ? "" : ", ") + genres[g];
        ItemRecord r;
        r.externalId = f[0];
        r.title = f[1];
        r.description = "Genres: " + names + ".";
        r.category = names;
        auto id = writer->upsertItem(r);
        if (!id) return id.error();
    }
    for (const char* file : {"ua.base", "ua.test"})
        for (const Rating& r : readRatings(dataDir + "/" + file)) {
            auto u = writer->userId(r.user);
            if (!u) return u.error();
            auto i = writer->itemId(r.item);
            if (!i) return i.error();
            SS_TRY(writer->addEvent(*u, *i, EventType::View, r.time));
        }
    SS_TRY(writer->flush());
    SS_TRY(tx.commit());
    return path;
}

int movielens(const std::vector<std::string>& args) {
    if (args.size() < 2) return std::fprintf(stderr, "movielens DATA_DIR WORK_DIR [--param p=v] [--recommenders L]\n"), 1;
    EvaluationOptions o;
    o.recommenders = {"popularity", "itemknn", "als", "content", "twotower", "hybrid"};
    for (std::size_t a = 2; a + 1 < args.size(); a += 2) {
        if (args[a] == "--param") {
            if (auto s = RecommenderFactory::applyParameter(o.config, args[a + 1]); !s) return std::fprintf(stderr, "%s\n", s.error().describe().c_str()), 1;
        } else if (args[a] == "--recommenders") {
            o.recommenders = split(args[a + 1], ',');
        }
    }
    auto path = movielensProject(args[0], args[1]);
    if (!path) return std::fprintf(stderr, "%s\n", path.error().describe().c_str()), 2;
    auto data = Dataset::load(*path);
    if (!data) return std::fprintf(stderr, "%s\n", data.error().describe().c_str()), 2;
    std::vector<Event> train;
    std::vector<std::pair<std::int32_t, std::int32_t>> test;
    for (const Rating& r : readRatings(args[0] + "/ua.base"))
        train.push_back({*data->userByExternalId(r.user), *data->itemByExternalId(r.item), EventType::View, r.time});
    for (const Rating& r : readRatings(args[0] + "/ua.test")) test.emplace_back(*data->userByExternalId(r.user), *data->itemByExternalId(r.item));
    const Split s = Split::given(*data, std::move(train), test, BehaviourWeights{});
    auto inputs = loadItemInputs(*path, *data, o.recommenders, o.config, {}, {});
    if (!inputs) return std::fprintf(stderr, "%s\n", inputs.error().describe().c_str()), 2;
    o.store = false;
    auto r = Evaluation::run(*data, s, o, inputs->view(), {}, {});
    if (!r) return std::fprintf(stderr, "%s\n", r.error().describe().c_str()), 2;
    std::cout << boost::json::serialize(toJson(*r)) << std::endl;
    return 0;
}

struct Loaded {
    Dataset data;
    std::shared_ptr<const Interactions> train;
};

Result<Loaded> load(const std::vector<std::string>& args) {
    for (std::size_t a = 0; a + 1 < args.size(); ++a) {
        if (args[a] == "--db") {
            auto d = Dataset::load(args[a + 1]);
            if (!d) return d.error();
            Loaded l{std::move(*d), nullptr};
            l.train = std::make_shared<const Interactions>(Interactions::build(l.data, BehaviourWeights{}, [](const Event&) { return true; }));
            return l;
        }
        if (args[a] == "--movielens") {
            std::map<std::string, int> users, items;
            std::vector<Event> events;
            for (const Rating& r : readRatings(args[a + 1] + "/ua.base")) {
                const int u = users.emplace(r.user, int(users.size())).first->second;
                const int i = items.emplace(r.item, int(items.size())).first->second;
                events.push_back({u, i, EventType::View, r.time});
            }
            std::vector<UserFacts> uf(users.size());
            std::vector<ItemFacts> itf(items.size());
            for (auto& [k, v] : users) uf[v] = {v + 1, k};
            for (auto& [k, v] : items) itf[v].id = v + 1, itf[v].externalId = k;
            Loaded l{Dataset::fromParts(std::move(uf), std::move(itf), events), nullptr};
            l.train = std::make_shared<const Interactions>(Interactions::fromTriples(int(users.size()), int(items.size()), events, BehaviourWeights{}));
            return l;
        }
    }
    return makeError(ErrorCode::Usage, "give --db FILE or --movielens DIR");
}

std::string option(const std::vector<std::string>& args, const std::string& name, const std::string& fallback) {
    for (std::size_t a = 0; a + 1 < args.size(); ++a)
        if (args[a] == name) return args[a + 1];
    return fallback;
}

int alsTime(const std::vector<std::string>& args) {
    auto l = load(args);
    if (!l) return std::fprintf(stderr, "%s\n", l.error().describe().c_str()), 1;
    AlsOptions o;
    o.factors = std::stoi(option(args, "--factors", "64"));
    o.iterations = std::stoi(option(args, "--iterations", "10"));
    o.regularization = std::stod(option(args, "--regularization", "0.01"));
    o.alpha = std::stod(option(args, "--alpha", "1"));
    const int threads = std::stoi(option(args, "--threads", "1"));
    // --tensors: the LibTorch batched-CG solver (the GPU path) on the CPU; its threads follow OMP_NUM_THREADS.
    o.tensorsOnCpu = std::find(args.begin(), args.end(), "--tensors") != args.end();
    o.device = "cpu";
    const std::string exportPath = option(args, "--export", "");
    if (!exportPath.empty()) {
        std::ofstream out(exportPath);
        const CsrMatrix& w = l->train->weights;
        out << w.rows << " " << w.cols << " " << w.nnz() << "\n";
        for (int u = 0; u < w.rows; ++u)
            for (auto p = w.indptr[u]; p < w.indptr[u + 1]; ++p) out << u << " " << w.indices[p] << " " << (1.0 + o.alpha * w.values[p]) << "\n";
    }
    AlsRecommender als(o);
    const double start = now();
    if (auto s = als.fit(l->train, {0, 42, threads}, {}); !s) return std::fprintf(stderr, "%s\n", s.error().describe().c_str()), 1;
    const double total = now() - start;
    auto per = als.secondsPerIteration();
    std::sort(per.begin(), per.end());
    boost::json::object j{{"users", l->train->users()},      {"items", l->train->items()},          {"nnz", l->train->weights.nnz()},
                          {"factors", o.factors},            {"iterations", o.iterations},          {"threads", threads},
                          {"solver", o.tensorsOnCpu ? "libtorch tensors (cpu)" : "native"},
                          {"median_seconds_per_iteration", per.empty() ? 0.0 : per[per.size() / 2]},
                          {"total_seconds", total}};
    std::cout << boost::json::serialize(j) << std::endl;
    return 0;
}

int throughput(const std::vector<std::string>& args) {
    auto l = load(args);
    if (!l) return std::fprintf(stderr, "%s\n", l.error().describe().c_str()), 1;
    const std::string name = option(args, "--recommender", "als");
    const int threads = std::stoi(option(args, "--threads", "1"));
    const auto k = static_cast<std::size_t>(std::stoi(option(args, "--k", "10")));
    setPortableGemm(std::find(args.begin(), args.end(), "--portable") != args.end());
    // --blas: the BLAS product and a score matrix, as on CPUs without AVX-512 (no fused kernel).
    FusedScoring::setEnabled(std::find(args.begin(), args.end(), "--blas") == args.end());
    RecommenderConfig config;
    config.als.iterations = 3;  // the factors' values do not matter for speed
    auto inputs = loadItemInputs(option(args, "--db", ""), l->data, {name}, config, {.cachedOnly = true}, {});
    if (!inputs) return std::fprintf(stderr, "%s\n", inputs.error().describe().c_str()), 1;
    auto model = RecommenderFactory::create(name, config, inputs->view());
    if (!model) return std::fprintf(stderr, "%s\n", model.error().describe().c_str()), 1;
    if (auto s = (*model)->fit(l->train, {0, 42, threads}, {}); !s) return std::fprintf(stderr, "%s\n", s.error().describe().c_str()), 1;
    std::vector<std::int32_t> users;
    for (int u = 0; u < l->train->users(); ++u)
        if (l->train->weights.rowSize(u)) users.push_back(u);
    // --users N: every (size/N)-th user with history, so a large project is measured in seconds.
    if (const auto wanted = static_cast<std::size_t>(std::stoll(option(args, "--users", "0"))); wanted && wanted < users.size()) {
        std::vector<std::int32_t> every;
        for (std::size_t i = 0; i < wanted; ++i) every.push_back(users[i * users.size() / wanted]);
        users.swap(every);
    }
    TopKOptions o;
    o.k = k;
    o.threads = threads;
    o.blockUsers = static_cast<std::size_t>(std::stoll(option(args, "--block-users", "0")));
    o.tileItems = static_cast<std::size_t>(std::stoll(option(args, "--tile-items", "0")));
    TopKStats stats;
    auto lists = TopKEngine::recommend(**model, users, o, {}, &stats);
    if (!lists) return std::fprintf(stderr, "%s\n", lists.error().describe().c_str()), 1;
    boost::json::object j{{"recommender", name},       {"users", users.size()},     {"items", l->train->items()},
                          {"k", k},                    {"threads", threads},        {"gemm", gemmBackend()},
                          {"block_users", stats.blockUsers}, {"tile_items", stats.tileItems},
                          {"fused", FusedScoring::available() && cpuScoringMayFuse()},
                          {"scored_rows", stats.scoredRows},
                          // The rows multiplied: a model whose items share rows scores each distinct row once.
                          {"gflops", (*model)->denseItems() ? 2.0 * double(users.size() - stats.fallbackUsers) *
                                                                    double(stats.scoredRows ? stats.scoredRows : std::size_t(l->train->items())) *
                                                                    double((*model)->denseItems()->cols) / stats.seconds / 1e9
                                                              : 0.0},
                          {"seconds", stats.seconds},  {"users_per_second", double(users.size()) / stats.seconds}};
    std::cout << boost::json::serialize(j) << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ss-bench-rec movielens|als-time|throughput ...\n");
        return 1;
    }
    const std::string cmd = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (cmd == "movielens") return movielens(args);
    if (cmd == "als-time") return alsTime(args);
    if (cmd == "throughput") return throughput(args);
    std::fprintf(stderr, "unknown benchmark '%s'\n", cmd.c_str());
    return 1;
}
