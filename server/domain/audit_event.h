// One event of the hash-chained audit trail, and what walking the chain
// found, as the operations hand them out.
#ifndef SANGKIEN_SERVER_DOMAIN_AUDIT_EVENT_H_
#define SANGKIEN_SERVER_DOMAIN_AUDIT_EVENT_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace sangkien::domain {

struct AuditEvent {
  int64_t id = 0;  // its sequence number in the chain (named id for paging)
  absl::Time time;
  std::string actor;       // "accounts/3" or "system"
  std::string method;      // the RPC or command that wrote
  std::string resource;    // what it wrote
  std::string request_id;  // the client's, if any
  std::string before_digest;
  std::string after_digest;
  std::string previous_hash;
  std::string hash;
};

struct AuditChainCheck {
  bool intact = true;
  int64_t events_checked = 0;
  int64_t first_broken_sequence = 0;  // 0 when intact
  std::string problem;                // empty when intact
  std::string head_hash;
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_AUDIT_EVENT_H_
