// NumberProxyModel: shows a table model's numbers to QtCharts' model mappers — DisplayRole answers
// with the source's value role (a double), so tables can display formatted text ("0.1234 ≈") while
// charts read exact values. Pass-through otherwise. GUI thread only.
#pragma once

#include <QIdentityProxyModel>

namespace ss::ui {

class NumberProxyModel : public QIdentityProxyModel {
    Q_OBJECT
public:
    NumberProxyModel(int valueRole, QObject* parent = nullptr) : QIdentityProxyModel(parent), valueRole_(valueRole) {}
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override {
        return QIdentityProxyModel::data(index, role == Qt::DisplayRole ? valueRole_ : role);
    }

private:
    int valueRole_;
};

}  // namespace ss::ui
