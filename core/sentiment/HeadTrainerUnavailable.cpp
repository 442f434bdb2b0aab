// Builds without LibTorch: no head can be trained (the TF-IDF classifier still works).
#include "sentiment/HeadTrainer.h"

namespace ss::sentiment {

bool headTrainingAvailable() { return false; }

HeadWeights trainHead(const LabelledRows&, const LabelledRows&, int, const std::vector<double>&, const HeadTraining&,
                      HeadTrainingReport& report, const std::function<bool(int, double, double)>&) {
    report = {};
    return {};
}

}  // namespace ss::sentiment
