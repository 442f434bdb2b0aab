// libFuzzer target: opening a project file (read-only and read-write) and the first reads the
// workbench and `stats` make. A damaged or hostile file must give an error, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "FuzzFiles.h"
#include "store/Project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto dir = ssfuzz::scratchDir();
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm", "-journal"}) std::filesystem::remove(dir / (std::string("p.shelfsense") + suffix), ec);
    for (auto mode : {ss::Database::Mode::ReadOnly, ss::Database::Mode::ReadWrite}) {
        const auto path = ssfuzz::writeScratch("p.shelfsense", ssfuzz::asText(data, size));
        auto project = ss::Project::open(path, mode);
        if (!project) continue;
        (void)(*project)->stats();
        (void)(*project)->dailyEventCounts();
        (void)(*project)->importReports(10);
        (void)(*project)->setting("timezone");
    }
    return 0;
}
