// Golden tokenization of real review/product/sentence texts from ../shared/data. That data is research-only and
// stays out of the repository, so golden_shared.jsonl holds only where each text is (and a short SHA-256 of it);
// this test extracts the texts with the same rules as bench/peers/make_tokenizer_golden.py.
#include <QCryptographicHash>
#include <QHash>
#include <QtTest>

#include <optional>

#include "TokenizerTestSupport.h"
#include "archive/ZipArchive.h"
#include "text/BertTokenizer.h"

using namespace ss;

namespace {

QString sharedDataDir() {
    const QByteArray env = qgetenv("SS_SHARED_DATA_DIR");
    return env.isEmpty() ? QStringLiteral(SS_SHARED_DATA_DIR) : QString::fromLocal8Bit(env);
}

// Python's csv.reader, default dialect (doublequote, strict=False), over the whole file; records are counted the
// way it yields them, a blank line being an empty record.
QList<QList<QByteArray>> parseCsv(const QByteArray& data) {
    QList<QList<QByteArray>> records;
    QList<QByteArray> fields;
    QByteArray field;
    enum { StartRecord, StartField, InField, InQuoted, QuoteInQuoted } state = StartRecord;
    auto endRecord = [&](qsizetype& i) {
        records << fields;
        fields.clear();
        if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
        state = StartRecord;
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        const bool eol = c == '\n' || c == '\r';
        switch (state) {
        case StartRecord:
            if (eol) {
                endRecord(i);
                break;
            }
            state = StartField;
            [[fallthrough]];
        case StartField:
            if (eol) {
                fields << QByteArray();
                endRecord(i);
            } else if (c == '"') {
                state = InQuoted;
            } else if (c == ',') {
                fields << QByteArray();
            } else {
                field += c;
                state = InField;
            }
            break;
        case InField:
            if (eol) {
                fields << field;
                field.clear();
                endRecord(i);
            } else if (c == ',') {
                fields << field;
                field.clear();
                state = StartField;
            } else {
                field += c;
            }
            break;
        case InQuoted:
            if (c == '"')
                state = QuoteInQuoted;
            else
                field += c;
            break;
        case QuoteInQuoted:
            if (c == '"') {
                field += '"';
                state = InQuoted;
            } else if (c == ',') {
                fields << field;
                field.clear();
                state = StartField;
            } else if (eol) {
                fields << field;
                field.clear();
                endRecord(i);
            } else {
                field += c;
                state = InField;
            }
            break;
        }
    }
    if (state != StartRecord) {
        fields << field;
        records << fields;
    }
    return records;
}

QByteArray stripCr(QByteArray line) {
    if (line.endsWith('\r')) line.chop(1);
    return line;
}

// Loads each source file once and extracts texts by the script's rules.
class SharedTexts {
public:
    std::optional<QByteArray> extract(const QJsonObject& ref, QString* error) {
        const QString kind = ref["kind"].toString();
        const QString source = ref["source"].toString();
        const QString path = sharedDataDir() + '/' + source;
        if (kind == QLatin1String("jsonl")) {
            const QByteArray* line = lineOf(path, ref["line"].toInt(), error);
            if (!line) return std::nullopt;
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(*line, &pe);
            const QJsonValue v = doc.object().value(ref["field"].toString());
            if (pe.error != QJsonParseError::NoError || !v.isString()) {
                *error = QStringLiteral("no string field there");
                return std::nullopt;
            }
            return v.toString().toUtf8();
        }
        if (kind == QLatin1String("tsv")) {
            const QByteArray* line = lineOf(path, ref["line"].toInt(), error);
            if (!line) return std::nullopt;
            const QList<QByteArray> parts = stripCr(*line).split('\t');
            const int column = ref["column"].toInt();
            if (column >= parts.size()) {
                *error = QStringLiteral("too few columns");
                return std::nullopt;
            }
            return parts[column];
        }
        if (kind == QLatin1String("csv")) {
            auto it = csv_.find(path);
            if (it == csv_.end()) {
                const QByteArray* data = fileData(path, error);
                if (!data) return std::nullopt;
                QList<QList<QByteArray>> records = parseCsv(*data);
                if (!records.isEmpty()) records.removeFirst();  // header
                it = csv_.insert(path, records);
            }
            const int record = ref["record"].toInt();
            const int column = ref["column"].toInt();
            if (record < 1 || record > it->size() || column >= (*it)[record - 1].size()) {
                *error = QStringLiteral("no such record/column");
                return std::nullopt;
            }
            return (*it)[record - 1][column];
        }
        if (kind == QLatin1String("zip-csv-tail")) {
            const QString key = path + '#' + ref["member"].toString();
            if (!files_.contains(key)) {
                // Read in-process, as the importers do: a fresh machine has no `unzip`.
                auto archive = ss::ZipArchive::open(path.toStdString());
                auto bytes = archive ? (*archive)->readMember(ref["member"].toString().toStdString(), 256u << 20)
                                     : ss::Result<std::string>(archive.error());
                if (!bytes) {
                    *error = QString::fromStdString(bytes.error().describe());
                    return std::nullopt;
                }
                files_.insert(key, QByteArray::fromStdString(*bytes));
                lines_.insert(key, files_[key].split('\n'));
            }
            const QList<QByteArray>& lines = lines_[key];
            const int n = ref["line"].toInt();
            if (n < 1 || n > lines.size()) {
                *error = QStringLiteral("no such line");
                return std::nullopt;
            }
            const QByteArray line = stripCr(lines[n - 1]);
            const qsizetype first = line.indexOf(',');
            const qsizetype second = first < 0 ? -1 : line.indexOf(',', first + 1);
            if (second < 0) {
                *error = QStringLiteral("fewer than three fields");
                return std::nullopt;
            }
            return line.mid(second + 1);
        }
        *error = QStringLiteral("unknown kind ") + kind;
        return std::nullopt;
    }

private:
    const QByteArray* fileData(const QString& path, QString* error) {
        auto it = files_.find(path);
        if (it != files_.end()) return &*it;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot open ") + path;
            return nullptr;
        }
        return &*files_.insert(path, f.readAll());
    }
    const QByteArray* lineOf(const QString& path, int n, QString* error) {
        auto it = lines_.find(path);
        if (it == lines_.end()) {
            const QByteArray* data = fileData(path, error);
            if (!data) return nullptr;
            it = lines_.insert(path, data->split('\n'));
        }
        if (n < 1 || n > it->size()) {
            *error = QStringLiteral("no line %1").arg(n);
            return nullptr;
        }
        return &(*it)[n - 1];
    }

