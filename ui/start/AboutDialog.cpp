#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtGlobal>

#include "ModelSetupDialog.h"
#include "Text.h"
#include "common/BuildInfo.h"
#include "store/SqliteInfo.h"
#ifdef SHELFSENSE_WITH_TORCH
#include "model/SentenceEncoder.h"
#endif

namespace ss::ui {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName("about");
    setWindowTitle(tr("About ShelfSense"));
    auto* layout = new QVBoxLayout(this);
    auto* body = new QTextBrowser(this);
    body->setObjectName("aboutBody");
    body->setOpenExternalLinks(false);
    body->setHtml(bodyHtml());
    layout->addWidget(body);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 560);
}

QString AboutDialog::bodyHtml() {
    QString torch;
#ifdef SHELFSENSE_WITH_TORCH
    torch = ss::cudaAvailable() ? tr("%1, with CUDA (a GPU is used)").arg(qs(ss::torchVersion()))
                                : tr("%1, CPU only (no usable CUDA device)").arg(qs(ss::torchVersion()));
#else
    torch = tr("not in this build (no sentence encoder, two-tower or GPU training)");
#endif
    const QString model = ModelSetupDialog::modelInUse();
    auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name, value.toHtmlEscaped());
    };
    QString html = tr("<h2>ShelfSense %1</h2><p>A workbench for language-model recommenders and customer retention.</p>")
                       .arg(qs(BuildInfo::version()).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='6'>");
    const QString revision = qs(BuildInfo::revision());
    html += row(tr("Build"), revision.isEmpty() ? tr("from a source release") : tr("git %1").arg(revision));
    html += row(tr("Qt"), QString::fromLatin1(qVersion()));
    html += row(tr("LibTorch"), torch);
    html += row(tr("SQLite"), qs(sqliteLibraryVersion()));
    html += row(tr("Sentence encoder"), model.isEmpty() ? tr("none installed (Help ▸ Add a sentence encoder)") : model);
    html += QStringLiteral("</table>");
    // Libraries linked into ShelfSense, and the default model's licence (the model is installed separately).
    const std::pair<const char*, const char*> licences[] = {
        {"Qt 6", "LGPL-3.0"}, {"LibTorch", "BSD-3-Clause"}, {"OpenBLAS", "BSD-3-Clause"}, {"SQLite", "Public domain"},
        {"Boost", "BSL-1.0"}, {"utf8proc", "MIT"}, {"libzip", "BSD-3-Clause"}, {"zlib", "Zlib"}};
    html += tr("<h3>Licences of the parts it is built from</h3>");
    html += QStringLiteral("<table cellspacing='4'>");
    for (const auto& [part, licence] : licences) html += row(QString::fromUtf8(part), QString::fromLatin1(licence));
    html += row(tr("%1 (the default model, installed separately)").arg(QStringLiteral("all-MiniLM-L6-v2")), QStringLiteral("Apache-2.0"));
    html += QStringLiteral("</table>");
    return html;
}

}  // namespace ss::ui
