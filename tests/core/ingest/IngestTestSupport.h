// Test support for the ingest tests: fixture files (io/TextFixture.h) and a thin runner around
// Importer::run.
#pragma once

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <stop_token>
#include <string>
#include <vector>

#include "../io/TextFixture.h"
#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "ingest/Importer.h"
#include "ingest/TaobaoFormat.h"

namespace sstest {

inline ss::Result<ss::ImportSummary> runImport(const std::filesystem::path& project, ss::ImportFormat format,
                                               std::vector<std::filesystem::path> files, ss::ImportOptions options = {},
                                               std::stop_token stop = {},
                                               std::function<void(double, const std::string&)> progress = {}) {
    ss::ImportRequest request;
    request.project = project;
    request.format = format;
    request.files = std::move(files);
    request.options = std::move(options);
    ss::JobContext context;
    context.stop = stop;
    if (progress) context.progress = [progress = std::move(progress)](const ss::JobProgress& p) { progress(p.fraction, p.stage); };
    return ss::Importer::run(request, context);
}

// Options of a mapped CSV import (--map column=field ...), at a fixed "now" so time checks repeat.
inline ss::ImportOptions columnMapping(std::vector<std::pair<std::string, std::string>> map,
                                       std::optional<ss::EventType> defaultEventType = std::nullopt) {
    ss::ImportOptions o;
    o.now = 1800000000;
    o.columnMap = std::move(map);
    o.defaultEventType = defaultEventType;
    return o;
}

// Expected rejects as "line|field|reason substring" (rejected) or "line|field|reason substring|kept" (flagged).
inline void checkRejects(const std::vector<ss::ImportReject>& actual, const QStringList& expected) {
    QStringList got;
    for (const auto& r : actual)
        got << QString::number(r.line) + "|" + QString::fromStdString(r.field) + "|" + QString::fromStdString(r.reason) +
                   (r.flaggedOnly ? "|kept" : "");
    QVERIFY2(actual.size() == std::size_t(expected.size()),
             qPrintable("rejects were:\n  " + got.join("\n  ") + "\nexpected:\n  " + expected.join("\n  ")));
    for (int i = 0; i < expected.size(); ++i) {
        const QStringList parts = expected[i].split('|');
        const auto& r = actual[std::size_t(i)];
        const QString where = "reject #" + QString::number(i) + " was " + got[i] + ", expected " + expected[i];
        QVERIFY2(r.line == parts[0].toLongLong(), qPrintable(where));
        QVERIFY2(QString::fromStdString(r.field) == parts[1], qPrintable(where));
        QVERIFY2(QString::fromStdString(r.reason).contains(parts[2]), qPrintable(where));
        QVERIFY2(r.flaggedOnly == (parts.size() > 3 && parts[3] == "kept"), qPrintable(where));
    }
}

// Shared by the importer tests: "now" for the future-time check, a project path, a row count, a
// valid Taobao file.
inline constexpr std::int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z: "the future" in these tests

inline std::filesystem::path projectIn(const QTemporaryDir& dir, const char* name = "p.shelfsense") {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

inline std::int64_t count(const std::filesystem::path& p, const std::string& sql) { return sstest::countRows(p, sql); }

// A valid Taobao file of n rows inside the window, with distinct users/items.
inline QByteArray taobaoRows(int n, int userOffset = 0) {
    QByteArray out;
    const char* behaviours[] = {"pv", "pv", "pv", "cart", "fav", "buy"};
    for (int i = 0; i < n; ++i)
        out += QByteArray::number(1000 + userOffset + i % 97) + "," + QByteArray::number(500000 + i % 1013) + "," +
               QByteArray::number(40 + i % 7) + "," + behaviours[i % 6] + "," +
               QByteArray::number(ss::TaobaoFormat::kWindowStart + 60 + (i * 37) % 600000) + "\n";
    return out;
}

inline ss::ImportOptions withNow(std::int64_t now = kNow) {
    ss::ImportOptions o;
    o.now = now;
    return o;
}

inline void addCountColumns() {
    QTest::addColumn<QByteArray>("fixture");
    QTest::addColumn<int>("read");
    QTest::addColumn<int>("imported");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<int>("flagged");
    QTest::addColumn<int>("duplicate");
    QTest::addColumn<QStringList>("rejects");
}

// Imports `fixture` in `format` into a fresh project and checks summary, stored report and rejects.
inline void importAndCheck(ss::ImportFormat format, const ss::ImportOptions& options, const QString& fileName = "data.txt") {
    QFETCH(QByteArray, fixture);
    QFETCH(int, read);
    QFETCH(int, imported);
    QFETCH(int, rejected);
    QFETCH(int, flagged);
    QFETCH(int, duplicate);
    QFETCH(QStringList, rejects);
    QTemporaryDir dir;
    const auto project = projectIn(dir);
    const auto file = writeFixture(dir, fileName.toStdString(), fixture);
    auto summary = runImport(project, format, {file}, options);
    SS_VERIFY_OK(summary);
    QCOMPARE(int(summary->rowsRead), read);
    QCOMPARE(int(summary->rowsImported), imported);
    QCOMPARE(int(summary->rowsRejected), rejected);
    QCOMPARE(int(summary->rowsFlagged), flagged);
    QCOMPARE(int(summary->rowsDuplicate), duplicate);
    QCOMPARE(summary->files.size(), std::size_t(1));
    sstest::checkRejects(summary->files[0].rejects, rejects);
    if (QTest::currentTestFailed()) return;
    // The stored report says the same.
    auto opened = ss::Project::open(project);
    SS_VERIFY_OK(opened);
    auto reports = (*opened)->importReports();
    SS_VERIFY_OK(reports);
    QCOMPARE(reports->size(), std::size_t(1));
    const auto& r = reports->front();
    SS_COMPARE_STR(r.format, std::string(ss::importFormatName(format)));
    QCOMPARE(int(r.rowsRead), read);
    QCOMPARE(int(r.rowsImported), imported);
    QCOMPARE(int(r.rowsRejected), rejected);
    QCOMPARE(int(r.rowsFlagged), flagged);
    QCOMPARE(int(r.rowsDuplicate), duplicate);
    QVERIFY(r.fingerprint.starts_with("fnv1a64:"));
    sstest::checkRejects(r.rejects, rejects);
}


}  // namespace sstest
