// Running shelfsense-cli as a black box in tests: one QProcess per call, stdout/stderr captured,
// stdout read as one JSON document, small fixture files written, counts read from the project.
// Test thread only.
#pragma once

#include <QtTest>

#include "../core/store/ProjectDump.h"

namespace {

struct CliRun {
    int code = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out, err;
};

// `input` goes to the command's standard input, which is then closed.
[[maybe_unused]] CliRun cli(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(QStringLiteral(SS_CLI_PATH), args);
    CliRun r;
    if (!p.waitForStarted(30000)) return r;
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
    }
    r.code = p.exitCode();
    r.status = p.exitStatus();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

[[maybe_unused]] QString describe(const CliRun& r) {
    return QString("exit %1\nstdout: %2\nstderr: %3").arg(r.code).arg(QString::fromUtf8(r.out.left(2000)), QString::fromUtf8(r.err.left(2000)));
}

// stdout must be exactly one JSON document.
[[maybe_unused]] QJsonObject jsonObject(const CliRun& r) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return {};
    return doc.object();
}

[[maybe_unused]] QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(content);
    return path;
}

[[maybe_unused]] std::int64_t count(const QString& db, const char* sql) { return sstest::countRows(db.toStdString(), sql); }

}  // namespace
