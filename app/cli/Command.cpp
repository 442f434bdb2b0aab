#include "Command.h"

namespace ss::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> all = {
        {"sample", "sample --db F [--users N --items N --days N --seed S] [--json]", runSample},
        {"import", "import --db F --format FMT [--map column=field ...] [--event-type T] [--drop-outside-window] [--json] PATH...", runImport},
        {"stats", "stats --db F [--json]", runStats},
    };
    return all;
}

}  // namespace ss::cli
