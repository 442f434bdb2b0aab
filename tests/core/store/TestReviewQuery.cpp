// ReviewQuery::byUser: exactly one customer's reviews, oldest first — never another customer whose
// id contains theirs (the data browser's text filter, used before, matched "u1" inside "u10").
#include <QtTest>

#include "TestSupport.h"
#include "store/BulkWriter.h"
#include "store/Project.h"
#include "store/ReviewQuery.h"

using namespace ss;

class TestReviewQuery : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<Project> project_;
    std::map<std::string, std::int64_t> users_, items_;

private slots:
    void initTestCase() {
        auto project = Project::open(sstest::file(dir_, "reviews.shelfsense"));
        SS_VERIFY_OK(project);
        project_ = std::move(*project);
        Database& db = project_->db();
        Transaction tx(db);
        SS_VERIFY_OK(tx.begun());
        auto writer = BulkWriter::create(db, std::nullopt);
        SS_VERIFY_OK(writer);
        for (const char* item : {"kettle", "mug", "teapot"}) {
            auto id = writer->itemId(item);
            SS_VERIFY_OK(id);
            items_[item] = *id;
        }
        for (const char* user : {"u1", "u10", "u100", "u2"}) {
            auto id = writer->userId(user);
            SS_VERIFY_OK(id);
            users_[user] = *id;
        }
        const std::int64_t t0 = 1700000000;
        const struct {
            const char* user;
            const char* item;
            std::optional<double> rating;
            const char* title;
            std::int64_t time;
        } reviews[] = {
            {"u1", "mug", 2.0, "chipped", t0 + 500},  // written before the older one: order is by time
            {"u1", "kettle", std::nullopt, "no stars given", t0 + 100},
            {"u10", "teapot", 5.0, "lovely", t0 + 200},
            {"u100", "kettle", 1.0, "leaks", t0 + 300},
        };
        for (const auto& r : reviews) {
            auto added = writer->addReview(ReviewRecord{users_[r.user], items_[r.item], r.rating, r.title, "body of " + std::string(r.title), r.time});
            SS_VERIFY_OK(added);
            QVERIFY(*added);
        }
        SS_VERIFY_OK(writer->flush());
        SS_VERIFY_OK(tx.commit());
    }

    void byUser_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("expected");  // "item:rating:title", oldest first; rating "-" when none
        QTest::newRow("two reviews, one without stars") << "u1" << QStringList{"kettle:-:no stars given", "mug:2:chipped"};
        QTest::newRow("an id inside other ids") << "u10" << QStringList{"teapot:5:lovely"};
        QTest::newRow("the longest id") << "u100" << QStringList{"kettle:1:leaks"};
        QTest::newRow("no reviews") << "u2" << QStringList{};
    }

    void byUser() {
        QFETCH(QString, user);
        QFETCH(QStringList, expected);
        auto found = ReviewQuery(project_->db()).byUser(users_.at(user.toStdString()));
        SS_VERIFY_OK(found);
        QStringList got;
        for (const auto& r : *found) {
            QString item;
            for (const auto& [name, id] : items_)
                if (id == r.itemId) item = QString::fromStdString(name);
            got << QStringLiteral("%1:%2:%3").arg(item, r.rating ? QString::number(*r.rating) : QStringLiteral("-"), QString::fromStdString(r.title));
            QCOMPARE(QString::fromStdString(r.body), QStringLiteral("body of ") + QString::fromStdString(r.title));
        }
        QCOMPARE(got, expected);
    }

    void unknownUserHasNone() {
        auto found = ReviewQuery(project_->db()).byUser(987654);
        SS_VERIFY_OK(found);
        QVERIFY(found->empty());
    }
};

QTEST_GUILESS_MAIN(TestReviewQuery)
#include "TestReviewQuery.moc"
