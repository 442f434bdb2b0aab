// Shared helpers for the tokenizer tests: where the installed model lives, golden-file reading and
// std <-> Qt conversions for readable QCOMPARE failures. Test-thread only.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <cstdint>
#include <string>
#include <vector>

namespace ss::testing {

// The folder scripts/install-model.sh installs into (SHELFSENSE_MODEL_DIR overrides it).
inline QString modelDir() {
    const QByteArray overridden = qgetenv("SHELFSENSE_MODEL_DIR");
    if (!overridden.isEmpty()) return QString::fromLocal8Bit(overridden);
    QByteArray dataHome = qgetenv("XDG_DATA_HOME");
    if (dataHome.isEmpty()) dataHome = qgetenv("HOME") + "/.local/share";
    return QString::fromLocal8Bit(dataHome) + QStringLiteral("/shelfsense/models/all-MiniLM-L6-v2");
}

inline QStringList toQt(const std::vector<std::string>& v) {
    QStringList out;
    out.reserve(qsizetype(v.size()));
    for (const std::string& s : v) out << QString::fromStdString(s);
    return out;
}

inline QList<int> toQt(const std::vector<std::int32_t>& v) { return QList<int>(v.begin(), v.end()); }

inline QStringList toStringList(const QJsonArray& a) {
    QStringList out;
    for (const QJsonValue& v : a) out << v.toString();
    return out;
}

inline QList<int> toIntList(const QJsonArray& a) {
    QList<int> out;
    for (const QJsonValue& v : a) out << v.toInt();
    return out;
}

// One JSON object per line; a line that does not parse is reported through `error`.
inline QList<QJsonObject> readJsonLines(const QString& path, QString* error) {
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return out;
    }
    int lineNo = 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        ++lineNo;
        if (line.trimmed().isEmpty()) continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(lineNo).arg(pe.errorString());
            return {};
        }
        out << doc.object();
    }
    return out;
}

}  // namespace ss::testing
