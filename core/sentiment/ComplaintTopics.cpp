#include "ComplaintTopics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "common/JobStages.h"

#include <boost/json.hpp>

#include "common/JsonFields.h"
#include "sentiment/ReviewSentiments.h"
#include "sentiment/SphericalKMeans.h"
#include "sentiment/TextTerms.h"
#include "sentiment/TfidfModel.h"
#include "text/Unicode.h"

namespace ss::sentiment {
namespace {

// Words too common to name a topic (English function words; Chinese needs none: its labels are
// character pairs, and pairs with particles rarely stand out against the other groups).
const std::set<std::string>& stopWords() {
    static const std::set<std::string> words = {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could",
        "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is",
        "it", "its", "just", "me", "more", "my", "no", "not", "of", "on", "one", "or", "our", "out", "she", "so", "some", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "too", "up", "us", "very", "was", "we",
        "were", "what", "when", "which", "who", "will", "with", "would", "you", "your", "it's", "i'm", "don't", "didn't", "get", "got"};
    return words;
}

bool labelWorthy(const std::string& term) {
    if (stopWords().count(term)) return false;
    return !std::all_of(term.begin(), term.end(), [](unsigned char c) { return std::isdigit(c); });
}

// At most `limit` characters (code points) of a text, with an ellipsis when cut.
std::string snippetOf(const std::string& text, std::size_t limit = 200) {
    std::size_t count = 0, i = 0;
    while (i < text.size() && count < limit) {
        const auto c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++count;
    }
    return i >= text.size() ? text : text.substr(0, i) + "…";
}

// The review's text with its own product's name blanked out where written in Chinese: every run of
// two or more Chinese characters that the product's title also has (耳机 in a review of 无线蓝牙耳机).
// A product's name is not a complaint, and left in it glues itself to the phrases around it
// (耳机偏小而且不结实). Text for labels only; snippets show the review as written.
std::string withoutProductName(const std::string& text, const std::string& title) {
    std::u32string t, name;
    unicode::decodeUtf8(text, t);
    unicode::decodeUtf8(title, name);
    if (name.size() < 2) return text;
    std::vector<char> blank(t.size(), 0);
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (!unicode::isChineseChar(t[i])) continue;
        std::size_t longest = 0;
        for (std::size_t j = 0; j < name.size(); ++j) {
            std::size_t l = 0;
            while (i + l < t.size() && j + l < name.size() && t[i + l] == name[j + l] && unicode::isChineseChar(t[i + l])) ++l;
            longest = std::max(longest, l);
        }
        if (longest >= 2) std::fill(blank.begin() + static_cast<std::ptrdiff_t>(i), blank.begin() + static_cast<std::ptrdiff_t>(i + longest), 1);
    }
    if (std::find(blank.begin(), blank.end(), 1) == blank.end()) return text;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (blank[i]) t[i] = U' ';
    return unicode::toUtf8(t);
}

// The group's reviews as code points, with the product each is about: what labels are grown from.
struct MemberTexts {
    std::vector<std::u32string> texts;
    std::vector<std::int64_t> items;
    std::size_t distinctItems = 0;

    // Reviews containing `part`, and whether they are all about one product.
    std::pair<std::size_t, bool> occurrences(const std::u32string& part) const {
        std::size_t n = 0;
        std::int64_t item = 0;
        bool oneItem = true;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            if (texts[i].find(part) == std::u32string::npos) continue;
            if (n++ == 0) item = items[i];
            else if (items[i] != item) oneItem = false;
        }
        return {n, oneItem};
    }
    // A term only one product's reviews write, in a group about several products, names the product
    // rather than the complaint (婴儿湿巾 in a group of damaged deliveries).
    bool namesOneProduct(const std::u32string& part) const {
        if (distinctItems < 2) return false;
        const auto [n, oneItem] = occurrences(part);
        return n >= 2 && oneItem;  // one review is always about one product
    }
};

// What stands next to `phrase` (after it, or before it) in the group's reviews, each review counting a
// continuation once: the reviews writing the phrase, the two Chinese characters that follow, the one
// that follows, and that one where the run of Chinese text ends after it.
struct Neighbours {
    std::size_t writing = 0;
    std::map<std::u32string, std::size_t> twos, ones, onesAtBoundary;
};

