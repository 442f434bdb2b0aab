#include "RunHistoryModel.h"

#include <QDateTime>
#include <QLocale>

#include <boost/json/serialize.hpp>

#include "RecommenderChoices.h"
#include "Text.h"
#include "eval/MetricDefinitions.h"

namespace ss::ui {
namespace {

QString text(const boost::json::value& v, const char* key) {
    if (!v.is_object() || !v.as_object().contains(key) || !v.at(key).is_string()) return {};
    return qs(std::string(v.at(key).as_string()));
}

std::optional<double> number(const boost::json::value& v, std::initializer_list<const char*> path) {
    const boost::json::value* at = &v;
    for (const char* key : path)
        if (!at->is_object() || !(at = at->as_object().if_contains(key))) return std::nullopt;
    return at->is_number() ? std::optional<double>(at->to_number<double>()) : std::nullopt;
}

}  // namespace

void RunHistoryModel::setRuns(std::vector<rec::StoredRun> runs) {
    beginResetModel();
    runs_ = std::move(runs);
    endResetModel();
}

const rec::StoredRun* RunHistoryModel::run(int row) const {
    return row >= 0 && row < static_cast<int>(runs_.size()) ? &runs_[static_cast<std::size_t>(row)] : nullptr;
}

QString RunHistoryModel::describeSplit(const rec::StoredRun& run) {
    const QString kind = text(run.split, "kind");
    const QString cutoff = text(run.split, "cutoff").left(10);
    const auto fraction = number(run.split, {"test_fraction"});
    if (kind == QLatin1String("temporal") && !cutoff.isEmpty()) return tr("temporal, cut-off %1").arg(cutoff);
    if (fraction) return tr("%1, %2% test").arg(kind, QLocale().toString(*fraction * 100, 'g', 3));
    return kind;
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(runs_.size()); }

int RunHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    const rec::StoredRun* r = index.isValid() ? run(index.row()) : nullptr;
    if (!r) return {};
    auto metric = [&](MetricId id) { return number(r->metrics, {"metrics", metricLabel(id, r->k).c_str()}); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return QString::number(r->id);
        case When: return QLocale().toString(QDateTime::fromSecsSinceEpoch(r->created), QLocale::ShortFormat);
        case Recommender: return RecommenderChoices::label(qs(r->recommender));
        case Split: return describeSplit(*r);
        case Ndcg:
        case Recall: {
            const auto v = metric(index.column() == Ndcg ? MetricId::Ndcg : MetricId::Recall);
            return v ? QLocale().toString(*v, 'f', 4) : QString();
        }
        case Users: {
            const auto users = number(r->split, {"test_users"});
            return users ? QLocale().toString(qlonglong(*users)) : QString();
        }
        case Data: return qs(r->datasetFingerprint).section(QLatin1Char(' '), 0, 2);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Recommender) return qs(boost::json::serialize(r->parameters));
        if (index.column() == Data) return qs(r->datasetFingerprint);
        if (index.column() == Ndcg || index.column() == Recall)
            return tr("k = %1, %2 convention, seed %3").arg(r->k).arg(text(r->metrics, "convention")).arg(qulonglong(r->seed));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Ndcg || index.column() == Recall || index.column() == Users || index.column() == Id))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Run");
    case When: return tr("When");
    case Recommender: return tr("Recommender");
    case Split: return tr("Split");
    case Ndcg: return tr("NDCG@k");
    case Recall: return tr("Recall@k");
    case Users: return tr("Test users");
    case Data: return tr("Data");
    }
    return {};
}

}  // namespace ss::ui
