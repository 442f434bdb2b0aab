// SafetensorsBytes: test-only builder of safetensors files (well-formed or deliberately broken), so the
// model tests generate their inputs instead of committing binary fixtures. Header-only; any thread.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtEndian>

#include <cstdint>
#include <string>
#include <vector>

struct SafetensorsBytes {
    struct Entry {
        std::string name;
        std::string dtype;  // e.g. "F32"
        std::vector<std::int64_t> shape;
        QByteArray data;    // raw little-endian bytes
    };

    // Length prefix + header + data. lengthOverride < 0 writes the true header length.
    static QByteArray raw(const QByteArray& header, const QByteArray& data = {}, qint64 lengthOverride = -1) {
        QByteArray out(8, '\0');
        qToLittleEndian<quint64>(quint64(lengthOverride < 0 ? header.size() : lengthOverride), out.data());
        return out + header + data;
    }

    // A well-formed file: tensors laid out back to back in the given order.
    static QByteArray build(const std::vector<Entry>& entries, const QByteArray& metadataJson = {}) {
        QByteArray header = "{";
        QByteArray data;
        bool first = true;
        if (!metadataJson.isEmpty()) {
            header += "\"__metadata__\":" + metadataJson;
            first = false;
        }
        for (const auto& e : entries) {
            QByteArray shape = "[";
            for (std::size_t i = 0; i < e.shape.size(); ++i) shape += (i ? "," : "") + QByteArray::number(qint64(e.shape[i]));
            shape += "]";
            header += (first ? "" : ",") + QByteArray("\"") + e.name.c_str() + "\":{\"dtype\":\"" + e.dtype.c_str() +
                      "\",\"shape\":" + shape + ",\"data_offsets\":[" + QByteArray::number(data.size()) + "," +
                      QByteArray::number(data.size() + e.data.size()) + "]}";
            data += e.data;
            first = false;
        }
        header += "}";
        // Pad the header to a multiple of 8 with spaces, as the reference writer does (keeps data aligned).
        while ((header.size() + 8) % 8 != 0) header += ' ';
        return raw(header, data);
    }

    static QByteArray floats(const std::vector<float>& values) {
        QByteArray out(int(values.size() * 4), '\0');
        for (std::size_t i = 0; i < values.size(); ++i) qToLittleEndian<float>(values[i], out.data() + 4 * i);
        return out;
    }

    static bool write(const QString& path, const QByteArray& bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }
};
