#include "Database.h"

#include <sqlite3.h>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
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
    return sqliteError(db_, rc, sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "");
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

namespace {

// The first read of a file: it fails when the file is not SQLite, damaged, or needs recovery.
constexpr const char* kFirstRead = "SELECT count(*) FROM sqlite_master";

std::mutex busyObserverMutex;
Database::BusyObserver busyObserver;
std::atomic<std::int64_t> busyLimitMs{120000};

std::string immutableUri(const std::filesystem::path& file) {
    std::string uri = "file:";
    for (unsigned char c : std::filesystem::absolute(file).string()) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7f) {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            uri += hex;
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?immutable=1";
}

}  // namespace

void Database::interrupt() const { sqlite3_interrupt(db_); }

Error sqliteError(sqlite3* db, int resultCode, std::string_view context) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    const std::string where = file && *file ? std::string(file) : std::string(context);
    const std::string said = db ? sqlite3_errmsg(db) : sqlite3_errstr(resultCode);
    switch (resultCode & 0xff) {
    case SQLITE_FULL:
        return makeError(ErrorCode::Storage,
                         "the disk holding the project file is full (SQLite: " + said +
                             "); the change being written was undone and the project is as it was before it. Free some space and try again",
                         where);
    case SQLITE_READONLY:
        return makeError(ErrorCode::Storage,
                         "the project file is read-only (a read-only file, folder or drive): it can be read but not changed, "
                         "and nothing was changed. Copy it somewhere writable to change it",
                         where);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::Storage,
                         "another program (or another ShelfSense job) is writing to the project file and ShelfSense stopped waiting "
                         "for it; nothing was changed. Try again when it has finished",
                         where);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(ErrorCode::InputData,
                         "the project file is damaged (SQLite: " + said + "); " + kDamagedProjectRemedy,
                         where);
    case SQLITE_INTERRUPT:
        return makeError(ErrorCode::Cancelled, "the query was stopped", where);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return makeError(ErrorCode::Storage, "could not read or write the project file (SQLite: " + said + ")", where);
    default:
        return makeError(ErrorCode::Database, said, std::string(context));
    }
}

