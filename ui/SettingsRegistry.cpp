#include "SettingsRegistry.h"

namespace ss::ui {

const std::vector<SettingDefinition>& SettingsRegistry::definitions() {
    static const std::vector<SettingDefinition> all = {
        {"ui/language", SettingKind::Choice, "system", QT_TRANSLATE_NOOP("Settings", "Language"),
         {"system", "en", "zh_CN"},
         {QT_TRANSLATE_NOOP("Settings", "System default"), QT_TRANSLATE_NOOP("Settings", "English"),
          QT_TRANSLATE_NOOP("Settings", "Simplified Chinese (简体中文)")}},
        {"encoder/modelFolder", SettingKind::Path, QString(), QT_TRANSLATE_NOOP("Settings", "Sentence encoder model folder"), {}, {}},
        {"encoder/device", SettingKind::Choice, "auto", QT_TRANSLATE_NOOP("Settings", "Encoder device"),
         {"auto", "cpu", "cuda"},
         {QT_TRANSLATE_NOOP("Settings", "Automatic (GPU when available)"), QT_TRANSLATE_NOOP("Settings", "CPU"),
          QT_TRANSLATE_NOOP("Settings", "NVIDIA GPU (CUDA)")}},
        {"encoder/threads", SettingKind::Integer, 0, QT_TRANSLATE_NOOP("Settings", "Encoder threads (0 = automatic)"), {}, {}, 0, 256},
        {"projects/recentLimit", SettingKind::Integer, 8, QT_TRANSLATE_NOOP("Settings", "Recent projects to remember"), {}, {}, 1, 30},
    };
    return all;
}

QVariant SettingsRegistry::value(const QString& key) {
    for (const auto& d : definitions())
        if (d.key == key) return QSettings().value(key, d.defaultValue);
    return QSettings().value(key);
}

void SettingsRegistry::setValue(const QString& key, const QVariant& value) { QSettings().setValue(key, value); }

QString SettingsRegistry::language() { return value("ui/language").toString(); }
QString SettingsRegistry::modelFolder() { return value("encoder/modelFolder").toString(); }
QString SettingsRegistry::device() { return value("encoder/device").toString(); }
int SettingsRegistry::encoderThreads() { return value("encoder/threads").toInt(); }
int SettingsRegistry::recentProjectLimit() { return value("projects/recentLimit").toInt(); }

QStringList SettingsRegistry::recentProjects() { return QSettings().value("projects/recent").toStringList(); }

void SettingsRegistry::addRecentProject(const QString& path) {
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > recentProjectLimit()) recent.removeLast();
    QSettings().setValue("projects/recent", recent);
}

}  // namespace ss::ui
