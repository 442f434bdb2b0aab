#include "rec/TrainingReport.h"

#include <boost/json/value.hpp>

#include <cmath>

#include "common/JsonFields.h"

namespace ss::rec {
namespace {

constexpr const char* kPartKeys[] = {"a", "b"};

boost::json::array numbers(const std::vector<double>& values) {
    boost::json::array out;
    for (double v : values) out.push_back(jsonNumber(v));
    return out;
}

std::vector<double> numbersAt(const boost::json::object& o, const char* key) {
    std::vector<double> out;
    if (const auto* a = arrayAt(o, key))
        for (const auto& v : *a) out.push_back(numberOr(v, std::nan("")));
    return out;
}

template <typename T>
std::optional<T> optionalAt(const boost::json::object& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_number()) return std::nullopt;
    return static_cast<T>(numberOr(it->value(), 0));
}

}  // namespace

bool TrainingReport::empty() const { return *this == TrainingReport{}; }

const TrainingReport* TrainingReport::lossCurves() const {
    if (!validationLoss.empty()) return this;
    for (const auto& part : parts)
        if (const auto* found = part.lossCurves()) return found;
    return nullptr;
}

boost::json::object TrainingReport::toJson() const {
    boost::json::object o;
    for (std::size_t i = 0; i < parts.size() && i < std::size(kPartKeys); ++i) o[kPartKeys[i]] = parts[i].toJson();
    if (epochs) {
        o["train_loss"] = numbers(trainLoss);
        o["validation_loss"] = numbers(validationLoss);
        if (!validationNdcg.empty()) o["validation_ndcg"] = numbers(validationNdcg);
        o["best_epoch"] = bestEpoch.value_or(0);
        o["epochs"] = *epochs;
    }
    if (examples) o["examples"] = *examples;
    if (validationExamples) o["validation_examples"] = *validationExamples;
    if (rankingCustomers) o["ranking_customers"] = *rankingCustomers;
    if (!secondsPerIteration.empty() || !iterationLoss.empty()) o["seconds_per_iteration"] = numbers(secondsPerIteration);
    if (!device.empty()) o["device"] = device;
    if (seconds) o["seconds"] = jsonNumber(*seconds);
    if (!iterationLoss.empty()) o["loss"] = numbers(iterationLoss);
    return o;
}

TrainingReport TrainingReport::fromJson(const boost::json::value& json) {
    TrainingReport r;
    const auto* o = json.if_object();
    if (!o) return r;
    for (const char* key : kPartKeys)
        if (const auto* part = objectAt(*o, key)) r.parts.push_back(fromJson(*part));
    r.device = stringAt(*o, "device");
    r.trainLoss = numbersAt(*o, "train_loss");
    r.validationLoss = numbersAt(*o, "validation_loss");
    r.validationNdcg = numbersAt(*o, "validation_ndcg");
    r.epochs = optionalAt<int>(*o, "epochs");
    r.bestEpoch = optionalAt<int>(*o, "best_epoch");
    r.examples = optionalAt<std::int64_t>(*o, "examples");
    r.validationExamples = optionalAt<std::int64_t>(*o, "validation_examples");
    r.rankingCustomers = optionalAt<std::int64_t>(*o, "ranking_customers");
    r.seconds = optionalAt<double>(*o, "seconds");
    r.iterationLoss = numbersAt(*o, "loss");
    r.secondsPerIteration = numbersAt(*o, "seconds_per_iteration");
    return r;
}

}  // namespace ss::rec
