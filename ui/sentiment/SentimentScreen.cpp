#include "SentimentScreen.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "ItemSentimentModel.h"
#include "JobRunner.h"
#include "QualityPanel.h"
#include "SentimentCategoryChart.h"
#include "SentimentText.h"
#include "SentimentTrendChart.h"
#include "Text.h"
#include "TopicsPanel.h"
#include "sentiment/SentimentApplier.h"
#include "sentiment/SentimentStore.h"
#include "sentiment/SentimentTrainer.h"
#ifdef SHELFSENSE_WITH_TORCH
#include "EncoderAccess.h"
#include "sentiment/EncoderVectors.h"
#endif

namespace ss::ui {

// The encoder the project's jobs use (read from the settings on the GUI thread when a project
// opens), shared with the jobs that make vector sources from it.
struct EncoderChoiceHolder {
    std::optional<std::filesystem::path> modelDir;
    EncoderOptions options;

    std::optional<sentiment::VectorSources> sources(const std::string& project) const {
#ifdef SHELFSENSE_WITH_TORCH
        if (!modelDir) return std::nullopt;
        auto made = sentiment::encoderVectorSources(project, *modelDir, options);
        if (!made) return std::nullopt;
        return std::move(*made);
#else
        (void)project;
        return std::nullopt;
#endif
    }
};

SentimentScreen::SentimentScreen(JobRunner& runner, QWidget* parent)
    : ProjectScreen(parent), runner_(runner), encoder_(std::make_shared<EncoderChoiceHolder>()) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    labels_ = new QComboBox(this);
    labels_->addItem(tr("Stars"), QStringLiteral("stars"));
    labels_->addItem(tr("Imported labels"), QStringLiteral("imported"));
    labels_->setToolTip(tr("Stars: 4–5 positive, 1–2 negative, 3 neutral. Imported labels: the label column of a mapped CSV import."));
    classes_ = new QComboBox(this);
    classes_->addItem(tr("Positive / negative"), 2);
    classes_->addItem(tr("Positive / neutral / negative"), 3);
    classifier_ = new QComboBox(this);
    classifier_->addItem(tr("Best on validation"), QString());
    // Fine-tuning costs minutes without a GPU, so "best" leaves it out unless the second entry is chosen.
    classifier_->addItem(tr("Best on validation, fine-tuning too"), QStringLiteral("best+finetune"));
    classifier_->setItemData(1, tr("Also train the encoder's top two layers with the head and compare it with the others: "
                                   "minutes without a GPU (at most 4,000 training reviews are read)."),
                             Qt::ToolTipRole);
    for (const char* name : {"tfidf", "head", "mlp", "finetune"}) classifier_->addItem(SentimentText::classifier(name), QString::fromLatin1(name));
    // Long entries (classifier names, the three classes) must not widen the window: the boxes elide.
    for (QComboBox* box : {labels_, classes_, classifier_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    train_ = new QPushButton(tr("Train"), this);
    train_->setToolTip(tr("Train the classifiers on the labelled reviews, keep one, and label every review with it"));
    apply_ = new QPushButton(tr("Label new reviews"), this);
    bar->addWidget(new QLabel(tr("Labels:"), this));
    bar->addWidget(labels_);
    bar->addWidget(classes_);
    bar->addWidget(new QLabel(tr("Classifier:"), this));
    bar->addWidget(classifier_);
    bar->addWidget(train_);
    bar->addWidget(apply_);
    bar->addStretch(1);
    layout->addLayout(bar);
    status_ = new QLabel(tr("No project open."), this);
    status_->setObjectName("status");
    status_->setWordWrap(true);
    layout->addWidget(status_);

    tabs_ = new QTabWidget(this);
    auto* overview = new QWidget(this);
    auto* overviewLayout = new QVBoxLayout(overview);
    definition_ = new QLabel(overview);
    definition_->setObjectName("definition");
    definition_->setWordWrap(true);
    overviewLayout->addWidget(definition_);
    auto* charts = new QSplitter(Qt::Horizontal, overview);
    categories_ = new SentimentCategoryChart(charts);
    trend_ = new SentimentTrendChart(charts);
    overviewLayout->addWidget(charts, 1);
    tabs_->addTab(overview, tr("Overview"));

    items_ = new ItemSentimentModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(items_);
    proxy_->setSortRole(ItemSentimentModel::SortRole);
    itemTable_ = new QTableView(this);
    itemTable_->setModel(proxy_);
    itemTable_->setSortingEnabled(true);
    itemTable_->sortByColumn(ItemSentimentModel::ShareNegative, Qt::DescendingOrder);
    itemTable_->verticalHeader()->setVisible(false);
    itemTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    itemTable_->horizontalHeader()->setSectionResizeMode(ItemSentimentModel::Title, QHeaderView::Stretch);
    tabs_->addTab(itemTable_, tr("Products"));

    topics_ = new TopicsPanel(runner_, [holder = encoder_](const std::string& project) { return holder->sources(project); }, this);
    tabs_->addTab(topics_, tr("Complaint topics"));
    quality_ = new QualityPanel(this);
    tabs_->addTab(quality_, tr("Classifier quality"));
    layout->addWidget(tabs_, 1);

    connect(train_, &QPushButton::clicked, this, &SentimentScreen::train);
    connect(apply_, &QPushButton::clicked, this, &SentimentScreen::labelReviews);
    setProject(nullptr);
}

SentimentScreen::~SentimentScreen() = default;

void SentimentScreen::setProject(const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    train_->setEnabled(project != nullptr);
    apply_->setEnabled(project != nullptr);
    *encoder_ = EncoderChoiceHolder{};
#ifdef SHELFSENSE_WITH_TORCH
    if (project)
        if (auto choice = EncoderAccess::fromSettings(*project)) *encoder_ = EncoderChoiceHolder{choice->modelDir, choice->options};
#endif
    if (!project) {
        status_->setText(tr("No project open."));
        display(Shown{});
        topics_->setProject(nullptr, {});
        return;
    }
    reload();
}

void SentimentScreen::reload() {
    status_->setText(tr("Reading reviews…"));
    std::function<Result<Shown>(const JobContext&)> job = [p = utf8(project_->path())](const JobContext&) -> Result<Shown> {
        auto overview = sentiment::SentimentOverview::compute(p);
        if (!overview) return overview.error();
        auto run = sentiment::SentimentStore::latestRun(p);
        if (!run) return run.error();
        return Shown{std::move(*overview), std::move(*run)};
    };
    runner_.start<Shown>(QStringLiteral("sentiment/load"), tr("Reading review sentiment"), job, this, [this](Result<Shown> r) {
        if (!r) {
            status_->setText(tr("Could not read the reviews: %1").arg(qs(r.error().describe())));
            return;
        }
        display(std::move(*r));
        emit loaded();
    });
}

void SentimentScreen::display(Shown shown) {
    const auto& o = shown.overview;
    const auto source = shown.report ? shown.report->scheme.source : sentiment::LabelSource::Stars;
    definition_->setText(!project_ ? QString() : SentimentText::overviewDefinition(o, source, qs(o.timeZone.empty() ? "UTC" : o.timeZone)));
    categories_->setOverview(o);
    trend_->setOverview(o);
    items_->setItems(o.items);
    quality_->setReport(shown.report);
    if (project_ != nullptr) {
        const auto reviews = o.total.labelled() + o.total.unlabelled;
        status_->setText(reviews == 0 ? tr("This project has no reviews.")
                                      : tr("%1 reviews: %2 negative, %3 neutral, %4 positive, %5 not labelled yet.")
                                            .arg(reviews)
                                            .arg(o.total.negative)
                                            .arg(o.total.neutral)
                                            .arg(o.total.positive)
                                            .arg(o.total.unlabelled));
        QStringList categories;
        for (const auto& c : o.categories)
            if (!c.category.empty()) categories << qs(c.category);
        topics_->setProject(project_, categories);
    }
}

void SentimentScreen::train() {
    if (!project_) return;
    sentiment::TrainOptions options;
    options.scheme.source = labels_->currentData().toString() == "imported" ? sentiment::LabelSource::Imported : sentiment::LabelSource::Stars;
    options.scheme.classes = classes_->currentData().toInt();
    const QString choice = classifier_->currentData().toString();
    options.withFineTune = choice == QLatin1String("best+finetune");
    if (!choice.isEmpty() && !options.withFineTune) options.only = sentiment::parseClassifierKind(utf8(choice));
    status_->setText(tr("Training…"));
    train_->setEnabled(false);
    std::function<Result<sentiment::SentimentReport>(const JobContext&)> job =
        [p = utf8(project_->path()), options, holder = encoder_](const JobContext& context) -> Result<sentiment::SentimentReport> {
        const auto vectors = holder->sources(p);
        auto report = sentiment::SentimentTrainer::train(p, options, vectors ? &*vectors : nullptr, context);
        if (!report) return report.error();
        auto applied = sentiment::SentimentApplier::apply(p, vectors ? &*vectors : nullptr, context);
        if (!applied) return applied.error();
        return report;
    };
    runner_.start<sentiment::SentimentReport>(QStringLiteral("sentiment/train"), tr("Training sentiment classifiers"), job, this,
                                              [this](Result<sentiment::SentimentReport> r) {
                                                  train_->setEnabled(project_ != nullptr);
                                                  if (!r) {
                                                      status_->setText(r.error().code == ErrorCode::Cancelled ? tr("Training cancelled.")
                                                                                                               : tr("Could not train: %1").arg(qs(r.error().describe())));
                                                      return;
                                                  }
                                                  emit trained();
                                                  reload();
                                              });
}

void SentimentScreen::labelReviews() {
    if (!project_) return;
    status_->setText(tr("Labelling reviews…"));
    std::function<Result<sentiment::ApplySummary>(const JobContext&)> job = [p = utf8(project_->path()), holder = encoder_](const JobContext& context) {
        const auto vectors = holder->sources(p);
        return sentiment::SentimentApplier::apply(p, vectors ? &*vectors : nullptr, context);
    };
    runner_.start<sentiment::ApplySummary>(QStringLiteral("sentiment/apply"), tr("Labelling reviews"), job, this, [this](Result<sentiment::ApplySummary> r) {
        if (!r) {
            status_->setText(tr("Could not label the reviews: %1").arg(qs(r.error().describe())));
            return;
        }
        reload();
    });
}

}  // namespace ss::ui
