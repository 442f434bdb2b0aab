// Shared helpers for the ui tests: a small sample project written once per test process.
#pragma once

#include <QString>
#include <QTemporaryDir>

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

}  // namespace ss::test
