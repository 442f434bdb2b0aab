// Result<T>: a value or a structured, human-readable error. Recoverable errors in core are values;
// exceptions never cross the core/ui boundary. Plain value type: any thread.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ss {

enum class ErrorCode {
    Usage,        // wrong arguments or options
    InputData,    // a file or value that cannot be used (names file:line:field in context)
    Io,           // cannot open, read or write
    Database,     // SQLite reported an error
    Storage,      // the project file cannot be written now: disk full, read-only, held by another program
    Unsupported,  // valid input we do not handle (e.g. a model architecture)
    Cancelled,    // the user cancelled; nothing was changed
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  // for people: what went wrong
    std::string context;  // where: "file.csv:12: field 'timestamp'" or a tensor name

    std::string describe() const { return context.empty() ? message : context + ": " + message; }
};

inline Error makeError(ErrorCode code, std::string message, std::string context = {}) {
    return Error{code, std::move(message), std::move(context)};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool failed_ = false;
};

using Status = Result<void>;

}  // namespace ss

// Propagates a failed Status/Result from a function returning Status or Result<T>.
#define SS_TRY(expr)                                   \
    do {                                               \
        if (auto ss_try_result_ = (expr); !ss_try_result_) \
            return ss_try_result_.error();             \
    } while (0)
