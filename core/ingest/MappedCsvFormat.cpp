#include "MappedCsvFormat.h"

#include <cctype>
#include <map>
#include <set>

#include "common/Numbers.h"
#include "common/TimeUtil.h"
#include "io/CsvReader.h"
#include "sentiment/SentimentLabel.h"

namespace ss {
namespace {

const std::set<std::string> kKnownFields = {"item", "title", "description", "category", "brand", "price",
                                            "available", "user", "type", "time", "quantity", "value",
                                            "rating", "text", "label"};

// "property:channel" → "channel"; empty when the field is not a customer property or its name is unusable.
std::string propertyName(const std::string& field) {
    if (!field.starts_with("property:") || field.size() == 9 || field.size() > 9 + 64) return {};
    const std::string name = field.substr(9);
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return {};
    return name;
}

std::optional<std::int64_t> parseTime(std::string_view s) {
    if (auto n = parseInt64(s)) {
        if (*n > 100000000000LL) return *n / 1000;  // milliseconds
        if (*n > 30000000) return *n;               // unix seconds (YYYYMMDD values are below this)
    }
    return parseDateTime(s);
}

}  // namespace

Status MappedCsvFormat::run(ImportSession& session) {
    const auto& path = session.lines().path();
    if (session.options().columnMap.empty())
        return makeError(ErrorCode::Usage, "the csv format needs a column mapping (--map column=field)", path.string());
    std::string_view headerLine;
    if (!session.lines().next(headerLine)) return {};
    const auto separator = CsvReader::guessSeparator(headerLine);
    std::vector<std::string> header;
    {
        const char sep = separator == CsvReader::Separator::Tab ? '\t' : ',';
        std::size_t s = 0;
        for (;;) {
            const auto p = headerLine.find(sep, s);
            std::string name(trimmed(headerLine.substr(s, p == std::string_view::npos ? std::string_view::npos : p - s)));
            if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
            header.push_back(name);
            if (p == std::string_view::npos) break;
            s = p + 1;
        }
    }
    std::map<std::string, int> fieldColumn;
    for (const auto& [column, field] : session.options().columnMap) {
        if (!kKnownFields.count(field) && propertyName(field).empty())
            return makeError(ErrorCode::Usage, "unknown field '" + field + "' in --map (known: item, title, description, category, brand, price, available, user, type, time, quantity, value, rating, text, label, property:NAME)");
        int index = -1;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == column) index = static_cast<int>(i);
        if (index < 0) {
            if (auto n = parseInt64(column); n && *n >= 1 && *n <= static_cast<std::int64_t>(header.size())) index = static_cast<int>(*n - 1);
        }
        if (index < 0) return makeError(ErrorCode::InputData, "line 1: no column '" + column + "' in the header", path.string());
        fieldColumn[field] = index;
    }
    auto has = [&](const char* f) { return fieldColumn.count(f) > 0; };
    // Customer properties (channel, region, experiment variant, ...) ride along with any file that
    // has customers, or make a file of their own.
    std::vector<std::pair<std::string, int>> properties;
    for (const auto& [field, index] : fieldColumn)
        if (auto name = propertyName(field); !name.empty()) properties.emplace_back(name, index);
    const Target target = has("rating") || has("text") || has("label") ? Target::Reviews
                          : has("user") && !has("item") && !has("time") && !properties.empty() ? Target::Customers
                          : has("user") ? Target::Events
                                        : Target::Items;
    if (!properties.empty() && !has("user")) return makeError(ErrorCode::Usage, "customer properties need a column for 'user'");
    // Reviews need a text or stars, and stars or a label; a review set without reviewers, products or
    // dates (a labelled sentiment corpus) is accepted: each row is its own reviewer, the category
    // stands for the product, and the review is undated (time 0).
    if (target == Target::Reviews && !has("rating") && !has("label"))
        return makeError(ErrorCode::Usage, "the mapping needs a column for 'rating' or 'label'");
    if (target == Target::Reviews && !has("item") && !has("category"))
        return makeError(ErrorCode::Usage, "the mapping needs a column for 'item' or 'category'");
    const std::vector<const char*> required = target == Target::Reviews  ? std::vector<const char*>{}
                                            : target == Target::Events    ? std::vector<const char*>{"user", "item", "time"}
                                            : target == Target::Customers ? std::vector<const char*>{"user"}
                                                                          : std::vector<const char*>{"item"};
    for (const char* r : required)
        if (!has(r)) return makeError(ErrorCode::Usage, std::string("the mapping needs a column for '") + r + "'");
    if (target == Target::Events && !has("type") && !session.options().defaultEventType)
        return makeError(ErrorCode::Usage, "map a column to 'type' or give a default event type for events");

