#include "storage/migrations.h"

namespace sangkien::storage {

// Dates are ISO text (YYYY-MM-DD) so they sort and compare as dates; times
// are microseconds since the epoch. Lists owned by one row (sections,
// recipients, the units a task names) are JSON: they are always read whole.
// `revision` counts updates and makes the etag.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  aliases TEXT NOT NULL DEFAULT '[]',
  kind INTEGER NOT NULL,
  parent_id INTEGER REFERENCES units(id),
  demo INTEGER NOT NULL DEFAULT 0,
  sort_key BLOB NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT;
CREATE INDEX units_by_sort_key ON units(sort_key, id);
CREATE INDEX units_by_kind ON units(kind, sort_key, id);
CREATE INDEX units_by_parent ON units(parent_id, sort_key, id);

CREATE TABLE unit_groups (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  revision INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE unit_group_kinds (
  group_id INTEGER NOT NULL REFERENCES unit_groups(id),
  kind INTEGER NOT NULL,
  PRIMARY KEY (group_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX unit_group_kinds_by_kind ON unit_group_kinds(kind);

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  symbol TEXT NOT NULL DEFAULT '',
  kind INTEGER NOT NULL DEFAULT 0,
  issuer TEXT NOT NULL DEFAULT '',
  issuer_unit_id INTEGER REFERENCES units(id),
  place TEXT NOT NULL DEFAULT '',
  issue_date TEXT,
  title TEXT NOT NULL,
  title_sort_key BLOB NOT NULL,
  preamble TEXT NOT NULL DEFAULT '',
  sections TEXT NOT NULL DEFAULT '[]',
  signer TEXT NOT NULL DEFAULT '{}',
  recipients TEXT NOT NULL DEFAULT '[]',
  basis TEXT NOT NULL DEFAULT '[]',
  state INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  delete_time INTEGER
) STRICT;
CREATE INDEX plans_by_issue_date ON plans(issue_date, id) WHERE delete_time IS NULL;
CREATE INDEX plans_by_create_time ON plans(create_time, id) WHERE delete_time IS NULL;

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  section TEXT NOT NULL DEFAULT '',
  lead_units TEXT NOT NULL DEFAULT '[]',
  coordinating_units TEXT NOT NULL DEFAULT '[]',
  tf_kind INTEGER NOT NULL DEFAULT 0,
  tf_text TEXT NOT NULL DEFAULT '',
  tf_due_date TEXT,
  tf_start_date TEXT,
  tf_report_dates TEXT NOT NULL DEFAULT '[]',
  tf_condition TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT;
CREATE INDEX tasks_by_plan ON tasks(plan_id, position, id);
CREATE INDEX tasks_by_due_date ON tasks(tf_due_date, id);

CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  role INTEGER NOT NULL,
  via_group_id INTEGER REFERENCES unit_groups(id),
  next_due_date TEXT,
  last_report_id INTEGER,
  progress INTEGER NOT NULL DEFAULT 0,
  UNIQUE (task_id, unit_id, role)
) STRICT;
CREATE INDEX assignments_by_unit ON assignments(unit_id, next_due_date, id);
CREATE INDEX assignments_by_plan ON assignments(plan_id, next_due_date, id);
CREATE INDEX assignments_by_due ON assignments(next_due_date, id);

CREATE TABLE progress_reports (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  report_date TEXT NOT NULL,
  covers_due_date TEXT,
  text TEXT NOT NULL,
  progress INTEGER NOT NULL,
  attachments TEXT NOT NULL DEFAULT '[]',
  create_time INTEGER NOT NULL
) STRICT;
CREATE INDEX progress_reports_by_task ON progress_reports(task_id, id);
CREATE INDEX progress_reports_by_unit_task ON progress_reports(unit_id, task_id, covers_due_date);

-- A create with a client request_id is recorded here in the same
-- transaction, so a retry finds the first result.
CREATE TABLE request_log (
  method TEXT NOT NULL,
  request_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  extra TEXT NOT NULL DEFAULT '',
  create_time INTEGER NOT NULL,
  PRIMARY KEY (method, request_id)
) STRICT, WITHOUT ROWID;
)sql";

// Accounts, hashed tokens and the hash-chained audit trail. audit_head
// holds the last sequence and hash so that deleting the newest events is
// noticed too.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL DEFAULT '[]',
  unit_id INTEGER REFERENCES units(id),
  position TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  service_account INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT;
CREATE INDEX accounts_by_unit ON accounts(unit_id, id);

CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  display_name TEXT NOT NULL DEFAULT '',
  prefix TEXT NOT NULL UNIQUE,
  secret_hash BLOB NOT NULL,
  create_time INTEGER NOT NULL,
  expire_time INTEGER,
  revoke_time INTEGER,
  last_use_time INTEGER
) STRICT;
CREATE INDEX tokens_by_account ON tokens(account_id, id);

