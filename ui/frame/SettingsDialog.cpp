#include "SettingsDialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>

#include "CoverageText.h"
#include "ModelsPage.h"
#include "JobRunner.h"
#include "ProjectContext.h"
#include "SettingsRegistry.h"
#include "Text.h"
#include "embed/ModelLocator.h"
#include "model/ModelConfig.h"
#ifdef SHELFSENSE_WITH_TORCH
#include "model/SentenceEncoder.h"
#endif

namespace ss::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    auto* form = form_ = new QFormLayout();
    for (const auto& d : SettingsRegistry::definitions()) {
        const QVariant current = SettingsRegistry::value(d.key);
        QWidget* editor = nullptr;
        switch (d.kind) {
        case SettingKind::Choice: {
            auto* combo = new QComboBox(this);
            for (int i = 0; i < d.choices.size(); ++i)
                combo->addItem(QCoreApplication::translate("Settings", d.choiceLabels[static_cast<std::size_t>(i)]), d.choices[i]);
            combo->setCurrentIndex(std::max<qsizetype>(0, d.choices.indexOf(current.toString())));
            editor = combo;
            break;
        }
        case SettingKind::Integer: {
            auto* spin = new QSpinBox(this);
            spin->setRange(d.minimum, d.maximum);
            spin->setValue(current.toInt());
            editor = spin;
            break;
        }
        case SettingKind::Path: {
            auto* row = new QWidget(this);
            auto* layout = new QHBoxLayout(row);
            layout->setContentsMargins(0, 0, 0, 0);
            auto* line = new QLineEdit(current.toString(), row);
            line->setObjectName("path");
            line->setPlaceholderText(tr("Default model"));
            auto* browse = new QPushButton(tr("Browse…"), row);
            connect(browse, &QPushButton::clicked, this, [this, line] {
                const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a model folder"), line->text());
                if (!dir.isEmpty()) line->setText(dir);
            });
            layout->addWidget(line);
            layout->addWidget(browse);
            editor = row;
            break;
        }
        case SettingKind::Text:
            editor = new QLineEdit(current.toString(), this);
            break;
        }
        editor->setObjectName(d.key);
        editors_.insert(d.key, editor);
        form->addRow(SettingsRegistry::label(d), editor);
        if (d.help) {
            auto* help = new QLabel(QCoreApplication::translate("Settings", d.help), this);
            help->setObjectName(d.key + "/help");
            help->setWordWrap(true);
            QPalette muted = help->palette();
            muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
            help->setPalette(muted);
            form->addRow(QString(), help);
        }
    }
    auto* model = new QLabel(this);
    model->setObjectName("modelInfo");
    model->setTextFormat(Qt::RichText);
    model->setWordWrap(true);  // a missing model's message names a long path
    model->setText(describeModel(SettingsRegistry::modelFolder()));
    if (auto* path = findChild<QLineEdit*>("path"))
        connect(path, &QLineEdit::editingFinished, this, [model, path] { model->setText(describeModel(path->text())); });
    form->addRow(tr("Model in use:"), model);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    tabs_ = new QTabWidget(this);
    auto* general = new QWidget(tabs_);
    general->setLayout(form);
    tabs_->addTab(general, tr("General"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_);
    layout->addWidget(buttons);
    // Wrapped labels (the help under a setting, the model in use) need the height their text takes
    // at the dialog's width; a top-level window is sized by its width hint alone otherwise.
    const int width = std::clamp(sizeHint().width(), 560, 720);
    resize(width, std::max(sizeHint().height(), heightForWidth(width)));
}

void SettingsDialog::showCoverage(JobRunner& runner, std::shared_ptr<ProjectContext> project) {
    if (!project) return;
    auto* label = new QLabel(tr("Reading…"), this);
    label->setObjectName("coverage");
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    form_->addRow(tr("Language coverage of this project:"), label);
    using Measures = std::vector<LanguageCoverage>;
    std::function<Result<Measures>(const JobContext&)> job = [project](const JobContext&) -> Result<Measures> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        auto stored = LanguageCoverage::stored(**reader);
        if (!stored) return stored.error();
        return LanguageCoverage::latestPerTarget(std::move(*stored));
    };
    runner.start<Measures>(QStringLiteral("settings/coverage"), tr("Reading the language coverage"), job, label, [this, label](Result<Measures> r) {
        if (!r) label->setText(qs(r.error().describe()));
        else if (r->empty()) label->setText(tr("Not measured yet: open Search, or encode the items or reviews."));
        else label->setText(CoverageText::describe(*r));
        if (r && CoverageText::anyUnreadable(*r)) label->setStyleSheet(QStringLiteral("QLabel { color: #6b3d00; }"));
        const int w = std::max(this->width(), 560);  // the new line wraps: give it its height
        resize(w, std::max(height(), heightForWidth(w)));
        emit coverageShown();
    });
}

void SettingsDialog::showModels(JobRunner& runner, std::shared_ptr<ProjectContext> project) {
    auto* page = new ModelsPage(runner, std::move(project), tabs_);
    page->setObjectName("modelsPage");
    tabs_->addTab(page, tr("Models"));
    resize(std::max(width(), 860), height());
}

QString SettingsDialog::describeModel(const QString& folder) {
    auto dir = ModelLocator::resolveOrDefault(utf8(folder));
    if (!dir) return tr("<span style='color:#b00'>%1</span>").arg(qs(dir.error().describe()).toHtmlEscaped());
    auto config = ModelConfig::fromDir(*dir);
    if (!config) return tr("<span style='color:#b00'>%1</span>").arg(qs(config.error().describe()).toHtmlEscaped());
#ifdef SHELFSENSE_WITH_TORCH
    const bool cuda = cudaAvailable();
#else
    const bool cuda = false;
#endif
    const QString device = SettingsRegistry::device();
    const QString used = device == "cpu" || !cuda ? (SettingsRegistry::fastEncoding() ? tr("CPU (fast: bf16 matrix products with AVX512-BF16, else int8)") : tr("CPU (fp32)"))
                                                  : tr("CUDA GPU (fp16)");
    return tr("<b>%1</b> — %2 layers, dimension %3, vocabulary %4, max %5 tokens, %6 pooling<br>"
              "Device: %7%8")
        .arg(qs(config->name).toHtmlEscaped())
        .arg(config->numLayers)
        .arg(config->hiddenSize)
        .arg(config->vocabSize)
        .arg(config->maxSeqLength)
        .arg(qs(std::string(ModelConfig::poolingName(config->pooling))))
        .arg(used, cuda ? QString() : tr(" (this build's LibTorch has no CUDA)"));
}

void SettingsDialog::apply() {
    const QString oldLanguage = SettingsRegistry::language();
    for (const auto& d : SettingsRegistry::definitions()) {
        QWidget* editor = editors_.value(d.key);
        QVariant v;
        if (auto* combo = qobject_cast<QComboBox*>(editor)) v = combo->currentData();
        else if (auto* spin = qobject_cast<QSpinBox*>(editor)) v = spin->value();
        else if (auto* line = qobject_cast<QLineEdit*>(editor)) v = line->text();
        else if (auto* path = editor->findChild<QLineEdit*>("path")) v = path->text();
        SettingsRegistry::setValue(d.key, v);
    }
    if (SettingsRegistry::language() != oldLanguage) emit languageChanged(SettingsRegistry::language());
}

}  // namespace ss::ui
