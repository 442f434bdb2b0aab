#include "Database.h"

#include <sqlite3.h>

#include <utility>

namespace ss {

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (stmt_) sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::byte> blob) {
    sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const SqlValue& value) {
    std::visit([&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) bindNull(index);
        else if constexpr (std::is_same_v<T, std::string>) bind(index, std::string_view(v));
        else bind(index, v);
    }, value);
    return *this;
}

SqlValue Statement::columnValue(int col) const {
    switch (sqlite3_column_type(stmt_, col)) {
    case SQLITE_INTEGER: return columnInt(col);
    case SQLITE_FLOAT: return columnDouble(col);
    case SQLITE_NULL: return nullptr;
    default: return columnText(col);
    }
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return makeError(ErrorCode::Database, sqlite3_errmsg(db_), sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "");
}

Status Statement::run() {
    for (;;) {
        auto r = step();
        if (!r) {
            sqlite3_reset(stmt_);
            return r.error();
        }
        if (!*r) break;
    }
    sqlite3_reset(stmt_);
    return {};
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::columnInt(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::columnDouble(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::columnIsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int Statement::columnCount() const { return sqlite3_column_count(stmt_); }
std::string Statement::columnName(int col) const { return sqlite3_column_name(stmt_, col); }

std::string Statement::columnText(int col) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::span<const std::byte> Statement::columnBlob(int col) const {
    const void* data = sqlite3_column_blob(stmt_, col);
    const int size = sqlite3_column_bytes(stmt_, col);
    return {static_cast<const std::byte*>(data), static_cast<std::size_t>(size)};
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, Mode mode) {
    // Memory statistics take a global mutex on every allocation; we never read them.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    sqlite3* db = nullptr;
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                             : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(path.string().c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return makeError(ErrorCode::Io, "cannot open project file: " + message, path.string());
    }
    std::unique_ptr<Database> database(new Database(db, path));
    // A writer job and GUI readers share the file: WAL lets readers go on while one writes, and the
    // busy timeout absorbs the short exclusive moments (checkpoints) instead of failing.
    sqlite3_busy_timeout(db, 10000);
    // Verify it is a database at all (a text file opens fine until first read) before the journal-mode
    // pragma reads it, so that a wrong file is reported as such, with its name.
    auto check = database->queryInt("SELECT count(*) FROM sqlite_master");
    if (!check) return makeError(ErrorCode::InputData, "not a ShelfSense project (SQLite) file: " + check.error().message, path.string());
    Status pragmas = database->exec("PRAGMA foreign_keys=ON;");
    // Larger pages for new files: bulk loads and index builds touch a third fewer pages. Only an
    // empty file can take it, and before WAL is switched on.
    if (pragmas && mode == Mode::ReadWrite && *check == 0) pragmas = database->exec("PRAGMA page_size=16384;");
    if (pragmas && mode == Mode::ReadWrite)
        pragmas = database->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    if (!pragmas) return pragmas.error();
    return database;
}

Database::~Database() { sqlite3_close_v2(db_); }

Error Database::lastError(std::string_view what) const {
    return makeError(ErrorCode::Database, sqlite3_errmsg(db_), std::string(what));
}

Status Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error error = makeError(ErrorCode::Database, message ? message : "unknown SQLite error", text.substr(0, 120));
        sqlite3_free(message);
        return error;
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return lastError(sql.substr(0, 120));
    return Statement(db_, stmt);
}

Result<std::int64_t> Database::queryInt(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    return *row ? stmt->columnInt(0) : 0;
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Transaction::Transaction(Database& db) : db_(db) {
    begun_ = db_.exec("BEGIN IMMEDIATE");
    open_ = begun_.ok();
}

Transaction::~Transaction() {
    if (open_) (void)db_.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!open_) return makeError(ErrorCode::Internal, "commit without an open transaction");
    Status status = db_.exec("COMMIT");
    if (status) open_ = false;
    return status;
}

}  // namespace ss