CREATE TABLE audit_events (
  sequence INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  actor TEXT NOT NULL,
  method TEXT NOT NULL,
  resource TEXT NOT NULL,
  request_id TEXT NOT NULL DEFAULT '',
  before_digest TEXT NOT NULL DEFAULT '',
  after_digest TEXT NOT NULL DEFAULT '',
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_by_resource ON audit_events(resource, sequence);
CREATE INDEX audit_events_by_actor ON audit_events(actor, sequence);
)sql";

// The holiday calendar that working-day deadlines are counted against: one
// row per named day (kind 1 = day off, 2 = make-up working day, as
// sangkien.v1.HolidayKind). The date is the key.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE holidays (
  date TEXT PRIMARY KEY,
  kind INTEGER NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX holidays_by_kind ON holidays(kind, date);
)sql";

// Innovation proposals. The workflow's records (appraisal, decision, pilot,
// evaluation, responsibility, halt) are JSON read whole; the due dates are
// columns so that "overdue" filters in SQL. Contents versions and events are
// append-only: triggers refuse any UPDATE or DELETE on them.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_sort_key BLOB NOT NULL,
  proposer_id INTEGER NOT NULL REFERENCES accounts(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  state INTEGER NOT NULL,
  contents TEXT NOT NULL DEFAULT '{}',
  contents_version INTEGER NOT NULL DEFAULT 1,
  record TEXT NOT NULL DEFAULT '{}',
  submit_date TEXT,
  decision_date TEXT,
  decision_due_date TEXT NOT NULL DEFAULT '9999-12-31',
  report_due_date TEXT NOT NULL DEFAULT '9999-12-31',
  evaluation_due_date TEXT NOT NULL DEFAULT '9999-12-31',
  decision_published INTEGER NOT NULL DEFAULT 0,
  responsibility_published INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  submit_time INTEGER
) STRICT;
CREATE INDEX proposals_by_create_time ON proposals(create_time, id);
CREATE INDEX proposals_by_state ON proposals(state, id);
CREATE INDEX proposals_by_unit ON proposals(unit_id, id);
CREATE INDEX proposals_by_proposer ON proposals(proposer_id, id);

CREATE TABLE proposal_versions (
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  version INTEGER NOT NULL,
  contents TEXT NOT NULL,
  changed_parts TEXT NOT NULL DEFAULT '[]',
  reason TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE proposal_events (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  verb TEXT NOT NULL,
  actor TEXT NOT NULL,
  time INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  state_before INTEGER NOT NULL,
  state_after INTEGER NOT NULL,
  contents_version INTEGER NOT NULL
) STRICT;
CREATE INDEX proposal_events_by_proposal ON proposal_events(proposal_id, id);

CREATE TRIGGER proposal_events_no_update BEFORE UPDATE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'proposal events are append-only'); END;
CREATE TRIGGER proposal_events_no_delete BEFORE DELETE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'proposal events are append-only'); END;
CREATE TRIGGER proposal_versions_no_update BEFORE UPDATE ON proposal_versions
BEGIN SELECT RAISE(ABORT, 'proposal versions are append-only'); END;
CREATE TRIGGER proposal_versions_no_delete BEFORE DELETE ON proposal_versions
BEGIN SELECT RAISE(ABORT, 'proposal versions are append-only'); END;
)sql";

