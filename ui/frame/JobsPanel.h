// JobsPanel: one row per running job — title, progress bar, stage, Cancel — fed by JobRunner's
// signals; finished jobs leave a one-line outcome. GUI thread only.
#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

class QVBoxLayout;

namespace ss::ui {

class JobRunner;

class JobsPanel : public QWidget {
    Q_OBJECT
public:
    JobsPanel(JobRunner& runner, QWidget* parent = nullptr);

private:
    void addJob(int id, const QString& title);
    void updateJob(int id, double fraction, const QString& stage);
    void finishJob(int id, bool ok, bool cancelled, const QString& message);

    JobRunner& runner_;
    QVBoxLayout* rows_;
    static constexpr int kKeptFinished = 6;
    QHash<int, QWidget*> widgets_;
    QList<int> finished_;
};

}  // namespace ss::ui
