// ParameterModel: the recommenders' parameters as an editable table — one row per name the factory
// knows ("als.factors", "twotower.epochs", ...), the value the user set (empty: the default) and the
// default. Edits are checked by core's RecommenderFactory::applyParameter; a rejected value is not
// kept and its message is emitted. GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

#include "rec/Factory.h"

namespace ss::ui {

class ParameterModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Value, Default, ColumnCount };
    explicit ParameterModel(QObject* parent = nullptr);

    // Shows only the parameters of these recommenders (a hybrid shows its own); empty: all.
    void setRecommenders(const QStringList& names);
    // The configuration with every set value applied.
    Result<rec::RecommenderConfig> config() const;
    bool setValue(const QString& name, const QString& value);  // same checks as an edit
    QString value(const QString& name) const;
    // A configuration's value of a parameter, as the factory's parser would read it back.
    static QString valueOf(const rec::RecommenderConfig& config, const std::string& name);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void rejected(const QString& message);

private:
    struct Row {
        std::string name;
        QString value;
    };
    bool assign(Row& row, const QString& value);
    std::vector<Row> all_;
    std::vector<int> shown_;  // indices into all_
};

}  // namespace ss::ui
