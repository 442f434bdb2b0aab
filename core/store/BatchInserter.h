// BatchInserter: stores InsertBatches, either on the calling thread (write) or on its own worker
// thread (submit), so that a bulk load parses and maps the next batch while SQLite stores the
// previous one. Owns the insert statements and the worker. While a submitted batch is in flight
// the worker uses the connection: the owner thread calls drain() before touching the Database
// again. Driven by one owner thread (BulkWriter's); destruction waits for the batch in flight.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "Database.h"
#include "InsertBatch.h"

namespace ss {

class BatchInserter {
public:
    static Result<std::unique_ptr<BatchInserter>> create(Database& db, std::optional<std::int64_t> importId);
    ~BatchInserter();
    BatchInserter(const BatchInserter&) = delete;
    BatchInserter& operator=(const BatchInserter&) = delete;

    // Hands the batch to the worker once the previous one is stored; batch comes back empty.
    // Returns the error of an earlier batch, if one failed (nothing more is stored after that).
    Status submit(InsertBatch& batch);
    // Waits until the worker is idle; the first error of any submitted batch.
    Status drain();
    // Stores the batch on the calling thread (after drain()); batch comes back empty.
    Status write(InsertBatch& batch);

private:
    explicit BatchInserter(std::optional<std::int64_t> importId) : importId_(importId) {}
    void work();
    Status store(const InsertBatch& batch);

    std::optional<std::int64_t> importId_;
    Statement insertUser_, insertItem_, insertEvent_, insertEventBlock_, insertReject_;

    std::mutex mutex_;
    std::condition_variable wake_;
    InsertBatch inFlight_;
    bool busy_ = false, stopping_ = false;
    Status error_;
    std::thread worker_;  // last: started after every member it uses exists
};

}  // namespace ss
