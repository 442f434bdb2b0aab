// ComplaintTopics on planted complaints: three themes (late delivery, broken product, wrong size;
// English and Chinese) come back as three groups chosen by the silhouette, each pure, labelled by
// its theme's words and Chinese character pairs, with snippets from the group, counts per month that
// add up, and products and categories; filters by category and product; praise apart from
// complaints; too few reviews make one group; the encoder path (planted vectors); JSON round trip.
#include <QtTest>

#include <boost/json.hpp>

#include <map>
#include <set>

#include "SentimentFixtures.h"
#include "store/Project.h"
#include "sentiment/ComplaintTopics.h"
#include "sentiment/SphericalKMeans.h"

using namespace ss;
using namespace ss::sentiment;

namespace {

// A theme: the complaint every one of its reviews makes, about one of many products.
struct Theme {
    const char* name;
    std::string english, chinese;
};

const std::vector<Theme> kThemes = {
    {"late", "late delivery, waited two weeks for the", "物流太慢，等了两周才收到"},
    {"broken", "broken product, stopped working, cracked", "质量太差，用了一天就坏了"},
    {"size", "wrong size, runs too small, tight", "尺码不对，偏小穿不上"},
};
const std::vector<std::string> kEnglishNouns = {"kettle", "jacket", "lamp", "phone", "blender", "boots", "tent", "watch", "scarf", "desk", "mug", "sofa"};
const std::vector<std::string> kChineseNouns = {"水壶", "夹克", "台灯", "手机", "背包", "靴子", "帐篷", "手表", "围巾", "书桌", "杯子", "沙发"};

// `perTheme` one-star reviews per theme (each by its own reviewer; in English, or in Chinese), a few
// five-star ones, spread over three months. TF-IDF cannot know that 物流太慢 and "late delivery" say
// the same, so each set is in one language.
std::filesystem::path plantedComplaints(const QTemporaryDir& dir, int perTheme, std::map<std::int64_t, std::string>* themeOfReview = nullptr,
                                        bool chinese = false) {
    const auto path = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
    std::mt19937 rng(3);
    std::vector<sstest::PlantedReview> reviews;
    std::int64_t user = 1;
    for (const auto& theme : kThemes)
        for (int i = 0; i < perTheme; ++i) {
            const auto& nouns = chinese ? kChineseNouns : kEnglishNouns;
            std::string text = (chinese ? theme.chinese : theme.english) + " " + nouns[rng() % nouns.size()];
            reviews.push_back({user++, 1 + static_cast<std::int64_t>(rng() % 4), 1.0, std::nullopt, 1704067200 + static_cast<std::int64_t>(rng() % (80 * 86400)), text});
        }
    for (int i = 0; i < 10; ++i) reviews.push_back({user++, 1, 5.0, std::nullopt, 1704067200, "love it, perfect"});
    sstest::insertReviews(path, reviews);
    if (themeOfReview) {
        // Review ids follow insertion order from 1.
        std::int64_t id = 1;
        for (const auto& theme : kThemes)
            for (int i = 0; i < perTheme; ++i) (*themeOfReview)[id++] = theme.name;
    }
    return path;
}

void checkThreePureGroups(const TopicReport& report, const std::map<std::int64_t, std::string>& themeOf) {
    QCOMPARE(report.topics.size(), std::size_t(3));
    std::set<std::string> themes;
    for (const auto& topic : report.topics) {
        std::map<std::string, int> count;
        for (auto id : topic.reviewIds) ++count[themeOf.at(id)];
        const auto top = std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        QVERIFY2(top->second >= topic.size * 9 / 10, top->first.c_str());
        themes.insert(top->first);
    }
    QCOMPARE(themes.size(), std::size_t(3));
}

}  // namespace

