// Database, Statement, Transaction: a thin RAII layer over the SQLite C API.
// A Database is one connection; use it from one thread at a time (each job opens its own).
// Values are always bound, never spliced into SQL. Errors are returned as values, classified for
// people: a full disk, a read-only file and a file held by another program are ErrorCode::Storage,
// a damaged file is ErrorCode::InputData, each naming the file.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <variant>

#include "common/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ss {

// One SQLite value, for callers that carry values between statements (e.g. a page cursor).
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding: 1-based indexes as in SQLite. Chainable.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::span<const std::byte> blob);
    Statement& bindNull(int index);
    Statement& bind(int index, const SqlValue& value);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    // step(): true while a row is available; false when done. Errors become a Status in lastError().
    Result<bool> step();
    Status run();  // step to completion, expecting no rows
    void reset();

    std::int64_t columnInt(int col) const;
    double columnDouble(int col) const;
    std::string columnText(int col) const;
    bool columnIsNull(int col) const;
    SqlValue columnValue(int col) const;
    std::span<const std::byte> columnBlob(int col) const;
    int columnCount() const;
    std::string columnName(int col) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (ReadWrite: creates when missing) a SQLite file without changing it. A file that cannot
    // be written (read-only file, directory or drive) opens for reading; readOnly() says so. On a
    // read-only drive, where SQLite cannot create its shared-memory file, it is opened immutable.
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path, Mode mode = Mode::ReadWrite);

    // Called while a connection waits for another connection or program that holds the write lock,
    // every wait step once a wait has lasted about a second; return false to stop waiting (the
    // statement then fails with ErrorCode::Storage). Process-wide; called on the waiting thread.
    using BusyObserver = std::function<bool(const std::filesystem::path& file, std::chrono::milliseconds waited)>;
    static void setBusyObserver(BusyObserver observer);
    // How long a connection waits for the write lock before giving up (default 2 minutes).
    static void setBusyLimit(std::chrono::milliseconds limit);

    // Settings for a project file: write-ahead log (readers go on while one writer writes) and, on
    // a new empty file, larger pages. Changes the file header, so only for files known to be ours.
    Status configureForProject(bool newFile);
    // True when this connection cannot write (opened ReadOnly, or the file cannot be written).
    bool readOnly() const;
    // Whether this process may write the file and create SQLite's journal next to it.
    static bool canWrite(const std::filesystem::path& file);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Status exec(std::string_view sql);  // one or more statements without parameters
    Result<Statement> prepare(std::string_view sql);
    Result<std::int64_t> queryInt(std::string_view sql);  // first column of first row, 0 if none
    std::int64_t lastInsertRowId() const;
    int changes() const;
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_; }
    // Stops the statement running on this connection as soon as it can (it fails as Cancelled).
    // The one member another thread may call, while the connection is open (see InterruptOnStop).
    void interrupt() const;
    Error lastError(std::string_view what) const;

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    static int onBusy(void* self, int attempt);
    sqlite3* db_;
    std::filesystem::path path_;
    std::chrono::milliseconds waited_{0};  // in the current busy episode
};

// Interrupts a connection's running statement when `stop` is requested, for as long as this guard
// lives: a job whose question was superseded stops its query at once instead of finishing a scan.
// Create it on the thread that uses the connection; request_stop() may come from any thread (the
// callback runs there, and the guard's destructor waits for a running one).
class InterruptOnStop {
public:
    InterruptOnStop(const Database& db, std::stop_token stop) : callback_(std::move(stop), Interrupt{&db}) {}

private:
    struct Interrupt {
        const Database* db;
        void operator()() const noexcept { db->interrupt(); }
    };
    std::stop_callback<Interrupt> callback_;
};

// What to do about a damaged project file: the end of every message that reports one.
inline constexpr const char* kDamagedProjectRemedy =
    "ShelfSense cannot use it. Restore it from a backup, or import the data again into a new project";

// A SQLite result code as an Error for people (see the header comment); context names the
// statement for plain SQL errors.
Error sqliteError(sqlite3* db, int resultCode, std::string_view context);

// Rolls back unless commit() succeeded: a failed operation leaves the file as it was.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& begun() const { return begun_; }
    Status commit();

private:
    Database& db_;
    Status begun_;
    bool open_ = false;
};

// Foreign-key checks off while a bulk step that keeps the references right itself runs (per-row
// probes only cost time), on again when it ends. SQLite ignores the pragma inside a transaction:
// make this before the step's Transaction.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Database& db);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    Database& db_;
};

}  // namespace ss