    QHash<QString, QByteArray> files_;
    QHash<QString, QList<QByteArray>> lines_;
    QHash<QString, QList<QList<QByteArray>>> csv_;
};

}  // namespace

class TestTokenizerGoldenShared : public QObject {
    Q_OBJECT

    std::optional<BertTokenizer> tokenizer_;
    QString loadError_;

private slots:
    void initTestCase() {
        auto t = BertTokenizer::fromModelDir(testing::modelDir().toStdString());
        if (t)
            tokenizer_.emplace(std::move(t).value());
        else
            loadError_ = QStringLiteral("the installed model is required (scripts/install-model.sh): ") +
                         QString::fromStdString(t.error().describe());
    }

    void golden_data() {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("extractError");
        QTest::addColumn<QString>("sha");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<int>("tokenCount");
        QTest::addColumn<QString>("tokensSha");
        QTest::addColumn<QString>("idsSha");
        QString error;
        const auto refs = testing::readJsonLines(QStringLiteral(SS_TEST_DATA_DIR "/tokenizer/golden_shared.jsonl"), &error);
        if (!error.isEmpty()) qFatal("%s", qPrintable(error));
        if (refs.size() < 500) qFatal("golden_shared.jsonl has only %d references", int(refs.size()));
        SharedTexts texts;
        QHash<QString, int> perSource;
        for (const QJsonObject& r : refs) {
            const QString source = r["source"].toString();
            const int n = r.contains("record") ? r["record"].toInt() : r["line"].toInt();
            const QString part = r.contains("field") ? r["field"].toString()
                                 : r.contains("column") ? QString::number(r["column"].toInt())
                                                        : QStringLiteral("tail");
            const QString where = QStringLiteral("%1:%2:%3").arg(source).arg(n).arg(part);
            QString extractError;
            const std::optional<QByteArray> text = texts.extract(r, &extractError);
            ++perSource[source];
            QTest::newRow(qPrintable(where))
                << where << text.value_or(QByteArray()) << extractError << r["sha256_16"].toString()
                << r["max_length"].toInt() << r["token_count"].toInt() << r["tokens_sha256"].toString()
                << r["ids_sha256"].toString();
        }
        for (auto it = perSource.cbegin(); it != perSource.cend(); ++it)
            qInfo("%4d golden strings from %s", it.value(), qPrintable(it.key()));
    }
    void golden() {
        QFETCH(QString, where);
        QFETCH(QByteArray, text);
        QFETCH(QString, extractError);
        QFETCH(QString, sha);
        QFETCH(int, maxLength);
        QFETCH(int, tokenCount);
        QFETCH(QString, tokensSha);
        QFETCH(QString, idsSha);
        QVERIFY2(tokenizer_, qPrintable(loadError_));
        QVERIFY2(extractError.isEmpty(), qPrintable(where + ": " + extractError));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(16)), sha);
        const std::string_view utf8(text.constData(), std::size_t(text.size()));
        // The golden file holds digests only (the tokens would reproduce research-only text); on a
        // mismatch the message shows our tokens, read from the local copy of the data.
        const QStringList tokens = testing::toQt(tokenizer_->tokenize(utf8));
        QStringList idText;
        for (int id : testing::toQt(tokenizer_->encodeIds(utf8, std::size_t(maxLength)))) idText << QString::number(id);
        const auto digest = [](const QString& s) {
            return QString::fromLatin1(QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256).toHex());
        };
        QVERIFY2(tokens.size() == tokenCount && digest(tokens.join('\n')) == tokensSha,
                 qPrintable(where + ": tokens differ from the reference: " + tokens.join(' ')));
        QVERIFY2(digest(idText.join(',')) == idsSha, qPrintable(where + ": ids differ from the reference: " + idText.join(',')));
    }
};

QTEST_APPLESS_MAIN(TestTokenizerGoldenShared)
#include "TestTokenizerGoldenShared.moc"
