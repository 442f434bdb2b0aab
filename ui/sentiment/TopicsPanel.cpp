#include "TopicsPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "JobRunner.h"
#include "ReviewListDialog.h"
#include "SentimentTrendChart.h"
#include "Text.h"
#include "TopicTableModel.h"
#include "sentiment/ReviewCorpus.h"
#include "sentiment/SentimentStore.h"

namespace ss::ui {

TopicsPanel::TopicsPanel(JobRunner& runner, VectorMaker vectorsFor, QWidget* parent)
    : QWidget(parent), runner_(runner), vectorsFor_(std::move(vectorsFor)) {
    auto* layout = new QVBoxLayout(this);
    auto* choices = new QHBoxLayout();
    polarity_ = new QComboBox(this);
    polarity_->addItem(tr("Complaints (negative reviews)"), -1);
    polarity_->addItem(tr("Praise (positive reviews)"), 1);
    category_ = new QComboBox(this);
    category_->addItem(tr("All categories"), QString());
    choices->addWidget(new QLabel(tr("Group:"), this));
    choices->addWidget(polarity_);
    choices->addWidget(new QLabel(tr("in"), this));
    choices->addWidget(category_);
    choices->addStretch(1);
    layout->addLayout(choices);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    layout->addWidget(status_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    model_ = new TopicTableModel(this);
    table_ = new QTableView(split);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(TopicTableModel::Products, QHeaderView::Stretch);
    table_->setWordWrap(true);
    auto* detail = new QWidget(split);
    auto* detailLayout = new QVBoxLayout(detail);
    snippets_ = new QLabel(detail);
    snippets_->setWordWrap(true);
    snippets_->setTextFormat(Qt::RichText);
    snippets_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    trend_ = new SentimentTrendChart(detail);
    detailLayout->addWidget(snippets_);
    detailLayout->addWidget(trend_, 1);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(polarity_, &QComboBox::currentIndexChanged, this, &TopicsPanel::recompute);
    connect(category_, &QComboBox::currentIndexChanged, this, &TopicsPanel::recompute);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) { selectTopic(current.row()); });
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { showReviews(index.row()); });
}

void TopicsPanel::setProject(const std::shared_ptr<ProjectContext>& project, const QStringList& categories) {
    project_ = project;
    const QSignalBlocker block(category_);
    const QString current = category_->currentData().toString();
    category_->clear();
    category_->addItem(tr("All categories"), QString());
    for (const auto& c : categories) category_->addItem(c, c);
    category_->setCurrentIndex(std::max(0, category_->findData(current)));
    model_->setReport({});
    selectTopic(-1);
    if (project) recompute();
}

void TopicsPanel::recompute() {
    if (!project_) return;
    sentiment::TopicOptions options;
    options.polarity = polarity_->currentData().toInt();
    if (const QString c = category_->currentData().toString(); !c.isEmpty()) options.category = utf8(c);
    status_->setText(tr("Grouping reviews…"));
    std::function<Result<sentiment::TopicReport>(const JobContext&)> job = [p = utf8(project_->path()), options, make = vectorsFor_](const JobContext& context) {
        const auto vectors = make ? make(p) : std::nullopt;
        return sentiment::TopicReport::compute(p, options, vectors ? &*vectors : nullptr, context);
    };
    runner_.start<sentiment::TopicReport>(QStringLiteral("sentiment/topics"), tr("Grouping reviews into topics"), job, this,
                                          [this](Result<sentiment::TopicReport> r) {
                                              if (!r) {
                                                  status_->setText(tr("Could not group the reviews: %1").arg(qs(r.error().describe())));
                                                  return;
                                              }
                                              const auto reviews = r->reviews;
                                              const auto groups = r->topics.size();
                                              QString how = r->usedEncoder ? tr("Grouped by the encoder's vectors (%1).").arg(qs(r->encoderName))
                                                                           : tr("Grouped by the reviews' words (TF-IDF).");
                                              if (!r->usedEncoder && r->unknownTokenRate >= 0)
                                                  how += ' ' + tr("The encoder reads %1 of these reviews' word pieces as unknown, too many to group by its vectors.")
                                                                   .arg(QLocale().toString(100 * r->unknownTokenRate, 'f', 0) + '%');
                                              how += ' ' + (r->largestGroupCount >= 2 ? tr("The number of groups (2 to %1) has the best mean silhouette.").arg(r->largestGroupCount)
                                                                                      : tr("Too few reviews to split into groups."));
                                              model_->setReport(std::move(*r));
                                              status_->setText(reviews == 0 ? tr("No reviews of this sentiment here.")
                                                                            : tr("%n reviews in %1 groups.", nullptr, static_cast<int>(reviews)).arg(groups) + ' ' + how);
                                              if (groups > 0) table_->selectRow(0);
                                              else selectTopic(-1);
                                              emit topicsShown();
                                          });
}

void TopicsPanel::selectTopic(int row) {
    const auto* topic = model_->topic(row);
    if (!topic) {
        snippets_->setText(tr("Choose a topic to see what its reviews say."));
        trend_->setCounts(tr("Reviews per month"), {}, {});
        return;
    }
    QString html = tr("<b>Closest to the centre of the topic:</b>");
    for (const auto& s : topic->snippets) html += QStringLiteral("<p>“%1” <i>(%2)</i></p>").arg(qs(s.text).toHtmlEscaped(), qs(s.item).toHtmlEscaped());
    html += tr("<p><i>Double-click the topic to read all %n reviews.</i></p>", nullptr, topic->size);
    snippets_->setText(html);
    trend_->setCounts(tr("Reviews per month"), model_->report().months, topic->monthly);
}

void TopicsPanel::showReviews(int row) {
    const auto* topic = model_->topic(row);
    if (!topic || !project_) return;
    QStringList terms;
    for (const auto& t : topic->terms) terms << qs(t);
    const QString description = tr("%n reviews about: %1", nullptr, topic->size).arg(terms.join(QStringLiteral(", ")));
    struct Reviews {
        sentiment::ReviewCorpus corpus;
        QStringList products;
    };
    std::function<Result<Reviews>(const JobContext&)> job = [p = utf8(project_->path()), ids = topic->reviewIds](const JobContext&) -> Result<Reviews> {
        auto run = sentiment::SentimentStore::latestRun(p);
        if (!run) return run.error();
        auto corpus = sentiment::ReviewCorpus::loadIds(p, *run ? (*run)->scheme.source : sentiment::LabelSource::Stars, ids);
        if (!corpus) return corpus.error();
        auto products = sentiment::ReviewCorpus::productIds(p, corpus->items);
        if (!products) return products.error();
        QStringList names;
        for (const auto& id : *products) names << qs(id);
        return Reviews{std::move(*corpus), names};
    };
    runner_.start<Reviews>(QStringLiteral("sentiment/reviews"), tr("Reading reviews"), job, this, [this, description](Result<Reviews> r) {
        if (!r) {
            status_->setText(tr("Could not read the reviews: %1").arg(qs(r.error().describe())));
            return;
        }
        auto* dialog = new ReviewListDialog(description, r->corpus, r->products, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        emit reviewsShown(dialog->reviewCount());
        dialog->open();
    });
}

}  // namespace ss::ui
