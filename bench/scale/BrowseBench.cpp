// ss-bench-browse: the data browser's paging on a project, as the Data screen does it (TableQuery,
// 200 rows a page, each page after the previous one's last row).
//   ss-bench-browse --db F [--pages N] [--tables events,users,items,reviews] [--skip-unindexed | --build-sort-indexes]
// For each table, each order (storage order, then every column ascending and descending): the first
// page, then N pages scrolled one after another (the depth a person reaches by scrolling), each timed;
// and the row count with no filter. JSON on stdout: per order, the first page's and the slowest page's
// milliseconds. --skip-unindexed leaves out the orders no index serves (they sort the whole table);
// --build-sort-indexes first builds, for each of them, the index the Data screen offers to build
// (TableQuery::createSortIndex), timing it and measuring how much it adds to the file — it changes
// the project, so run it on a copy.
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <sstream>

#include "store/Project.h"
#include "store/TableQuery.h"

using namespace ss;

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

std::string option(const std::vector<std::string>& args, const std::string& name, const std::string& fallback) {
    for (std::size_t a = 0; a + 1 < args.size(); ++a)
        if (args[a] == name) return args[a + 1];
    return fallback;
}

std::int64_t fileBytes(Database& db) {
    auto pages = db.queryInt("PRAGMA page_count");
    auto size = db.queryInt("PRAGMA page_size");
    return pages && size ? *pages * *size : -1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string path = option(args, "--db", "");
    if (path.empty()) return std::fprintf(stderr, "usage: ss-bench-browse --db F [--pages N] [--tables LIST] [--skip-unindexed]\n"), 1;
    const int pages = std::stoi(option(args, "--pages", "50"));
    const bool skipUnindexed = std::find(args.begin(), args.end(), "--skip-unindexed") != args.end();
    const bool buildIndexes = std::find(args.begin(), args.end(), "--build-sort-indexes") != args.end();
    // A reader connection as the Data screen leases one (ReadConnections); a writer to build indexes.
    auto project = Project::openExisting(path, buildIndexes ? Database::Mode::ReadWrite : Database::Mode::ReadOnly);
    if (!project) return std::fprintf(stderr, "%s\n", project.error().describe().c_str()), 1;
    Database& db = (*project)->db();
    const std::vector<std::pair<std::string, BrowsableTable>> all = {
        {"events", BrowsableTable::Events}, {"users", BrowsableTable::Users}, {"items", BrowsableTable::Items}, {"reviews", BrowsableTable::Reviews}};
    std::set<std::string> wanted;
    std::stringstream list(option(args, "--tables", "events,users,items,reviews"));
    for (std::string t; std::getline(list, t, ',');) wanted.insert(t);
    constexpr std::int64_t kPageRows = 200;  // the Data screen's page

    boost::json::object out{{"db", path}, {"pages", pages}, {"page_rows", kPageRows}};
    double slowestIndexed = 0;
    for (const auto& [name, table] : all) {
        if (!wanted.count(name)) continue;
        TableQuery query(db, table);
        boost::json::object t;
        auto start = std::chrono::steady_clock::now();
        auto rows = query.count("");
        if (!rows) return std::fprintf(stderr, "%s\n", rows.error().describe().c_str()), 1;
        t["rows"] = *rows;
        t["count_ms"] = millisecondsSince(start);
        boost::json::array orders;
        const auto& columns = query.columns();
        for (int c = -1; c < static_cast<int>(columns.size()); ++c) {
            for (bool ascending : {true, false}) {
                if (c < 0 && !ascending) continue;
                const std::string column = c < 0 ? "storage order" : columns[static_cast<std::size_t>(c)].key;
                auto plan = c < 0 ? Result<SortPlan>(SortPlan{true, 0}) : query.sortPlan(c);
                if (!plan) return std::fprintf(stderr, "%s\n", plan.error().describe().c_str()), 1;
                bool indexed = plan->usesIndex;
                boost::json::object built;
                if (!indexed && buildIndexes && ascending) {
                    const std::int64_t before = fileBytes(db);
                    start = std::chrono::steady_clock::now();
                    if (auto made = query.createSortIndex(c); !made) return std::fprintf(stderr, "%s\n", made.error().describe().c_str()), 1;
                    built = {{"index_build_seconds", millisecondsSince(start) / 1000}, {"index_bytes", fileBytes(db) - before}};
                    std::fprintf(stderr, "%s by %s: index built in %.1f s, %.1f MB\n", name.c_str(), column.c_str(),
                                 built["index_build_seconds"].as_double(), double(built["index_bytes"].as_int64()) / 1e6);
                    auto again = query.sortPlan(c);
                    indexed = again && again->usesIndex;
                }
                if (!indexed && skipUnindexed) continue;
                std::optional<PageCursor> after;
                double first = 0, slowest = 0;
                int fetched = 0;
                for (int p = 0; p <= pages; ++p) {
                    start = std::chrono::steady_clock::now();
                    auto page = query.fetchPage("", c, ascending, after, kPageRows);
                    if (!page) return std::fprintf(stderr, "%s\n", page.error().describe().c_str()), 1;
                    const double ms = millisecondsSince(start);
                    if (p == 0) first = ms;
                    slowest = std::max(slowest, ms);
                    ++fetched;
                    if (!page->last) break;
                    after = page->last;
                }
                if (indexed) slowestIndexed = std::max(slowestIndexed, slowest);
                boost::json::object order{{"order", column}, {"ascending", ascending}, {"indexed", indexed}, {"pages", fetched},
                                          {"first_page_ms", first}, {"slowest_page_ms", slowest}};
                for (const auto& [key, value] : built) order[key] = value;
                orders.push_back(std::move(order));
                std::fprintf(stderr, "%s by %s %s: first page %.1f ms, slowest of %d pages %.1f ms%s\n", name.c_str(), column.c_str(),
                             ascending ? "asc" : "desc", first, fetched, slowest, indexed ? "" : " (no index)");
            }
        }
        t["orders"] = std::move(orders);
        out[name] = std::move(t);
    }
    out["slowest_indexed_page_ms"] = slowestIndexed;
    std::cout << boost::json::serialize(out) << std::endl;
    return 0;
}
