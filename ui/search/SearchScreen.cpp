#include "SearchScreen.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolTip>
#include <QValueAxis>

#include "NiceAxis.h"
#include <QVBoxLayout>
#include <QColor>
#include <QCursor>
#include <QFileDialog>
#include <QMessageBox>
#include <map>

#include "EncoderAccess.h"
#include "ItemResultsModel.h"
#include "JobRunner.h"
#include "Text.h"
#include "embed/EncodeJob.h"
#include "embed/SemanticIndexCache.h"

namespace ss::ui {

SearchScreen::SearchScreen(JobRunner& runner, QWidget* parent) : ProjectScreen(parent), runner_(runner) {
    auto* tabs = tabs_ = new QTabWidget(this);
    auto* outer = new QVBoxLayout(this);
    auto* modelBar = new QHBoxLayout();
    model_ = new QLabel(this);
    model_->setObjectName("model");
    auto* chooseModel = new QPushButton(tr("Model for this project…"), this);
    auto* encodeItems = new QPushButton(tr("Encode items"), this);
    auto* encodeReviews = new QPushButton(tr("Encode reviews"), this);
    modelBar->addWidget(model_, 1);
    modelBar->addWidget(chooseModel);
    modelBar->addWidget(encodeItems);
    modelBar->addWidget(encodeReviews);
    outer->addLayout(modelBar);
    outer->addWidget(tabs);
    connect(chooseModel, &QPushButton::clicked, this, &SearchScreen::chooseModel);
    needEncoder_ = {encodeItems, encodeReviews};
    connect(encodeItems, &QPushButton::clicked, this, [this] { encode(EncodeTarget::Items); });
    connect(encodeReviews, &QPushButton::clicked, this, [this] { encode(EncodeTarget::Reviews); });

    auto* searchPage = new QWidget(tabs);
    auto* layout = new QVBoxLayout(searchPage);
    auto* bar = new QHBoxLayout();
    query_ = new QLineEdit(searchPage);
    query_->setObjectName("query");
    query_->setPlaceholderText(tr("Describe what you are looking for, in English or 中文 — e.g. “quiet headphones for travel”"));
    k_ = new QSpinBox(searchPage);
    k_->setRange(1, 200);
    k_->setValue(20);
    k_->setPrefix(tr("top "));
    auto* go = new QPushButton(tr("Search"), searchPage);
    go->setObjectName("search");
    needEncoder_ << go;
    auto* similar = new QPushButton(tr("Similar to selected"), searchPage);
    bar->addWidget(query_, 1);
    bar->addWidget(k_);
    bar->addWidget(go);
    bar->addWidget(similar);
    heading_ = new QLabel(tr("Type a query to search the catalog by meaning."), searchPage);
    heading_->setObjectName("heading");
    results_ = new ItemResultsModel(this);
    view_ = new QTableView(searchPage);
    view_->setModel(results_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->horizontalHeader()->setSectionResizeMode(ItemResultsModel::Title, QHeaderView::Stretch);
    view_->verticalHeader()->hide();
    layout->addLayout(bar);
    layout->addWidget(heading_);
    layout->addWidget(view_, 1);
    tabs->addTab(searchPage, tr("Search and similar items"));

    auto* mapPage = new QWidget(tabs);
    auto* mapLayout = new QVBoxLayout(mapPage);
    auto* mapBar = new QHBoxLayout();
    auto* draw = new QPushButton(tr("Draw the map"), mapPage);
    mapStatus_ = new QLabel(tr("A 2D projection (PCA) of every item's sentence vector, coloured by category."), mapPage);
    mapStatus_->setWordWrap(true);
    mapBar->addWidget(draw);
    mapBar->addWidget(mapStatus_, 1);
    chart_ = new QChart();
    chart_->setTitle(tr("Embedding map"));
    chart_->legend()->setAlignment(Qt::AlignRight);
    chartView_ = new QChartView(chart_, mapPage);
    chartView_->setRenderHint(QPainter::Antialiasing);
    mapLayout->addLayout(mapBar);
    mapLayout->addWidget(chartView_, 1);
    tabs->addTab(mapPage, tr("Embedding map"));

    connect(go, &QPushButton::clicked, this, [this] { search(query_->text()); });
    connect(query_, &QLineEdit::returnPressed, this, [this] { search(query_->text()); });
    auto similarToSelected = [this] {
        const auto rows = view_->selectionModel()->selectedRows();
        if (const ItemHit* h = rows.isEmpty() ? nullptr : results_->hit(rows.first().row())) showSimilar(qs(h->item.externalId));
    };
    connect(similar, &QPushButton::clicked, this, similarToSelected);
    connect(view_, &QTableView::doubleClicked, this, similarToSelected);
    connect(draw, &QPushButton::clicked, this, &SearchScreen::buildMap);
}

void SearchScreen::setProject(const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    results_->setHits({});
    chart_->removeAllSeries();
    showModel();
}

void SearchScreen::showModel() {
    const QString own = project_ ? project_->modelFolder() : QString();
    auto choice = project_ ? EncoderAccess::fromSettings(*project_) : EncoderAccess::fromSettings();
    for (auto* button : needEncoder_) button->setEnabled(choice.ok());
    if (!choice) {
        // Say what is off, why, and how to turn it on; similar items and the map still work on vectors encoded before.
        model_->setText(tr("No sentence encoder, so searching and encoding are off. Add one with Help ▸ Add a sentence encoder."));
        model_->setToolTip(qs(choice.error().describe()));
        return;
    }
    model_->setToolTip(qs(choice->modelDir.string()));
    const QString name = qs(choice->modelDir.filename().string());
    model_->setText(own.isEmpty() ? tr("Model: %1 (workbench default)").arg(name) : tr("Model: %1 (chosen for this project)").arg(name));
}

void SearchScreen::chooseModel() {
    if (!project_) return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a BERT model folder for this project"), project_->modelFolder());
    if (folder.isEmpty()) return;
    // Reading the model's files and writing the project's setting is a job, like any file work.
    std::function<Result<bool>(const JobContext&)> job = [project = project_, folder](const JobContext&) -> Result<bool> {
        SS_TRY(EncoderAccess::chooseForProject(*project, folder));
        return true;
    };
    runner_.start<bool>(QStringLiteral("search/model"), tr("Choosing the project's model"), job, this, [this](Result<bool> r) {
        if (!r) QMessageBox::warning(this, tr("Model"), qs(r.error().describe()));
        showModel();
        emit modelChosen();
    });
}

void SearchScreen::encode(EncodeTarget target) {
    if (!project_) return;
    auto choice = EncoderAccess::fromSettings(*project_);
    if (!choice) {
        emit failed(tr("The sentence encoder is not available: %1").arg(qs(choice.error().describe())));
        return;
    }
    std::function<Result<EncodeSummary>(const JobContext&)> job = [c = *choice, p = project_->file(), target](const JobContext& ctx) -> Result<EncodeSummary> {
        auto encoder = EncoderAccess::acquire(c);
        if (!encoder) return encoder.error();
        return EncodeJob::run(p, **encoder, target, ctx);
    };
    const QString title = target == EncodeTarget::Items ? tr("Encoding items") : tr("Encoding reviews");
    runner_.start<EncodeSummary>(title, job, this, [this, title](Result<EncodeSummary> r) {
        if (!r) {
            emit failed(qs(r.error().describe()));
            return;
        }
        heading_->setText(tr("%1: %2 encoded now, %3 already cached, %4 s").arg(title).arg(r->encoded).arg(r->cached).arg(r->seconds, 0, 'f', 1));
        emit encoded();
    });
}

void SearchScreen::search(const QString& query) {
    if (!project_ || query.trimmed().isEmpty()) return;
    auto choice = EncoderAccess::fromSettings(*project_);
    if (!choice) {
        heading_->setText(tr("The sentence encoder is not available: %1").arg(qs(choice.error().describe())));
        emit failed(heading_->text());
        return;
    }
    heading_->setText(tr("Searching for “%1”…").arg(query));
    std::function<Result<std::vector<ItemHit>>(const JobContext&)> job =
        [c = *choice, project = project_, q = utf8(query), k = std::size_t(k_->value())](const JobContext& ctx) -> Result<std::vector<ItemHit>> {
        auto encoder = EncoderAccess::acquire(c);
        if (!encoder) return encoder.error();
        auto index = project->semanticIndex().upToDate(**encoder, ctx);
        if (!index) return index.error();
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        return SemanticCatalog::search(**index, **reader, **encoder, q, k);
    };
    // One key for searches and similar items: they fill the same list, and only the newest may.
    runner_.start<std::vector<ItemHit>>(QStringLiteral("search/results"), tr("Semantic search"), job, this, [this, query](Result<std::vector<ItemHit>> r) {
        if (!r) {
            heading_->setText(tr("Search failed: %1").arg(qs(r.error().describe())));
            emit failed(heading_->text());
            return;
        }
        heading_->setText(tr("Items closest in meaning to “%1”").arg(query));
        results_->setHits(std::move(*r));
        view_->resizeColumnsToContents();
        emit resultsReady();
    });
}

void SearchScreen::showSimilar(const QString& externalItemId) {
    if (!project_) return;
    auto choice = EncoderAccess::fromSettings(*project_);
    if (!choice) {
        heading_->setText(tr("The sentence encoder is not available: %1").arg(qs(choice.error().describe())));
        emit failed(heading_->text());
        return;
    }
    std::function<Result<std::vector<ItemHit>>(const JobContext&)> job =
        [c = *choice, project = project_, id = utf8(externalItemId), k = std::size_t(k_->value())](const JobContext& ctx) -> Result<std::vector<ItemHit>> {
        auto encoder = EncoderAccess::acquire(c);
        if (!encoder) return encoder.error();
        auto index = project->semanticIndex().upToDate(**encoder, ctx);
        if (!index) return index.error();
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        return SemanticCatalog::similar(**index, **reader, id, k);
    };
    runner_.start<std::vector<ItemHit>>(QStringLiteral("search/results"), tr("Similar items"), job, this, [this, externalItemId](Result<std::vector<ItemHit>> r) {
        if (!r) {
            heading_->setText(tr("Similar items failed: %1").arg(qs(r.error().describe())));
            emit failed(heading_->text());
            return;
        }
        heading_->setText(tr("Items most similar to %1").arg(externalItemId));
        results_->setHits(std::move(*r));
        view_->resizeColumnsToContents();
        emit resultsReady();
    });
}

void SearchScreen::buildMap() {
    if (!project_) return;
    auto choice = EncoderAccess::fromSettings(*project_);
    if (!choice) {
        mapStatus_->setText(tr("The sentence encoder is not available: %1").arg(qs(choice.error().describe())));
        emit failed(mapStatus_->text());
        return;
    }
    mapStatus_->setText(tr("Encoding and projecting the catalog…"));
    std::function<Result<CatalogMap>(const JobContext&)> job = [c = *choice, project = project_](const JobContext& ctx) -> Result<CatalogMap> {
        auto encoder = EncoderAccess::acquire(c);
        if (!encoder) return encoder.error();
        auto index = project->semanticIndex().upToDate(**encoder, ctx);
        if (!index) return index.error();
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        return SemanticCatalog::map(**index, **reader, ctx);
    };
    runner_.start<CatalogMap>(tr("Embedding map"), job, this, [this](Result<CatalogMap> r) {
        if (!r) {
            mapStatus_->setText(tr("The map failed: %1").arg(qs(r.error().describe())));
            emit failed(mapStatus_->text());
            return;
        }
        chart_->removeAllSeries();
        for (auto* axis : chart_->axes()) chart_->removeAxis(axis);
        std::map<std::string, QScatterSeries*> byCategory;
        auto points = std::make_shared<std::vector<CatalogMapPoint>>(std::move(r->points));
        for (const auto& p : *points) {
            auto& series = byCategory[p.item.category];
            if (!series) {
                series = new QScatterSeries(chart_);
                series->setName(p.item.category.empty() ? tr("(no category)") : qs(p.item.category));
                series->setMarkerSize(7);
                series->setBorderColor(Qt::transparent);
            }
            series->append(p.x, p.y);
        }
        auto* x = new QValueAxis(chart_);
        auto* y = new QValueAxis(chart_);
        x->setTitleText(tr("Component 1 (%1% of variance)").arg(r->explained[0] * 100, 0, 'f', 1));
        y->setTitleText(tr("Component 2 (%1% of variance)").arg(r->explained[1] * 100, 0, 'f', 1));
        chart_->addAxis(x, Qt::AlignBottom);
        chart_->addAxis(y, Qt::AlignLeft);
        float minX = 0, maxX = 0, minY = 0, maxY = 0;
        for (std::size_t i = 0; i < points->size(); ++i) {
            const auto& p = (*points)[i];
            if (i == 0 || p.x < minX) minX = p.x;
            if (i == 0 || p.x > maxX) maxX = p.x;
            if (i == 0 || p.y < minY) minY = p.y;
            if (i == 0 || p.y > maxY) maxY = p.y;
        }
        const float padX = (maxX - minX) * 0.05f + 1e-3f, padY = (maxY - minY) * 0.05f + 1e-3f;
        applyNiceRange(x, minX - padX, maxX + padX);
        applyNiceRange(y, minY - padY, maxY + padY);
        int colourIndex = 0;
        const int colours = static_cast<int>(byCategory.size());
        for (auto& [category, series] : byCategory) {
            // The chart theme has only a handful of colours; spread the hues so categories differ.
            series->setColor(QColor::fromHsv(colourIndex * 360 / std::max(1, colours), 190, colourIndex % 2 ? 170 : 230));
            ++colourIndex;
            chart_->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
            // Hover: name the item under the cursor (nearest point of this series).
            connect(series, &QScatterSeries::hovered, this, [points, category = category](const QPointF& at, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                const CatalogMapPoint* best = nullptr;
                double bestDistance = 0;
                for (const auto& p : *points) {
                    if (p.item.category != category) continue;
                    const double d = (p.x - at.x()) * (p.x - at.x()) + (p.y - at.y()) * (p.y - at.y());
                    if (!best || d < bestDistance) { best = &p; bestDistance = d; }
                }
                if (best)
                    QToolTip::showText(QCursor::pos(), QStringLiteral("<b>%1</b><br>%2<br>%3")
                                                           .arg(qs(best->item.externalId).toHtmlEscaped(), qs(best->item.title).toHtmlEscaped(),
                                                                qs(best->item.category).toHtmlEscaped()));
            });
        }
        mapStatus_->setText(tr("%1 items; hover a point for its title.").arg(points->size()));
        tabs_->setCurrentIndex(1);
        emit mapReady();
    });
}

}  // namespace ss::ui
