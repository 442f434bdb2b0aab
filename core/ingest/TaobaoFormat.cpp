#include "TaobaoFormat.h"

#include "common/Numbers.h"
#include "io/CsvReader.h"

namespace ss {

Status TaobaoFormat::run(ImportSession& session) {
    static const std::vector<std::string> kNames = {"user_id", "item_id", "category_id", "behavior", "timestamp"};
    CsvReader csv(session.lines(), CsvReader::Separator::Comma);
    auto& writer = session.writer();
    while (csv.next()) {
        session.countRead();
        if ((session.rowsRead() & 0xFFF) == 0)
            if (Status s = session.checkpoint(); !s) return s;
        const auto line = csv.recordLine();
        const auto& f = csv.fields();
        if (f.size() != 5) {
            if (Status s = session.reject(line, "", "expected 5 fields (user,item,category,behavior,timestamp), found " + std::to_string(f.size())); !s) return s;
            continue;
        }
        auto utf8 = session.acceptUtf8(line, f, kNames);
        if (!utf8) return utf8.error();
        if (!*utf8) continue;
        const auto user = trimmed(f[0]), item = trimmed(f[1]), category = trimmed(f[2]);
        if (!parseInt64(user)) { if (Status s = session.reject(line, "user_id", "not an integer: '" + std::string(user) + "'"); !s) return s; continue; }
        if (!parseInt64(item)) { if (Status s = session.reject(line, "item_id", "not an integer: '" + std::string(item) + "'"); !s) return s; continue; }
        if (!parseInt64(category)) { if (Status s = session.reject(line, "category_id", "not an integer: '" + std::string(category) + "'"); !s) return s; continue; }
        const auto type = parseEventType(trimmed(f[3]));
        if (!type) { if (Status s = session.reject(line, "behavior", "unknown behaviour '" + std::string(trimmed(f[3])) + "' (expected pv, cart, fav or buy)"); !s) return s; continue; }
        const auto time = parseInt64(f[4]);
        if (!time) { if (Status s = session.reject(line, "timestamp", "not a unix time: '" + std::string(trimmed(f[4])) + "'"); !s) return s; continue; }
        auto plausible = session.acceptTime(line, "timestamp", *time);
        if (!plausible) return plausible.error();
        if (!*plausible) continue;
        if (*time < kWindowStart || *time >= kWindowEnd) {
            if (session.options().dropOutsideWindow) {
                if (Status s = session.reject(line, "timestamp", "outside the collection window 2017-11-25..2017-12-03 (UTC+8); dropped"); !s) return s;
                continue;
            }
            if (Status s = session.flag(line, "timestamp", "outside the collection window 2017-11-25..2017-12-03 (UTC+8); kept"); !s) return s;
        }
        auto userId = writer.userId(user);
        if (!userId) return userId.error();
        auto itemId = writer.itemId(item, category);
        if (!itemId) return itemId.error();
        if (Status s = writer.addEvent(*userId, *itemId, *type, *time); !s) return s;
        session.imported();
    }
    return {};
}

}  // namespace ss
