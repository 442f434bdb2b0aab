#include "ChartLegend.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ss::ui {

ChartLegend::ChartLegend(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    text_ = new QLabel(this);
    text_->setTextFormat(Qt::RichText);
    text_->setWordWrap(true);
    text_->setAlignment(Qt::AlignCenter);
    layout->addWidget(text_, 1);
}

void ChartLegend::setEntries(const QList<QPair<QColor, QString>>& entries) {
    names_.clear();
    QStringList parts;
    for (const auto& [colour, name] : entries) {
        names_ << name;
        // A filled square in the series' colour, then the name; entries kept whole when the row wraps.
        parts << QStringLiteral("<span style='white-space:nowrap'><span style='color:%1'>■</span>&nbsp;%2</span>")
                     .arg(colour.name(), name.toHtmlEscaped());
    }
    text_->setText(parts.join(QStringLiteral(" &nbsp;&nbsp; ")));
    setVisible(!entries.isEmpty());
}

QStringList ChartLegend::names() const { return names_; }

}  // namespace ss::ui
