// ImportWizard: choose files, see the detected format and a preview of the first rows, set the
// mapping or options, run the import as a cancellable job, then read its report with the rejected
// rows. GUI thread only; the import itself runs on a worker thread.
#pragma once

#include <QWizard>

#include "ingest/Importer.h"

class QComboBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace ss::ui {

class JobRunner;

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    ImportWizard(JobRunner& runner, const QString& projectPath, QWidget* parent = nullptr);

    // For tests and drag-and-drop: preset the files (format is detected from the first).
    void setFiles(const QStringList& files);
    ImportRequest request() const;
    bool finishedImport() const { return finished_; }

signals:
    void importFinished(bool ok);

private:
    class FilesPage;
    class PreviewPage;
    class RunPage;
    friend class FilesPage;
    friend class PreviewPage;
    friend class RunPage;

    JobRunner& runner_;
    QString projectPath_;
    QListWidget* files_ = nullptr;
    QComboBox* format_ = nullptr;
    QLineEdit* map_ = nullptr;
    QComboBox* eventType_ = nullptr;
    QCheckBox* dropOutside_ = nullptr;
    QTableWidget* preview_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QTableWidget* rejects_ = nullptr;
    int jobId_ = 0;
    bool finished_ = false;
};

}  // namespace ss::ui
