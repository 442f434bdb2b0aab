// shelfsense: the workbench. `shelfsense [PROJECT]` opens PROJECT; with none, the most recent
// project; on first start, the built-in sample shop.
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include "LanguageManager.h"
#include "MainWindow.h"
#include "SettingsRegistry.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShelfSense");
    QApplication::setApplicationName("shelfsense");
    QApplication::setApplicationVersion(QStringLiteral(SHELFSENSE_VERSION));

    ss::ui::LanguageManager language;
    language.apply(ss::ui::SettingsRegistry::language());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "ShelfSense workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", QCoreApplication::translate("main", "Project file (.shelfsense) to open"));
    parser.process(app);

    ss::ui::MainWindow window(language);
    window.show();
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        window.openProject(QFileInfo(args.first()).absoluteFilePath());
    } else {
        bool opened = false;
        for (const QString& recent : ss::ui::SettingsRegistry::recentProjects())
            if (QFileInfo::exists(recent) && (opened = window.openProject(recent, true))) break;
        if (!opened) {
            const QString sample = ss::ui::MainWindow::defaultSamplePath();
            if (QFileInfo::exists(sample)) window.openProject(sample);
            else window.createSampleProject(sample);
        }
    }
    return app.exec();
}
