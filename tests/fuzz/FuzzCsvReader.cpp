// libFuzzer target: the CSV reader over the line reader (plain text, gzip or zip, detected from
// the bytes), with each separator and the separator guess, lenient and strict. Must never crash or hang.
#include <cstddef>
#include <cstdint>

#include "FuzzFiles.h"
#include "io/CsvReader.h"
#include "io/LineReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte chooses the separator (and strictness); the rest is the file.
    const auto choice = data[0] % 4;
    const bool strict = (data[0] & 0x10) != 0;
    const auto path = ssfuzz::writeScratch("input.csv", ssfuzz::asText(data + 1, size - 1));
    auto lines = ss::LineReader::open(path);
    if (!lines) return 0;
    ss::CsvReader::Separator separator = ss::CsvReader::Separator::Comma;
    if (choice == 1) separator = ss::CsvReader::Separator::Tab;
    if (choice == 2) separator = ss::CsvReader::Separator::Whitespace;
    if (choice == 3) separator = ss::CsvReader::guessSeparator(ssfuzz::asText(data + 1, size - 1));
    ss::CsvReader csv(**lines, ss::CsvReader::Options{separator, strict, strict});
    std::size_t fieldBytes = 0;
    while (csv.next())
        for (auto field : csv.fields()) fieldBytes += field.size();  // touch every view
    (void)(*lines)->fingerprint();
    return fieldBytes == static_cast<std::size_t>(-1);
}
