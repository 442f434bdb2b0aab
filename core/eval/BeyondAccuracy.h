// BeyondAccuracy: what a recommendation list is like apart from hitting the test items — catalogue
// coverage, novelty, intra-list diversity and average popularity of the top-K lists.
// Stateless; pure functions over their arguments (the similarity callback must be safe to call from the
// calling thread): any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "eval/Predictions.h"

namespace ss {

// item -> number of training interactions (the popularity the metrics below are measured against).
using ItemPopularity = std::unordered_map<std::string, double>;

class BeyondAccuracy {
public:
    // Distinct items over all lists / catalogSize (Recommenders catalog_coverage with the catalogue
    // = distinct training items; RecBole ItemCoverage with the catalogue = all items). 0 if catalogSize 0.
    static double catalogCoverage(const RankedLists& lists, std::size_t catalogSize);

    // Mean over every recommended (user, item) of -log2(popularity(item) / total interactions), the
    // item-choice novelty of Castells et al. used by Recommenders' novelty(). Items without training
    // interactions have infinite novelty and are left out of the mean (Recommenders keeps them in the
    // denominator only); 0 when nothing is left.
    static double novelty(const RankedLists& lists, const ItemPopularity& popularity);

    // Mean over users with at least two items of 1 - (mean similarity over the unordered pairs of
    // distinct items in the list): Recommenders' diversity() (Ziegler et al. intra-list similarity)
    // when `similarity` is its co-occurrence or feature cosine. Users with fewer than two items are
    // left out; 0 when no user is left.
    using Similarity = std::function<double(const std::string&, const std::string&)>;
    static double intraListDiversity(const RankedLists& lists, const Similarity& similarity);
    // The same per user (only users with at least two items), ordered by user id.
    static std::vector<std::pair<std::string, double>> intraListDiversityPerUser(const RankedLists& lists,
                                                                                 const Similarity& similarity);

    // Mean over users of the mean popularity of the items in their list (items never seen count 0):
    // RecBole's AveragePopularity. Users with empty lists are left out.
    static double averagePopularity(const RankedLists& lists, const ItemPopularity& popularity);

    // Mean over users with a non-empty list of the share of its items that are in `negative` (items
    // customers mostly complain about). 0 when no user has a list.
    static double negativeShare(const RankedLists& lists, const std::unordered_set<std::string>& negative);
};

}  // namespace ss
