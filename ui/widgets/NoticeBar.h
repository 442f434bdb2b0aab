// NoticeBar: a calm strip above the screens for things a person should know but that need no
// decision (a recent project that has gone, a settings file that could not be read). Notices pile
// up until dismissed; the bar hides when empty. GUI thread only.
#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;

namespace ss::ui {

class NoticeBar : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBar(QWidget* parent = nullptr);
    void addNotice(const QString& text);
    QStringList notices() const { return notices_; }
    void clear();

private:
    QLabel* text_;
    QStringList notices_;
};

}  // namespace ss::ui