    CsvReader csv(session.lines(), separator);
    auto& writer = session.writer();
    // The latest value of each property per customer is written once it changes (a property column in
    // an events file repeats the same value on every row of a customer).
    std::map<std::pair<std::int64_t, std::string>, std::string> written;
    auto setProperties = [&](std::int64_t user, const std::vector<std::string_view>& f) -> Status {
        for (const auto& [name, index] : properties) {
            const std::string value(trimmed(f[static_cast<std::size_t>(index)]));
            if (value.empty()) continue;
            auto& last = written[{user, name}];
            if (last == value) continue;
            last = value;
            SS_TRY(writer.setUserProperty(user, name, value));
        }
        return {};
    };
    auto text = [&](const std::vector<std::string_view>& f, const char* field) -> std::optional<std::string> {
        if (!has(field)) return std::nullopt;
        return std::string(trimmed(f[fieldColumn[field]]));
    };
    auto reviewRow = [&](std::int64_t line, const std::vector<std::string_view>& f) -> Status {
        ReviewRecord review;
        if (has("rating") && !trimmed(f[fieldColumn["rating"]]).empty()) {
            review.rating = parseDouble(f[fieldColumn["rating"]]);
            if (!review.rating || *review.rating < 1 || *review.rating > 5)
                return session.reject(line, header[fieldColumn["rating"]], "not a rating from 1 to 5");
        }
        if (has("label")) {
            const auto raw = trimmed(f[fieldColumn["label"]]);
            if (!raw.empty()) {
                const auto label = sentiment::parseSentiment(raw);
                if (!label) return session.reject(line, header[fieldColumn["label"]], "not a sentiment label (0/1, negative/neutral/positive): '" + std::string(raw) + "'");
                review.label = static_cast<int>(*label);
            }
        }
        if (!review.rating && !review.label) {
            const int column = has("rating") ? fieldColumn["rating"] : fieldColumn["label"];
            return session.reject(line, header[column], has("rating") && has("label") ? "neither a rating nor a label" : "empty");
        }
        if (has("time")) {
            const auto time = parseTime(f[fieldColumn["time"]]);
            if (!time) return session.reject(line, header[fieldColumn["time"]], "unparsable time '" + std::string(trimmed(f[fieldColumn["time"]])) + "'");
            auto plausible = session.acceptTime(line, header[fieldColumn["time"]], *time);
            if (!plausible) return plausible.error();
            if (!*plausible) return {};
            review.time = *time;
        }
        std::string user = text(f, "user").value_or("");
        if (has("user") && user.empty()) return session.reject(line, header[fieldColumn["user"]], "empty user id");
        if (!has("user")) user = "anonymous:" + path.filename().string() + ":" + std::to_string(line);
        const auto category = text(f, "category");
        std::string item = text(f, "item").value_or("");
        if (has("item") && item.empty()) return session.reject(line, header[fieldColumn["item"]], "empty item id");
        if (!has("item")) {
            if (!category || category->empty()) return session.reject(line, header[fieldColumn["category"]], "empty category (it stands for the product)");
            item = "category:" + *category;
        }
        auto u = writer.userId(user);
        if (!u) return u.error();
        auto i = writer.itemId(item, category.value_or(""));
        if (!i) return i.error();
        if (!properties.empty()) SS_TRY(setProperties(*u, f));
        review.userId = *u;
        review.itemId = *i;
        review.title = text(f, "title").value_or("");
        review.body = text(f, "text").value_or("");
        auto added = writer.addReview(review);
        if (!added) return added.error();
        if (*added) session.imported();
        else session.duplicate();
        return {};
    };
    while (csv.next()) {
        session.countRead();
        if ((session.rowsRead() & 0xFFF) == 0) SS_TRY(session.checkpoint());
        const auto line = csv.recordLine();
        const auto& f = csv.fields();
        if (csv.malformed()) { SS_TRY(session.reject(line, "", "unterminated quoted field")); continue; }
        if (f.size() != header.size()) { SS_TRY(session.reject(line, "", "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(f.size()))); continue; }
        auto utf8 = session.acceptUtf8(line, f, header);
        if (!utf8) return utf8.error();
        if (!*utf8) continue;
        if (target == Target::Customers) {
            const auto user = text(f, "user");
            if (!user || user->empty()) { SS_TRY(session.reject(line, header[fieldColumn["user"]], "empty user id")); continue; }
            auto u = writer.userId(*user);
            if (!u) return u.error();
            SS_TRY(setProperties(*u, f));
            session.imported();
            continue;
        }
        if (target == Target::Reviews) {
            SS_TRY(reviewRow(line, f));
            continue;
        }
        const auto item = text(f, "item");
        if (!item || item->empty()) { SS_TRY(session.reject(line, header[fieldColumn["item"]], "empty item id")); continue; }
        if (target == Target::Items) {
            ItemRecord r;
            r.externalId = *item;
            r.title = text(f, "title");
            r.description = text(f, "description");
            r.category = text(f, "category");
            r.brand = text(f, "brand");
            if (auto p = text(f, "price"); p && !p->empty()) {
                std::string_view pv = *p;
                if (!pv.empty() && pv.front() == '$') pv.remove_prefix(1);
                r.price = parseDouble(pv);
                if (!r.price) { SS_TRY(session.reject(line, header[fieldColumn["price"]], "not a number: '" + *p + "'")); continue; }
            }
            if (auto a = text(f, "available"); a && !a->empty()) r.available = *a == "1" || *a == "true" || *a == "yes";
            auto id = writer.upsertItem(r);
            if (!id) return id.error();
            session.imported();
            continue;
        }
        const auto user = text(f, "user");
        if (!user || user->empty()) { SS_TRY(session.reject(line, header[fieldColumn["user"]], "empty user id")); continue; }
        const auto time = parseTime(f[fieldColumn["time"]]);
        if (!time) { SS_TRY(session.reject(line, header[fieldColumn["time"]], "unparsable time '" + std::string(trimmed(f[fieldColumn["time"]])) + "'")); continue; }
        auto plausible = session.acceptTime(line, header[fieldColumn["time"]], *time);
        if (!plausible) return plausible.error();
        if (!*plausible) continue;
        if (target == Target::Events) {
            std::optional<EventType> type = session.options().defaultEventType;
            if (has("type")) {
                type = parseEventType(trimmed(f[fieldColumn["type"]]));
                if (!type) { SS_TRY(session.reject(line, header[fieldColumn["type"]], "unknown behaviour '" + std::string(trimmed(f[fieldColumn["type"]])) + "'")); continue; }
            }
            std::optional<std::int64_t> quantity;
            std::optional<double> value;
            if (auto q = text(f, "quantity"); q && !q->empty()) {
                quantity = parseInt64(*q);
                if (!quantity) { SS_TRY(session.reject(line, header[fieldColumn["quantity"]], "not an integer")); continue; }
            }
            if (auto v = text(f, "value"); v && !v->empty()) {
                value = parseDouble(*v);
                if (!value) { SS_TRY(session.reject(line, header[fieldColumn["value"]], "not a number")); continue; }
            }
            auto u = writer.userId(*user);
            if (!u) return u.error();
            auto i = writer.itemId(*item);
            if (!i) return i.error();
            SS_TRY(writer.addEvent(*u, *i, *type, *time, quantity, value));
            if (!properties.empty()) SS_TRY(setProperties(*u, f));
            session.imported();
            continue;
        }
        SS_TRY(reviewRow(line, f));
    }
    return {};
}

}  // namespace ss
