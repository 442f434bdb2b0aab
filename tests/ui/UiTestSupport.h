// Shared helpers for the ui tests: a small sample project, its ProjectContext, opening it in the
// main window and waiting, screenshots.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QString>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QWidget>

#include <algorithm>
#include <memory>

#include "MainWindow.h"
#include "ProjectContext.h"

#include "sample/SampleShop.h"

namespace ss::test {

// Waits on `spy` until `done()` holds, re-checking it at each signal and at least every second, at
// most `ms` in all.
template <typename Done>
bool waitUntil(QSignalSpy& spy, Done done, int ms) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        const qint64 left = ms - timer.elapsed();
        if (left <= 0) return false;
        spy.wait(static_cast<int>(std::min<qint64>(left, 1000)));
    }
    return true;
}

// Writes a reduced sample shop into `dir` and returns its path (empty on failure).
inline QString writeSmallSample(const QTemporaryDir& dir, int users = 300, int items = 220) {
    const QString path = dir.filePath("sample.shelfsense");
    SampleShopOptions options;
    options.users = users;
    options.items = items;
    options.days = 120;
    auto written = SampleShop::write(path.toStdString(), options, JobContext{});
    return written ? path : QString();
}

// The project's context, opened as the main window's open job opens it; null when it cannot be.
inline std::shared_ptr<ui::ProjectContext> context(const QString& path) {
    auto opened = ui::ProjectContext::open(path.toStdString(), JobContext{});
    return opened ? *opened : nullptr;
}

// Opens `path` in the window (a job) and waits for the outcome: true when it opened.
inline bool openAndWait(ui::MainWindow& window, const QString& path, int timeoutMs = 20000) {
    QSignalSpy opened(&window, &ui::MainWindow::projectOpened);
    QSignalSpy failed(&window, &ui::MainWindow::projectOpenFailed);
    window.openProject(path, true);
    for (int waited = 0; opened.isEmpty() && failed.isEmpty() && waited < timeoutMs; waited += 50) opened.wait(50);
    return !opened.isEmpty();
}

#ifdef SS_SCREENSHOT_DIR
// Saves what a person would see (an offscreen grab) under the build folder's screenshots/.
inline bool saveScreenshot(QWidget& widget, const QString& name) {
    QDir().mkpath(QStringLiteral(SS_SCREENSHOT_DIR));
    // Lay out what changed since the last event-loop turn, as the window would before painting.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return widget.grab().save(QStringLiteral(SS_SCREENSHOT_DIR "/") + name);
}
#endif

}  // namespace ss::test
