// Shared helpers for the ui tests: a small sample project, screenshots.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

#include "sample/SampleShop.h"

namespace ss::test {

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
