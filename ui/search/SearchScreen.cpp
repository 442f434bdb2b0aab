#include "SearchScreen.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "CatalogMapChart.h"
#include "CoverageText.h"
#include "EncoderAccess.h"
#include "ItemResultsModel.h"
#include "JobRunner.h"
#include "Text.h"
#include "embed/EncodeJob.h"
#include "embed/SemanticIndexCache.h"
#include "search/RankFusion.h"

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
    coverage_ = new QLabel(this);
    coverage_->setObjectName("coverage");
    coverage_->setWordWrap(true);
    coverage_->setTextFormat(Qt::PlainText);
    coverage_->hide();
    outer->addWidget(coverage_);
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
    mode_ = new QComboBox(searchPage);
    mode_->setObjectName("mode");
    mode_->addItem(tr("Words and meaning"), int(SearchMode::Hybrid));
    mode_->addItem(tr("Words only"), int(SearchMode::Lexical));
    mode_->addItem(tr("Meaning only"), int(SearchMode::Semantic));
    mode_->setToolTip(tr("Words: the query's words in titles, descriptions, categories and brands (Chinese matches on substrings; "
                         "no model needed). Meaning: the items whose sentence vectors are closest to the query's. "
                         "Both: the two rankings fused."));
    auto* go = new QPushButton(tr("Search"), searchPage);
    go->setObjectName("search");
    auto* similar = new QPushButton(tr("Similar to selected"), searchPage);
    similar->setObjectName("similar");
    needEncoder_ << similar;
    bar->addWidget(query_, 1);
    bar->addWidget(mode_);
    bar->addWidget(k_);
    bar->addWidget(go);
    bar->addWidget(similar);
    balance_ = new QWidget(searchPage);
    auto* balance = new QHBoxLayout(balance_);
    balance->setContentsMargins(0, 0, 0, 0);
    semanticShare_ = new QSlider(Qt::Horizontal, balance_);
    semanticShare_->setObjectName("semanticShare");
    semanticShare_->setRange(0, 100);
    semanticShare_->setValue(50);
    semanticShare_->setMaximumWidth(240);
    semanticShare_->setToolTip(tr("How much the meaning counts beside the words. It is lowered by itself when the model "
                                  "does not know many of the query's or the catalog's word pieces."));
    balance->addWidget(new QLabel(tr("Words"), balance_));
    balance->addWidget(semanticShare_);
    balance->addWidget(new QLabel(tr("Meaning"), balance_));
    balance->addStretch(1);
    fusionNote_ = new QLabel(searchPage);
    fusionNote_->setObjectName("fusionNote");
    fusionNote_->setWordWrap(true);
    fusionNote_->hide();
    heading_ = new QLabel(tr("Type a query to search the catalog by its words and meaning."), searchPage);
    heading_->setObjectName("heading");
    results_ = new ItemResultsModel(this);
    view_ = new QTableView(searchPage);
    view_->setModel(results_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->horizontalHeader()->setSectionResizeMode(ItemResultsModel::Title, QHeaderView::Stretch);
    view_->verticalHeader()->hide();
    layout->addLayout(bar);
    layout->addWidget(balance_);
    layout->addWidget(heading_);
    layout->addWidget(fusionNote_);
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
    map_ = new CatalogMapChart(mapPage);
    mapLayout->addLayout(mapBar);
    mapLayout->addWidget(map_, 1);
    tabs->addTab(mapPage, tr("Embedding map"));

    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { balance_->setVisible(searchMode() == SearchMode::Hybrid); });
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
    map_->clear();
    coverageMeasured_ = false;
    coverage_->hide();
    showModel();
}

void SearchScreen::showModel() {
    const QString own = project_ ? project_->modelFolder() : QString();
    auto choice = project_ ? EncoderAccess::fromSettings(*project_) : EncoderAccess::fromSettings();
    for (auto* button : needEncoder_) button->setEnabled(choice.ok());
    if (!choice) {
        // Say what is off, why, and how to turn it on; similar items and the map still work on vectors encoded before.
        model_->setText(tr("No sentence encoder, so searching by meaning, similar items and encoding are off; searching by words works. "
                           "Add one with Help ▸ Add a sentence encoder."));
        setSearchMode(SearchMode::Lexical);
        model_->setToolTip(qs(choice.error().describe()));
        return;
    }
    model_->setToolTip(qs(choice->modelDir.string()));
    const QString name = qs(choice->modelDir.filename().string());
    model_->setText(own.isEmpty() ? tr("Model: %1 (workbench default)").arg(name) : tr("Model: %1 (chosen for this project)").arg(name));
    if (isVisible()) measureCoverage();
}

void SearchScreen::showEvent(QShowEvent* event) {
    ProjectScreen::showEvent(event);
    if (!coverageMeasured_) measureCoverage();
}

