// Raw SQLite API helpers for the store tests, independent of the code under test: read one value,
// run statements (for making older or damaged project files).
#pragma once

#include <QtTest>

#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace sstest {

inline std::string rawText(const std::filesystem::path& p, const char* sql) {
    sqlite3* db = nullptr;
    std::string out = "<error>";
    if (sqlite3_open_v2(p.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

inline void rawExec(const std::filesystem::path& p, const std::string& sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(p.string().c_str(), &db), SQLITE_OK);
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    QVERIFY2(rc == SQLITE_OK, msg ? msg : "");
    sqlite3_close(db);
}

}  // namespace sstest
