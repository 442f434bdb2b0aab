#include "LossCurveModel.h"

#include <algorithm>
#include <cmath>

namespace ss::ui {

void LossCurveModel::append(int epoch, double train, double validation) {
    const int row = rowCount();
    beginInsertRows({}, row, row);
    rows_.push_back({epoch, train, validation});
    endInsertRows();
}

void LossCurveModel::setCurve(const std::vector<double>& train, const std::vector<double>& validation) {
    beginResetModel();
    rows_.clear();
    for (std::size_t i = 0; i < train.size(); ++i)
        rows_.push_back({static_cast<int>(i) + 1, train[i], i < validation.size() ? validation[i] : std::nan("")});
    endResetModel();
}

void LossCurveModel::clear() {
    beginResetModel();
    rows_.clear();
    endResetModel();
}

double LossCurveModel::maxLoss() const {
    double m = 0;
    for (const auto& r : rows_) {
        if (std::isfinite(r.train)) m = std::max(m, r.train);
        if (std::isfinite(r.validation)) m = std::max(m, r.validation);
    }
    return m;
}

double LossCurveModel::minLoss() const {
    double m = rows_.empty() ? 0 : maxLoss();
    for (const auto& r : rows_) {
        if (std::isfinite(r.train)) m = std::min(m, r.train);
        if (std::isfinite(r.validation)) m = std::min(m, r.validation);
    }
    return m;
}

int LossCurveModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int LossCurveModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LossCurveModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Epoch: return r.epoch;
    case Train: return r.train;
    case Validation: return r.validation;
    }
    return {};
}

QVariant LossCurveModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Epoch: return tr("Epoch");
    case Train: return tr("Training loss");
    case Validation: return tr("Validation loss");
    }
    return {};
}

}  // namespace ss::ui
