// MappedCsvFormat: any CSV/TSV with a header, imported through a column mapping `column=field`
// (column by header name or 1-based index). The fields mapped decide the target:
//   reviews: user, item, rating, time [, title, text]
//   events:  user, item, time [, type (or a default type), quantity, value]
//   items:   item [, title, description, category, brand, price, available]
// Runs on the import job's thread.
#pragma once

#include "ImportSession.h"

namespace ss {

class MappedCsvFormat {
public:
    enum class Target { Items, Events, Reviews, Customers };  // Customers: only user and property:NAME columns
    static Status run(ImportSession& session);
};

}  // namespace ss
