// JobStageText: what a core job's progress report says, in the user's language — the stage (one of
// common/JobStages.h, translated under the context "JobStage"), what it works on, and its live
// numbers (epoch, losses). Any thread that may call QCoreApplication::translate (the GUI thread here).
#pragma once

#include <QString>

#include "common/JobContext.h"

namespace ss::ui {

class JobStageText {
public:
    static QString stage(const std::string& name);      // the translated stage; an unknown one as it is
    static QString describe(const JobProgress& progress);  // "训练：als（轮次 3，训练损失 0.5213）"
};

}  // namespace ss::ui
