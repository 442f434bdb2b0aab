#include "OverviewScreen.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

#include "CoverageText.h"
#include "DailyEventsChart.h"
#include "DailyEventsModel.h"
#include "JobRunner.h"
#include "KpiTile.h"
#include "Text.h"
#include "cohorts/Kpis.h"
#include "cohorts/ProjectActivity.h"
#include "common/TimeUtil.h"

namespace ss::ui {
namespace {
struct OverviewData {
    ProjectStats stats;
    std::vector<DailyCount> days;
    std::vector<LanguageCoverage> coverage;  // the latest measure per kind of text
};
}  // namespace

OverviewScreen::OverviewScreen(JobRunner& runner, QWidget* parent) : ProjectScreen(parent), runner_(runner) {
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel(tr("No project open."), this);
    summary_->setObjectName("summary");
    summary_->setTextFormat(Qt::RichText);
    summary_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);  // never clipped: the chart gives way
    layout->addWidget(summary_);
    coverage_ = new QLabel(this);
    coverage_->setObjectName("coverage");
    coverage_->setWordWrap(true);
    coverage_->setTextFormat(Qt::PlainText);
    coverage_->setStyleSheet(QStringLiteral("QLabel { background: #fff4e5; color: #6b3d00; padding: 6px; }"));
    coverage_->hide();
    layout->addWidget(coverage_);
    auto* tiles = new QHBoxLayout();
    active_ = new KpiTile(tr("Active customers, last 7 days"), this);
    repeat_ = new KpiTile(tr("Repeat-purchase rate"), this);
    retention_ = new KpiTile(tr("Month-1 retention, latest complete cohort"), this);
    for (auto* tile : {active_, repeat_, retention_}) tiles->addWidget(tile, 1);
    layout->addLayout(tiles);

    daily_ = new DailyEventsModel(this);
    chart_ = new DailyEventsChart(daily_, this);
    layout->addWidget(chart_, 1);
}

void OverviewScreen::setProject(const std::shared_ptr<ProjectContext>& project) {
    for (auto* tile : {active_, repeat_, retention_}) tile->clear();
    coverage_->hide();
    if (!project) {
        summary_->setText(tr("No project open."));
        daily_->setDays({});
        return;
    }
    const QString path = project->path();
    loadKpis(path);
    summary_->setText(tr("Loading %1…").arg(QFileInfo(path).completeBaseName().toHtmlEscaped()));
    summary_->setToolTip(path);
    std::function<Result<OverviewData>(const JobContext&)> job = [project](const JobContext&) -> Result<OverviewData> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        OverviewData data;
        auto stats = (*reader)->stats();
        if (!stats) return stats.error();
        data.stats = *stats;
        auto days = (*reader)->dailyEventCounts();
        if (!days) return days.error();
        data.days = std::move(*days);
        auto coverage = LanguageCoverage::stored(**reader);
        if (!coverage) return coverage.error();
        data.coverage = LanguageCoverage::latestPerTarget(std::move(*coverage));
        return data;
    };
    runner_.start<OverviewData>(QStringLiteral("overview/summary"), tr("Loading overview"), job, this, [this, path](Result<OverviewData> r) {
        if (!r) {
            summary_->setText(tr("Could not read %1: %2").arg(path.toHtmlEscaped(), qs(r.error().describe()).toHtmlEscaped()));
            return;
        }
        const auto& s = r->stats;
        const QLocale locale;
        auto range = [](const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b) {
            return a && b ? QStringLiteral("%1 – %2").arg(qs(isoDate(*a)), qs(isoDate(*b))) : QStringLiteral("—");
        };
        summary_->setText(
            tr("<h2>%1</h2><table cellspacing='8'>"
               "<tr><td><b>%2</b> items</td><td><b>%3</b> users</td><td><b>%4</b> events</td><td><b>%5</b> reviews</td></tr>"
               "<tr><td colspan='2'>Events: %6</td><td colspan='2'>Reviews: %7</td></tr>"
               "<tr><td>Views: %8</td><td>Carts: %9</td><td>Favourites: %10</td><td>Purchases: %11</td></tr></table>")
                .arg(QFileInfo(path).completeBaseName().toHtmlEscaped(), locale.toString(s.items), locale.toString(s.users), locale.toString(s.events),
                     locale.toString(s.reviews), range(s.firstEvent, s.lastEvent), range(s.firstReview, s.lastReview),
                     locale.toString(s.eventsByType[1]), locale.toString(s.eventsByType[2]))
                .arg(locale.toString(s.eventsByType[3]), locale.toString(s.eventsByType[4])));
        summary_->setToolTip(path);
        daily_->setDays(std::move(r->days));
        chart_->rescale();
        // Only what needs doing: a model that cannot read the shop's text (the Search screen says more).
        std::vector<LanguageCoverage> unreadable;
        for (const auto& c : r->coverage)
            if (c.unreadable()) unreadable.push_back(c);
        coverage_->setText(CoverageText::describe(unreadable));
        coverage_->setVisible(!unreadable.empty());
        emit loaded();
    });
}

