#include "ParameterModel.h"

#include <QBrush>
#include <QColor>

#include "RecommenderChoices.h"
#include "Text.h"

namespace ss::ui {

ParameterModel::ParameterModel(QObject* parent) : QAbstractTableModel(parent) {
    for (const auto& name : rec::RecommenderFactory::parameterNames()) all_.push_back({name, {}});
    for (int i = 0; i < static_cast<int>(all_.size()); ++i) shown_.push_back(i);
}

void ParameterModel::setRecommenders(const QStringList& names) {
    beginResetModel();
    shown_.clear();
    for (int i = 0; i < static_cast<int>(all_.size()); ++i) {
        const QString prefix = qs(all_[static_cast<std::size_t>(i)].name).section(QLatin1Char('.'), 0, 0);
        if (names.isEmpty() || names.contains(prefix)) shown_.push_back(i);
    }
    endResetModel();
}

QString ParameterModel::valueOf(const rec::RecommenderConfig& config, const std::string& name) {
    return qs(rec::RecommenderFactory::parameterValue(config, name));
}

Result<rec::RecommenderConfig> ParameterModel::config() const {
    rec::RecommenderConfig c;
    for (const auto& row : all_)
        if (!row.value.isEmpty()) SS_TRY(rec::RecommenderFactory::applyParameter(c, row.name + "=" + utf8(row.value)));
    return c;
}

bool ParameterModel::assign(Row& row, const QString& value) {
    const QString text = value.trimmed();
    if (!text.isEmpty()) {
        rec::RecommenderConfig scratch;
        if (auto st = rec::RecommenderFactory::applyParameter(scratch, row.name + "=" + utf8(text)); !st) {
            emit rejected(qs(st.error().describe()));
            return false;
        }
    }
    row.value = text;
    return true;
}

bool ParameterModel::setValue(const QString& name, const QString& value) {
    for (std::size_t i = 0; i < all_.size(); ++i) {
        if (qs(all_[i].name) != name) continue;
        if (!assign(all_[i], value)) return false;
        for (int r = 0; r < rowCount(); ++r)
            if (shown_[static_cast<std::size_t>(r)] == static_cast<int>(i)) emit dataChanged(index(r, Value), index(r, Value));
        return true;
    }
    return false;
}

QString ParameterModel::value(const QString& name) const {
    for (const auto& row : all_)
        if (qs(row.name) == name) return row.value;
    return {};
}

int ParameterModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(shown_.size()); }
int ParameterModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ParameterModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    const Row& row = all_[static_cast<std::size_t>(shown_[static_cast<std::size_t>(index.row())])];
    static const rec::RecommenderConfig defaults;
    if (role == Qt::ForegroundRole && index.column() == Default) return QBrush(QColor(0x75, 0x75, 0x75));
    if (role == Qt::ToolTipRole) {
        const QString help = RecommenderChoices::parameterHelp(qs(row.name));
        if (index.column() == Value) return tr("%1\nLeave empty for the default; the value is checked when you enter it.").arg(help);
        return help;
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    switch (index.column()) {
    case Name: return qs(row.name);
    case Value: return row.value;
    case Default: {
        return valueOf(defaults, row.name);
    }
    }
    return {};
}

QVariant ParameterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Parameter");
    case Value: return tr("Value");
    case Default: return tr("Default");
    }
    return {};
}

Qt::ItemFlags ParameterModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return QAbstractTableModel::flags(index) | (index.column() == Value ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

bool ParameterModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != Value || role != Qt::EditRole || index.row() >= rowCount()) return false;
    if (!assign(all_[static_cast<std::size_t>(shown_[static_cast<std::size_t>(index.row())])], value.toString())) return false;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

}  // namespace ss::ui
