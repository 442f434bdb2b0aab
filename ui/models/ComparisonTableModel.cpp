#include "ComparisonTableModel.h"

#include "TableHighlight.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <boost/json/serialize.hpp>

#include <cmath>

#include "RecommenderChoices.h"
#include "Text.h"

namespace ss::ui {
namespace {
using TableHighlight::kBest;
using TableHighlight::kTie;

QString number(double v, int decimals = 4) { return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("—"); }
QString pValue(double p) { return std::isfinite(p) ? QString::number(p, 'g', 3) : QStringLiteral("—"); }
}  // namespace

void ComparisonTableModel::setResult(std::shared_ptr<const rec::EvaluationResult> result) {
    beginResetModel();
    result_ = std::move(result);
    best_.assign(static_cast<std::size_t>(columnCount()), -1);
    for (int c = 1; c < columnCount(); ++c) {
        if (!higherIsBetter(c)) continue;
        std::optional<double> best;
        for (int r = 0; r < rowCount(); ++r)
            if (auto v = value(r, c); v && std::isfinite(*v) && (!best || *v > *best)) {
                best = *v;
                best_[static_cast<std::size_t>(c)] = r;
            }
    }
    endResetModel();
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !result_ ? 0 : static_cast<int>(result_->runs.size());
}
int ComparisonTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : 1 + kMetricColumns + ExtraCount; }

std::optional<MetricId> ComparisonTableModel::metricOf(int column) const {
    if (column < 1 || column > kMetricColumns) return std::nullopt;
    return kAllMetrics[static_cast<std::size_t>((column - 1) / 2)];
}

bool ComparisonTableModel::higherIsBetter(int column) const {
    if (metricOf(column)) return (column - 1) % 2 == 0;  // value columns, not CI columns
    return column == extraColumn(Coverage) || column == extraColumn(Novelty) || column == extraColumn(Diversity) ||
           column == extraColumn(UsersPerSecond);
}

std::optional<double> ComparisonTableModel::value(int row, int column) const {
    if (!result_ || row < 0 || row >= rowCount()) return std::nullopt;
    const auto& run = result_->runs[static_cast<std::size_t>(row)];
    if (auto m = metricOf(column)) return (column - 1) % 2 == 0 ? std::optional<double>(run.report.value(*m)) : std::nullopt;
    if (column == extraColumn(Coverage)) return run.beyond.coverage;
    if (column == extraColumn(Novelty)) return run.beyond.novelty;
    if (column == extraColumn(Diversity)) return run.beyond.diversity;
    if (column == extraColumn(AveragePopularity)) return run.beyond.averagePopularity;
    if (column == extraColumn(NegativeShare)) return run.beyond.negativeShare;
    if (column == extraColumn(TrainSeconds)) return run.fitSeconds;
    if (column == extraColumn(UsersPerSecond)) return run.usersPerSecond;
    return std::nullopt;
}

int ComparisonTableModel::bestRow(int column) const {
    return column >= 0 && column < static_cast<int>(best_.size()) ? best_[static_cast<std::size_t>(column)] : -1;
}

