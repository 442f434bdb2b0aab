// ModelsPage: the Settings dialog's model manager — every model of the models folder with what it
// reads (vocabulary language, coverage of the open project), its size and checksum; add one from a
// Hugging Face folder, hub snapshot or wheel (checked before it is listed), remove one, and choose
// one for the open project. Every file and project read or write is a job. GUI thread only.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace ss::ui {

class JobRunner;
class ModelTableModel;
class ProjectContext;

class ModelsPage : public QWidget {
    Q_OBJECT
public:
    ModelsPage(JobRunner& runner, std::shared_ptr<ProjectContext> project, QWidget* parent = nullptr);
    ModelTableModel* models() const { return model_; }

public slots:
    void refresh();
    // Installs from a folder, hub snapshot, wheel or zip (what "Add model…" asks for).
    void add(const QString& source);
    void remove(int row);
    void useForProject(int row);

signals:
    void listed();
    void failed(const QString& message);

private:
    int selectedRow() const;
    void say(const QString& text, bool problem = false);

    JobRunner& runner_;
    std::shared_ptr<ProjectContext> project_;
    ModelTableModel* model_;
    QTableView* view_;
    QLabel* status_;
    QPushButton* use_;
};

}  // namespace ss::ui
