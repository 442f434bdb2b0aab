// Split: training interactions and test truth for offline evaluation, with the cold-start and cohort
// facts the per-slice reports need.
//   temporal    one global cut-off (a given time, or the time that leaves the last `testFraction` of
//               events after it): training = every event before the cut; test = target-behaviour events
//               at or after it, minus items the user already had in training (those are excluded from
//               ranking, so keeping them would only count unreachable positives).
//   leave-last  per user, the last target-behaviour event is held out: training = that user's events
//               before it on other items, plus every event of every other user.
//   random      each (user, item) pair with a target-behaviour event is held out with probability
//               `testFraction` (seeded); training = every event of the pairs not held out.
// Cold items have no training interaction (under temporal: first seen after the cut-off); cold users
// are test users without any training interaction. Cohorts: the calendar month (UTC) of a user's first
// event. Plain value type: build once, then read from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rec/Interactions.h"
#include "rec/SplitSummary.h"

namespace ss::rec {

struct SplitOptions {
    SplitKind kind = SplitKind::Temporal;
    double testFraction = 0.2;            // temporal: share of events after the cut; random: share of pairs
    std::optional<std::int64_t> cutoff;   // temporal: explicit cut-off (unix seconds); overrides testFraction
    std::uint64_t seed = 42;              // random split
    EventType target = EventType::Purchase;
    BehaviourWeights weights;
    bool dropKnownFromTest = true;        // temporal: drop test items already in the user's training
    // > 0: measure only a seeded sample of this many test users (chosen with `seed`), the others'
    // held-out items dropped; training is unchanged. Metrics and intervals are then the sample's.
    std::size_t testUserSample = 0;
};

struct Split {
    SplitOptions options;
    Interactions train;
    std::vector<std::vector<std::int32_t>> test;  // per user (dense index): held-out items, sorted, unique
    std::vector<std::int32_t> testUsers;          // users with at least one test item, ascending
    std::vector<char> coldItem;                   // per item: no training interaction
    std::vector<char> coldUser;                   // per user: no training interaction
    std::vector<std::string> cohort;              // per user: "YYYY-MM" of the first event ("" if none)
    std::int64_t cutoff = 0;                      // temporal: the cut; others: 0
    std::int64_t now = 0;                         // reference time for recency (cut-off or last training event)
    std::size_t testPairs = 0;
    std::size_t droppedKnown = 0;                 // temporal: test pairs dropped because already known
    std::size_t testUsersBeforeSample = 0;        // with options.testUserSample: how many there were to choose from

    static Result<Split> make(const Dataset& data, const SplitOptions& options);
    // A split given as explicit training events and test pairs (e.g. MovieLens ua.base / ua.test).
    static Split given(const Dataset& data, std::vector<Event> trainEvents,
                       const std::vector<std::pair<std::int32_t, std::int32_t>>& testPairs, const BehaviourWeights& weights);

    std::size_t coldItemTestPairs() const;
    SplitSummary summary() const;

private:
    void finish(const Dataset& data);
    void sampleTestUsers();
};

}  // namespace ss::rec
