#include "JsonParse.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include <charconv>
#include <cstdint>
#include <string>

namespace ss {
namespace {

namespace json = boost::json;
using boost::system::error_code;

// Builds the value as Boost's own parser does (a value_stack), except for doubles.
struct ExactHandler {
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

    json::value_stack stack;
    std::string number;  // a number's text delivered in parts

    bool on_document_begin(error_code&) {
        stack.reset();
        return true;
    }
    bool on_document_end(error_code&) { return true; }
    bool on_array_begin(error_code&) { return true; }
    bool on_array_end(std::size_t n, error_code&) {
        stack.push_array(n);
        return true;
    }
    bool on_object_begin(error_code&) { return true; }
    bool on_object_end(std::size_t n, error_code&) {
        stack.push_object(n);
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t, error_code&) {
        stack.push_chars(s);
        return true;
    }
    bool on_string(json::string_view s, std::size_t, error_code&) {
        stack.push_string(s);
        return true;
    }
    bool on_key_part(json::string_view s, std::size_t, error_code&) {
        stack.push_chars(s);
        return true;
    }
    bool on_key(json::string_view s, std::size_t, error_code&) {
        stack.push_key(s);
        return true;
    }
    bool on_number_part(json::string_view s, error_code&) {
        number.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t i, json::string_view, error_code&) {
        number.clear();
        stack.push_int64(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, json::string_view, error_code&) {
        number.clear();
        stack.push_uint64(u);
        return true;
    }
    bool on_double(double d, json::string_view s, error_code&) {
        number.append(s.data(), s.size());
        double exact = d;
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), exact);
        if (ec != std::errc() || end != number.data() + number.size()) exact = d;  // out of range: Boost's answer
        number.clear();
        stack.push_double(exact);
        return true;
    }
    bool on_bool(bool b, error_code&) {
        stack.push_bool(b);
        return true;
    }
    bool on_null(error_code&) {
        stack.push_null();
        return true;
    }
    bool on_comment_part(json::string_view, error_code&) { return true; }
    bool on_comment(json::string_view, error_code&) { return true; }
};

}  // namespace

json::value parseJson(std::string_view text, error_code& ec) {
    json::basic_parser<ExactHandler> parser(json::parse_options{});
    const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    if (!ec && used != text.size()) ec = json::error::extra_data;  // a second document or stray text
    if (ec) return nullptr;
    return parser.handler().stack.release();
}

}  // namespace ss
