// RankFusion: hybrid search's arithmetic — reciprocal rank fusion of the lexical and the semantic
// ranking, and the semantic side's weight lowered when the model cannot read the query or the
// catalogue (an English vocabulary on Chinese text: its vectors then carry little meaning, and the
// words alone rank better). Pure functions: any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ss {

struct FusionWeights {
    double lexical = 0.5, semantic = 0.5;
};

struct FusedRank {
    std::int64_t itemId = 0;
    double score = 0;  // sum of weight / (kRrfK + rank), over the sides that ranked the item
    int lexicalRank = 0, semanticRank = 0;  // 1-based; 0 when that side did not rank it
};

namespace fusion {

// The usual constant of reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a first and a
// tenth place differ, but not by a factor of ten.
inline constexpr double kRrfK = 60;
// A lexical hit holding only some of the query's words counts this much of a full one ("machine
// washable" for "espresso machine"); measured in bench/search: a small gain on both query sets.
inline constexpr double kPartialMatchFactor = 0.5;
// A query is read fully up to this share of unknown word pieces, and not at all from kUnreadable on.
inline constexpr double kReadable = 0.10, kUnreadable = 0.50;
// A catalogue is judged more leniently: a bilingual one (the sample shop: 36% unknown, all of it in
// its Chinese halves) is still read well in its other language; one mostly unknown is not.
inline constexpr double kCatalogReadable = 0.25, kCatalogUnreadable = 0.75;

// 1 up to `readable` unknown pieces, falling linearly to 0 at `unreadable`; 1 when unknown (NaN).
double readability(double unknownShare, double readable = kReadable, double unreadable = kUnreadable);
double catalogReadability(double unknownShare);
// `semanticShare` in [0, 1] is the user's balance (0 = words only, 1 = meaning only); the semantic
// side's part is then scaled by how well the model reads the query and the catalogue (the product
// of readability() and catalogReadability()).
FusionWeights hybridWeights(double semanticShare, double queryUnknownShare, double catalogUnknownShare);

// Best first, at most k. Ties (and items no weighted side ranked) keep the lexical order, then the
// semantic order, so a semantic weight of zero gives exactly the lexical ranking followed by the
// semantic-only items.
// `lexicalFactors` (empty, or one per lexical item) scale each lexical contribution.
std::vector<FusedRank> fuse(const std::vector<std::int64_t>& lexical, const std::vector<std::int64_t>& semantic,
                            const FusionWeights& weights, std::size_t k, const std::vector<double>& lexicalFactors = {});
// A fused score as a share of the best possible (first on every weighted side): 0..1.
double normalised(double score, const FusionWeights& weights);

}  // namespace fusion
}  // namespace ss
