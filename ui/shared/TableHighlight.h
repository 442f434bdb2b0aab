// TableHighlight: how result tables mark cells — the best value per column (green, bold) and values
// not significantly different from it (amber). Shared so every table reads the same. GUI thread only.
#pragma once

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QVariant>

namespace ss::ui::TableHighlight {

inline const QColor kBest(0xc8, 0xe6, 0xc9);
inline const QColor kTie(0xff, 0xf1, 0xc4);

inline QVariant bestFont(bool best) {
    if (!best) return {};
    QFont f;
    f.setBold(true);
    return f;
}

}  // namespace ss::ui::TableHighlight
