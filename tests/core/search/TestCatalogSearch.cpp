#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "embed/LanguageCoverage.h"
#include "embed/ModelLocator.h"
#include "embed/SemanticCatalog.h"
#include "sample/SampleShop.h"
#include "search/CatalogSearch.h"
#include "search/LexicalSearch.h"
#include "store/Project.h"

using namespace ss;

// The three search modes on the bilingual sample shop with the default (English) model: hybrid
// fuses both sides, and falls back to the words when the model cannot read the query.
class TestCatalogSearch : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<TextEncoder> encoder_;
    std::unique_ptr<NearestItems> index_;
    std::unique_ptr<Project> project_;

    SearchAnswer search(const std::string& query, SearchMode mode, std::size_t k = 10) {
        SearchOptions options;
        options.mode = mode;
        options.k = k;
        auto answer = CatalogSearch::run(*project_, encoder_.get(), index_.get(), query, options);
        if (!answer) qFatal("%s", answer.error().describe().c_str());
        return std::move(*answer);
    }

    static std::vector<std::int64_t> ids(const std::vector<ItemHit>& hits) {
        std::vector<std::int64_t> out;
        for (const auto& h : hits) out.push_back(h.item.id);
        return out;
    }

private slots:
    void initTestCase() {
        path_ = dir_.filePath("shop.shelfsense").toStdString();
        SampleShopOptions options;
        options.users = 30;
        options.items = 400;
        options.days = 30;
        QVERIFY(SampleShop::write(path_, options, {}).ok());
        auto dir = ModelLocator::defaultModel();
        QVERIFY2(dir.ok(), dir.ok() ? "" : dir.error().describe().c_str());
        auto encoder = TextEncoder::load(*dir);
        QVERIFY(encoder.ok());
        encoder_ = std::make_unique<TextEncoder>(std::move(*encoder));
        auto index = SemanticCatalog::upToDateIndex(path_, *encoder_, {});
        QVERIFY(index.ok());
        index_ = std::make_unique<NearestItems>(std::move(*index));
        auto project = Project::open(path_);
        QVERIFY(project.ok());
        project_ = std::move(*project);
    }

    void unreadableQueryRanksByItsWords() {
        // The English model knows none of "咖啡机": meaning gets no weight, and hybrid is exactly the lexical ranking.
        const auto hybrid = search("咖啡机", SearchMode::Hybrid);
        QVERIFY(hybrid.queryUnknownShare >= fusion::kUnreadable);
        QCOMPARE(hybrid.weights.semantic, 0.0);
        QVERIFY(hybrid.semanticLowered());
        const auto lexical = search("咖啡机", SearchMode::Lexical);
        QVERIFY(!lexical.hits.empty());
        const auto lexicalIds = ids(lexical.hits);
        auto hybridIds = ids(hybrid.hits);
        hybridIds.resize(std::min(hybridIds.size(), lexicalIds.size()));
        QCOMPARE(hybridIds, lexicalIds);
        for (const auto& hit : lexical.hits) QVERIFY(hit.item.title.find("咖啡") != std::string::npos);
    }

    void readableQueryFusesBothSides() {
        const auto answer = search("espresso machine", SearchMode::Hybrid);
        QVERIFY(answer.weights.semantic > 0);
        QCOMPARE(answer.weights.lexical, 0.5);
        QVERIFY(std::isfinite(answer.catalogUnknownShare));
        QCOMPARE(answer.hits.size(), std::size_t(10));
        bool both = false;
        for (const auto& hit : answer.hits) {
            QVERIFY(hit.lexicalRank > 0 || hit.semanticRank > 0);
            QVERIFY(hit.score > 0 && hit.score <= 1.0001f);
            both = both || (hit.lexicalRank > 0 && hit.semanticRank > 0 && hit.bm25 && hit.cosine);
        }
        QVERIFY(both);
        for (std::size_t i = 1; i < answer.hits.size(); ++i) QVERIFY(answer.hits[i - 1].score >= answer.hits[i].score);
    }

    void catalogShareIsTheKeptMeasure() {
        auto stored = LanguageCoverage::stored(*project_);
        QVERIFY(stored.ok());
        double kept = std::nan("");
        for (const auto& c : *stored)
            if (c.target == "items" && c.model == encoder_->fingerprint() && c.exact) kept = c.unknownShare();
        QVERIFY(std::isfinite(kept));
        QCOMPARE(search("tea", SearchMode::Hybrid).catalogUnknownShare, kept);
    }

    void semanticModeIsTheNearestItems() {
        const auto answer = search("quiet headphones for travel", SearchMode::Semantic, 5);
        auto nearest = SemanticCatalog::search(*index_, *project_, *encoder_, "quiet headphones for travel", 5);
        QVERIFY(nearest.ok());
        QCOMPARE(ids(answer.hits), ids(*nearest));
        for (std::size_t i = 0; i < answer.hits.size(); ++i) {
            QCOMPARE(answer.hits[i].score, (*nearest)[i].score);
            QCOMPARE(answer.hits[i].semanticRank, int(i + 1));
            QCOMPARE(answer.hits[i].lexicalRank, 0);
        }
    }

    void lexicalNeedsNoEncoder() {
        SearchOptions options;
        options.mode = SearchMode::Lexical;
        auto answer = CatalogSearch::run(*project_, nullptr, nullptr, "tea", options);
        QVERIFY(answer.ok());
        QVERIFY(!answer->hits.empty());
        QVERIFY(std::isnan(answer->queryUnknownShare));
        options.mode = SearchMode::Hybrid;
        auto refused = CatalogSearch::run(*project_, nullptr, nullptr, "tea", options);
        QVERIFY(!refused.ok());
        QCOMPARE(int(refused.error().code), int(ErrorCode::Usage));
    }

    void modeNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("mode");
        QTest::newRow("hybrid") << "hybrid" << int(SearchMode::Hybrid);
        QTest::newRow("lexical") << "lexical" << int(SearchMode::Lexical);
        QTest::newRow("semantic") << "semantic" << int(SearchMode::Semantic);
        QTest::newRow("unknown") << "fuzzy" << -1;
    }
    void modeNames() {
        QFETCH(QString, name);
        QFETCH(int, mode);
        const auto parsed = CatalogSearch::parseMode(name.toStdString());
        QCOMPARE(parsed ? int(*parsed) : -1, mode);
        if (parsed) QCOMPARE(QString(CatalogSearch::modeName(*parsed)), name);
    }
};

QTEST_GUILESS_MAIN(TestCatalogSearch)
#include "TestCatalogSearch.moc"
