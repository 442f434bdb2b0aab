#include "ImportSession.h"

#include <chrono>

#include "common/JobStages.h"
#include "common/Utf8.h"

namespace ss {
namespace {
constexpr std::int64_t k1995 = 788918400;  // 1995-01-01T00:00:00Z
constexpr std::int64_t kWrongFormatThreshold = 1000;
}

ImportSession::ImportSession(BulkWriter& writer, LineReader& lines, const ImportOptions& options,
                             const JobContext& context, std::string formatName)
    : writer_(writer), lines_(lines), options_(options), context_(context),
      format_(std::move(formatName)), fileName_(lines.path().filename().string()) {
    now_ = options.now ? options.now
                       : std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
}

Status ImportSession::record(std::int64_t line, std::string_view field, std::string reason, bool flaggedOnly) {
    if (!flaggedOnly && !firstReject_)
        firstReject_ = "line " + std::to_string(line) + (field.empty() ? "" : ", field '" + std::string(field) + "'") + ": " + reason;
    return writer_.addReject(line, field, reason, flaggedOnly);
}

Status ImportSession::reject(std::int64_t line, std::string_view field, std::string reason) {
    ++rowsRejected_;
    return record(line, field, std::move(reason), false);
}

Status ImportSession::flag(std::int64_t line, std::string_view field, std::string reason) {
    ++rowsFlagged_;
    if (rowsFlagged_ > kFlaggedRowsListed) return {};
    return record(line, field, std::move(reason), true);
}

Result<bool> ImportSession::acceptTime(std::int64_t line, std::string_view field, std::int64_t time) {
    if (time < k1995) {
        if (Status s = reject(line, field, "timestamp before 1995"); !s) return s.error();
        return false;
    }
    if (time > now_) {
        if (Status s = reject(line, field, "timestamp in the future"); !s) return s.error();
        return false;
    }
    return true;
}

Result<bool> ImportSession::acceptUtf8(std::int64_t line, const std::vector<std::string_view>& fields,
                                       const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!isValidUtf8(fields[i])) {
            const std::string name = i < names.size() ? names[i] : "column " + std::to_string(i + 1);
            if (Status s = reject(line, name, "invalid UTF-8"); !s) return s.error();
            return false;
        }
    }
    return true;
}

Status ImportSession::checkpoint() {
    if (context_.cancelled()) return makeError(ErrorCode::Cancelled, "import cancelled; the project is unchanged");
    if (rowsImported_ == 0 && rowsRejected_ >= kWrongFormatThreshold)
        return makeError(ErrorCode::InputData,
                         "does not look like " + format_ + " data: none of the first " +
                             std::to_string(rowsRejected_) + " rows could be read (" + firstReject_.value_or("") + ")",
                         lines_.path().string());
    const auto size = lines_.fileSize();
    if (size > 0)
        context_.report(JobProgress{static_cast<double>(lines_.compressedOffset()) / static_cast<double>(size), stages::kImporting, fileName_});
    return {};
}

Status ImportSession::finish() {
    if (lines_.error()) return *lines_.error();
    if (rowsRead_ == 0) return makeError(ErrorCode::InputData, "the file is empty (no data rows)", lines_.path().string());
    if (rowsImported_ == 0 && rowsDuplicate_ == 0 && rowsRejected_ > 0)
        return makeError(ErrorCode::InputData,
                         "does not look like " + format_ + " data: no row could be read (" + firstReject_.value_or("") + ")",
                         lines_.path().string());
    return {};
}

}  // namespace ss
