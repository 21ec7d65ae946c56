// The server's core: one database and every use case over it, opened
// together. The gRPC server, sangkienctl and the seed all reach the data
// through a Core, so none of them sees the storage engine behind it.
#ifndef SANGKIEN_SERVER_OPERATIONS_CORE_H_
#define SANGKIEN_SERVER_OPERATIONS_CORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "auth/token_store.h"
#include "calendar/clock.h"
#include "domain/page_token.h"
#include "operations/account_operations.h"
#include "operations/audit_operations.h"
#include "operations/calendar_operations.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"
#include "operations/search_operations.h"
#include "operations/stored_tokens.h"
#include "operations/sync_operations.h"

namespace sangkien::storage {
class Database;
struct WriteStats;
}  // namespace sangkien::storage

namespace sangkien::operations {

struct CoreOptions {
  std::string database_path = "var/sangkien.db";
  // Open only a database that is already there (sangkienctl): NOT_FOUND
  // otherwise, and nothing is created.
  bool must_exist = false;
  // Each commit waits for the disk (fdatasync), so an acknowledged write
  // survives a power cut.
  bool synchronous_full = true;
  // Concurrent writes share one transaction.
  bool group_commit = true;
  calendar::Clock clock = calendar::SystemClock();
};

// Thread-safe: the operations it hands out may be called from any thread at
// once; the Core itself is immutable after Open.
class Core {
 public:
  // Opens the database (creating its folder and file unless must_exist, and
  // migrating it to this program's schema) and the use cases over it. The
  // page-token key is created on first open. NOT_FOUND when must_exist and
  // there is no file; FAILED_PRECONDITION for a database newer than this
  // program; INTERNAL when the file cannot be opened or migrated.
  static absl::StatusOr<std::unique_ptr<Core>> Open(const CoreOptions& options);
  ~Core();

  Core(const Core&) = delete;
  Core& operator=(const Core&) = delete;

  DirectoryOperations& directory() { return *directory_; }
  PlanOperations& plans() { return *plans_; }
  AccountOperations& accounts() { return *accounts_; }
  CalendarOperations& calendar() { return *calendar_; }
  ProposalOperations& proposals() { return *proposals_; }
  PublicityOperations& publicity() { return *publicity_; }
  SearchOperations& search() { return *search_; }
  SyncOperations& sync() { return *sync_; }
  AuditOperations& audit() { return *audit_; }
  // Tokens and their accounts as the authenticator reads them.
  auth::TokenStore& token_store() { return *token_store_; }

  // Seals page tokens and change markers with this database's own key, so
  // a restored copy (which gets a new key) refuses the old ones.
  const domain::PageTokenCodec& page_tokens() const { return *page_tokens_; }

  // One real read transaction (the change log's head) through the reader
  // pool: OK when the database answers; the read's error otherwise.
  absl::Status Probe();

  // What the single writer reports about itself (queued writes, commits by
  // batch size), updated as it goes; for the metrics endpoint.
  const storage::WriteStats& write_stats() const;

  const std::string& database_path() const { return options_.database_path; }
  const calendar::Clock& clock() const { return options_.clock; }

 private:
  explicit Core(CoreOptions options);

  CoreOptions options_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<domain::PageTokenCodec> page_tokens_;
  std::unique_ptr<DirectoryOperations> directory_;
  std::unique_ptr<PlanOperations> plans_;
  std::unique_ptr<AccountOperations> accounts_;
  std::unique_ptr<CalendarOperations> calendar_;
  std::unique_ptr<ProposalOperations> proposals_;
  std::unique_ptr<PublicityOperations> publicity_;
  std::unique_ptr<SearchOperations> search_;
  std::unique_ptr<SyncOperations> sync_;
  std::unique_ptr<AuditOperations> audit_;
  std::unique_ptr<StoredTokens> token_store_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_CORE_H_