void OverviewScreen::loadKpis(const QString& path) {
    std::function<Result<Kpis>(const JobContext&)> job = [p = utf8(path)](const JobContext& context) -> Result<Kpis> {
        auto activity = ProjectActivity::open(p, std::nullopt, context);
        if (!activity) return activity.error();
        return Kpis::compute(activity->log, activity->zone, context);
    };
    runner_.start<Kpis>(QStringLiteral("overview/kpis"), tr("Computing stickiness"), job, this, [this](Result<Kpis> r) {
        if (!r) {
            // A project without events has no stickiness to show; say why in the tiles' tooltip.
            for (auto* tile : {active_, repeat_, retention_}) tile->setValue(QStringLiteral("—"), QString(), {}, qs(r.error().describe()));
            return;
        }
        const QLocale locale;
        auto trend = [](const std::vector<KpiPoint>& points, double scale) {
            QVector<double> out;
            for (const auto& p : points) out << p.value * scale;
            return out;
        };
        active_->setValue(locale.toString(static_cast<qlonglong>(r->active7)),
                          tr("%1 in the last 30 days").arg(locale.toString(static_cast<qlonglong>(r->active30))),
                          trend(r->weeklyActive, 1.0),
                          tr("Customers with an event in the 7 days before the data's last event; the line shows each of the last 12 weeks."));
        const auto percent = [&](double x) { return std::isnan(x) ? QStringLiteral("—") : locale.toString(x * 100.0, 'f', 1) + QLatin1Char('%'); };
        repeat_->setValue(percent(r->repeatRate),
                          tr("%1 of %2 buyers bought again").arg(locale.toString(static_cast<qlonglong>(r->repeatBuyers)),
                                                                   locale.toString(static_cast<qlonglong>(r->buyers))),
                          trend(r->repeatByMonth, 100.0), tr("Share of buying customers with two or more purchases; the line shows it month by month."));
        if (r->lastCompleteCohort.empty()) {
            retention_->setValue(QStringLiteral("—"), tr("No monthly cohort has a complete month 1 yet."), {}, QString());
        } else {
            retention_->setValue(percent(r->monthOneRetention),
                                 tr("cohort %1 (%2 customers), 95% interval %3 to %4")
                                     .arg(qs(r->lastCompleteCohort), locale.toString(static_cast<qlonglong>(r->monthOneCohortSize)),
                                          percent(r->monthOneLow), percent(r->monthOneHigh)),
                                 trend(r->monthOneByCohort, 100.0),
                                 tr("First-time monthly cohorts in the project's time zone: the share back in the month after joining; the line shows every cohort."));
        }
        emit kpisLoaded();
    });
}

}  // namespace ss::ui
