// Conversions at the core/ui boundary: core speaks UTF-8 std::string, ui speaks QString.
#pragma once

#include <QString>
#include <string>

namespace ss::ui {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string utf8(const QString& s) { return s.toStdString(); }

}  // namespace ss::ui