bool Database::canWrite(const std::filesystem::path& file) {
    // SQLite writes its journal next to the file, so the folder must be writable too.
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    return ::access(file.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
}

void Database::setBusyObserver(BusyObserver observer) {
    std::lock_guard lock(busyObserverMutex);
    busyObserver = std::move(observer);
}

void Database::setBusyLimit(std::chrono::milliseconds limit) { busyLimitMs = limit.count(); }

int Database::onBusy(void* connection, int attempt) {
    using namespace std::chrono_literals;
    auto* self = static_cast<Database*>(connection);
    if (attempt == 0) self->waited_ = 0ms;
    if (self->waited_.count() >= busyLimitMs.load()) return 0;
    // Short waits first (a checkpoint takes milliseconds), then a steady 100 ms.
    const auto step = std::chrono::milliseconds(attempt < 7 ? (1 << attempt) : 100);
    std::this_thread::sleep_for(step);
    self->waited_ += step;
    if (self->waited_ >= 1s) {
        BusyObserver observer;
        {
            std::lock_guard lock(busyObserverMutex);
            observer = busyObserver;
        }
        if (observer && !observer(self->path_, self->waited_)) return 0;
    }
    return 1;
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, Mode mode) {
    // Memory statistics take a global mutex on every allocation; we never read them.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    const bool readOnly = mode == Mode::ReadOnly || (exists && !canWrite(path));
    if (!exists && mode == Mode::ReadOnly) return makeError(ErrorCode::Io, "no such project file", path.string());

    auto connect = [&](const std::string& name, int flags) -> Result<std::unique_ptr<Database>> {
        sqlite3* db = nullptr;
        const int rc = sqlite3_open_v2(name.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
            sqlite3_close(db);
            return makeError(ErrorCode::Io, "cannot open project file: " + message, path.string());
        }
        std::unique_ptr<Database> database(new Database(db, path));
        // A writer job and GUI readers share the file: WAL lets readers go on while one writes, and
        // waiting absorbs the short exclusive moments (checkpoints) and another writer's transaction.
        sqlite3_busy_handler(db, &Database::onBusy, database.get());
        return database;
    };
    auto database = connect(path.string(), readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    if (!database) return database.error();
    // Verify it is a database at all (a text file opens fine until first read), so that a wrong
    // file is reported as such, with its name.
    auto check = (*database)->queryInt(kFirstRead);
    const int failed = check ? SQLITE_OK : sqlite3_extended_errcode((*database)->db_);
    auto nonEmpty = [&](const char* suffix) {
        std::error_code sizeError;
        const auto size = std::filesystem::file_size(path.string() + suffix, sizeError);
        return !sizeError && size > 0;
    };
    if (readOnly && failed == SQLITE_READONLY_ROLLBACK) {
        // A write that was interrupted (killed, power cut) left its rollback journal: only a
        // connection that can write may undo it. Never read around it: the pages are half written.
        if (!canWrite(path))
            return makeError(ErrorCode::Storage,
                             "the project file holds an unfinished change from a write that was interrupted (its rollback journal "
                             "is beside it), and it cannot be written here to undo that change. Open it once where it can be written",
                             path.string());
        database->reset();  // close the read-only connection first
        {
            auto recovering = connect(path.string(), SQLITE_OPEN_READWRITE);
            if (!recovering) return recovering.error();
            if (auto undone = (*recovering)->queryInt(kFirstRead); !undone) return undone.error();
        }
        database = connect(path.string(), SQLITE_OPEN_READONLY);
        if (!database) return database.error();
        check = (*database)->queryInt(kFirstRead);
    } else if (readOnly && ((failed & 0xff) == SQLITE_CANTOPEN || (failed & 0xff) == SQLITE_READONLY) && !nonEmpty("-wal") &&
               !nonEmpty("-journal")) {
        // A write-ahead-log project on a read-only drive: SQLite cannot create the shared-memory file
        // readers need. No change is pending and nothing can change the file there, so it is read
        // as immutable.
        database = connect(immutableUri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
        if (!database) return database.error();
        check = (*database)->queryInt(kFirstRead);
    }
    if (!check) {
        if ((sqlite3_extended_errcode((*database)->db_) & 0xff) == SQLITE_NOTADB)
            return makeError(ErrorCode::InputData,
                             "not a ShelfSense project file: it is not a SQLite database, or its first page is damaged", path.string());
        if (check.error().code == ErrorCode::Database)
            return makeError(ErrorCode::InputData, "not a ShelfSense project (SQLite) file: " + check.error().message, path.string());
        return check.error();
    }
    if (Status s = (*database)->exec("PRAGMA foreign_keys=ON;"); !s) return s.error();
    return database;
}

Status Database::configureForProject(bool newFile) {
    if (readOnly()) return {};
    // Larger pages for new files: bulk loads and index builds touch a third fewer pages. Only an
    // empty file can take it, and before WAL is switched on.
    if (newFile) SS_TRY(exec("PRAGMA page_size=16384;"));
    return exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
}

bool Database::readOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

Database::~Database() { sqlite3_close_v2(db_); }

Error Database::lastError(std::string_view what) const { return sqliteError(db_, sqlite3_extended_errcode(db_), what); }

Status Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    if (const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
        Error error = sqliteError(db_, rc, text.substr(0, 120));
        if (error.code == ErrorCode::Database && message) error.message = message;
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

ForeignKeysOff::ForeignKeysOff(Database& db) : db_(db) { (void)db_.exec("PRAGMA foreign_keys=OFF"); }

ForeignKeysOff::~ForeignKeysOff() { (void)db_.exec("PRAGMA foreign_keys=ON"); }

}  // namespace ss
