#include "PlaceholderScreen.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ss::ui {

PlaceholderScreen::PlaceholderScreen(const QString& title, const QString& explanation, QWidget* parent)
    : ProjectScreen(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
    auto* text = new QLabel(explanation, this);
    text->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch();
}

}  // namespace ss::ui