const rec::Comparison* ComparisonTableModel::versusBest(int row, int column) const {
    const auto m = metricOf(column);
    const int best = bestRow(valueColumn(m.value_or(MetricId::Precision)));
    if (!m || best < 0 || best == row || !result_) return nullptr;
    const std::string& a = result_->runs[static_cast<std::size_t>(row)].recommender;
    const std::string& b = result_->runs[static_cast<std::size_t>(best)].recommender;
    for (const auto& c : result_->comparisons)
        if (c.metric == *m && ((c.a == a && c.b == b) || (c.a == b && c.b == a))) return &c;
    return nullptr;
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !result_ || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const int row = index.row(), column = index.column();
    const auto& run = result_->runs[static_cast<std::size_t>(row)];
    const auto metric = metricOf(column);
    const bool ciColumn = metric && (column - 1) % 2 == 1;
    const auto ci = metric ? run.ci95.find(*metric) : run.ci95.end();
    const bool best = bestRow(column) == row;
    const rec::Comparison* vs = metric && !ciColumn ? versusBest(row, column) : nullptr;
    const bool tie = vs && !vs->significant;
    switch (role) {
    case ValueRole: {
        const auto v = value(row, column);
        return v ? QVariant(*v) : QVariant();
    }
    case BestRole: return best;
    case ShortNameRole: return RecommenderChoices::shortLabel(qs(run.recommender));
    case NotSignificantRole: return tie;
    case PValueRole: return vs ? QVariant(vs->tPValue) : QVariant();
    case CiLowRole: return metric && ci != run.ci95.end() ? QVariant(ci->second.low) : QVariant();
    case CiHighRole: return metric && ci != run.ci95.end() ? QVariant(ci->second.high) : QVariant();
    case Qt::BackgroundRole:
        if (best) return QBrush(kBest);
        if (tie) return QBrush(kTie);
        return {};
    case Qt::FontRole: return TableHighlight::bestFont(best);
    case Qt::TextAlignmentRole: return column == 0 ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == 0)
            return tr("%1\nParameters: %2\nUsers served by the popularity fallback: %3")
                .arg(RecommenderChoices::label(qs(run.recommender)), qs(boost::json::serialize(run.parameters)))
                .arg(run.fallbackUsers);
        if (metric && !ciColumn) {
            QString text = tr("%1 = %2").arg(qs(metricLabel(*metric, result_->k)), number(run.report.value(*metric)));
            if (ci != run.ci95.end())
                text += tr("\n95% CI [%1, %2] (percentile bootstrap over users, %3 resamples)")
                            .arg(number(ci->second.low), number(ci->second.high))
                            .arg(ci->second.resamples);
            if (best) text += tr("\nBest in this column.");
            if (vs)
                text += tr("\nAgainst the best (%1): mean difference %2, paired t-test p = %3, Wilcoxon p = %4 over %5 users — %6")
                            .arg(qs(result_->runs[static_cast<std::size_t>(bestRow(column))].recommender))
                            .arg(QString::number(vs->a == run.recommender ? vs->meanDifference : -vs->meanDifference, 'f', 4))
                            .arg(pValue(vs->tPValue), pValue(vs->wilcoxonPValue))
                            .arg(vs->n)
                            .arg(vs->significant ? tr("significant.") : tr("not significant."));
            return text;
        }
        return {};
    case Qt::DisplayRole: {
        if (column == 0) return RecommenderChoices::label(qs(run.recommender));
        if (ciColumn) return ci == run.ci95.end() ? QStringLiteral("—") : QStringLiteral("%1–%2").arg(number(ci->second.low), number(ci->second.high));
        const auto v = value(row, column);
        if (!v) return QStringLiteral("—");
        if (column == extraColumn(TrainSeconds)) return number(*v, 2);
        if (column == extraColumn(UsersPerSecond)) return QString::number(*v, 'f', 0);
        if (column == extraColumn(Novelty) || column == extraColumn(AveragePopularity)) return number(*v, 2);
        return tie ? QStringLiteral("%1 ≈").arg(number(*v)) : number(*v);
    }
    default: return {};
    }
}

QString ComparisonTableModel::extraName(Extra e) const {
    switch (e) {
    case Coverage: return tr("Coverage");
    case Novelty: return tr("Novelty");
    case Diversity: return tr("Diversity");
    case AveragePopularity: return tr("Avg. popularity");
    case NegativeShare: return tr("Complained-about");
    case TrainSeconds: return tr("Train (s)");
    case UsersPerSecond: return tr("Users/s");
    case ExtraCount: break;
    }
    return {};
}

