#include "common/JobContext.h"

#include <cstdio>

namespace ss {

std::string describeProgress(const JobProgress& progress) {
    std::string text = progress.stage;
    if (!progress.subject.empty()) text += (text.empty() ? "" : ": ") + progress.subject;
    std::string values;
    for (const auto& [name, value] : progress.values) {
        char number[48];
        std::snprintf(number, sizeof number, "%.4g", value);
        values += (values.empty() ? "" : ", ") + name + " " + number;
    }
    if (!values.empty()) text += " (" + values + ")";
    return text;
}

}  // namespace ss
