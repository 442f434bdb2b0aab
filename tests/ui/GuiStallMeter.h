// GuiStallMeter: how long the GUI thread stops answering — a timer that should fire every 5 ms
// records how late each tick comes; the longest lateness since reset() is the longest the window
// could not repaint or take input. A measurement for the ui tests' timing runs, never a check.
// GUI thread only.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>

namespace ss::test {

class GuiStallMeter : public QObject {
public:
    explicit GuiStallMeter(QObject* parent = nullptr) : QObject(parent) {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(kTickMs);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            worst_ = std::max(worst_, double(now - last_) / 1e6 - kTickMs);
            last_ = now;
        });
        clock_.start();
        timer_.start();
    }
    void reset() {
        last_ = clock_.nsecsElapsed();
        worst_ = 0;
    }
    double worstMilliseconds() const { return worst_; }  // the longest tick lateness since reset()

private:
    static constexpr int kTickMs = 5;
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    double worst_ = 0;
};

}  // namespace ss::test
