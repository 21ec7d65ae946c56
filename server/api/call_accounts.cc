#include "api/call_accounts.h"

#include <cstdint>

namespace sangkien::api {

CallAccounts::Shard& CallAccounts::ShardOf(const void* context) {
  // Contexts are heap objects: the low bits carry no information.
  auto bits = reinterpret_cast<std::uintptr_t>(context) >> 6;
  return shards_[bits % shards_.size()];
}

void CallAccounts::Set(const void* context, std::string_view account) {
  Shard& shard = ShardOf(context);
  absl::MutexLock lock(&shard.mu);
  shard.names.insert_or_assign(context, std::string(account));
}

std::string CallAccounts::Take(const void* context) {
  Shard& shard = ShardOf(context);
  absl::MutexLock lock(&shard.mu);
  auto it = shard.names.find(context);
  if (it == shard.names.end()) return "";
  std::string name = std::move(it->second);
  shard.names.erase(it);
  return name;
}

void CallAccounts::Erase(const void* context) {
  Shard& shard = ShardOf(context);
  absl::MutexLock lock(&shard.mu);
  shard.names.erase(context);
}

size_t CallAccounts::size() const {
  size_t n = 0;
  for (const Shard& shard : shards_) {
    absl::MutexLock lock(&shard.mu);
    n += shard.names.size();
  }
  return n;
}

}  // namespace sangkien::api