void SearchScreen::measureCoverage() {
    if (!project_) return;
    auto choice = EncoderAccess::fromSettings(*project_);
    if (!choice) return;
    coverageMeasured_ = true;
    using Measures = std::vector<LanguageCoverage>;
    std::function<Result<Measures>(const JobContext&)> job = [c = *choice, project = project_](const JobContext&) -> Result<Measures> {
        auto encoder = EncoderAccess::acquire(c);
        if (!encoder) return encoder.error();
        Measures kept;
        {
            auto reader = project->readers().lease();
            if (!reader) return reader.error();
            auto stored = LanguageCoverage::stored(**reader);
            if (!stored) return stored.error();
            kept = std::move(*stored);
        }
        Measures out;
        for (EncodeTarget target : {EncodeTarget::Items, EncodeTarget::Reviews}) {
            const std::string name = EncodeJob::targetName(target);
            auto it = std::find_if(kept.begin(), kept.end(), [&](const LanguageCoverage& m) { return m.target == name && m.model == (*encoder)->fingerprint(); });
            if (it != kept.end()) {
                out.push_back(*it);
                continue;
            }
            auto estimate = EncodeJob::estimateCoverage(project->file(), **encoder, target);
            if (!estimate) return estimate.error();
            if (estimate->counts.texts > 0) out.push_back(std::move(*estimate));
        }
        return out;
    };
    runner_.start<Measures>(QStringLiteral("search/coverage"), tr("Checking how well the model reads the shop"), job, this, [this](Result<Measures> r) {
        if (!r) {
            coverage_->hide();
            return;
        }
        coverage_->setText(CoverageText::describe(*r));
        coverage_->setStyleSheet(CoverageText::anyUnreadable(*r) ? QStringLiteral("QLabel { background: #fff4e5; color: #6b3d00; padding: 6px; }")
                                                                  : QString());
        coverage_->setVisible(!r->empty());
        emit coverageShown();
    });
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
        heading_->setText(tr("%1: %2 encoded now (%3 of them shared an identical text), %4 already cached, %5 s")
                              .arg(title)
                              .arg(r->encoded)
                              .arg(r->sharedText)
                              .arg(r->cached)
                              .arg(r->seconds, 0, 'f', 1));
        measureCoverage();  // the job measured every text: the exact figures replace the estimate
        emit encoded();
    });
}

void SearchScreen::setSearchMode(SearchMode mode) { mode_->setCurrentIndex(mode_->findData(int(mode))); }

SearchMode SearchScreen::searchMode() const { return static_cast<SearchMode>(mode_->currentData().toInt()); }

void SearchScreen::setSemanticShare(double share) { semanticShare_->setValue(int(std::lround(std::clamp(share, 0.0, 1.0) * 100))); }

void SearchScreen::search(const QString& query) {
    if (!project_ || query.trimmed().isEmpty()) return;
    SearchOptions options;
    options.mode = searchMode();
    options.k = std::size_t(k_->value());
    options.semanticShare = semanticShare_->value() / 100.0;
    std::optional<EncoderAccess::Choice> choice;
    if (options.mode != SearchMode::Lexical) {
        auto found = EncoderAccess::fromSettings(*project_);
        if (!found) {
            heading_->setText(tr("The sentence encoder is not available: %1. Searching by words only needs none.").arg(qs(found.error().describe())));
            emit failed(heading_->text());
            return;
        }
        choice = *found;
    }
    heading_->setText(tr("Searching for “%1”…").arg(query));
    std::function<Result<SearchAnswer>(const JobContext&)> job = [choice, project = project_, q = utf8(query), options](const JobContext& ctx) -> Result<SearchAnswer> {
        if (!choice) {
            auto reader = project->readers().lease();
            if (!reader) return reader.error();
            return CatalogSearch::run(**reader, nullptr, nullptr, q, options);
        }
        auto encoder = EncoderAccess::acquire(*choice);  // held (locked) until the answer is made
        if (!encoder) return encoder.error();
        auto index = project->semanticIndex().upToDate(**encoder, ctx);  // encodes new items first
        if (!index) return index.error();
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        return CatalogSearch::run(**reader, &**encoder, index->get(), q, options);
    };
    // One key for searches and similar items: they fill the same list, and only the newest may.
    runner_.start<SearchAnswer>(QStringLiteral("search/results"), tr("Search"), job, this, [this, query](Result<SearchAnswer> r) {
        if (!r) {
            heading_->setText(tr("Search failed: %1").arg(qs(r.error().describe())));
            emit failed(heading_->text());
            return;
        }
        switch (r->mode) {
        case SearchMode::Hybrid: heading_->setText(tr("Items matching “%1” by their words and meaning").arg(query)); break;
        case SearchMode::Lexical: heading_->setText(tr("Items holding the words of “%1”").arg(query)); break;
        case SearchMode::Semantic: heading_->setText(tr("Items closest in meaning to “%1”").arg(query)); break;
        }
        fusionNote_->setVisible(r->semanticLowered());
        if (r->semanticLowered()) {
            const bool ofQuery = r->queryReadWorse();
            const double unknown = 100 * (ofQuery ? r->queryUnknownShare : r->catalogUnknownShare);
            fusionNote_->setText(ofQuery ? tr("The model does not know %1% of this query's word pieces, so its meaning counts %2 instead of %3 beside the words.")
                                                .arg(unknown, 0, 'f', 0).arg(r->weights.semantic, 0, 'f', 2).arg(1 - r->weights.lexical, 0, 'f', 2)
                                         : tr("The model does not know %1% of the catalog's word pieces, so meaning counts %2 instead of %3 beside the words.")
                                                .arg(unknown, 0, 'f', 0).arg(r->weights.semantic, 0, 'f', 2).arg(1 - r->weights.lexical, 0, 'f', 2));
        }
        results_->setHits(std::move(r->hits), r->mode == SearchMode::Semantic ? ItemResultsModel::ScoreKind::Similarity
                                                                              : ItemResultsModel::ScoreKind::Relevance);
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
        fusionNote_->hide();
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
        const auto items = r->points.size();
        map_->setMap(std::move(*r));
        mapStatus_->setText(tr("%1 items; hover a point for its title.").arg(items));
        tabs_->setCurrentIndex(1);
        emit mapReady();
    });
}

}  // namespace ss::ui
