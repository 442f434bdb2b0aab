#include "RetailRocketFormat.h"


#include "common/Numbers.h"
#include "io/CsvReader.h"

namespace ss {

Status RetailRocketFormat::run(ImportSession& session) {
    CsvReader csv(session.lines(), CsvReader::Separator::Comma);
    if (!csv.next()) return {};  // empty: finish() reports it
    std::string header;
    for (auto f : csv.fields()) header += std::string(trimmed(f)) + ",";
    if (header == "timestamp,visitorid,event,itemid,transactionid,") return runEvents(session, csv);
    if (header == "timestamp,itemid,property,value,") return runProperties(session, csv);
    return makeError(ErrorCode::InputData,
                     "line 1: not a RetailRocket file: expected the header 'timestamp,visitorid,event,itemid,transactionid'"
                     " (events.csv) or 'timestamp,itemid,property,value' (item_properties.csv)",
                     session.lines().path().string());
}

Status RetailRocketFormat::runEvents(ImportSession& session, CsvReader& csv) {
    static const std::vector<std::string> kNames = {"timestamp", "visitorid", "event", "itemid", "transactionid"};
    auto& writer = session.writer();
    while (csv.next()) {
        session.countRead();
        if ((session.rowsRead() & 0xFFF) == 0) SS_TRY(session.checkpoint());
        const auto line = csv.recordLine();
        const auto& f = csv.fields();
        if (f.size() != 5) {
            SS_TRY(session.reject(line, "", "expected 5 fields, found " + std::to_string(f.size())));
            continue;
        }
        auto utf8 = session.acceptUtf8(line, f, kNames);
        if (!utf8) return utf8.error();
        if (!*utf8) continue;
        const auto ms = parseInt64(f[0]);
        if (!ms) { SS_TRY(session.reject(line, "timestamp", "not a time in milliseconds: '" + std::string(f[0]) + "'")); continue; }
        if (!parseInt64(f[1])) { SS_TRY(session.reject(line, "visitorid", "not an integer")); continue; }
        if (!parseInt64(f[3])) { SS_TRY(session.reject(line, "itemid", "not an integer")); continue; }
        const auto type = parseEventType(trimmed(f[2]));
        if (!type) { SS_TRY(session.reject(line, "event", "unknown event '" + std::string(f[2]) + "' (expected view, addtocart or transaction)")); continue; }
        const std::int64_t time = *ms / 1000;
        auto plausible = session.acceptTime(line, "timestamp", time);
        if (!plausible) return plausible.error();
        if (!*plausible) continue;
        auto user = writer.userId(trimmed(f[1]));
        if (!user) return user.error();
        auto item = writer.itemId(trimmed(f[3]));
        if (!item) return item.error();
        SS_TRY(writer.addEvent(*user, *item, *type, time));
        session.imported();
    }
    return {};
}

Status RetailRocketFormat::runProperties(ImportSession& session, CsvReader& csv) {
    static const std::vector<std::string> kNames = {"timestamp", "itemid", "property", "value"};
    // Properties are snapshots over time; the store keeps each value's time and only a newer one
    // replaces it, so the catalog shows current values whichever file comes first.
    auto& writer = session.writer();
    while (csv.next()) {
        session.countRead();
        if ((session.rowsRead() & 0xFFF) == 0) SS_TRY(session.checkpoint());
        const auto line = csv.recordLine();
        const auto& f = csv.fields();
        if (f.size() != 4) { SS_TRY(session.reject(line, "", "expected 4 fields, found " + std::to_string(f.size()))); continue; }
        auto utf8 = session.acceptUtf8(line, f, kNames);
        if (!utf8) return utf8.error();
        if (!*utf8) continue;
        const auto ms = parseInt64(f[0]);
        if (!ms) { SS_TRY(session.reject(line, "timestamp", "not a time in milliseconds")); continue; }
        if (!parseInt64(f[1])) { SS_TRY(session.reject(line, "itemid", "not an integer")); continue; }
        const auto property = trimmed(f[2]);
        if (property != "categoryid" && property != "available") {
            session.imported();  // hashed properties carry nothing we can use; counted as read, not rejected
            continue;
        }
        const auto value = trimmed(f[3]);
        if (property == "available" && value != "0" && value != "1") {
            SS_TRY(session.reject(line, "value", "available must be 0 or 1"));
            continue;
        }
        auto item = writer.itemId(trimmed(f[1]));
        if (!item) return item.error();
        if (property == "categoryid") SS_TRY(writer.setItemCategoryAt(*item, value, *ms));
        else SS_TRY(writer.setItemAvailableAt(*item, value == "1", *ms));
        session.imported();
    }
    return {};
}

}  // namespace ss