class TestComplaintTopics : public QObject {
    Q_OBJECT
private slots:
    void plantedThemesComeBack_data() {
        QTest::addColumn<bool>("chinese");
        QTest::newRow("English") << false;
        QTest::newRow("Chinese") << true;
    }
    void plantedThemesComeBack() {
        QFETCH(bool, chinese);
        QTemporaryDir dir;
        std::map<std::int64_t, std::string> themeOf;
        const auto project = plantedComplaints(dir, 40, &themeOf, chinese);
        auto report = TopicReport::compute(project, {}, nullptr, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->reviews, std::int64_t(120));
        QCOMPARE(report->vectors, std::string("TF-IDF"));
        checkThreePureGroups(*report, themeOf);
        QVERIFY(!report->silhouettes.empty());
        const auto best = std::max_element(report->silhouettes.begin(), report->silhouettes.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        QCOMPARE(best->first, 3);
        // Labels: the theme's own words — English words, or Chinese phrases grown from character pairs
        // (物流太慢, not 物流, 流太, 太慢) — rank first.
        QCOMPARE(report->months, (std::vector<std::string>{"2024-01", "2024-02", "2024-03"}));
        for (const auto& topic : report->topics) {
            const auto& theme = *std::find_if(kThemes.begin(), kThemes.end(), [&](const Theme& t) { return themeOf.at(topic.reviewIds.front()) == t.name; });
            const std::string& phrase = chinese ? theme.chinese : theme.english;
            QVERIFY(topic.terms.size() >= 2);
            for (std::size_t t = 0; t < 2; ++t) {
                QVERIFY2(phrase.find(topic.terms[t]) != std::string::npos, (std::string(theme.name) + ": " + topic.terms[t]).c_str());
                if (chinese) QVERIFY2(topic.terms[t].size() > 6, topic.terms[t].c_str());  // longer than one pair (two CJK characters)
            }
        }
        for (const auto& topic : report->topics) {
            const auto& theme = themeOf.at(topic.reviewIds.front());
            QCOMPARE(topic.snippets.size(), std::size_t(3));
            for (const auto& s : topic.snippets) QCOMPARE(themeOf.at(s.reviewId), theme);
            int monthly = 0;
            for (int m : topic.monthly) monthly += m;
            QCOMPARE(monthly, topic.size);
            QVERIFY(!topic.items.empty() && topic.items.size() <= 4);
            int inCategories = 0;
            for (const auto& [name, n] : topic.categories) inCategories += n;
            QCOMPARE(inCategories, topic.size);
        }
    }

    void chineseLabelsAreWholePhrasesWithoutProductNames() {
        // Complaints about four products, each naming its product (耳机, 保温杯, ...) and a promised
        // feature that varies from review to review (说好的防水没有做到, 说好的耐用没有做到, ...).
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        const std::vector<std::pair<std::string, std::string>> products = {
            {"无线蓝牙耳机", "耳机"}, {"不锈钢保温杯", "保温杯"}, {"北欧风台灯", "台灯"}, {"电动牙刷套装", "牙刷"}};
        const std::vector<std::string> features = {"防水", "耐用", "静音", "快充", "轻便"};
        std::mt19937 rng(9);
        std::vector<sstest::PlantedReview> reviews;
        for (int i = 0; i < 80; ++i) {
            const auto p = static_cast<std::int64_t>(i % 4);
            const std::string text = products[std::size_t(p)].second + "到货有破损，说好的" + features[rng() % features.size()] + "没有做到。";
            reviews.push_back({i + 1, p + 1, 1.0, std::nullopt, 1704067200 + i * 3600, text});
        }
        sstest::insertReviews(project, reviews);
        {
            auto p = Project::open(project, Database::Mode::ReadWrite);
            SS_VERIFY_OK(p);
            for (std::size_t i = 0; i < products.size(); ++i)
                SS_VERIFY_OK((*p)->db().exec("UPDATE items SET title = '" + products[i].first + "' WHERE id = " + std::to_string(i + 1)));
        }
        auto report = TopicReport::compute(project, {}, nullptr, {});
        SS_VERIFY_OK(report);
        bool delivery = false;
        for (const auto& topic : report->topics) {
            std::string shown;
            for (const auto& term : topic.terms) shown += term + " ";
            qDebug("%d reviews: %s", topic.size, shown.c_str());
        }
        for (const auto& topic : report->topics)
            for (const auto& term : topic.terms) {
                delivery = delivery || term == "到货有破损";
                for (const auto& [title, name] : products) {
                    // No product's name, nor a piece of it glued to the complaint (机到货有破损).
                    QVERIFY2(term.find(name) == std::string::npos, term.c_str());
                    QVERIFY2(term.find(name.substr(name.size() - 3) + "到货") == std::string::npos, term.c_str());
                }
                for (const auto& f : features) {
                    // No phrase cut inside a feature word (说好的防, 水没有做到).
                    QVERIFY2(term.size() < 3 || term.substr(term.size() - 3) != f.substr(0, 3), term.c_str());
                    QVERIFY2(term.rfind(f.substr(3), 0) != 0, term.c_str());
                }
            }
        QVERIFY(delivery);
    }

    void praiseApartFromComplaints() {
        QTemporaryDir dir;
        const auto project = plantedComplaints(dir, 15);
        TopicOptions options;
        options.polarity = 1;
        auto report = TopicReport::compute(project, options, nullptr, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->reviews, std::int64_t(10));
        QCOMPARE(report->topics.size(), std::size_t(1));  // too few to split
        QVERIFY(report->criterion.find("too few") != std::string::npos);
        QCOMPARE(report->topics[0].snippets.size(), std::size_t(1));  // identical texts are shown once
    }

    void filters() {
        QTemporaryDir dir;
        const auto project = plantedComplaints(dir, 30);
        TopicOptions options;
        options.category = "shoes";  // even item ids
        auto shoes = TopicReport::compute(project, options, nullptr, {});
        SS_VERIFY_OK(shoes);
        QVERIFY(shoes->reviews > 0 && shoes->reviews < 90);
        for (const auto& t : shoes->topics)
            for (const auto& [category, n] : t.categories) QCOMPARE(category, std::string("shoes"));
        options.category.reset();
        options.item = "I3";
        auto item = TopicReport::compute(project, options, nullptr, {});
        SS_VERIFY_OK(item);
        for (const auto& t : item->topics) QCOMPARE(t.items.size(), std::size_t(1));
        options.item = "no such product";
        auto none = TopicReport::compute(project, options, nullptr, {});
        SS_VERIFY_OK(none);
        QCOMPARE(none->reviews, std::int64_t(0));
        QVERIFY(none->topics.empty());
    }

    void encoderVectors() {
        // Planted "encoder" vectors carry one direction per theme.
        QTemporaryDir dir;
        std::map<std::int64_t, std::string> themeOf;
        const auto project = plantedComplaints(dir, 40, &themeOf);
        VectorSources sources;
        sources.encoder = "planted@1";
        sources.encoderName = "planted";
        sources.reviews = [&](const std::vector<std::int64_t>& ids, const std::vector<std::string>&, const JobContext&) -> Result<rec::DenseMatrix> {
            rec::DenseMatrix m(static_cast<int>(ids.size()), 6);
            std::mt19937 rng(1);
            std::normal_distribution<float> noise(0.0f, 0.2f);
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const auto& theme = themeOf.at(ids[i]);
                for (int d = 0; d < 6; ++d) m.row(static_cast<int>(i))[d] = noise(rng);
                m.row(static_cast<int>(i))[theme == "late" ? 0 : theme == "broken" ? 2 : 4] += 1.0f;
            }
            return m;
        };
        auto report = TopicReport::compute(project, {}, &sources, {});
        SS_VERIFY_OK(report);
        QCOMPARE(report->vectors, std::string("encoder planted"));
        checkThreePureGroups(*report, themeOf);
        // An encoder that cannot read the reviews is passed over for their TF-IDF rows, and the report says why.
        sources.unknownTokenRate = [](const std::vector<std::string>&) { return 0.4; };
        auto unread = TopicReport::compute(project, {}, &sources, {});
        SS_VERIFY_OK(unread);
        QCOMPARE(unread->vectors, std::string("TF-IDF (the encoder reads 40% of these reviews' word pieces as unknown)"));
        TopicOptions forced;
        forced.vectors = TopicVectors::Encoder;
        auto asked = TopicReport::compute(project, forced, &sources, {});
        SS_VERIFY_OK(asked);
        QVERIFY(asked->vectors.starts_with("encoder planted"));
        QVERIFY(!TopicReport::compute(project, forced, nullptr, {}));
    }

