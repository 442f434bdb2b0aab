// JsonParse: JSON text to a boost::json::value whose numbers read back exactly what was written.
// Boost 1.81's own parser rounds about one double in ten to a neighbouring value (its precise mode
// arrived in 1.83), so a run's metrics, intervals or timings read from a project would differ from
// those computed in the last bit. This parser takes every double from its text with std::from_chars
// (correctly rounded). Use it to read back what ShelfSense stored. Any thread.
#pragma once

#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <string_view>

namespace ss {

// The value of `text`; on malformed JSON, null with `ec` set.
boost::json::value parseJson(std::string_view text, boost::system::error_code& ec);

}  // namespace ss
