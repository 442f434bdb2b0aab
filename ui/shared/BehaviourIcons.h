// BehaviourIcons: small drawn glyphs for the four behaviours (view: an eye, cart: a trolley,
// favourite: a heart, purchase: a tag with a tick) and their translated names and verbs, so every
// timeline and explanation speaks of behaviours the same way. Icons are painted once and cached.
// GUI thread only (QPixmap).
#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QString>

#include "store/EventType.h"

namespace ss::ui {

class BehaviourIcons {
    Q_DECLARE_TR_FUNCTIONS(BehaviourIcons)
public:
    static QIcon icon(EventType type);
    static QString name(EventType type);   // "Viewed", "Added to cart", ...
    // The behaviour applied to a list of items, inside "because you …": "bought A, B", "added to your cart A".
    static QString phrase(EventType type, const QString& items);
    static int strength(EventType type);   // purchase > cart > favourite > view
};

}  // namespace ss::ui
