// TransactionsFormat: transaction logs as purchase events — customer, date, [quantity,] amount,
// comma-, tab- or whitespace-separated, with or without a header (CDNOW master file, Online Retail).
// With a header, columns are found by name (customer_id/CustomerID, date/InvoiceDate, StockCode,
// Quantity, amount/dollar_value or UnitPrice); without one: customer,date,amount or
// customer,date,quantity,amount. Logs without item detail book events on one "(any item)" item.
// Runs on the import job's thread.
#pragma once

#include "ImportSession.h"

namespace ss {

class TransactionsFormat {
public:
    static constexpr const char* kAnyItem = "(any item)";
    static Status run(ImportSession& session);
};

}  // namespace ss
