#include "eval/MetricsReport.h"

#include <stdexcept>

#include <boost/json.hpp>

namespace ss {

const MetricResult& MetricsReport::metric(MetricId id) const {
    for (const MetricResult& m : metrics)
        if (m.id == id) return m;
    // A report is always built with every metric; a missing one is a programming error.
    throw std::logic_error("MetricsReport has no metric " + std::string(metricKey(id)));
}

namespace {
std::string_view gainName(Gain gain) {
    switch (gain) {
    case Gain::Binary: return "binary";
    case Gain::Raw: return "raw";
    case Gain::Exponential: return "exp";
    }
    return "binary";
}
}  // namespace

boost::json::value toJson(const MetricsReport& report) {
    boost::json::object metrics;
    for (const MetricResult& m : report.metrics) metrics[metricLabel(m.id, report.k)] = m.value;
    boost::json::object out;
    out["k"] = report.k;
    out["convention"] = conventionName(report.convention);
    out["users"] = report.users;
    out["users_with_predictions"] = report.usersWithPredictions;
    out["predicted_users_not_in_truth"] = report.predictedUsersNotInTruth;
    out["gain"] = gainName(report.gain);
    out["metrics"] = std::move(metrics);
    return out;
}

}  // namespace ss
