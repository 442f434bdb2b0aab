// LanguageManager: installs the Qt and ShelfSense translators for "system", "en" or "zh_CN" and
// swaps them at run time; widgets retranslate on QEvent::LanguageChange. GUI thread only.
#pragma once

#include <QObject>
#include <QTranslator>

namespace ss::ui {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr) : QObject(parent) {}
    // Returns the locale name actually applied ("en" when no translation matches).
    QString apply(const QString& language);

private:
    QTranslator app_, qt_;
};

}  // namespace ss::ui
