// Who made each call in flight, for the call log. The gate knows the caller
// once it has admitted the call; the log interceptor, which writes the line
// when the status goes out, sees only the call's context. The gate leaves
// the account's name here under that context and the interceptor takes it.
#ifndef SANGKIEN_SERVER_API_CALL_ACCOUNTS_H_
#define SANGKIEN_SERVER_API_CALL_ACCOUNTS_H_

#include <array>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace sangkien::api {

// Safe from any thread. Sharded by context, so calls on different threads
// rarely share a lock.
class CallAccounts {
 public:
  // Records `account` ("accounts/3", "public") for the call of `context`,
  // replacing what was there.
  void Set(const void* context, std::string_view account);
  // Removes and returns the name recorded for `context`; "" when none.
  std::string Take(const void* context);
  // Forgets `context` (the call ended without a line).
  void Erase(const void* context);
  // Entries held: 0 once every call has ended (for tests).
  size_t size() const;

 private:
  struct Shard {
    mutable absl::Mutex mu;
    absl::flat_hash_map<const void*, std::string> names ABSL_GUARDED_BY(mu);
  };
  Shard& ShardOf(const void* context);

  std::array<Shard, 16> shards_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_CALL_ACCOUNTS_H_
