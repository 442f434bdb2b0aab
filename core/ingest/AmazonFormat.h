// AmazonFormat: Amazon review data as JSON Lines — reviews (2018 fields overall/reviewText/summary/
// reviewerID/asin/unixReviewTime, or 2023 fields rating/title/text/user_id/parent_asin/timestamp in ms)
// and product metadata (title, description, categories, price, brand/store). Duplicate reviews
// (same user, item, time: the 2018 release repeats a review per variant) are counted, not stored twice.
// Runs on the import job's thread.
#pragma once

#include "ImportSession.h"

namespace ss {

class AmazonFormat {
public:
    static Status runReviews(ImportSession& session);
    static Status runMetadata(ImportSession& session);
};

}  // namespace ss
