// JsonLines: reading records that other programs wrote as JSON Lines — one file, or a folder of part
// files as Spark writes them (part-00000-….json beside _SUCCESS and .crc files) — with each record
// named by file and line for errors, and the fields results carry (an id as text or a whole number, a
// float vector as numbers or base64 of little-endian float32). Used by the imports of vectors and of
// ALS factors. Plain functions: any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/Result.h"

namespace ss::jsonlines {

// The files to read: `path` itself, or a folder's .json/.jsonl files in name order (hidden and
// underscore-prefixed names left out). An error when there is nothing to read.
Result<std::vector<std::filesystem::path>> files(const std::filesystem::path& path);

// Calls `record` for every non-blank line of `files`, in order; `where` is "file:line". A line that is
// not a JSON object, or an error from `record`, stops the reading and is returned.
Status forEach(const std::vector<std::filesystem::path>& files,
               const std::function<Status(const boost::json::object& record, const std::string& where)>& record);

// The record's `field` as text: a string as it is, a whole number in decimal. `where` names the line.
Result<std::string> idText(const boost::json::object& record, const char* field, const std::string& where);

// The record's `field` as `dim` finite floats: an array of numbers or base64 of float32 values.
Result<std::vector<float>> floatVector(const boost::json::object& record, const char* field, std::size_t dim, const std::string& where);

}  // namespace ss::jsonlines
