#include "BehaviourIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <map>

namespace ss::ui {
namespace {

QPixmap draw(EventType type) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colours[] = {QColor(0x60, 0x7d, 0x8b), QColor(0xef, 0x8f, 0x00), QColor(0xd8, 0x1b, 0x60), QColor(0x2e, 0x7d, 0x32)};
    const QColor c = colours[static_cast<int>(type) - 1];
    p.setPen(QPen(c, 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (type) {
    case EventType::View: {  // an eye
        QPainterPath eye;
        eye.moveTo(3, 16);
        eye.quadTo(16, 3, 29, 16);
        eye.quadTo(16, 29, 3, 16);
        p.drawPath(eye);
        p.setBrush(c);
        p.drawEllipse(QPointF(16, 16), 4.5, 4.5);
        break;
    }
    case EventType::Cart: {  // a trolley
        QPainterPath cart;
        cart.moveTo(2, 5);
        cart.lineTo(7, 5);
        cart.lineTo(10, 20);
        cart.lineTo(26, 20);
        cart.lineTo(29, 9);
        cart.lineTo(8, 9);
        p.drawPath(cart);
        p.setBrush(c);
        p.drawEllipse(QPointF(12, 26), 2.5, 2.5);
        p.drawEllipse(QPointF(24, 26), 2.5, 2.5);
        break;
    }
    case EventType::Favourite: {  // a heart
        QPainterPath heart;
        heart.moveTo(16, 28);
        heart.cubicTo(2, 18, 2, 6, 9.5, 6);
        heart.cubicTo(13, 6, 15, 8.5, 16, 11);
        heart.cubicTo(17, 8.5, 19, 6, 22.5, 6);
        heart.cubicTo(30, 6, 30, 18, 16, 28);
        p.setBrush(c);
        p.drawPath(heart);
        break;
    }
    case EventType::Purchase: {  // a filled tag with a tick
        p.setBrush(c);
        p.drawRoundedRect(QRectF(3, 5, 26, 22), 5, 5);
        p.setPen(QPen(Qt::white, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(9, 16), QPointF(14, 21), QPointF(23, 11)}));
        break;
    }
    }
    return pixmap;
}

}  // namespace

QIcon BehaviourIcons::icon(EventType type) {
    static std::map<EventType, QIcon> icons;
    auto it = icons.find(type);
    if (it == icons.end()) it = icons.emplace(type, QIcon(draw(type))).first;
    return it->second;
}

QString BehaviourIcons::name(EventType type) {
    switch (type) {
    case EventType::View: return tr("Viewed");
    case EventType::Cart: return tr("Added to cart");
    case EventType::Favourite: return tr("Favourited");
    case EventType::Purchase: return tr("Bought");
    }
    return {};
}

QString BehaviourIcons::phrase(EventType type, const QString& items) {
    switch (type) {
    case EventType::View: return tr("viewed %1").arg(items);
    case EventType::Cart: return tr("added to your cart %1").arg(items);  // the items last: long lists are elided at the end
    case EventType::Favourite: return tr("favourited %1").arg(items);
    case EventType::Purchase: return tr("bought %1").arg(items);
    }
    return items;
}

int BehaviourIcons::strength(EventType type) {
    switch (type) {
    case EventType::View: return 1;
    case EventType::Favourite: return 2;
    case EventType::Cart: return 3;
    case EventType::Purchase: return 4;
    }
    return 0;
}

}  // namespace ss::ui