Neighbours neighboursOf(const MemberTexts& members, const std::u32string& phrase, bool after) {
    Neighbours n;
    const auto chinese = [](const std::u32string& text, std::size_t i) { return i < text.size() && unicode::isChineseChar(text[i]); };
    for (const auto& text : members.texts) {
        std::set<std::u32string> seenTwo, seenOne, seenBoundary;
        bool found = false;
        for (std::size_t at = text.find(phrase); at != std::u32string::npos; at = text.find(phrase, at + 1)) {
            found = true;
            // Positions of the first and second character beyond the phrase, in the direction of growth.
            const std::size_t first = after ? at + phrase.size() : at - 1;
            const std::size_t second = after ? at + phrase.size() + 1 : at - 2;
            if (!(after ? true : at >= 1) || !chinese(text, first)) continue;
            const std::u32string one(1, text[first]);
            seenOne.insert(one);
            const bool secondExists = after ? true : at >= 2;
            if (secondExists && chinese(text, second))
                seenTwo.insert(after ? one + text[second] : std::u32string(1, text[second]) + one);
            else
                seenBoundary.insert(one);
        }
        n.writing += found;
        for (const auto& x : seenTwo) ++n.twos[x];
        for (const auto& x : seenOne) ++n.ones[x];
        for (const auto& x : seenBoundary) ++n.onesAtBoundary[x];
    }
    return n;
}

bool mostOf(std::size_t n, std::size_t of) { return static_cast<double>(n) >= 0.7 * static_cast<double>(of); }

// How `phrase` continues (after = true) or starts (false) in at least 70% of the reviews writing it:
// by the same two characters, or by one character that ends the run of Chinese text there (so
// 到货有破损 completes, but 说好的耐 does not stop half way into 耐用 / 耐磨). Empty when no
// continuation is that common, or fewer than three reviews write the phrase.
std::u32string dominantExtension(const MemberTexts& members, const std::u32string& phrase, bool after) {
    auto n = neighboursOf(members, phrase, after);
    if (n.writing < 3) return {};
    for (const auto& [two, count] : n.twos)
        if (mostOf(count, n.writing)) return two;
    for (const auto& [one, count] : n.ones)
        if (mostOf(count, n.writing) && mostOf(n.onesAtBoundary[one], count)) return one;
    return {};
}

// Whether one Chinese character stands next to `phrase` (on either side) in at least 70% of the
// reviews writing it.
bool hasDominantNeighbour(const MemberTexts& members, const std::u32string& phrase) {
    for (bool after : {true, false}) {
        const auto n = neighboursOf(members, phrase, after);
        for (const auto& [one, count] : n.ones)
            if (mostOf(count, n.writing)) return true;
    }
    return false;
}

// Chinese labels start as character pairs, and a pair is grown into the phrase its reviews write —
// by the continuation most of them share (dominantExtension), so 非常 becomes 非常失望 — but never
// into text that names one product (MemberTexts::namesOneProduct). Pairs inside a phrase already
// shown are dropped; terms keep their order of distinctiveness.
std::vector<std::string> growPhrases(const std::vector<std::pair<double, std::string>>& scored, const MemberTexts& members) {
    constexpr std::size_t kConsidered = 60, kLongest = 12;  // far more terms than a topic shows
    std::vector<std::string> out;
    for (std::size_t t = 0; t < scored.size() && t < kConsidered; ++t) {
        std::u32string phrase;
        unicode::decodeUtf8(scored[t].second, phrase);
        const bool pair = phrase.size() == 2 && unicode::isChineseChar(phrase[0]) && unicode::isChineseChar(phrase[1]);
        for (bool after : {true, false}) {
            while (pair && phrase.size() < kLongest) {
                const std::u32string extension = dominantExtension(members, phrase, after);
                if (extension.empty()) break;
                const std::u32string longer = after ? phrase + extension : extension + phrase;
                if (members.namesOneProduct(longer)) break;
                phrase = longer;
            }
        }
        // An end character that belongs to a varying word (洗 of 机洗 / 清洗 in 洗没有做到, 耐 of 耐用 / 耐磨
        // in 说好的耐) is cut: without it, the phrase is written by many more of the group's reviews.
        while (pair && phrase.size() > 2) {
            const std::size_t whole = members.occurrences(phrase).first;
            const std::u32string withoutFirst = phrase.substr(1), withoutLast = phrase.substr(0, phrase.size() - 1);
            const std::size_t first = members.occurrences(withoutFirst).first, last = members.occurrences(withoutLast).first;
            if (static_cast<double>(std::max(first, last)) < 1.5 * static_cast<double>(whole)) break;
            phrase = first >= last ? withoutFirst : withoutLast;
        }
        // A pair that did not grow must be a phrase of its own: written by at least three of the
        // group's reviews, and not one half of a longer unit it could not grow into (料没 of 材料没有).
        if (pair && phrase.size() == 2 && (members.occurrences(phrase).first < 3 || hasDominantNeighbour(members, phrase))) continue;
        const std::string text = unicode::toUtf8(phrase);
        const bool covered = std::any_of(out.begin(), out.end(), [&](const std::string& shown) { return shown.find(text) != std::string::npos; });
        if (covered) continue;
        // A longer phrase replaces the shorter ones it contains.
        std::erase_if(out, [&](const std::string& shown) { return text.find(shown) != std::string::npos; });
        out.push_back(text);
    }
    return out;
}

