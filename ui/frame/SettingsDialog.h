// SettingsDialog: an editor generated from SettingsRegistry's definitions; writes on OK. With a
// project open it also says how well the encoders used on it read its text (read in a job); its
// Models page manages the models folder.
// GUI thread only.
#pragma once

#include <QDialog>
#include <QHash>

#include <memory>

class QFormLayout;
class QLabel;
class QTabWidget;

namespace ss::ui {

class JobRunner;
class ProjectContext;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    void apply();
    // Adds the open project's language coverage (the latest measure per kind of text), read in a job.
    void showCoverage(JobRunner& runner, std::shared_ptr<ProjectContext> project);
    // Adds the Models page (the model manager; see ModelsPage).
    void showModels(JobRunner& runner, std::shared_ptr<ProjectContext> project);
    // One line about a model folder (empty: the default model): name, size, device it would use.
    static QString describeModel(const QString& folder);

signals:
    void languageChanged(const QString& language);
    void coverageShown();

private:
    QHash<QString, QWidget*> editors_;
    QFormLayout* form_;
    QTabWidget* tabs_;
};

}  // namespace ss::ui
