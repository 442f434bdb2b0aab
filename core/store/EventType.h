// EventType: the behaviours ShelfSense understands, stored as small integers in events.type.
#pragma once

#include <optional>
#include <string_view>

namespace ss {

enum class EventType : int { View = 1, Cart = 2, Favourite = 3, Purchase = 4 };

constexpr std::string_view eventTypeName(EventType t) {
    switch (t) {
    case EventType::View: return "view";
    case EventType::Cart: return "cart";
    case EventType::Favourite: return "favourite";
    case EventType::Purchase: return "purchase";
    }
    return "unknown";
}

// Accepts our names and the source vocabularies (Taobao pv/cart/fav/buy, RetailRocket view/addtocart/transaction).
constexpr std::optional<EventType> parseEventType(std::string_view s) {
    if (s == "view" || s == "pv" || s == "click") return EventType::View;
    if (s == "cart" || s == "addtocart") return EventType::Cart;
    if (s == "favourite" || s == "fav" || s == "favorite") return EventType::Favourite;
    if (s == "purchase" || s == "buy" || s == "transaction") return EventType::Purchase;
    return std::nullopt;
}

}  // namespace ss
