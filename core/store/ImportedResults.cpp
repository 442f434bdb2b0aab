#include "ImportedResults.h"

#include <chrono>

#include "Project.h"

namespace ss {

Result<std::int64_t> ImportedResults::put(const std::filesystem::path& project, const std::string& kind, const std::string& name,
                                          const std::string& source, std::span<const std::byte> payload) {
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    auto p = Project::openExisting(project);
    if (!p) return p.error();
    Database& db = (*p)->db();
    Transaction tx(db);
    SS_TRY(tx.begun());
    auto stmt = db.prepare("INSERT OR REPLACE INTO imported_results(kind, name, source, created, payload) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!stmt) return stmt.error();
    stmt->bind(1, kind).bind(2, name).bind(3, source).bind(4, now).bind(5, payload);
    SS_TRY(stmt->run());
    SS_TRY(tx.commit());
    return now;
}

Result<bool> ImportedResults::present(Database& db) {
    auto n = db.queryInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='imported_results'");
    if (!n) return n.error();
    return *n > 0;
}

}  // namespace ss
