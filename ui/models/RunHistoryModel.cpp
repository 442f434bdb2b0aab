#include "RunHistoryModel.h"

#include <QDateTime>
#include <QLocale>

#include <boost/json/serialize.hpp>

#include "RecommenderChoices.h"
#include "Text.h"
#include "common/TimeUtil.h"

namespace ss::ui {
void RunHistoryModel::setRuns(std::vector<rec::StoredRun> runs) {
    beginResetModel();
    runs_ = std::move(runs);
    endResetModel();
}

const rec::StoredRun* RunHistoryModel::run(int row) const {
    return row >= 0 && row < static_cast<int>(runs_.size()) ? &runs_[static_cast<std::size_t>(row)] : nullptr;
}

QString RunHistoryModel::describeSplit(const rec::StoredRun& run) {
    const QString kind = qs(rec::splitKindName(run.split.kind));
    QString text = kind;
    if (run.split.kind == rec::SplitKind::Temporal && run.split.cutoff) text = tr("temporal, cut-off %1").arg(qs(isoDate(*run.split.cutoff)));
    else if (run.split.testFraction) text = tr("%1, %2% test").arg(kind, QLocale().toString(*run.split.testFraction * 100, 'g', 3));
    if (run.split.testUsersSampledFrom)
        text = tr("%1, sample of %2 test customers").arg(text, QLocale().toString(qulonglong(*run.split.testUsersSampledFrom)));
    return text;
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(runs_.size()); }

int RunHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    const rec::StoredRun* r = index.isValid() ? run(index.row()) : nullptr;
    if (!r) return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return QString::number(r->id);
        case When: return QLocale().toString(QDateTime::fromSecsSinceEpoch(r->created), QLocale::ShortFormat);
        case Recommender: return RecommenderChoices::label(qs(r->recommender));
        case Split: return describeSplit(*r);
        case Ndcg:
        case Recall: {
            const auto v = r->metric(index.column() == Ndcg ? MetricId::Ndcg : MetricId::Recall);
            return v ? QLocale().toString(*v, 'f', 4) : QString();
        }
        case Users: {
            return QLocale().toString(qulonglong(r->split.testUsers));
        }
        case Data: return qs(r->datasetFingerprint).section(QLatin1Char(' '), 0, 2);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Recommender) return qs(boost::json::serialize(r->parameters));
        if (index.column() == Data) return qs(r->datasetFingerprint);
        if (index.column() == Ndcg || index.column() == Recall)
            return tr("k = %1, %2 convention, seed %3").arg(r->k).arg(qs(r->convention)).arg(qulonglong(r->seed));
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
