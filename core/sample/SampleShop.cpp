#include "SampleShop.h"

#include "common/JobStages.h"
#include "store/ActivitySummary.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "SampleRandom.h"
#include "SampleVocabulary.h"
#include "store/BulkWriter.h"
#include "store/Project.h"

namespace ss {
namespace {

using sample::SampleRandom;
using sample::Word;

struct Item {
    std::int64_t id = 0;
    int category = 0, noun = 0;
    double quality = 0;    // latent: drives ratings and conversion
    double popularity = 1; // latent: how often it is shown
    double price = 0;
    std::int64_t released = 0;
};

struct Segment {
    const char* name;
    double share;
    double meanGapDays;   // between sessions
    double churnPerVisit; // chance a visit is the last one
    double cartBoost;
};

constexpr Segment kSegments[] = {
    {"deal-seeker", 0.30, 12.0, 0.16, 0.8},
    {"regular", 0.50, 8.0, 0.10, 1.0},
    {"enthusiast", 0.20, 4.0, 0.05, 1.3},
};

std::string fill(std::string_view pattern, std::string_view noun) {
    std::string out(pattern);
    if (auto pos = out.find("{}"); pos != std::string::npos) out.replace(pos, 2, noun);
    return out;
}

int starsFor(double experience) {
    if (experience < -1.1) return 1;
    if (experience < -0.55) return 2;
    if (experience < 0.0) return 3;
    if (experience < 0.7) return 4;
    return 5;
}

class Generator {
public:
    Generator(BulkWriter& writer, const SampleShopOptions& o, const JobContext& ctx)
        : writer_(writer), options_(o), context_(ctx), random_(o.seed) {}

