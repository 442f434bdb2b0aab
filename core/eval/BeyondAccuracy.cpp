#include "eval/BeyondAccuracy.h"

#include <cmath>
#include <unordered_set>

namespace ss {

double BeyondAccuracy::catalogCoverage(const RankedLists& lists, std::size_t catalogSize) {
    if (catalogSize == 0) return 0.0;
    std::unordered_set<std::string_view> distinct;
    for (const auto& entry : lists)
        for (const std::string& item : entry.second) distinct.insert(item);
    return static_cast<double>(distinct.size()) / static_cast<double>(catalogSize);
}

double BeyondAccuracy::novelty(const RankedLists& lists, const ItemPopularity& popularity) {
    double total = 0.0;
    for (const auto& entry : popularity) total += entry.second;
    if (total <= 0.0) return 0.0;
    double sum = 0.0;
    std::size_t count = 0;
    for (const auto& entry : lists) {
        for (const std::string& item : entry.second) {
            const auto it = popularity.find(item);
            if (it == popularity.end() || it->second <= 0.0) continue;
            sum += -std::log2(it->second / total);
            ++count;
        }
    }
    return count ? sum / static_cast<double>(count) : 0.0;
}

std::vector<std::pair<std::string, double>> BeyondAccuracy::intraListDiversityPerUser(const RankedLists& lists,
                                                                                     const Similarity& similarity) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& [user, items] : lists) {
        double sum = 0.0;
        std::size_t pairs = 0;
        for (std::size_t i = 0; i < items.size(); ++i)
            for (std::size_t j = i + 1; j < items.size(); ++j) {
                if (items[i] == items[j]) continue;  // a pair of an item with itself says nothing
                sum += similarity(items[i], items[j]);
                ++pairs;
            }
        if (pairs) out.emplace_back(user, 1.0 - sum / static_cast<double>(pairs));
    }
    return out;
}

double BeyondAccuracy::intraListDiversity(const RankedLists& lists, const Similarity& similarity) {
    const auto perUser = intraListDiversityPerUser(lists, similarity);
    if (perUser.empty()) return 0.0;
    double sum = 0.0;
    for (const auto& entry : perUser) sum += entry.second;
    return sum / static_cast<double>(perUser.size());
}

double BeyondAccuracy::averagePopularity(const RankedLists& lists, const ItemPopularity& popularity) {
    double sum = 0.0;
    std::size_t users = 0;
    for (const auto& entry : lists) {
        if (entry.second.empty()) continue;
        double userSum = 0.0;
        for (const std::string& item : entry.second) {
            const auto it = popularity.find(item);
            if (it != popularity.end()) userSum += it->second;
        }
        sum += userSum / static_cast<double>(entry.second.size());
        ++users;
    }
    return users ? sum / static_cast<double>(users) : 0.0;
}

double BeyondAccuracy::negativeShare(const RankedLists& lists, const std::unordered_set<std::string>& negative) {
    double total = 0;
    std::size_t users = 0;
    for (const auto& [user, items] : lists) {
        if (items.empty()) continue;
        std::size_t hits = 0;
        for (const auto& item : items) hits += negative.count(item);
        total += static_cast<double>(hits) / static_cast<double>(items.size());
        ++users;
    }
    return users ? total / static_cast<double>(users) : 0;
}

}  // namespace ss
