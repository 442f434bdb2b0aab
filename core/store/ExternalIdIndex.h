// ExternalIdIndex: external id (string) → compact id, for bulk imports that look up every row.
// Open addressing over a flat table of (hash, key offset, id) with the key bytes in one arena, so a
// lookup costs about one cache miss instead of a node walk. Not thread-safe: one owner thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Hash.h"

namespace ss {

class ExternalIdIndex {
public:
    ExternalIdIndex() { slots_.resize(1024); }

    std::optional<std::int64_t> find(std::string_view key) const {
        const std::uint64_t h = hash(key);
        for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            const Slot& s = slots_[i];
            if (s.id == 0) return std::nullopt;
            if (s.hash == h && s.length == key.size() && std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0)
                return s.id;
        }
    }

    // id must be > 0 (0 marks an empty slot); the key must not be present yet.
    void insert(std::string_view key, std::int64_t id) {
        if ((count_ + 1) * 4 > slots_.size() * 3) grow();
        place(Slot{hash(key), arena_.size(), static_cast<std::uint32_t>(key.size()), id});
        arena_.append(key);
        ++count_;
    }

    std::size_t size() const { return count_; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t offset = 0;
        std::uint32_t length = 0;
        std::int64_t id = 0;
    };

    static std::uint64_t hash(std::string_view key) {
        // FNV-1a with a final avalanche: short numeric ids hash well and cheaply.
        std::uint64_t h = fnv1a(key);
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return h;
    }

    void place(const Slot& slot) {
        std::size_t i = slot.hash & (slots_.size() - 1);
        while (slots_[i].id != 0) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = slot;
    }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.id != 0) place(s);
    }

    std::vector<Slot> slots_;
    std::string arena_;
    std::size_t count_ = 0;
};

}  // namespace ss
