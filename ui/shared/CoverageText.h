// CoverageText: how well the chosen encoder reads the shop's text, in a sentence a merchandiser can
// act on — the unknown share and, from LanguageCoverage::kWarnUnknownShare on, what goes wrong and
// the remedy. Shared by the Overview and Search screens. GUI thread only (translations).
#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

#include "embed/LanguageCoverage.h"

namespace ss::ui {

class CoverageText {
    Q_DECLARE_TR_FUNCTIONS(CoverageText)
public:
    // One line per measure, warnings first; empty when nothing was measured.
    static QString describe(const std::vector<LanguageCoverage>& measures);
    static QString describe(const LanguageCoverage& measure);
    static bool anyUnreadable(const std::vector<LanguageCoverage>& measures);
};

}  // namespace ss::ui
