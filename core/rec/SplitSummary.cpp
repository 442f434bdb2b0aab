#include "rec/SplitSummary.h"

#include <boost/json/value.hpp>

#include "common/JsonFields.h"
#include "common/TimeUtil.h"

namespace ss::rec {
namespace {

std::size_t countAt(const boost::json::object& o, const char* key) {
    const double v = numberAt(o, key, 0);
    return v > 0 ? static_cast<std::size_t>(v) : 0;
}

// Unsigned 64-bit fields (a seed) exceed a double's exact range: read the integer itself.
std::optional<std::uint64_t> unsignedAt(const boost::json::object& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return std::nullopt;
    if (it->value().is_uint64()) return it->value().get_uint64();
    if (it->value().is_int64() && it->value().get_int64() >= 0) return static_cast<std::uint64_t>(it->value().get_int64());
    return std::nullopt;
}

}  // namespace

std::string splitKindName(SplitKind kind) {
    switch (kind) {
    case SplitKind::Temporal: return "temporal";
    case SplitKind::LeaveLast: return "leave-last";
    case SplitKind::Random: return "random";
    case SplitKind::Given: return "given";
    }
    return "temporal";
}

std::optional<SplitKind> parseSplitKind(const std::string& name) {
    if (name == "temporal") return SplitKind::Temporal;
    if (name == "leave-last" || name == "leave-last-out") return SplitKind::LeaveLast;
    if (name == "random") return SplitKind::Random;
    return std::nullopt;
}

boost::json::object SplitSummary::toJson() const {
    boost::json::object o{{"kind", splitKindName(kind)},
                          {"target", std::string(eventTypeName(target))},
                          {"weights", weights},
                          {"train_events", trainEvents},
                          {"train_pairs", trainPairs},
                          {"test_users", testUsers},
                          {"test_pairs", testPairs},
                          {"cold_items", coldItems},
                          {"cold_users", coldUsers},
                          {"cold_item_test_pairs", coldItemTestPairs}};
    if (cutoff) o["cutoff"] = isoDateTime(*cutoff);
    if (droppedKnown) o["dropped_known"] = *droppedKnown;
    if (testFraction) o["test_fraction"] = *testFraction;
    if (seed) o["seed"] = *seed;
    if (testUsersSampledFrom) o["test_users_sampled_from"] = *testUsersSampledFrom;
    return o;
}

SplitSummary SplitSummary::fromJson(const boost::json::value& json) {
    SplitSummary s;
    const auto* o = json.if_object();
    if (!o) return s;
    const std::string kind = stringAt(*o, "kind");
    s.kind = kind == "given" ? SplitKind::Given : parseSplitKind(kind).value_or(SplitKind::Temporal);
    s.target = parseEventType(stringAt(*o, "target")).value_or(EventType::Purchase);
    s.weights = stringAt(*o, "weights");
    s.trainEvents = countAt(*o, "train_events");
    s.trainPairs = countAt(*o, "train_pairs");
    s.testUsers = countAt(*o, "test_users");
    s.testPairs = countAt(*o, "test_pairs");
    s.coldItems = countAt(*o, "cold_items");
    s.coldUsers = countAt(*o, "cold_users");
    s.coldItemTestPairs = countAt(*o, "cold_item_test_pairs");
    if (o->contains("cutoff")) s.cutoff = parseDateTime(stringAt(*o, "cutoff"));
    if (o->contains("dropped_known")) s.droppedKnown = countAt(*o, "dropped_known");
    if (auto it = o->find("test_fraction"); it != o->end() && it->value().is_number()) s.testFraction = numberOr(it->value(), 0);
    s.seed = unsignedAt(*o, "seed");
    if (o->contains("test_users_sampled_from")) s.testUsersSampledFrom = countAt(*o, "test_users_sampled_from");
    return s;
}

}  // namespace ss::rec
