// libFuzzer target: the safetensors reader (8-byte header length, JSON header, dtypes, shapes, data
// offsets) on arbitrary bytes. A file it accepts must hold every tensor inside the data area.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "FuzzFiles.h"
#include "model/SafetensorsFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = ssfuzz::writeScratch("model.safetensors", ssfuzz::asText(data, size));
    auto file = ss::SafetensorsFile::open(path);
    if (!file) return 0;
    const auto* end = file->fileBytes() + file->fileSize();
    for (const auto& tensor : file->tensors()) {
        const auto* begin = file->data(tensor);
        if (begin < file->fileBytes() || begin > end) std::abort();
        if (file->find(tensor.name) != &tensor) std::abort();
    }
    return 0;
}
