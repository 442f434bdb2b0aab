// ChartColours: the series colours every chart uses, in order (teal, orange, blue, plum, green, grey),
// so a group keeps its colour from one chart to the next. Any thread (constants).
#pragma once

#include <QColor>

#include <cstddef>
#include <iterator>

namespace ss::ui {

inline QColor seriesColour(std::size_t index) {
    static const QColor colours[] = {QColor(20, 120, 110), QColor(214, 110, 30), QColor(70, 90, 180),
                                     QColor(170, 60, 120), QColor(90, 140, 40), QColor(120, 120, 120)};
    return colours[index % std::size(colours)];
}

}  // namespace ss::ui
