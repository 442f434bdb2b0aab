#include "ModelTableModel.h"

#include <QDir>
#include <QLocale>

#include "Text.h"

namespace ss::ui {

void ModelTableModel::setModels(std::vector<ModelEntry> models, std::vector<LanguageCoverage> coverage, const QString& projectModel) {
    beginResetModel();
    models_ = std::move(models);
    coverage_ = std::move(coverage);
    projectModel_ = projectModel;
    endResetModel();
}

const ModelEntry* ModelTableModel::model(int row) const {
    return row >= 0 && row < rowCount() ? &models_[static_cast<std::size_t>(row)] : nullptr;
}

int ModelTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(models_.size()); }
int ModelTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ModelTableModel::coverageText(const ModelEntry& m) const {
    QStringList parts;
    for (const auto& c : coverage_) {
        if (c.modelName != m.name) continue;
        const QString what = c.target == "items" ? tr("items") : tr("reviews");
        parts << tr("%1: %2% unknown").arg(what).arg(100 * c.unknownShare(), 0, 'f', 1);
    }
    return parts.join(QStringLiteral("; "));
}

QString ModelTableModel::useText(const ModelEntry& m) const {
    const bool forProject = !projectModel_.isEmpty() && QDir(projectModel_) == QDir(qs(m.dir.string()));
    if (forProject) return tr("this project");
    if (m.isDefault) return projectModel_.isEmpty() ? tr("default (this project)") : tr("default");
    return {};
}

QVariant ModelTableModel::data(const QModelIndex& index, int role) const {
    const ModelEntry* m = index.isValid() ? model(index.row()) : nullptr;
    if (!m || index.column() >= ColumnCount) return {};
    if (role == Qt::ToolTipRole) {
        if (!m->usable) return tr("Cannot be used: %1").arg(qs(m->problem));
        if (index.column() == Checksum) return qs(m->weightsSha256);
        if (index.column() == Language)
            return m->language == "latin" ? tr("An English-style vocabulary: Chinese text is mostly unknown word pieces to it.")
                                          : tr("The vocabulary holds Chinese characters: it reads Chinese text.");
        return qs(m->dir.string());
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Dimension || index.column() == Layers || index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                                              : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    if (!m->usable && index.column() != Name && index.column() != Size && index.column() != Source) return index.column() == Language ? tr("not usable") : QVariant();
    switch (index.column()) {
    case Name: return qs(m->name);
    case Language:
        return m->language == "chinese" ? tr("Chinese") : m->language == "mixed" ? tr("mixed") : tr("Latin script");
    case Dimension: return qlonglong(m->dimension);
    case Layers: return qlonglong(m->layers);
    case Pooling: return qs(m->pooling) + (m->normalised ? tr(", normalised") : QString());
    case Size: return QLocale().formattedDataSize(qint64(m->bytes));
    case Checksum: return qs(m->weightsSha256.substr(0, 12)) + (m->knownChecksums ? tr(" (published)") : QString());
    case Coverage: return coverageText(*m);
    case Use: return useText(*m);
    case Source: return m->source.empty() ? tr("copied by hand") : qs(m->source);
    }
    return {};
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Model");
    case Language: return tr("Vocabulary");
    case Dimension: return tr("Dimension");
    case Layers: return tr("Layers");
    case Pooling: return tr("Pooling");
    case Size: return tr("Size");
    case Checksum: return tr("SHA-256");
    case Coverage: return tr("Reads this project");
    case Use: return tr("Used by");
    case Source: return tr("Added from");
    }
    return {};
}

}  // namespace ss::ui
