// Test support shared by the store, ingest, sample and CLI tests: Result checks with readable failures.
#pragma once

#include <QtTest>

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "common/Result.h"

namespace sstest {

inline std::filesystem::path file(const QTemporaryDir& dir, const char* name) {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

inline std::string readBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <typename R>
inline QByteArray describe(const R& r) {
    return r.ok() ? QByteArray() : QByteArray::fromStdString(r.error().describe());
}

}  // namespace sstest

// QVERIFY that a Result/Status is ok, printing its error otherwise.
#define SS_VERIFY_OK(expr)                                                   \
    do {                                                                     \
        const auto& ss_r_ = (expr);                                          \
        QVERIFY2(ss_r_.ok(), sstest::describe(ss_r_).constData());           \
    } while (0)

// QCOMPARE for std::string values, printing both sides on failure (QTest has no std::string printer).
#define SS_COMPARE_STR(actual, expected) \
    QCOMPARE(QString::fromStdString(std::string(actual)), QString::fromStdString(std::string(expected)))
