// Customers grouped by the sentiment of their first review, for retention cohorts and survival: the
// first review by time decides (not a later one), stars count where the newest run trained on stars,
// imported labels where it trained on them, the kept classifier's prediction fills a review without
// either, and customers without a review are in no group.
#include <QtTest>

#include "../store/ProjectDump.h"
#include "SentimentFixtures.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/ProjectActivity.h"

using namespace ss;

namespace {

QString groupsOf(const std::filesystem::path& project) {
    auto activity = ProjectActivity::open(project);
    if (!activity) return QString::fromStdString("error: " + activity.error().describe());
    auto available = CustomerGroups::available(activity->project->db(), activity->log);
    if (!available || std::find(available->begin(), available->end(), "first-review-sentiment") == available->end()) return "not offered";
    auto groups = CustomerGroups::load(activity->project->db(), activity->log, "first-review-sentiment");
    if (!groups) return QString::fromStdString("error: " + groups.error().describe());
    QStringList out;
    for (std::size_t c = 0; c < groups->groupOf.size(); ++c)
        out << QString("U%1=%2").arg(activity->log.userId(c)).arg(groups->groupOf[c] < 0 ? QString("-") : QString::fromStdString(groups->names[static_cast<std::size_t>(groups->groupOf[c])]));
    return out.join(' ');
}

}  // namespace

class TestFirstReviewSentiment : public QObject {
    Q_OBJECT
private slots:
    void groupsByFirstReview() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        // U1: 1 star first, 5 stars later; U2: 5 stars; U3: 3 stars; U4: no review; U5: no stars, labelled negative on import;
        // U6: neither stars nor label: the classifier's prediction.
        sstest::insertReviews(project, {{1, 1, 5.0, std::nullopt, 2000, "later praise"},
                                        {1, 1, 1.0, std::nullopt, 1000, "first complaint"},
                                        {2, 1, 5.0, std::nullopt, 1000, "great"},
                                        {3, 2, 3.0, std::nullopt, 1000, "fine"},
                                        {5, 2, std::nullopt, -1, 1000, "bad"},
                                        {6, 2, std::nullopt, std::nullopt, 1000, "meh"}});
        {
            auto p = Project::open(project);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->db().exec("INSERT OR IGNORE INTO users(id, external_id) VALUES(4, 'U4');"
                                         "INSERT INTO events(user_id, item_id, type, ts) SELECT id, 1, 1, 1700000000 + id FROM users;"
                                         "INSERT INTO events(user_id, item_id, type, ts) SELECT id, 1, 1, 1702000000 + id FROM users;"));
        }
        QCOMPARE(groupsOf(project), QStringLiteral("U1=negative U2=positive U3=neutral U4=- U5=- U6=-"));
        // A run on stars whose classifier labelled U6's review: it counts.
        {
            auto p = Project::open(project);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->db().exec("INSERT INTO sentiment_runs(created, kept_key, report) VALUES(1, 'k', '{\"labels\":{\"source\":\"stars\"}}');"
                                         "INSERT INTO review_sentiment(review_id, classifier, label, probability) SELECT id, 'k', 1, 0.9 FROM reviews WHERE body = 'meh';"));
        }
        QCOMPARE(groupsOf(project), QStringLiteral("U1=negative U2=positive U3=neutral U4=- U5=- U6=positive"));
        // A newer run on imported labels: only U5's label is known; the others have no prediction under its key.
        {
            auto p = Project::open(project);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->db().exec("INSERT INTO sentiment_runs(created, kept_key, report) VALUES(2, 'k2', '{\"labels\":{\"source\":\"imported\"}}');"));
        }
        QCOMPARE(groupsOf(project), QStringLiteral("U1=- U2=- U3=- U4=- U5=negative U6=-"));
    }
};

QTEST_GUILESS_MAIN(TestFirstReviewSentiment)
#include "TestFirstReviewSentiment.moc"