    Status run(SampleShopSummary& summary) {
        SS_TRY(makeItems());
        summary.items = static_cast<std::int64_t>(items_.size());
        for (int u = 0; u < options_.users; ++u) {
            if ((u & 127) == 0) {
                if (context_.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled; the project is unchanged");
                context_.report(static_cast<double>(u) / options_.users, stages::kWritingSampleShop);
            }
            SS_TRY(simulateUser(u));
        }
        summary.users = options_.users;
        summary.events = events_;
        summary.reviews = reviews_;
        return {};
    }

private:
    Status makeItems() {
        const auto cats = sample::categories();
        const auto brands = sample::brands();
        const std::int64_t end = options_.startTime + std::int64_t(options_.days) * 86400;
        byCategory_.assign(cats.size(), {});
        for (int i = 0; i < options_.items; ++i) {
            Item item;
            item.category = i % static_cast<int>(cats.size());
            const auto& cat = cats[item.category];
            item.noun = random_.index(cat.nouns.size());
            item.quality = random_.normal();
            item.popularity = std::exp(1.1 * random_.normal());
            item.price = std::round(std::exp(random_.uniform(std::log(cat.minPrice), std::log(cat.maxPrice)))) - 0.01;
            // Most of the catalog exists from the start; the rest launches later (cold-start items).
            item.released = random_.chance(0.85) ? options_.startTime
                                                 : options_.startTime + static_cast<std::int64_t>(random_.uniform(0.4, 0.97) * (end - options_.startTime));
            const Word& noun = cat.nouns[item.noun];
            const Word& adjective = cat.adjectives[random_.index(cat.adjectives.size())];
            const Word& brand = brands[random_.index(brands.size())];
            const Word& f1 = cat.features[random_.index(cat.features.size())];
            const Word& f2 = cat.features[random_.index(cat.features.size())];
            char sku[32];
            std::snprintf(sku, sizeof sku, "SKU-%05d", i + 1);
            ItemRecord record;
            record.externalId = sku;
            const std::string titleEn = std::string(brand.en) + " " + std::string(adjective.en) + " " + std::string(noun.en);
            const std::string titleZh = std::string(brand.zh) + std::string(adjective.zh) + std::string(noun.zh);
            const char* article = std::string_view("aeiou").find(adjective.en.front()) != std::string_view::npos ? "An " : "A ";
            std::string en = article + std::string(adjective.en) + " " + std::string(noun.en) + " from " + std::string(brand.en) +
                             " with " + std::string(f1.en) + (f1.en != f2.en ? " and " + std::string(f2.en) : "") + ".";
            std::string zh = std::string(brand.zh) + std::string(adjective.zh) + std::string(noun.zh) + "，" + std::string(f1.zh) +
                             (f1.zh != f2.zh ? "，" + std::string(f2.zh) : "") + "。";
            const std::string categoryEn(cat.name.en), categoryZh(cat.name.zh);
            switch (options_.language) {
            case SampleShopOptions::Language::Both:
                record.title = titleEn + " | " + titleZh;
                record.description = en + " " + zh;
                record.category = categoryEn + " / " + categoryZh;
                break;
            case SampleShopOptions::Language::English:
                record.title = titleEn;
                record.description = en;
                record.category = categoryEn;
                break;
            case SampleShopOptions::Language::Chinese:
                record.title = titleZh;
                record.description = zh;
                record.category = categoryZh;
                break;
            }
            record.brand = std::string(brand.en);
            record.price = item.price;
            record.available = !random_.chance(0.05);
            auto id = writer_.upsertItem(record);
            if (!id) return id.error();
            item.id = *id;
            byCategory_[item.category].push_back(static_cast<int>(items_.size()));
            items_.push_back(item);
        }
        // Cumulative popularity per category for weighted draws.
        cumulative_.assign(cats.size(), {});
        for (std::size_t c = 0; c < cats.size(); ++c) {
            double total = 0;
            for (int idx : byCategory_[c]) cumulative_[c].push_back(total += items_[idx].popularity);
        }
        return {};
    }

    int acquisitionDay() {
        // Four marketing waves on top of steady organic sign-ups, leaving the last two weeks for returns.
        static constexpr double kWaves[] = {0.06, 0.28, 0.52, 0.74};
        const double lastDay = std::max(1, options_.days - 14);
        if (random_.chance(0.6)) {
            const double centre = kWaves[random_.index(4)] * options_.days;
            return std::clamp(static_cast<int>(centre + 5.0 * random_.normal()), 0, static_cast<int>(lastDay));
        }
        return static_cast<int>(random_.uniform(0, lastDay));
    }

    int pickItem(int category, int favouriteNoun, std::int64_t now) {
        for (int attempt = 0; attempt < 12; ++attempt) {
            const int idx = byCategory_[category][random_.weighted(cumulative_[category])];
            const Item& item = items_[idx];
            if (item.released > now) continue;
            // Users lean towards their favourite kind of product within a category (text-visible signal).
            if (item.noun != favouriteNoun && attempt < 6 && random_.chance(0.55)) continue;
            return idx;
        }
        return -1;
    }

    Status simulateUser(int u) {
        const auto cats = sample::categories();
        char externalId[32];
        std::snprintf(externalId, sizeof externalId, "U%05d", u + 1);
        auto user = writer_.userId(externalId);
        if (!user) return user.error();

        const double r = random_.uniform();
        int segmentIndex = r < kSegments[0].share ? 0 : r < kSegments[0].share + kSegments[1].share ? 1 : 2;
        const Segment& segment = kSegments[segmentIndex];
        SS_TRY(writer_.setUserSegment(*user, segment.name));
        // The A/B experiment (kSampleExperiment): half the customers, drawn from their own hash so the
        // main random stream is unchanged, are in the recommendations arm and leave less often.
        const bool treated = experimentArm(u);
        SS_TRY(writer_.setUserProperty(*user, "variant", treated ? "recommendations" : "control"));
        const double churnEffect = treated ? kSampleExperiment.churnFactor : 1.0;
        const bool drawnChinese = random_.chance(0.55);  // drawn in every language, so the rest of the shop is the same
        const bool writesChinese = options_.language == SampleShopOptions::Language::Both ? drawnChinese
                                                                                          : options_.language == SampleShopOptions::Language::Chinese;

        // Taste: two or three favourite categories, each with a favourite product kind.
        int favourites[3];
        int favouriteNoun[3];
        for (int k = 0; k < 3; ++k) {
            favourites[k] = random_.index(cats.size());
            favouriteNoun[k] = random_.index(cats[favourites[k]].nouns.size());
        }
        const double tasteCumulative[] = {0.55, 0.80, 0.92, 1.0};

        const std::int64_t end = options_.startTime + std::int64_t(options_.days) * 86400;
        double day = acquisitionDay() + random_.uniform();
        double churnFactor = 1.0;
        bool purchased = false;
        for (int visit = 0; visit < 200; ++visit) {
            std::int64_t t = options_.startTime + static_cast<std::int64_t>(day * 86400.0);
            // Sessions cluster in the day and evening (shop local time is UTC+8).
            t = t - t % 86400 + static_cast<std::int64_t>(((random_.chance(0.7) ? random_.uniform(11, 15) : random_.uniform(0, 16)) * 3600));
            if (t >= end) break;
            const int views = 1 + random_.geometric(3.0);
            for (int v = 0; v < views; ++v) {
                t += 20 + static_cast<std::int64_t>(random_.exponential(90));
                const int slot = random_.weighted(tasteCumulative);
                const int category = slot < 3 ? favourites[slot] : random_.index(cats.size());
                const int noun = slot < 3 ? favouriteNoun[slot] : -1;
                const int idx = pickItem(category, noun, t);
                if (idx < 0) continue;
                const Item& item = items_[idx];
                SS_TRY(event(*user, item.id, EventType::View, t));
                if (random_.chance(0.05)) SS_TRY(event(*user, item.id, EventType::Favourite, t + 5));
                const double priceFit = segmentIndex == 0 ? std::clamp(60.0 / (item.price + 20.0), 0.3, 1.5) : 1.0;
                const double cartChance = 0.16 * segment.cartBoost * priceFit * std::exp(0.35 * item.quality);
                if (!random_.chance(std::min(cartChance, 0.8))) continue;
                SS_TRY(event(*user, item.id, EventType::Cart, t + 30));
                if (!random_.chance(0.55)) continue;
                const std::int64_t bought = t + 60 + static_cast<std::int64_t>(random_.exponential(300));
                SS_TRY(event(*user, item.id, EventType::Purchase, bought, item.price));  // one unit at the list price
                const double experience = item.quality + 0.6 * random_.normal();
                const int stars = starsFor(experience);
                if (!purchased) {
                    // The first purchase sets the tone: a bad one makes leaving much likelier.
                    churnFactor = stars <= 2 ? 2.8 : stars >= 4 ? 0.75 : 1.0;
                    purchased = true;
                }
                if (random_.chance(stars <= 2 ? 0.5 : 0.3))
                    SS_TRY(review(*user, item, stars, writesChinese, bought + 86400 * (2 + random_.index(10))));
            }
            if (random_.chance(std::min(0.9, segment.churnPerVisit * churnFactor * churnEffect * (purchased ? 1.0 : 1.6)))) break;
            day += 0.3 + random_.exponential(segment.meanGapDays);
        }
        return {};
    }

    bool experimentArm(int u) const {
        if (options_.arms != SampleShopOptions::Arms::Split) return options_.arms == SampleShopOptions::Arms::AllTreated;
        std::uint64_t h = options_.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(u) + 1;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        return (h & 1) != 0;
    }

    Status event(std::int64_t user, std::int64_t item, EventType type, std::int64_t t, std::optional<double> amount = {}) {
        ++events_;
        return writer_.addEvent(user, item, type, t, amount ? std::optional<std::int64_t>(1) : std::nullopt, amount);
    }

    Status review(std::int64_t user, const Item& item, int stars, bool chinese, std::int64_t t) {
        const std::int64_t end = options_.startTime + std::int64_t(options_.days) * 86400;
        if (t >= end) return {};
        const auto& cat = sample::categories()[item.category];
        const Word& noun = cat.nouns[item.noun];
        const auto phrases = sample::reviewPhrases(stars);
        const auto titles = sample::reviewTitles(stars);
        const Word& p1 = phrases[random_.index(phrases.size())];
        const Word& title = titles[random_.index(titles.size())];
        ReviewRecord r;
        r.userId = user;
        r.itemId = item.id;
        r.rating = stars;
        r.time = t;
        if (chinese) {
            r.title = std::string(title.zh);
            r.body = fill(p1.zh, noun.zh);
        } else {
            r.title = std::string(title.en);
            r.body = fill(p1.en, noun.en);
        }
        if (random_.chance(0.4)) {
            const Word& feature = cat.features[random_.index(cat.features.size())];
            r.body += chinese ? (stars >= 4 ? "特别是" : "说好的") + std::string(feature.zh) + (stars >= 4 ? "。" : "没有做到。")
                              : (stars >= 4 ? " Especially " : " Promised ") + std::string(feature.en) + (stars >= 4 ? "." : ", but no.");
        }
        auto added = writer_.addReview(r);
        if (!added) return added.error();
        reviews_ += *added ? 1 : 0;
        return {};
    }

    BulkWriter& writer_;
    const SampleShopOptions& options_;
    const JobContext& context_;
    SampleRandom random_;
    std::vector<Item> items_;
    std::vector<std::vector<int>> byCategory_;
    std::vector<std::vector<double>> cumulative_;
    std::int64_t events_ = 0, reviews_ = 0;
};

}  // namespace

Result<SampleShopSummary> SampleShop::write(const std::filesystem::path& path, const SampleShopOptions& options,
                                            const JobContext& context) {
    if (options.users < 1 || options.items < 22 || options.days < 28)
        return makeError(ErrorCode::Usage, "the sample shop needs at least 1 user, 22 items and 28 days");
    const auto start = std::chrono::steady_clock::now();
    auto project = Project::open(path);
    if (!project) return project.error();
    Database& db = (*project)->db();
    auto existing = db.queryInt("SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM events)");
    if (!existing) return existing.error();
    if (*existing > 0)
        return makeError(ErrorCode::InputData, "the project already holds data; write the sample shop into a new file", path.string());

    Transaction tx(db);
    if (!tx.begun()) return tx.begun().error();
    auto writer = BulkWriter::create(db, std::nullopt);
    if (!writer) return writer.error();
    SampleShopSummary summary;
    Generator generator(*writer, options, context);
    SS_TRY(generator.run(summary));
    context.report(-1, stages::kSortingEvents);
    SS_TRY(writer->flush(context));
    SS_TRY(ActivitySummary::rebuild(db, context));
    SS_TRY((*project)->setSetting("project.kind", "sample"));
    SS_TRY((*project)->setSetting("project.timezone", "Asia/Shanghai"));
    SS_TRY((*project)->setSetting("sample.seed", std::to_string(options.seed)));
    SS_TRY((*project)->setSetting("sample.experiment", kSampleExperiment.description));
    SS_TRY(tx.commit());
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace ss
