// shelfsense: the workbench. `shelfsense [PROJECT]` opens PROJECT; with none, the most recent
// project that still opens; on first start, the built-in sample shop (and, without a sentence
// encoder, an offer to add one).
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>

#include "LanguageManager.h"
#include "common/BuildInfo.h"
#include "MainWindow.h"
#include "SettingsRegistry.h"
#include "ModelSetupDialog.h"

namespace {

// Names the application, applies the chosen language and parses the command line; exits after
// printing --help or --version, or on a usage error.
void processCommandLine(QCoreApplication& app, ss::ui::LanguageManager& language, QCommandLineParser& parser) {
    app.setOrganizationName("ShelfSense");
    app.setApplicationName("shelfsense");
    app.setApplicationVersion(QString::fromStdString(ss::BuildInfo::describe()));
    language.apply(ss::ui::SettingsRegistry::language());
    parser.setApplicationDescription(QCoreApplication::translate("main", "ShelfSense workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", QCoreApplication::translate("main", "Project file (.shelfsense) to open"));
    parser.process(app);
}

// --help and --version answer without a display (a package's post-install check, a terminal over
// ssh): parsed by a QCoreApplication, which exits after printing.
void answerWithoutDisplay(int argc, char** argv) {
    bool asked = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        asked = asked || a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version" || a == "-?";
    }
    if (!asked) return;
    QCoreApplication app(argc, argv);
    ss::ui::LanguageManager language;
    QCommandLineParser parser;
    processCommandLine(app, language, parser);
}

// The most recent project that still opens, else the sample shop (written first when missing).
// Opening is a job, so the next candidate is tried when the previous one has failed.
void openAtStart(ss::ui::MainWindow& window, QStringList recent) {
    while (!recent.isEmpty() && !QFileInfo::exists(recent.first())) {
        const QString gone = recent.takeFirst();
        window.addNotice(QCoreApplication::translate("main", "The recent project %1 is no longer there; it was taken off the list.").arg(gone));
        ss::ui::SettingsRegistry::removeRecentProject(gone);
    }
    if (!recent.isEmpty()) {
        const QString path = recent.takeFirst();
        window.openProject(path, true, [&window, path, recent](bool opened) {
            if (opened) return;
            window.addNotice(QCoreApplication::translate("main", "The recent project %1 could not be opened; the next one was tried.").arg(path));
            openAtStart(window, recent);
        });
        return;
    }
    const QString sample = ss::ui::MainWindow::defaultSamplePath();
    if (!QFileInfo::exists(sample)) return window.createSampleProject(sample);
    window.openProject(sample, true, [&window, sample](bool opened) {
        if (!opened)
            window.addNotice(QCoreApplication::translate("main", "The sample shop %1 could not be opened; open or create a project from the Project menu.").arg(sample));
    });
}

}  // namespace

int main(int argc, char** argv) {
    answerWithoutDisplay(argc, argv);
    QApplication app(argc, argv);
    ss::ui::LanguageManager language;
    QCommandLineParser parser;
    processCommandLine(app, language, parser);

    ss::ui::MainWindow window(language);
    window.show();
    // Nothing found at start stops the start: each problem is reported above the screens and skipped.
    for (const QString& problem : ss::ui::SettingsRegistry::problems()) window.addNotice(problem);
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) window.openProject(QFileInfo(args.first()).absoluteFilePath());
    else openAtStart(window, ss::ui::SettingsRegistry::recentProjects());
    if (ss::ui::ModelSetupDialog::shouldOfferAtStart()) QTimer::singleShot(0, &window, &ss::ui::MainWindow::offerModelSetup);
    return app.exec();
}
