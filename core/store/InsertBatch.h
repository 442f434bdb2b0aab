// InsertBatch: rows a bulk load has produced but not yet stored — new users and items, events and
// import rejects — with their strings in one arena so a batch is a few flat vectors. Plain data,
// owned by one thread at a time (BulkWriter fills it, BatchInserter stores it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

struct InsertBatch {
    struct Text {
        std::uint32_t begin = 0, length = 0;
    };
    struct NewObject {  // a user or an item seen for the first time
        std::int64_t id;
        Text externalId;
        Text category;  // items only; empty → NULL
    };
    struct Event {
        std::int64_t user, item, type, time;
        std::optional<std::int64_t> quantity;
        std::optional<double> value;
    };
    struct Reject {
        std::int64_t line;
        Text field, reason;
        bool flaggedOnly;
    };

    std::vector<NewObject> users, items;
    std::vector<Event> events;
    std::vector<Reject> rejects;
    std::string arena;

    Text addText(std::string_view text) {
        Text t{static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(text.size())};
        arena.append(text);
        return t;
    }
    std::string_view text(Text t) const { return std::string_view(arena).substr(t.begin, t.length); }
    std::size_t rows() const { return users.size() + items.size() + events.size() + rejects.size(); }
    bool empty() const { return rows() == 0; }
    void clear() {
        users.clear();
        items.clear();
        events.clear();
        rejects.clear();
        arena.clear();
    }
};

}  // namespace ss
