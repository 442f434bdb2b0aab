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
        {"encoder/precision", SettingKind::Choice, "exact", QT_TRANSLATE_NOOP("Settings", "Encoder precision"),
         {"exact", "fast"},
         {QT_TRANSLATE_NOOP("Settings", "Exact (fp32)"), QT_TRANSLATE_NOOP("Settings", "Fast (lower-precision matrix products)")},
         0, 0,
         QT_TRANSLATE_NOOP("Settings", "Fast mode runs the encoder's matrix products in lower precision: bfloat16 on CPUs with "
                                       "AVX512-BF16 (measured 1.9–2.5× faster on a 2-core Xeon with AMX, vectors within cosine 0.9999 of the exact ones, "
                                       "STS Benchmark score unchanged), "
                                       "int8 on other CPUs (measured 1.3–1.5× faster on an AVX2 CPU, vectors within cosine 0.989, "
                                       "STS Benchmark score 0.819 against 0.820). Search and recommendations barely change. "
                                       "A GPU uses fp16 either way. Applies to the next encode job.")},
        {"encoder/threads", SettingKind::Integer, 0, QT_TRANSLATE_NOOP("Settings", "Encoder threads (0 = automatic)"), {}, {}, 0, 256},
        {"projects/recentLimit", SettingKind::Integer, 8, QT_TRANSLATE_NOOP("Settings", "Recent projects to remember"), {}, {}, 1, 30},
    };
    return all;
}

namespace {
// A stored value the definition allows, or nothing (then the default is used).
bool acceptable(const SettingDefinition& d, const QVariant& stored) {
    switch (d.kind) {
    case SettingKind::Choice: return d.choices.contains(stored.toString());
    case SettingKind::Integer: {
        bool ok = false;
        const int v = stored.toString().toInt(&ok);
        return ok && v >= d.minimum && v <= d.maximum;
    }
    case SettingKind::Path:
    case SettingKind::Text: return stored.canConvert<QString>();
    }
    return false;
}
}  // namespace

QVariant SettingsRegistry::value(const QString& key) {
    QSettings settings;
    for (const auto& d : definitions()) {
        if (d.key != key) continue;
        const QVariant stored = settings.value(key);
        // A value edited by hand into something we cannot use never breaks the start: the default wins.
        return stored.isValid() && acceptable(d, stored) ? stored : d.defaultValue;
    }
    return settings.value(key);
}

QStringList SettingsRegistry::problems() {
    QSettings settings;
    QStringList out;
    if (settings.status() == QSettings::AccessError)
        out << QCoreApplication::translate("Settings", "The settings file %1 could not be read; the defaults are used.").arg(settings.fileName());
    else if (settings.status() == QSettings::FormatError)
        out << QCoreApplication::translate("Settings", "The settings file %1 is damaged; the defaults are used.").arg(settings.fileName());
    for (const auto& d : definitions()) {
        const QVariant stored = settings.value(d.key);
        if (stored.isValid() && !acceptable(d, stored))
            out << QCoreApplication::translate("Settings", "The setting “%1” holds “%2”, which is not allowed; the default is used.")
                       .arg(label(d), stored.toString());
    }
    return out;
}

void SettingsRegistry::removeRecentProject(const QString& path) {
    QStringList recent = recentProjects();
    if (recent.removeAll(path) > 0) QSettings().setValue("projects/recent", recent);
}

void SettingsRegistry::setValue(const QString& key, const QVariant& value) { QSettings().setValue(key, value); }

QString SettingsRegistry::language() { return value("ui/language").toString(); }
QString SettingsRegistry::modelFolder() { return value("encoder/modelFolder").toString(); }
QString SettingsRegistry::device() { return value("encoder/device").toString(); }
int SettingsRegistry::encoderThreads() { return value("encoder/threads").toInt(); }
bool SettingsRegistry::fastEncoding() { return value("encoder/precision").toString() == QLatin1String("fast"); }
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
