// ArgParser: the CLI's small option parser — `--name value`, `--name=value`, repeatable options,
// flags and positionals — with usage errors as values. Main thread only.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/Result.h"

namespace ss::cli {

class ArgParser {
public:
    // flags take no value; everything else listed in options takes one.
    ArgParser(std::set<std::string> options, std::set<std::string> flags) : options_(std::move(options)), flags_(std::move(flags)) {}

    Status parse(const std::vector<std::string>& args);

    bool flag(const std::string& name) const { return setFlags_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

    Result<std::string> required(const std::string& name) const;
    Result<std::int64_t> integer(const std::string& name, std::int64_t fallback) const;
    Result<double> real(const std::string& name, double fallback) const;  // finite numbers only

private:
    std::set<std::string> options_, flags_, setFlags_;
    std::multimap<std::string, std::string> values_;
    std::vector<std::string> positionals_;
};

}  // namespace ss::cli
