#include "ExportFiles.h"

#include <QAbstractItemModel>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>
#include <QPixmap>
#include <QSaveFile>
#include <QStringList>
#include <QWidget>

namespace ss::ui {

QString ExportFiles::quoteCsv(const QString& cell) {
    if (!cell.contains(QLatin1Char(',')) && !cell.contains(QLatin1Char('"')) && !cell.contains(QLatin1Char('\n')) &&
        !cell.contains(QLatin1Char('\r')))
        return cell;
    QString quoted = cell;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString ExportFiles::csv(const QAbstractItemModel& model) {
    QString out;
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c) cells << quoteCsv(model.headerData(c, Qt::Horizontal).toString());
    out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < model.columnCount(); ++c) cells << quoteCsv(model.data(model.index(r, c)).toString());
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QString ExportFiles::writeText(const QString& path, const QString& text) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(text.toUtf8());
    if (!file.commit()) return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString ExportFiles::saveImage(QWidget& widget, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        // Vector output: the widget paints itself (charts included) into an SVG document.
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(widget.size());
        svg.setViewBox(widget.rect());
        svg.setTitle(widget.windowTitle());
        QPainter painter;
        if (!painter.begin(&svg)) return tr("Cannot write the image %1.").arg(path);
        widget.render(&painter);
        painter.end();
        return QFileInfo(path).size() > 0 ? QString() : tr("Cannot write the image %1.").arg(path);
    }
    const QPixmap image = widget.grab();
    if (image.isNull()) return tr("Nothing to save: the view is empty.");
    if (!image.save(path, suffix.isEmpty() ? "PNG" : nullptr)) return tr("Cannot save the image %1 (format '%2').").arg(path, suffix);
    return {};
}

}  // namespace ss::ui
