// ModelTableModel: the models of the models folder as a table (name, vocabulary language, dimension,
// layers, pooling, size, SHA-256, published checksums, coverage of the open project, use, source). Filled
// from a job's result. GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

#include "embed/LanguageCoverage.h"
#include "embed/ModelCatalog.h"

namespace ss::ui {

class ModelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Language, Dimension, Layers, Pooling, Size, Checksum, Coverage, Use, Source, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    // `coverage`: the open project's kept measures (matched to a model by its folder name);
    // `projectModel`: the folder chosen for the project (empty: the workbench default).
    void setModels(std::vector<ModelEntry> models, std::vector<LanguageCoverage> coverage, const QString& projectModel);
    const ModelEntry* model(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString coverageText(const ModelEntry& m) const;
    QString useText(const ModelEntry& m) const;
    std::vector<ModelEntry> models_;
    std::vector<LanguageCoverage> coverage_;
    QString projectModel_;
};

}  // namespace ss::ui
