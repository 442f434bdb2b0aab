#include "ItemCardDelegate.h"

#include <QLocale>

#include <QApplication>
#include <QPainter>

namespace ss::ui {

QString ItemCardDelegate::facts(const QString& category, const std::optional<double>& price, const QString& externalId) {
    QStringList parts{category};
    if (price) parts << QLocale().toString(*price, 'f', 2);
    parts << externalId;
    return parts.join(QStringLiteral("  ·  "));
}

void ItemCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QRect area = option.rect.adjusted(4, 2, -4, -2);
    const int line = option.fontMetrics.height();
    int y = area.top();
    auto draw = [&](const QFont& font, const QColor& colour, const QString& s) {
        painter->setFont(font);
        painter->setPen(colour);
        painter->drawText(QRect(area.left(), y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(font).elidedText(s, Qt::ElideRight, area.width()));
        y += line;
    };
    QFont bold = option.font;
    bold.setBold(true);
    draw(bold, text, index.data(Qt::DisplayRole).toString());
    const QString subtitle = index.data(SubtitleRole).toString();
    if (!subtitle.isEmpty()) draw(option.font, selected ? text : QColor(0x75, 0x75, 0x75), subtitle);
    const QString note = index.data(NoteRole).toString();
    if (!note.isEmpty()) {
        QFont italic = option.font;
        italic.setItalic(true);
        const bool muted = index.data(NoteMutedRole).toBool();
        draw(italic, selected ? text : muted ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x2e, 0x6b, 0x8f), note);
    }
    painter->restore();
}

QSize ItemCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const int lines = 1 + !index.data(SubtitleRole).toString().isEmpty() + !index.data(NoteRole).toString().isEmpty();
    return {160, lines * option.fontMetrics.height() + 6};
}

}  // namespace ss::ui
