// libFuzzer target: the activity summary's blobs (customer headers, varint events, amounts, the
// purchases kept apart) on arbitrary bytes. The first byte says into how many blobs (1–4) the rest
// is cut. A log it accepts must decode every customer's events and purchases inside its bytes
// (AddressSanitizer watches the reads), in time order.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "store/ActivitySummary.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t parts = 1 + data[0] % 4;
    const std::uint8_t* rest = data + 1;
    const std::size_t restSize = size - 1;
    std::vector<std::vector<std::uint8_t>> blobs;
    for (std::size_t i = 0; i < parts; ++i) {
        const std::size_t from = restSize * i / parts, to = restSize * (i + 1) / parts;
        blobs.emplace_back(rest + from, rest + to);
    }
    auto log = ss::ActivitySummary::fromBlobs(blobs);
    if (!log) return 0;
    std::size_t events = 0;
    for (std::size_t c = 0; c < log->customers(); ++c) {
        for (const auto& e : log->events(c)) events += e.type == ss::EventType::Purchase ? 1 : 0;
        for (const auto& e : log->purchases(c)) events += static_cast<std::size_t>(e.amount > 0);
        if (log->events(c).empty()) std::abort();  // every stored customer has an event
    }
    return events == static_cast<std::size_t>(-1) ? 1 : 0;
}
