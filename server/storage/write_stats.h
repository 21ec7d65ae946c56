// What the single writer reports about itself, for the metrics endpoint:
// plain atomics that Database fills and a scrape reads, so storage needs no
// metrics library and a scrape never waits for the writer's lock.
#ifndef SANGKIEN_SERVER_STORAGE_WRITE_STATS_H_
#define SANGKIEN_SERVER_STORAGE_WRITE_STATS_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace sangkien::storage {

struct WriteStats {
  // Upper bounds of the writes-per-commit buckets; one more bucket holds
  // larger batches (DatabaseOptions::max_batch can exceed 128).
  static constexpr std::array<int64_t, 8> kBatchBounds = {1, 2, 4, 8, 16, 32, 64, 128};

  // Writes queued for the writer and not yet taken into a transaction.
  std::atomic<int64_t> waiting{0};
  // Committed transactions by batch size (not cumulative), and the sum of
  // their batch sizes.
  std::array<std::atomic<uint64_t>, kBatchBounds.size() + 1> commits_by_batch{};
  std::atomic<uint64_t> committed_writes{0};

  // Counts one committed transaction that held `batch_size` writes.
  void RecordCommit(size_t batch_size) {
    size_t bucket = 0;
    while (bucket < kBatchBounds.size() &&
           static_cast<int64_t>(batch_size) > kBatchBounds[bucket]) {
      ++bucket;
    }
    commits_by_batch[bucket].fetch_add(1, std::memory_order_relaxed);
    committed_writes.fetch_add(batch_size, std::memory_order_relaxed);
  }
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_WRITE_STATS_H_
