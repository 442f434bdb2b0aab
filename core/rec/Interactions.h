// Interactions: the user × item matrix in CSR form, built from events with per-behaviour weights.
// Each stored entry aggregates every event of one (user, item) pair: the summed behaviour weight and
// the first and last event times (for recency weighting and time-ordered histories).
// Plain value types: build on one thread, then read from any number of threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/HugePages.h"
#include "common/Result.h"
#include "rec/Dataset.h"

namespace ss::rec {

// How much one event of each behaviour adds to a (user, item) weight. Editable; 0 drops a behaviour.
struct BehaviourWeights {
    float view = 1.0f;
    float cart = 3.0f;
    float favourite = 2.0f;
    float purchase = 5.0f;

    float of(EventType type) const {
        switch (type) {
        case EventType::View: return view;
        case EventType::Cart: return cart;
        case EventType::Favourite: return favourite;
        case EventType::Purchase: return purchase;
        }
        return 0.0f;
    }
    std::string describe() const;  // "view=1,cart=3,favourite=2,purchase=5"
    // Parses the describe() form; names as in parseEventType (pv, fav, buy, ...); unnamed ones keep `base`.
    static Result<BehaviourWeights> parse(const std::string& text, BehaviourWeights base);
    static Result<BehaviourWeights> parse(const std::string& text);
};

// Compressed sparse rows with float values; column indices sorted within each row.
struct CsrMatrix {
    int rows = 0, cols = 0;
    std::vector<std::int64_t> indptr{0};  // rows + 1 entries
    std::vector<std::int32_t> indices;
    std::vector<float> values;

    std::size_t nnz() const { return indices.size(); }
    std::span<const std::int32_t> rowIndices(int r) const {
        return {indices.data() + indptr[r], static_cast<std::size_t>(indptr[r + 1] - indptr[r])};
    }
    std::span<const float> rowValues(int r) const {
        return {values.data() + indptr[r], static_cast<std::size_t>(indptr[r + 1] - indptr[r])};
    }
    std::size_t rowSize(int r) const { return static_cast<std::size_t>(indptr[r + 1] - indptr[r]); }
    bool contains(int r, int c) const;  // binary search
    float value(int r, int c) const;    // 0 when absent
    CsrMatrix transposed() const;       // columns become rows; indices stay sorted
};

// The training matrix: CSR weights plus, per stored entry, the first and last event time.
struct Interactions {
    CsrMatrix weights;                     // users × items
    std::vector<std::int64_t> firstTime;   // per stored entry, aligned with weights.indices
    std::vector<std::int64_t> lastTime;
    std::int64_t events = 0;               // events that went in

    int users() const { return weights.rows; }
    int items() const { return weights.cols; }

    // Builds from the events for which keep(event) is true; behaviours with weight 0 are left out.
    template <typename Keep>
    static Interactions build(const Dataset& data, const BehaviourWeights& weights, Keep keep);
    static Interactions fromTriples(int users, int items, std::vector<Event> events, const BehaviourWeights& weights);

    // A user's items in time order (by first event, ties by item), the order two-tower histories use.
    std::vector<std::int32_t> historyByTime(int user) const;
    // A user's weights in row order, each halved every `halfLifeDays` of age at `now` (counted to the
    // pair's last event; 0: no decay): the content models' history weights a_i = w(u,i)·2^(−age/halfLife).
    std::vector<float> recencyWeights(int user, std::int64_t now, double halfLifeDays) const;
};

template <typename Keep>
Interactions Interactions::build(const Dataset& data, const BehaviourWeights& weights, Keep keep) {
    std::vector<Event> kept;
    reserveHugePages(kept, data.events().size());
    for (const Event& e : data.events())
        if (weights.of(e.type) != 0.0f && keep(e)) kept.push_back(e);
    return fromTriples(static_cast<int>(data.userCount()), static_cast<int>(data.itemCount()), std::move(kept), weights);
}

}  // namespace ss::rec
