// SettingsRegistry: every user setting declared once, typed, with its default, its label and its
// allowed values; read and written through QSettings. The settings dialog is built from it, so no
// stringly-typed keys are scattered through the code. GUI thread only.
#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <vector>

namespace ss::ui {

enum class SettingKind { Choice, Integer, Path, Text };

struct SettingDefinition {
    QString key;
    SettingKind kind;
    QVariant defaultValue;
    const char* label;                  // translated with QCoreApplication::translate("Settings", label)
    QStringList choices;                // for Choice: stored values
    std::vector<const char*> choiceLabels;  // for Choice: labels (translated)
    int minimum = 0, maximum = 0;       // for Integer
    const char* help = nullptr;         // a sentence shown under the editor (translated like label), if any
};

class SettingsRegistry {
public:
    // Typed accessors for the settings the code reads.
    static QString language();       // "system", "en", "zh_CN"
    static QString modelFolder();    // empty = the default model in the data folder
    static QString device();         // "auto", "cpu", "cuda"
    static int encoderThreads();     // 0 = let the library choose
    static bool fastEncoding();      // "fast" precision: bf16 or int8 matrix products on the CPU, fp16 on a GPU
    static int recentProjectLimit();
    static QStringList recentProjects();
    static void addRecentProject(const QString& path);
    static void removeRecentProject(const QString& path);
    // What is wrong with the stored settings (unreadable file, values out of range), for people;
    // each problem is skipped (defaults used), never a reason to stop.
    static QStringList problems();

    static const std::vector<SettingDefinition>& definitions();
    static QVariant value(const QString& key);
    static void setValue(const QString& key, const QVariant& value);
    static QString label(const SettingDefinition& d) { return QCoreApplication::translate("Settings", d.label); }
};

}  // namespace ss::ui
