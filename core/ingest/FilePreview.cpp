#include "FilePreview.h"

#include "io/CsvReader.h"

namespace ss {

Result<FilePreviewRows> previewFile(const std::filesystem::path& path, std::size_t maxRows) {
    auto lines = LineReader::open(path);
    if (!lines) return lines.error();
    FilePreviewRows preview;
    std::string_view first;
    if (!(*lines)->next(first)) return makeError(ErrorCode::InputData, "the file is empty", path.string());
    preview.jsonLines = !first.empty() && first.front() == '{';
    if (preview.jsonLines) {
        preview.rows.push_back({std::string(first)});
        std::string_view line;
        while (preview.rows.size() < maxRows && (*lines)->next(line)) preview.rows.push_back({std::string(line)});
        return preview;
    }
    const auto separator = CsvReader::guessSeparator(first);
    // Re-open so the CSV reader sees the first line too (it may open a quoted field).
    auto again = LineReader::open(path);
    if (!again) return again.error();
    CsvReader csv(**again, separator);
    while (preview.rows.size() < maxRows && csv.next()) {
        std::vector<std::string> row;
        for (auto f : csv.fields()) row.emplace_back(f);
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

}  // namespace ss
