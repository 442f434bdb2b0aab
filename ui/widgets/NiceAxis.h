// NiceAxis: value axes whose ticks are numbers a person would choose (0, 500, 1,000, 1,500 rather
// than 361, 723, 1,085), for every chart's value axis. Pure range arithmetic plus one helper that
// applies it to a QValueAxis. GUI thread for the axis; niceRange() any thread.
#pragma once

class QValueAxis;

namespace ss::ui {

struct NiceRange {
    double low = 0, high = 1, step = 0.25;
    int ticks = 5;
    int decimals = 2;  // enough to tell the ticks apart, no more
};

// The smallest range covering [low, high] whose ticks are steps of 1, 2, 2.5 or 5 × 10^k, with at
// most maxTicks ticks.
NiceRange niceRange(double low, double high, int maxTicks = 6);
// Sets the axis' range, tick count and label format from niceRange().
NiceRange applyNiceRange(QValueAxis* axis, double low, double high, int maxTicks = 6);

}  // namespace ss::ui
