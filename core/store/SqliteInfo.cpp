#include "SqliteInfo.h"

#include <sqlite3.h>

namespace ss {

std::string sqliteLibraryVersion() { return sqlite3_libversion(); }

}  // namespace ss
