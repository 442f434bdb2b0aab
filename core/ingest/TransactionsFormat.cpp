#include "TransactionsFormat.h"

#include <algorithm>
#include <cctype>

#include "common/Numbers.h"
#include "common/TimeUtil.h"
#include "io/CsvReader.h"

namespace ss {
namespace {

struct Columns {
    int customer = -1, date = -1, item = -1, quantity = -1, amount = -1, unitPrice = -1;
    std::size_t count = 0;
    std::vector<std::string> names;
};

std::string lower(std::string_view s) {
    std::string out(trimmed(s));
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool matchHeader(const std::vector<std::string_view>& fields, Columns& c) {
    auto is = [](const std::string& n, std::initializer_list<const char*> names) {
        return std::any_of(names.begin(), names.end(), [&](const char* x) { return n == x; });
    };
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string n = lower(fields[i]);
        const int idx = static_cast<int>(i);
        if (is(n, {"customer", "customer_id", "customerid", "user", "user_id", "client"})) c.customer = idx;
        else if (is(n, {"date", "invoicedate", "time", "timestamp", "order_date", "datetime"})) c.date = idx;
        else if (is(n, {"stockcode", "item", "item_id", "product", "product_id", "sku"})) c.item = idx;
        else if (is(n, {"quantity", "number_of_cds", "qty"})) c.quantity = idx;
        else if (is(n, {"amount", "dollar_value", "value", "total", "revenue"})) c.amount = idx;
        else if (is(n, {"unitprice", "price", "unit_price"})) c.unitPrice = idx;
        c.names.push_back(std::string(trimmed(fields[i])));
    }
    c.count = fields.size();
    return c.customer >= 0 && c.date >= 0;
}

}  // namespace

Status TransactionsFormat::run(ImportSession& session) {
    std::string_view first;
    auto& lines = session.lines();
    // Peek at the first line to choose the separator; it is re-parsed below as header or data.
    if (!lines.next(first)) return {};
    const auto separator = CsvReader::guessSeparator(first);
    const std::string firstLine(first);
    CsvReader csv(lines, separator);

    Columns cols;
    std::vector<std::string> firstStorage;  // unquoted fields of the first line (comma/tab)
    std::vector<std::string_view> firstFields;
    {
        // Split the first line with the same rules as the reader would.
        if (separator == CsvReader::Separator::Whitespace) {
            std::size_t i = 0;
            while (i < firstLine.size()) {
                while (i < firstLine.size() && (firstLine[i] == ' ' || firstLine[i] == '\t')) ++i;
                const std::size_t s = i;
                while (i < firstLine.size() && firstLine[i] != ' ' && firstLine[i] != '\t') ++i;
                if (i > s) firstFields.push_back(std::string_view(firstLine).substr(s, i - s));
            }
        } else {
            // RFC 4180 on one line: quoted fields (as R's write.csv or QUOTE_ALL writers produce, header
            // included) lose their quotes, "" becomes ", and separators inside quotes do not split.
            const char sep = separator == CsvReader::Separator::Tab ? '\t' : ',';
            std::string field;
            bool quoted = false;
            for (std::size_t i = 0;; ++i) {
                if (i == firstLine.size()) {
                    firstStorage.push_back(std::move(field));
                    break;
                }
                const char c = firstLine[i];
                if (quoted) {
                    if (c == '"' && i + 1 < firstLine.size() && firstLine[i + 1] == '"') { field += '"'; ++i; }
                    else if (c == '"') quoted = false;
                    else field += c;
                } else if (c == '"') {
                    quoted = true;
                } else if (c == sep) {
                    firstStorage.push_back(std::move(field));
                    field.clear();
                } else {
                    field += c;
                }
            }
            for (const auto& f : firstStorage) firstFields.push_back(f);
        }
    }
    const bool hasHeader = firstFields.size() >= 2 && !parseDateTime(firstFields.size() > 1 ? firstFields[1] : "") &&
                           !parseInt64(firstFields[0]);
    if (hasHeader) {
        if (!matchHeader(firstFields, cols))
            return makeError(ErrorCode::InputData,
                             "line 1: header names no customer and date columns (expected e.g. customer_id, date, amount)",
                             lines.path().string());
    } else {
        if (firstFields.size() < 2)
            return makeError(ErrorCode::InputData,
                             "line 1: expected customer and date columns (customer,date[,quantity],amount), found " +
                                 std::to_string(firstFields.size()) + " column",
                             lines.path().string());
        cols.count = firstFields.size();
        cols.customer = 0;
        cols.date = 1;
        if (cols.count == 3) cols.amount = 2;
        else if (cols.count >= 4) { cols.quantity = 2; cols.amount = 3; }
        cols.names = {"customer", "date", cols.count == 3 ? "amount" : "quantity", "amount"};
    }

    auto& writer = session.writer();
    std::optional<std::int64_t> anyItem;
    auto handle = [&](const std::vector<std::string_view>& f, std::int64_t line) -> Status {
        session.countRead();
        if ((session.rowsRead() & 0xFFF) == 0) SS_TRY(session.checkpoint());
        if (f.size() != cols.count) return session.reject(line, "", "expected " + std::to_string(cols.count) + " fields, found " + std::to_string(f.size()));
        auto utf8 = session.acceptUtf8(line, f, cols.names);
        if (!utf8) return utf8.error();
        if (!*utf8) return {};
        const auto customer = trimmed(f[cols.customer]);
        if (customer.empty()) return session.reject(line, cols.names[cols.customer], "empty customer id");
        const auto time = parseDateTime(f[cols.date]);
        if (!time) return session.reject(line, cols.names[cols.date], "unparsable date '" + std::string(trimmed(f[cols.date])) + "' (expected YYYYMMDD or ISO 8601)");
        auto plausible = session.acceptTime(line, cols.names[cols.date], *time);
        if (!plausible) return plausible.error();
        if (!*plausible) return {};
        std::optional<std::int64_t> quantity;
        std::optional<double> amount;
        if (cols.quantity >= 0) {
            quantity = parseInt64(f[cols.quantity]);
            if (!quantity) return session.reject(line, cols.names[cols.quantity], "not an integer quantity");
        }
        if (cols.amount >= 0) {
            amount = parseDouble(f[cols.amount]);
            if (!amount) return session.reject(line, cols.names[cols.amount], "not a number");
        } else if (cols.unitPrice >= 0) {
            const auto price = parseDouble(f[cols.unitPrice]);
            if (!price) return session.reject(line, cols.names[cols.unitPrice], "not a number");
            amount = *price * static_cast<double>(quantity.value_or(1));
        }
        auto user = writer.userId(customer);
        if (!user) return user.error();
        std::int64_t item;
        if (cols.item >= 0 && !trimmed(f[cols.item]).empty()) {
            auto id = writer.itemId(trimmed(f[cols.item]));
            if (!id) return id.error();
            item = *id;
        } else {
            if (!anyItem) {
                ItemRecord placeholder;
                placeholder.externalId = kAnyItem;
                placeholder.title = "Purchase without item detail";
                auto id = writer.upsertItem(placeholder);
                if (!id) return id.error();
                anyItem = *id;
            }
            item = *anyItem;
        }
        SS_TRY(writer.addEvent(*user, item, EventType::Purchase, *time, quantity, amount));
        session.imported();
        return {};
    };
    if (!hasHeader) SS_TRY(handle(firstFields, 1));
    while (csv.next()) SS_TRY(handle(csv.fields(), csv.recordLine()));
    return {};
}

}  // namespace ss
