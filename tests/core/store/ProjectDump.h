// Test support: an independent view of a project file's content, read through the raw SQLite C API
// (not through the code under test), so tests can state "the file holds exactly what it held before".
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace sstest {

// Every table's rows (sorted), the schema text and PRAGMA user_version, as one comparable string.
// Empty string with "ERROR:" prefix when the file cannot be read.
inline std::string dumpProject(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string e = "ERROR: " + std::string(db ? sqlite3_errmsg(db) : "open failed");
        sqlite3_close(db);
        return e;
    }
    std::string out;
    auto query = [&](const std::string& sql, auto&& onRow) -> bool {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            out += "ERROR: " + std::string(sqlite3_errmsg(db)) + "\n";
            return false;
        }
        while (sqlite3_step(stmt) == SQLITE_ROW) onRow(stmt);
        sqlite3_finalize(stmt);
        return true;
    };
    auto text = [](sqlite3_stmt* s, int c) {
        if (sqlite3_column_type(s, c) == SQLITE_NULL) return std::string("NULL");
        const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
        return "'" + std::string(t, static_cast<std::size_t>(sqlite3_column_bytes(s, c))) + "'";
    };
    query("PRAGMA user_version", [&](sqlite3_stmt* s) { out += "user_version=" + text(s, 0) + "\n"; });
    std::vector<std::string> tables;
    query("SELECT type, name, coalesce(sql,'') FROM sqlite_master ORDER BY type, name", [&](sqlite3_stmt* s) {
        out += "schema " + text(s, 0) + " " + text(s, 1) + " " + text(s, 2) + "\n";
        if (text(s, 0) == "'table'") {
            const auto* n = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
            tables.emplace_back(n);
        }
    });
    for (const auto& t : tables) {
        std::vector<std::string> rows;
        query("SELECT * FROM \"" + t + "\"", [&](sqlite3_stmt* s) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(s); ++c) row += (c ? "|" : "") + text(s, c);
            rows.push_back(std::move(row));
        });
        std::sort(rows.begin(), rows.end());
        out += "table " + t + " rows=" + std::to_string(rows.size()) + "\n";
        for (const auto& r : rows) out += "  " + r + "\n";
    }
    sqlite3_close(db);
    return out;
}

// Row count of one table, via the raw API; -1 on error.
inline std::int64_t countRows(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::int64_t n = -1;
    if (sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
            if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
            sqlite3_finalize(stmt);
        }
    }
    sqlite3_close(db);
    return n;
}

// The first column of the first row as text, via the raw API; empty on error or NULL.
inline std::string queryText(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
            if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
                out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            sqlite3_finalize(stmt);
        }
    }
    sqlite3_close(db);
    return out;
}

}  // namespace sstest
