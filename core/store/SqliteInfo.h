// SqliteInfo: which SQLite the program runs with (for the About dialog and bug reports). Any thread.
#pragma once

#include <string>

namespace ss {

std::string sqliteLibraryVersion();  // e.g. "3.40.1"

}  // namespace ss
