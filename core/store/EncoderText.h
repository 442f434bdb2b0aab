// EncoderText: the text the encoder reads for an item (title. description category) or a review
// (title. body), as an SQL expression over the project's tables — one definition for the encode
// job, its language-coverage estimate and the export that other engines encode. `alias`: the
// table's alias in the query ("" when unambiguous). Pure: any thread.
#pragma once

#include <string>
#include <string_view>

namespace ss::encoderText {

inline std::string itemsSql(std::string_view alias = {}) {
    const std::string a = alias.empty() ? std::string() : std::string(alias) + ".";
    return "trim(coalesce(" + a + "title,'') || '. ' || coalesce(" + a + "description,'') || ' ' || coalesce(" + a + "category,''))";
}

inline std::string reviewsSql(std::string_view alias = {}) {
    const std::string a = alias.empty() ? std::string() : std::string(alias) + ".";
    return "trim(coalesce(" + a + "title,'') || '. ' || coalesce(" + a + "body,''))";
}

}  // namespace ss::encoderText
