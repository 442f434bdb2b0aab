// SplitSummary: what an evaluation's split was (kind, target, cut-off, sizes, cold-start counts) —
// the typed form of the `split` object in `evaluate --json` and in the runs table. One toJson/fromJson,
// used by the CLI, the store and the workbench; fromJson tolerates missing fields (older runs).
// Plain value type, any thread.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "rec/Interactions.h"

namespace ss::rec {

enum class SplitKind { Temporal, LeaveLast, Random, Given };

std::string splitKindName(SplitKind kind);  // "temporal", "leave-last", "random", "given"
// The kinds a user may choose ("given" is made by code, from explicit training and test files).
std::optional<SplitKind> parseSplitKind(const std::string& name);

struct SplitSummary {
    SplitKind kind = SplitKind::Temporal;
    EventType target = EventType::Purchase;
    std::string weights;                       // BehaviourWeights::describe()
    std::size_t trainEvents = 0, trainPairs = 0;
    std::size_t testUsers = 0, testPairs = 0;
    std::size_t coldItems = 0, coldUsers = 0, coldItemTestPairs = 0;
    std::optional<std::int64_t> cutoff;        // temporal: the cut (unix seconds; JSON: ISO date-time)
    std::optional<std::size_t> droppedKnown;   // temporal
    std::optional<double> testFraction;        // temporal without an explicit cut-off; random
    std::optional<std::uint64_t> seed;         // random, or a sample of test users
    std::optional<std::size_t> testUsersSampledFrom;  // testUsers is a seeded sample of this many

    // {"kind", "target", "weights", "train_events", "train_pairs", "test_users", "test_pairs",
    //  "cold_items", "cold_users", "cold_item_test_pairs"} plus "cutoff", "dropped_known",
    //  "test_fraction", "seed", "test_users_sampled_from" where they apply.
    boost::json::object toJson() const;
    static SplitSummary fromJson(const boost::json::value& json);
    bool operator==(const SplitSummary&) const = default;
};

}  // namespace ss::rec