QString ComparisonTableModel::extraDefinition(Extra e) const {
    switch (e) {
    case Coverage: return tr("Catalogue coverage: distinct items in all top-K lists / items in the catalogue.");
    case Novelty:
        return tr("Novelty: mean over every recommended (user, item) of −log2(popularity(item) / training interactions); items "
                  "without training interactions are left out.");
    case Diversity:
        return tr("Intra-list diversity: mean over users of 1 − mean cosine similarity of the item text vectors over the pairs "
                  "in the list (needs item vectors).");
    case AveragePopularity: return tr("Average popularity: mean over users of the mean training interactions of the items in their list.");
    case NegativeShare:
        return tr("Share of recommended items that customers mostly complain about (more than half of at least 3 labelled reviews "
                  "negative); lower is better. Needs reviews with stars, labels or predicted sentiment.");
    case TrainSeconds: return tr("Seconds spent fitting the model on the training split.");
    case UsersPerSecond: return tr("Scoring throughput: test users given a full-ranking top-K per second.");
    case ExtraCount: break;
    }
    return {};
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    const int k = result_ ? result_->k : 10;
    const Convention convention = result_ ? result_->convention : Convention::Recommenders;
    const auto metric = metricOf(section);
    if (role == Qt::DisplayRole) {
        if (section == 0) return tr("Recommender");
        if (metric) return (section - 1) % 2 == 0 ? qs(metricLabel(*metric, k)) : tr("95% CI");
        return extraName(static_cast<Extra>(section - 1 - kMetricColumns));
    }
    if (role == Qt::ToolTipRole) {
        if (metric)
            return qs(std::string(definition(*metric, convention))) + QStringLiteral("\n\n") + qs(std::string(rankingRule())) +
                   ((section - 1) % 2 == 1 ? tr("\n\nThis column: the 95% percentile-bootstrap confidence interval of the mean over users.")
                                           : QString());
        if (section > kMetricColumns) return extraDefinition(static_cast<Extra>(section - 1 - kMetricColumns));
    }
    return {};
}

QString ComparisonTableModel::csv() const {
    auto quote = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    QString out = QStringLiteral("recommender,metric,value,ci_low,ci_high,best,p_value_vs_best,significant_vs_best\n");
    if (!result_) return out;
    auto cell = [](std::optional<double> v) { return v && std::isfinite(*v) ? QString::number(*v, 'g', 10) : QString(); };
    for (int r = 0; r < rowCount(); ++r) {
        const auto& run = result_->runs[static_cast<std::size_t>(r)];
        for (MetricId id : kAllMetrics) {
            const int c = valueColumn(id);
            const auto ci = run.ci95.find(id);
            const auto* vs = versusBest(r, c);
            out += QStringList{quote(qs(run.recommender)), qs(metricLabel(id, result_->k)), cell(value(r, c)),
                               cell(ci == run.ci95.end() ? std::nullopt : std::optional<double>(ci->second.low)),
                               cell(ci == run.ci95.end() ? std::nullopt : std::optional<double>(ci->second.high)),
                               bestRow(c) == r ? QStringLiteral("true") : QStringLiteral("false"),
                               vs ? cell(vs->tPValue) : QString(),
                               vs ? (vs->significant ? QStringLiteral("true") : QStringLiteral("false")) : QString()}
                       .join(QLatin1Char(',')) +
                   QLatin1Char('\n');
        }
        const std::pair<const char*, Extra> extras[] = {{"coverage", Coverage},
                                                        {"novelty", Novelty},
                                                        {"diversity", Diversity},
                                                        {"average_popularity", AveragePopularity},
                                                        {"negative_share", NegativeShare},
                                                        {"train_seconds", TrainSeconds},
                                                        {"users_per_second", UsersPerSecond}};
        for (const auto& [key, e] : extras) {
            const int c = extraColumn(e);
            out += QStringList{quote(qs(run.recommender)), QLatin1String(key), cell(value(r, c)), QString(), QString(),
                               bestRow(c) == r ? QStringLiteral("true") : QStringLiteral("false"), QString(), QString()}
                       .join(QLatin1Char(',')) +
                   QLatin1Char('\n');
        }
    }
    return out;
}

}  // namespace ss::ui
