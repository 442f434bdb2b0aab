// libFuzzer target: every import format's row parser (Taobao, RetailRocket events and properties,
// Amazon reviews and metadata as JSON lines, transaction logs, mapped CSV) on one project, each
// input imported inside a transaction that is rolled back. A hostile row must be rejected with a
// message, never crash, hang or leave the database inconsistent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "FuzzFiles.h"
#include "ingest/AmazonFormat.h"
#include "ingest/ImportSession.h"
#include "io/LineReader.h"
#include "ingest/MappedCsvFormat.h"
#include "ingest/RetailRocketFormat.h"
#include "ingest/TaobaoFormat.h"
#include "ingest/TransactionsFormat.h"
#include "store/BulkWriter.h"
#include "store/Project.h"

namespace {

ss::Database& project() {
    static std::unique_ptr<ss::Project> p = [] {
        auto opened = ss::Project::open(ssfuzz::scratchDir() / "fuzz.shelfsense");
        if (!opened) std::abort();
        return std::move(*opened);
    }();
    return p->db();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const int format = data[0] % 7;
    static const char* const names[] = {"taobao", "retailrocket-events.csv", "item_properties.csv", "reviews.jsonl",
                                        "meta.jsonl", "transactions.csv", "mapped.csv"};
    const auto path = ssfuzz::writeScratch(names[format], ssfuzz::asText(data + 1, size - 1));
    auto lines = ss::LineReader::open(path);
    if (!lines) return 0;
    ss::Database& db = project();
    ss::Transaction tx(db);  // never committed: every input starts from the same empty project
    if (!tx.begun()) std::abort();
    if (!db.exec("INSERT INTO imports(format, path, fingerprint, started, seconds, rows_read, rows_imported, rows_rejected)"
                 " VALUES('fuzz', 'fuzz', '', 0, 0, 0, 0, 0)"))
        std::abort();
    auto writer = ss::BulkWriter::create(db, db.lastInsertRowId());
    if (!writer) std::abort();
    ss::ImportOptions options;
    options.now = 1700000000;
    if (format == 6) {
        options.columnMap = {{"1", "user"}, {"2", "item"}, {"3", "time"}, {"4", "value"}};
        options.defaultEventType = ss::EventType::Purchase;
    }
    ss::JobContext context;
    ss::ImportSession session(*writer, **lines, options, context, names[format]);
    ss::Status status;
    switch (format) {
    case 0: status = ss::TaobaoFormat::run(session); break;
    case 1:
    case 2: status = ss::RetailRocketFormat::run(session); break;
    case 3: status = ss::AmazonFormat::runReviews(session); break;
    case 4: status = ss::AmazonFormat::runMetadata(session); break;
    case 5: status = ss::TransactionsFormat::run(session); break;
    default: status = ss::MappedCsvFormat::run(session); break;
    }
    if (status) status = session.finish();
    (void)writer->flush();
    return 0;
}