// The change feed and the search index, both written in the same transaction
// as the change they describe.
//
// `changes` keeps one row per resource, at its latest change: a new change
// takes a fresh seq (AUTOINCREMENT never reuses one) and replaces the row, so
// a reader resuming from a marker sees each resource once, as it is now.
// Rows of deleted resources are tombstones until compaction removes them;
// `public_seen` remembers whether the public could ever read the resource,
// so the public is never told the name of something it never saw.
// `visibility_schedule` holds the moments a publish window opens or closes,
// which no write marks; they become changes when their time comes.
//
// `search_docs` holds the display text of each searchable resource once per
// audience (0 everyone, 1 public view only, 2 internal roles only), and
// `search_fts` the same text folded (lower case, no diacritics, đ → d), with
// the same rowid.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  resource TEXT NOT NULL UNIQUE,
  deleted INTEGER NOT NULL DEFAULT 0,
  public_seen INTEGER NOT NULL DEFAULT 0,
  change_time INTEGER NOT NULL
) STRICT;
CREATE INDEX changes_tombstones ON changes(deleted, seq);

CREATE TABLE visibility_schedule (
  resource TEXT NOT NULL,
  at INTEGER NOT NULL,
  opens INTEGER NOT NULL,
  PRIMARY KEY (resource, at)
) STRICT, WITHOUT ROWID;
CREATE INDEX visibility_schedule_by_time ON visibility_schedule(at);

CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  resource TEXT NOT NULL,
  audience INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  visible_from INTEGER,
  visible_until INTEGER,
  parent TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (resource, audience)
) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 0'
);
)sql";

// Publicity (seed item 1.2): radio broadcasts with their recurrence, model
// case studies with their images, and announcements. Times are microseconds
// since the epoch; the JSON columns hold lists the rows own.
constexpr std::string_view kV6 = R"sql(
CREATE TABLE broadcasts (
  id INTEGER PRIMARY KEY,
  station_unit_id INTEGER NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  links TEXT NOT NULL DEFAULT '[]',
  start_time INTEGER NOT NULL,
  duration_us INTEGER NOT NULL,
  rrule TEXT NOT NULL DEFAULT '',
  exdates TEXT NOT NULL DEFAULT '[]',
  overrides TEXT NOT NULL DEFAULT '[]',
  state INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT;
CREATE INDEX broadcasts_by_station ON broadcasts(station_unit_id, state);

CREATE TABLE case_studies (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  results TEXT NOT NULL DEFAULT '',
  proposal_id INTEGER REFERENCES proposals(id),
  state INTEGER NOT NULL,
  publish_time INTEGER,
  unpublish_time INTEGER,
  featured INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT;
CREATE INDEX case_studies_by_state ON case_studies(state, publish_time);

CREATE TABLE case_study_images (
  id INTEGER PRIMARY KEY,
  case_study_id INTEGER NOT NULL REFERENCES case_studies(id) ON DELETE CASCADE,
  content_type TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  create_time INTEGER NOT NULL
) STRICT;
CREATE INDEX case_study_images_by_case_study ON case_study_images(case_study_id, id);

CREATE TABLE announcements (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  unit_id INTEGER NOT NULL REFERENCES units(id),
  state INTEGER NOT NULL,
  publish_time INTEGER,
  unpublish_time INTEGER,
  revision INTEGER NOT NULL DEFAULT 1,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
) STRICT;
CREATE INDEX announcements_by_state ON announcements(state, publish_time);
)sql";

// Kiosk PINs of staff accounts: one per account, replaced when reissued.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE kiosk_pins (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
  salt BLOB NOT NULL,
  hash BLOB NOT NULL,
  iterations INTEGER NOT NULL,
  issue_time INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER
) STRICT;
)sql";

// Search while typing treats the last word as a prefix. Without a prefix
// index FTS5 answers "nghi*" by merging the lists of every word that starts
// so (nghi, nghia, nghiem, nghiep, …) over the whole index before it can
// return one row; with one, each prefix up to five letters is a list of its
// own, read newest first and left as soon as a page is ranked. FTS5 cannot
// add a prefix index to a table, so the index is built anew from the old.
constexpr std::string_view kV8 = R"sql(
CREATE VIRTUAL TABLE search_fts_v8 USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5'
);
INSERT INTO search_fts_v8 (rowid, title, body) SELECT rowid, title, body FROM search_fts;
DROP TABLE search_fts;
ALTER TABLE search_fts_v8 RENAME TO search_fts;
)sql";

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, kV1}, {2, kV2}, {3, kV3}, {4, kV4}, {5, kV5}, {6, kV6}, {7, kV7}, {8, kV8},
  };
  return kMigrations;
}

}  // namespace sangkien::storage
