#include "AmazonFormat.h"

#include <boost/json.hpp>

#include "common/Numbers.h"
#include "common/Utf8.h"

namespace ss {
namespace json = boost::json;
namespace {

const json::value* member(const json::object& o, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (auto it = o.find(n); it != o.end() && !it->value().is_null()) return &it->value();
    return nullptr;
}

std::optional<std::string> asText(const json::value* v) {
    if (!v) return std::nullopt;
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_int64()) return std::to_string(v->as_int64());
    if (v->is_uint64()) return std::to_string(v->as_uint64());
    if (v->is_array()) {  // descriptions and category paths come as lists
        std::string joined;
        for (const auto& e : v->as_array()) {
            auto part = asText(&e);
            if (!part || part->empty()) continue;
            if (!joined.empty()) joined += v->as_array().size() > 1 && e.is_string() ? " " : "";
            joined += *part;
        }
        return joined;
    }
    return std::nullopt;
}

std::optional<double> asNumber(const json::value* v) {
    if (!v) return std::nullopt;
    if (v->is_double()) return v->as_double();
    if (v->is_int64()) return static_cast<double>(v->as_int64());
    if (v->is_uint64()) return static_cast<double>(v->as_uint64());
    if (v->is_string()) {
        std::string_view s = v->as_string();
        if (!s.empty() && s.front() == '$') s.remove_prefix(1);
        return parseDouble(s);
    }
    return std::nullopt;
}

// Parses one JSON line; rejects non-objects. Returns nullopt when the row was rejected.
Result<std::optional<json::object>> parseLine(ImportSession& session, std::string_view line, std::int64_t lineNo) {
    if (!isValidUtf8(line)) {
        SS_TRY(session.reject(lineNo, "", "invalid UTF-8"));
        return std::optional<json::object>();
    }
    boost::system::error_code ec;
    json::value v = json::parse(line, ec);
    if (ec || !v.is_object()) {
        SS_TRY(session.reject(lineNo, "", ec ? "not valid JSON: " + ec.message() : "not a JSON object"));
        return std::optional<json::object>();
    }
    return std::optional<json::object>(std::move(v.as_object()));
}

// Calls handle(object, line) for each non-blank line that is a JSON object; rejects the others.
template <typename Handler>
Status forEachObject(ImportSession& session, Handler&& handle) {
    std::string_view line;
    while (session.lines().next(line)) {
        if (trimmed(line).empty()) continue;
        session.countRead();
        if ((session.rowsRead() & 0x3FF) == 0) SS_TRY(session.checkpoint());
        const auto lineNo = session.lines().lineNumber();
        auto parsed = parseLine(session, line, lineNo);
        if (!parsed) return parsed.error();
        if (*parsed) SS_TRY(handle(**parsed, lineNo));
    }
    return {};
}

}  // namespace

Status AmazonFormat::runReviews(ImportSession& session) {
    auto& writer = session.writer();
    return forEachObject(session, [&](const json::object& o, std::int64_t lineNo) -> Status {
        const bool modern = o.contains("user_id") || o.contains("parent_asin");
        const auto user = asText(member(o, {"reviewerID", "user_id"}));
        const auto item = asText(member(o, {"parent_asin", "asin"}));
        const auto rating = asNumber(member(o, {"overall", "rating"}));
        const auto time = asNumber(member(o, {"unixReviewTime", "timestamp"}));
        if (!user || user->empty()) return session.reject(lineNo, modern ? "user_id" : "reviewerID", "missing");
        if (!item || item->empty()) return session.reject(lineNo, modern ? "parent_asin" : "asin", "missing");
        if (!rating || *rating < 1 || *rating > 5) return session.reject(lineNo, modern ? "rating" : "overall", "missing or not a rating from 1 to 5");
        if (!time) return session.reject(lineNo, modern ? "timestamp" : "unixReviewTime", "missing or not a number");
        const std::int64_t seconds = modern ? static_cast<std::int64_t>(*time) / 1000 : static_cast<std::int64_t>(*time);
        auto plausible = session.acceptTime(lineNo, modern ? "timestamp" : "unixReviewTime", seconds);
        if (!plausible) return plausible.error();
        if (!*plausible) return Status{};
        auto userId = writer.userId(*user);
        if (!userId) return userId.error();
        auto itemId = writer.itemId(*item);
        if (!itemId) return itemId.error();
        ReviewRecord review;
        review.userId = *userId;
        review.itemId = *itemId;
        review.rating = rating;
        review.title = asText(member(o, {"summary", "title"})).value_or("");
        review.body = asText(member(o, {"reviewText", "text"})).value_or("");
        review.time = seconds;
        auto added = writer.addReview(review);
        if (!added) return added.error();
        if (*added) session.imported();
        else session.duplicate();
        return Status{};
    });
}

Status AmazonFormat::runMetadata(ImportSession& session) {
    auto& writer = session.writer();
    return forEachObject(session, [&](const json::object& o, std::int64_t lineNo) -> Status {
        ItemRecord item;
        const auto id = asText(member(o, {"parent_asin", "asin"}));
        if (!id || id->empty()) return session.reject(lineNo, "asin", "missing product id (asin or parent_asin)");
        item.externalId = *id;
        item.title = asText(member(o, {"title"}));
        item.description = asText(member(o, {"description"}));
        if (const auto* cats = member(o, {"categories", "category"})) {
            // 2018 "categories" is a list of paths; take the first path. Paths are joined with " > ".
            const json::value* path = cats;
            if (cats->is_array() && !cats->as_array().empty() && cats->as_array().front().is_array())
                path = &cats->as_array().front();
            if (path->is_array()) {
                std::string joined;
                for (const auto& part : path->as_array())
                    if (part.is_string()) joined += (joined.empty() ? "" : " > ") + std::string(part.as_string());
                if (!joined.empty()) item.category = joined;
            }
        }
        if (!item.category) item.category = asText(member(o, {"main_category"}));
        item.brand = asText(member(o, {"brand", "store"}));
        if (const auto* price = member(o, {"price"})) {
            item.price = asNumber(price);
            if (!item.price && !(price->is_string() && price->as_string().empty()))
                SS_TRY(session.flag(lineNo, "price", "not a single price ('" + asText(price).value_or("?") + "'); left empty"));
        }
        auto stored = writer.upsertItem(item);
        if (!stored) return stored.error();
        session.imported();
        return Status{};
    });
}

}  // namespace ss