    void silhouetteSeparatesWellFromBadly() {
        // Two tight, opposite groups: silhouette near 1; a split that mixes them: below 0.
        rec::DenseMatrix m(8, 2);
        for (int r = 0; r < 8; ++r) {
            m.row(r)[0] = r < 4 ? 1.0f : -1.0f;
            m.row(r)[1] = 0.01f * static_cast<float>(r);
        }
        const auto rows = unitRows(m);
        QVERIFY(meanSilhouette(rows, {0, 0, 0, 0, 1, 1, 1, 1}, 2, 1) > 0.95);
        QVERIFY(meanSilhouette(rows, {0, 1, 0, 1, 0, 1, 0, 1}, 2, 1) < 0);
        const auto clustering = sphericalKMeans(rows, 2, 9);
        QCOMPARE(clustering.assignment[0] == clustering.assignment[3], true);
        QVERIFY(clustering.assignment[0] != clustering.assignment[4]);
    }

    void jsonRoundTrip() {
        QTemporaryDir dir;
        const auto project = plantedComplaints(dir, 25);
        auto report = TopicReport::compute(project, {}, nullptr, {});
        SS_VERIFY_OK(report);
        // Both sides through the same JSON text (this Boost's parser may round a double's last digit).
        const auto parsed = boost::json::parse(boost::json::serialize(report->toJson()));
        const auto back = TopicReport::fromJson(parsed);
        QCOMPARE(QString::fromStdString(boost::json::serialize(back.toJson())), QString::fromStdString(boost::json::serialize(parsed)));
        QCOMPARE(back.topics.size(), report->topics.size());
        QCOMPARE(back.topics[0].reviewIds, report->topics[0].reviewIds);
    }
};

QTEST_GUILESS_MAIN(TestComplaintTopics)
#include "TestComplaintTopics.moc"
