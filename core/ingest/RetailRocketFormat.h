// RetailRocketFormat: the RetailRocket e-commerce dataset. events.csv (`timestamp,visitorid,event,
// itemid,transactionid`, times in ms; view/addtocart/transaction) and item_properties*.csv
// (`timestamp,itemid,property,value`; categoryid and available are kept, latest value wins).
// The header tells which file it is. Runs on the import job's thread.
#pragma once

#include "ImportSession.h"

namespace ss {

class RetailRocketFormat {
public:
    static Status run(ImportSession& session);

private:
    static Status runEvents(ImportSession& session, class CsvReader& csv);
    static Status runProperties(ImportSession& session, class CsvReader& csv);
};

}  // namespace ss