std::vector<std::pair<std::string, int>> mostFrequent(const std::map<std::string, int>& counts, std::size_t limit) {
    std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (v.size() > limit) v.resize(limit);
    return v;
}

boost::json::array namedCounts(const std::vector<std::pair<std::string, int>>& v, const char* key) {
    boost::json::array a;
    for (const auto& [name, count] : v) a.push_back(boost::json::object{{key, name}, {"reviews", count}});
    return a;
}

std::vector<std::pair<std::string, int>> namedCountsFrom(const boost::json::object& o, const char* list, const char* key) {
    std::vector<std::pair<std::string, int>> v;
    if (const auto* a = arrayAt(o, list))
        for (const auto& e : *a)
            if (const auto* eo = e.if_object()) v.emplace_back(stringAt(*eo, key), static_cast<int>(numberAt(*eo, "reviews")));
    return v;
}

}  // namespace

boost::json::value TopicReport::toJson() const {
    boost::json::object o{{"polarity", polarity == -1 ? "negative" : "positive"},
                          {"vectors", vectors},
                          {"used_encoder", usedEncoder},
                          {"encoder", encoderName},
                          {"unknown_token_rate", unknownTokenRate >= 0 ? boost::json::value(unknownTokenRate) : boost::json::value(nullptr)},
                          {"criterion", criterion},
                          {"largest_group_count", largestGroupCount},
                          {"reviews", reviews}};
    boost::json::array tried;
    for (const auto& [k, s] : silhouettes) tried.push_back(boost::json::object{{"groups", k}, {"silhouette", jsonNumber(s)}});
    o["silhouettes"] = std::move(tried);
    boost::json::array monthList;
    for (const auto& m : months) monthList.push_back(boost::json::value(m));
    o["months"] = std::move(monthList);
    boost::json::array list;
    for (const auto& t : topics) {
        boost::json::array terms, snippets, monthly, ids;
        for (const auto& term : t.terms) terms.push_back(boost::json::value(term));
        for (const auto& s : t.snippets) snippets.push_back(boost::json::object{{"review_id", s.reviewId}, {"item", s.item}, {"text", s.text}});
        for (int m : t.monthly) monthly.push_back(m);
        for (auto id : t.reviewIds) ids.push_back(id);
        list.push_back(boost::json::object{{"size", t.size},
                                           {"terms", std::move(terms)},
                                           {"snippets", std::move(snippets)},
                                           {"monthly", std::move(monthly)},
                                           {"items", namedCounts(t.items, "item")},
                                           {"categories", namedCounts(t.categories, "category")},
                                           {"review_ids", std::move(ids)}});
    }
    o["topics"] = std::move(list);
    return o;
}

TopicReport TopicReport::fromJson(const boost::json::value& v) {
    TopicReport r;
    const auto* o = v.if_object();
    if (!o) return r;
    r.polarity = stringAt(*o, "polarity") == "positive" ? 1 : -1;
    r.vectors = stringAt(*o, "vectors");
    r.criterion = stringAt(*o, "criterion");
    r.usedEncoder = boolAt(*o, "used_encoder");
    r.encoderName = stringAt(*o, "encoder");
    r.unknownTokenRate = numberAt(*o, "unknown_token_rate", -1);
    r.largestGroupCount = static_cast<int>(numberAt(*o, "largest_group_count"));
    r.reviews = static_cast<std::int64_t>(numberAt(*o, "reviews"));
    if (const auto* a = arrayAt(*o, "silhouettes"))
        for (const auto& e : *a)
            if (const auto* eo = e.if_object()) r.silhouettes.emplace_back(static_cast<int>(numberAt(*eo, "groups")), numberAt(*eo, "silhouette"));
    if (const auto* a = arrayAt(*o, "months"))
        for (const auto& m : *a)
            if (m.is_string()) r.months.emplace_back(m.as_string());
    if (const auto* a = arrayAt(*o, "topics"))
        for (const auto& e : *a) {
            const auto* to = e.if_object();
            if (!to) continue;
            Topic t;
            t.size = static_cast<int>(numberAt(*to, "size"));
            if (const auto* terms = arrayAt(*to, "terms"))
                for (const auto& term : *terms)
                    if (term.is_string()) t.terms.emplace_back(term.as_string());
            if (const auto* snippets = arrayAt(*to, "snippets"))
                for (const auto& s : *snippets)
                    if (const auto* so = s.if_object())
                        t.snippets.push_back({static_cast<std::int64_t>(numberAt(*so, "review_id")), stringAt(*so, "item"), stringAt(*so, "text")});
            if (const auto* monthly = arrayAt(*to, "monthly"))
                for (const auto& m : *monthly) t.monthly.push_back(static_cast<int>(numberOr(m, 0)));
            if (const auto* ids = arrayAt(*to, "review_ids"))
                for (const auto& id : *ids) t.reviewIds.push_back(static_cast<std::int64_t>(numberOr(id, 0)));
            t.items = namedCountsFrom(*to, "items", "item");
            t.categories = namedCountsFrom(*to, "categories", "category");
            r.topics.push_back(std::move(t));
        }
    return r;
}

