#include "NiceAxis.h"

#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ss::ui {

NiceRange niceRange(double low, double high, int maxTicks) {
    if (!std::isfinite(low) || !std::isfinite(high)) low = 0, high = 1;
    if (high < low) std::swap(low, high);
    if (high - low < 1e-12) {  // one value: show a band around it
        const double pad = std::abs(high) > 0 ? std::abs(high) * 0.5 : 1.0;
        low = low >= 0 && low - pad < 0 ? 0 : low - pad;
        high += pad;
    }
    maxTicks = std::max(3, maxTicks);
    const double rough = (high - low) / (maxTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    NiceRange r;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0}) {
        r.step = m * magnitude;
        r.low = std::floor(low / r.step + 1e-9) * r.step;
        r.high = std::ceil(high / r.step - 1e-9) * r.step;
        r.ticks = static_cast<int>(std::lround((r.high - r.low) / r.step)) + 1;
        if (r.ticks <= maxTicks) break;
    }
    // Decimals: none for whole steps, else as many as the step has (2.5 × 10^-1 = 0.25 needs two).
    r.decimals = 0;
    while (r.decimals < 8 && std::abs(r.step * std::pow(10.0, r.decimals) - std::round(r.step * std::pow(10.0, r.decimals))) > 1e-6)
        ++r.decimals;
    return r;
}

NiceRange applyNiceRange(QValueAxis* axis, double low, double high, int maxTicks) {
    const NiceRange r = niceRange(low, high, maxTicks);
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setRange(r.low, r.high);
    axis->setTickCount(r.ticks);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(r.decimals));
    return r;
}

}  // namespace ss::ui
