// ExportFiles: writing what a screen shows to files — any table model as CSV (headers and displayed
// cells, RFC 4180 quoting), text as UTF-8, and a widget (a chart, a grid of charts) as an image whose
// format follows the file suffix (.svg: vector, painted by the widget; else a raster grab). No dialogs here: screens ask for the path, tests call these directly.
// GUI thread only (grabbing widgets).
#pragma once

#include <QCoreApplication>
#include <QString>

class QAbstractItemModel;
class QWidget;

namespace ss::ui {

class ExportFiles {
    Q_DECLARE_TR_FUNCTIONS(ExportFiles)
public:
    static QString csv(const QAbstractItemModel& model);
    static QString quoteCsv(const QString& cell);
    // Each returns an error message, empty on success.
    static QString writeText(const QString& path, const QString& text);
    static QString saveImage(QWidget& widget, const QString& path);
};

}  // namespace ss::ui