Result<TopicReport> TopicReport::compute(const std::filesystem::path& project, const TopicOptions& options, const VectorSources* vectors,
                                         const JobContext& context) {
    context.report(0.0, stages::kReadingReviews);
    auto all = ReviewSentiments::load(project, true);
    if (!all) return all.error();
    const auto& r = *all;
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (!r.labels[i] || *r.labels[i] != options.polarity || r.texts[i].empty()) continue;
        const auto& info = r.item(r.items[i]);
        if (options.category && info.category != *options.category) continue;
        if (options.item && info.externalId != *options.item) continue;
        chosen.push_back(i);
    }
    TopicReport report;
    report.polarity = options.polarity;
    report.reviews = static_cast<std::int64_t>(chosen.size());
    if (chosen.empty()) return report;
    std::vector<std::int64_t> ids;
    std::vector<std::string> texts;
    for (auto i : chosen) {
        ids.push_back(r.ids[i]);
        texts.push_back(r.texts[i]);
    }
    rec::CsrMatrix rows;
    bool useEncoder = vectors && vectors->reviews && options.vectors != TopicVectors::Tfidf;
    std::string why;
    if (useEncoder && options.vectors == TopicVectors::Auto && vectors->unknownTokenRate) {
        const double unknown = vectors->unknownTokenRate(texts);
        report.unknownTokenRate = unknown;
        char buffer[160];
        std::snprintf(buffer, sizeof buffer, " (the encoder reads %.0f%% of these reviews' word pieces as unknown)", 100 * unknown);
        why = buffer;
        useEncoder = !(unknown > options.maxUnknownRate);
    }
    if (options.vectors == TopicVectors::Encoder && !useEncoder) return makeError(ErrorCode::Unsupported, "no encoder is available for topics (install the model)");
    if (useEncoder) {
        const JobContext encode = context.part(0.05, 0.45);
        auto m = vectors->reviews(ids, texts, encode);
        if (!m) return m.error();
        rows = unitRows(*m);
        report.encoderName = vectors->encoderName;
        report.vectors = "encoder " + vectors->encoderName + why;
        report.usedEncoder = true;
    } else {
        TfidfOptions tfidf;
        tfidf.minDocumentFrequency = 2;
        rows = TfidfModel::fit(texts, tfidf).transform(texts);
        report.vectors = "TF-IDF" + why;
    }
    if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");

    Clustering best;
    const int largestK = std::min(options.maxGroups, static_cast<int>(chosen.size() / 10));
    if (chosen.size() < options.minimumReviews || largestK < 2) {
        best = sphericalKMeans(rows, 1, options.seed);
        report.criterion = "one group: too few reviews to split (" + std::to_string(chosen.size()) + ")";
    } else {
        double bestScore = -2;
        for (int k = 2; k <= largestK; ++k) {
            if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
            context.report(0.5 + 0.4 * (k - 2) / std::max(1, largestK - 2), stages::kGroupingReviews);
            auto clustering = sphericalKMeans(rows, k, options.seed);
            const double score = meanSilhouette(rows, clustering.assignment, clustering.k, options.seed);
            report.silhouettes.emplace_back(clustering.k, score);
            if (score > bestScore) {
                bestScore = score;
                best = std::move(clustering);
            }
        }
        report.largestGroupCount = largestK;
        char criterion[160];
        std::snprintf(criterion, sizeof criterion, "the number of groups from 2 to %d with the highest mean silhouette (cosine distance, up to 1,500 reviews)", largestK);
        report.criterion = criterion;
    }

    std::vector<std::string> labelTexts;
    labelTexts.reserve(texts.size());
    for (std::size_t q = 0; q < chosen.size(); ++q) labelTexts.push_back(withoutProductName(texts[q], r.item(r.items[chosen[q]]).title));

    // Class-based TF-IDF (BERTopic's c-TF-IDF): a term's share of its group's terms times
    // log(1 + average terms per group / the term's count over all groups).
    const auto k = static_cast<std::size_t>(best.k);
    std::vector<std::unordered_map<std::string, int>> counts(k);
    std::vector<double> groupTerms(k, 0);
    std::unordered_map<std::string, int> overall;
    for (std::size_t q = 0; q < chosen.size(); ++q) {
        const auto g = static_cast<std::size_t>(best.assignment[q]);
        auto terms = labelTerms(labelTexts[q]);
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());  // a review counts a term once
        for (const auto& t : terms) {
            if (!labelWorthy(t)) continue;
            ++counts[g][t];
            ++overall[t];
            groupTerms[g] += 1;
        }
    }
    const double average = std::accumulate(groupTerms.begin(), groupTerms.end(), 0.0) / static_cast<double>(k);
    std::set<std::string> monthSet;
    for (auto i : chosen)
        if (r.times[i] > 0) monthSet.insert(monthOf(r.zone, r.times[i]));
    report.months.assign(monthSet.begin(), monthSet.end());
    for (std::size_t g = 0; g < k; ++g) {
        Topic topic;
        std::vector<std::pair<double, std::size_t>> members;  // (similarity to the centre, position in `chosen`)
        for (std::size_t q = 0; q < chosen.size(); ++q)
            if (static_cast<std::size_t>(best.assignment[q]) == g) members.emplace_back(rowDot(rows, static_cast<int>(q), best.centres[g]), q);
        if (members.empty()) continue;
        std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        topic.size = static_cast<int>(members.size());
        const int minimumCount = topic.size >= 10 ? 2 : 1;
        std::vector<std::pair<double, std::string>> scored;
        for (const auto& [term, count] : counts[g])
            if (count >= minimumCount)
                scored.emplace_back(count / std::max(1.0, groupTerms[g]) * std::log(1.0 + average / overall[term]), term);
        std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        MemberTexts memberTexts;
        std::set<std::int64_t> memberItems;
        for (const auto& [similarity, q] : members) {
            memberTexts.texts.emplace_back();
            unicode::decodeUtf8(labelTexts[q], memberTexts.texts.back());
            memberTexts.items.push_back(r.items[chosen[q]]);
            memberItems.insert(r.items[chosen[q]]);
        }
        memberTexts.distinctItems = memberItems.size();
        auto general = scored;
        std::erase_if(general, [&](const auto& term) {
            std::u32string cps;
            unicode::decodeUtf8(term.second, cps);
            return memberTexts.namesOneProduct(cps);
        });
        if (!general.empty()) scored = std::move(general);
        for (auto& phrase : growPhrases(scored, memberTexts)) {
            if (static_cast<int>(topic.terms.size()) == options.terms) break;
            topic.terms.push_back(std::move(phrase));
        }
        std::set<std::string> seenTexts;
        std::map<std::string, int> itemCounts, categoryCounts;
        std::map<std::string, int> monthCounts;
        for (const auto& [similarity, q] : members) {
            const auto i = chosen[q];
            const auto& info = r.item(r.items[i]);
            topic.reviewIds.push_back(r.ids[i]);
            if (static_cast<int>(topic.snippets.size()) < options.snippets && seenTexts.insert(texts[q]).second)
                topic.snippets.push_back({r.ids[i], info.externalId, snippetOf(texts[q])});
            ++itemCounts[info.externalId];
            ++categoryCounts[info.category];
            if (r.times[i] > 0) ++monthCounts[monthOf(r.zone, r.times[i])];
        }
        for (const auto& m : report.months) topic.monthly.push_back(monthCounts.count(m) ? monthCounts[m] : 0);
        topic.items = mostFrequent(itemCounts, 5);
        topic.categories = mostFrequent(categoryCounts, 5);
        report.topics.push_back(std::move(topic));
    }
    std::stable_sort(report.topics.begin(), report.topics.end(), [](const Topic& a, const Topic& b) { return a.size > b.size; });
    context.report(1.0, stages::kDone);
    return report;
}

}  // namespace ss::sentiment
