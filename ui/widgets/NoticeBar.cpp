#include "NoticeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ss::ui {

NoticeBar::NoticeBar(QWidget* parent) : QFrame(parent) {
    setObjectName("noticeBar");
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#noticeBar { background: palette(alternate-base); border-radius: 4px; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    text_ = new QLabel(this);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text_, 1);
    auto* dismiss = new QPushButton(tr("Dismiss"), this);
    dismiss->setObjectName("dismissNotices");
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    connect(dismiss, &QPushButton::clicked, this, &NoticeBar::clear);
    hide();
}

void NoticeBar::addNotice(const QString& text) {
    notices_ << text;
    QStringList escaped;
    for (const QString& n : notices_) escaped << n.toHtmlEscaped();
    text_->setText(escaped.join(QStringLiteral("<br>")));
    show();
}

void NoticeBar::clear() {
    notices_.clear();
    text_->clear();
    hide();
}

}  // namespace ss::ui
