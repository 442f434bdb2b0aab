#include "LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace ss::ui {

QString LanguageManager::apply(const QString& language) {
    QCoreApplication::removeTranslator(&app_);
    QCoreApplication::removeTranslator(&qt_);
    const QLocale locale = language == "system" ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || language == "en") {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return "en";
    }
    // Translations are compiled into the binary's resources by qt_add_translations.
    if (!app_.load(QStringLiteral("shelfsense_") + locale.name(), QStringLiteral(":/i18n"))) return "en";
    QCoreApplication::installTranslator(&app_);
    if (qt_.load(QStringLiteral("qtbase_") + locale.name(), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt_);
    QLocale::setDefault(locale);
    return locale.name();
}

}  // namespace ss::ui
