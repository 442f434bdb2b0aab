// SettingsDialog: an editor generated from SettingsRegistry's definitions; writes on OK.
// GUI thread only.
#pragma once

#include <QDialog>
#include <QHash>

namespace ss::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    void apply();
    // One line about a model folder (empty: the default model): name, size, device it would use.
    static QString describeModel(const QString& folder);

signals:
    void languageChanged(const QString& language);

private:
    QHash<QString, QWidget*> editors_;
};

}  // namespace ss::ui
