// AboutDialog: what this ShelfSense is made of — its version and git revision, the Qt, LibTorch
// (with or without CUDA) and SQLite it runs with, the sentence encoder in use, and the licences of
// the libraries it is built from. GUI thread only.
#pragma once

#include <QDialog>

namespace ss::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    // The dialog's body as rich text (tested on its own).
    static QString bodyHtml();
};

}  // namespace ss::ui
