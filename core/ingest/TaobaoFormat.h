// TaobaoFormat: Alibaba Tianchi UserBehavior rows `user,item,category,behavior,timestamp` (no header;
// pv/cart/fav/buy; unix seconds). Rows outside the documented collection window are flagged and kept,
// or dropped when the options say so. Runs on the import job's thread.
#pragma once

#include "ImportSession.h"

namespace ss {

class TaobaoFormat {
public:
    // 2017-11-25T00:00+08:00 .. 2017-12-03T24:00+08:00
    static constexpr std::int64_t kWindowStart = 1511539200;
    static constexpr std::int64_t kWindowEnd = 1512316800;
    static Status run(ImportSession& session);
};

}  // namespace ss
