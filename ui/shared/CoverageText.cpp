#include "CoverageText.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>

#include "Text.h"

namespace ss::ui {

QString CoverageText::describe(const LanguageCoverage& c) {
    const QLocale locale;
    const QString share = locale.toString(100.0 * c.unknownShare(), 'f', c.unknownShare() < 0.01 ? 1 : 0) + QLatin1Char('%');
    const QString texts = c.target == "reviews" ? tr("review texts") : tr("item texts");
    const QString basis = c.exact ? tr("all %1 texts").arg(locale.toString(static_cast<qlonglong>(c.counts.texts)))
                                  : tr("a sample of %1 texts").arg(locale.toString(static_cast<qlonglong>(c.counts.texts)));
    QString line;
    if (c.unreadable())
        line = tr("⚠ %1 does not know %2 of the word pieces in the %3 (%4): search, similar items and content recommendations "
                  "miss what those words say. Add a model that reads the shop's language (Help ▸ Add a sentence encoder) and "
                  "choose it with “Model for this project…” in Search.")
                   .arg(qs(c.modelName), share, texts, basis);
    else
        line = tr("%1 reads the %2 well: %3 of their word pieces unknown (%4).").arg(qs(c.modelName), texts, share, basis);
    if (c.counts.truncated > 0)
        line += QLatin1Char(' ') + tr("%1 of the texts are longer than the model reads and are cut.")
                                       .arg(locale.toString(100.0 * c.truncatedShare(), 'f', 0) + QLatin1Char('%'));
    return line;
}

QString CoverageText::describe(const std::vector<LanguageCoverage>& measures) {
    std::vector<const LanguageCoverage*> ordered;
    for (const auto& m : measures) ordered.push_back(&m);
    std::stable_partition(ordered.begin(), ordered.end(), [](const LanguageCoverage* m) { return m->unreadable(); });
    QStringList lines;
    for (const auto* m : ordered) lines << describe(*m);
    return lines.join(QLatin1Char('\n'));
}

bool CoverageText::anyUnreadable(const std::vector<LanguageCoverage>& measures) {
    return std::any_of(measures.begin(), measures.end(), [](const LanguageCoverage& m) { return m.unreadable(); });
}

}  // namespace ss::ui
