#include "operations/core.h"

#include <openssl/rand.h>

#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "status/status_macros.h"
#include "storage/change_log.h"
#include "storage/database.h"
#include "storage/request_log.h"

namespace sangkien::operations {

namespace {

std::string RandomKey() {
  std::string key(32, '\0');
  RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size()));
  return key;
}

}  // namespace

Core::Core(CoreOptions options) : options_(std::move(options)) {}

Core::~Core() = default;

absl::StatusOr<std::unique_ptr<Core>> Core::Open(const CoreOptions& options) {
  std::filesystem::path path(options.database_path);
  std::error_code ec;
  if (options.must_exist) {
    if (!std::filesystem::is_regular_file(path, ec)) {
      return absl::NotFoundError(absl::StrCat("no database at ", options.database_path));
    }
  } else if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
  }
  std::unique_ptr<Core> core(new Core(options));
  storage::DatabaseOptions db_options;
  db_options.path = options.database_path;
  db_options.synchronous_full = options.synchronous_full;
  db_options.group_commit = options.group_commit;
  // One process-wide command needs one reader, not a pool.
  if (options.must_exist) db_options.reader_count = 1;
  SK_ASSIGN_OR_RETURN(core->db_, storage::Database::Open(db_options));

  std::string key;
  SK_RETURN_IF_ERROR(core->db_->Write([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(
        key, storage::MetaStore::GetOrCreate(c, storage::MetaStore::kPageTokenKey, RandomKey));
    return absl::OkStatus();
  }));
  core->page_tokens_ = std::make_unique<domain::PageTokenCodec>(key);

  storage::Database& db = *core->db_;
  const calendar::Clock& clock = core->options_.clock;
  core->directory_ = std::make_unique<DirectoryOperations>(db, clock);
  core->plans_ = std::make_unique<PlanOperations>(db, *core->directory_, clock);
  core->accounts_ = std::make_unique<AccountOperations>(db, clock);
  // Working-day deadlines count against the calendar as it is at each call.
  core->calendar_ = std::make_unique<CalendarOperations>(db, clock);
  core->proposals_ =
      std::make_unique<ProposalOperations>(db, clock, HolidayWorkingDays(*core->calendar_));
  core->publicity_ = std::make_unique<PublicityOperations>(db, clock);
  core->search_ = std::make_unique<SearchOperations>(db, clock);
  core->sync_ = std::make_unique<SyncOperations>(db, clock, *core->proposals_, *core->publicity_);
  core->audit_ = std::make_unique<AuditOperations>(db);
  core->token_store_ = std::make_unique<StoredTokens>(db);
  return core;
}

absl::Status Core::Probe() {
  return db_->Read(
      [](storage::Connection& c) { return storage::ChangeLog::LatestSeq(c).status(); });
}

const storage::WriteStats& Core::write_stats() const { return db_->write_stats(); }

}  // namespace sangkien::operations
