// FilePreview: the first rows of a file split into fields, as the import wizard shows them before
// importing (CSV/TSV/whitespace split like the importers do; JSON lines as one field each).
// Pure function over a file: any thread.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/Result.h"

namespace ss {

struct FilePreviewRows {
    std::vector<std::vector<std::string>> rows;  // first row may be a header
    bool jsonLines = false;
};

Result<FilePreviewRows> previewFile(const std::filesystem::path& path, std::size_t maxRows);

}  // namespace ss
