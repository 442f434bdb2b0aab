#include "ArgParser.h"
#include <charconv>

#include "common/Numbers.h"

namespace ss::cli {

Status ArgParser::parse(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            positionals_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool inlineValue = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inlineValue = true;
        }
        if (flags_.count(name)) {
            if (inlineValue) return makeError(ErrorCode::Usage, "option --" + name + " takes no value");
            setFlags_.insert(name);
        } else if (options_.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) return makeError(ErrorCode::Usage, "option --" + name + " needs a value");
                value = args[++i];
            }
            values_.emplace(name, value);
        } else {
            return makeError(ErrorCode::Usage, "unknown option --" + name);
        }
    }
    return {};
}

std::optional<std::string> ArgParser::value(const std::string& name) const {
    auto range = values_.equal_range(name);
    if (range.first == range.second) return std::nullopt;
    return std::prev(range.second)->second;  // the last one wins
}

std::vector<std::string> ArgParser::values(const std::string& name) const {
    std::vector<std::string> out;
    for (auto [it, end] = values_.equal_range(name); it != end; ++it) out.push_back(it->second);
    return out;
}

Result<std::string> ArgParser::required(const std::string& name) const {
    auto v = value(name);
    if (!v) return makeError(ErrorCode::Usage, "missing required option --" + name);
    return *v;
}

Result<std::int64_t> ArgParser::integer(const std::string& name, std::int64_t fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    const auto n = parseInt64(*v);
    if (!n) return makeError(ErrorCode::Usage, "option --" + name + " needs an integer, got '" + *v + "'");
    return *n;
}

Result<double> ArgParser::real(const std::string& name, double fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    const auto d = parseFiniteDouble(*v);
    if (!d) return makeError(ErrorCode::Usage, "option --" + name + " needs a number, got '" + *v + "'");
    return *d;
}

}  // namespace ss::cli
