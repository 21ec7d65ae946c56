// Keeps every read on an index. The test fills a database the way the
// server does (the demo district, then a few hundred units and thousands of
// assignments from the scale generator), runs the reads the API serves
// through the operations layer while SQLite reports each statement it ran,
// and then checks each distinct statement twice:
//  - its EXPLAIN QUERY PLAN has no bare "SCAN <table>" of a table that
//    grows (only tiny tables such as meta or unit_groups may be scanned);
//  - no run of it stepped through more than kWalkBound rows of an
//    unconstrained loop (SQLITE_STMTSTATUS_FULLSCAN_STEP), which catches an
//    index walked in order while filtering most of it away: a keyset page
//    may walk an index, but it stops after a page.
// Dropping an index the reads rely on must make the check fail; the second
// test proves that for the main ones.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <regex>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bench/scale/scale_data.h"
#include "operations/account_operations.h"
#include "operations/calendar_operations.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"
#include "operations/search_operations.h"
#include "operations/sync_operations.h"
#include "seed/demo_seed.h"
#include "seed/holiday_seed.h"
#include "storage/connection_hook.h"
#include "storage/plan_repository.h"
#include "storage/proposal_repository.h"
#include "storage/unit_repository.h"
#include "testing/temp_dir.h"

namespace sangkien::storage {
namespace {

// Rows one run of a statement may step through without a constraint: a
// page of 50 and then some. (The change feed's pages of 200 follow seq, a
// constraint.)
constexpr int64_t kWalkBound = 250;

// Tables that stay small whatever the district does.
const std::set<std::string> kTinyTables = {"meta",     "unit_groups",     "unit_group_kinds",
                                           "holidays", "sqlite_sequence", "json_each"};

// Tables some statements read whole by design, and what those statements
// never contain: every station's broadcasts make GetOnAir's schedule, while
// one station's must come through broadcasts_by_station.
const std::map<std::string, std::string> kWholeReads = {
    {"broadcasts", "station_unit_id = :station"}};

// What SQLite ran: each statement's text and the most unconstrained steps
// one run of it took.
class StatementLog {
 public:
  void Attach(SQLite::Database& db) {
    sqlite3_trace_v2(db.getHandle(), SQLITE_TRACE_PROFILE, &StatementLog::OnProfile, this);
  }
  void set_recording(bool on) {
    std::lock_guard lock(mu_);
    recording_ = on;
  }
  std::map<std::string, int64_t> statements() {
    std::lock_guard lock(mu_);
    return walks_;
  }

 private:
  static int OnProfile(unsigned type, void* self, void* p, void*) {
    if (type != SQLITE_TRACE_PROFILE) return 0;
    auto* log = static_cast<StatementLog*>(self);
    auto* stmt = static_cast<sqlite3_stmt*>(p);
    int64_t walked = sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, /*reset=*/1);
    std::string sql = sqlite3_sql(stmt);
    if (sql.rfind("SELECT", 0) != 0 && sql.rfind("WITH", 0) != 0) return 0;
    // FTS5's own statements on its shadow tables.
    if (sql.find("'main'.") != std::string::npos) return 0;
    std::lock_guard lock(log->mu_);
    if (!log->recording_) return 0;
    int64_t& most = log->walks_[sql];
    most = std::max(most, walked);
    return 0;
  }

  std::mutex mu_;
  bool recording_ = false;
  std::map<std::string, int64_t> walks_;
};

// alias → table, from the statement's FROM and JOIN clauses.
std::map<std::string, std::string> Aliases(const std::string& sql) {
  static const std::regex kFrom(R"((?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?)",
                                std::regex::icase);
  static const std::set<std::string> kKeywords = {"WHERE", "JOIN",  "ON",     "LEFT",  "INNER",
                                                  "CROSS", "ORDER", "GROUP",  "LIMIT", "USING",
                                                  "UNION", "AND",   "NATURAL"};
  std::map<std::string, std::string> out;
  for (std::sregex_iterator it(sql.begin(), sql.end(), kFrom), end; it != end; ++it) {
    std::string table = (*it)[1], alias = (*it)[2];
    std::string upper = alias;
    for (char& c : upper) c = static_cast<char>(toupper(c));
    out[table] = table;
    if (!alias.empty() && !kKeywords.contains(upper)) out[alias] = table;
  }
  return out;
}

// What is wrong with each statement's plan or its runs, one line each.
std::vector<std::string> Violations(const std::string& db_path,
                                    const std::map<std::string, int64_t>& statements) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  static const std::regex kScan(R"(^SCAN (\w+)(.*)$)");
  std::vector<std::string> out;
  for (const auto& [sql, walked] : statements) {
    std::map<std::string, std::string> aliases = Aliases(sql);
    std::vector<std::string> plan;
    SQLite::Statement eqp(db, "EXPLAIN QUERY PLAN " + sql);
    while (eqp.executeStep()) {
      std::string detail = eqp.getColumn(3).getString();
      plan.push_back(detail);
      std::smatch m;
      if (!std::regex_match(detail, m, kScan)) continue;
      std::string name = m[1], rest = m[2];
      std::string table = aliases.contains(name) ? aliases[name] : name;
      if (kTinyTables.contains(table)) continue;
      if (rest.find("VIRTUAL TABLE") != std::string::npos) {
        // FTS5 must be driven by MATCH (an "M" in its index string).
        if (table == "search_fts" && rest.find(":M") != std::string::npos) continue;
        out.push_back(absl::StrCat("virtual table without MATCH: ", detail, "\n    in: ", sql));
        continue;
      }
      auto whole = kWholeReads.find(table);
      if (whole != kWholeReads.end() && sql.find(whole->second) == std::string::npos) continue;
      if (rest.find("USING") == std::string::npos) {
        out.push_back(absl::StrCat("full scan of ", table, ": ", detail, "\n    in: ", sql));
      }
    }
    if (walked > kWalkBound) {
      out.push_back(absl::StrCat("walked ", walked, " rows without a constraint (",
                                 absl::StrJoin(plan, "; "), ")\n    in: ", sql));
    }
  }
  return out;
}

// The operations the server wires up, over one database.
struct Services {
  explicit Services(Database& db)
      : clock([] {
          return absl::FromCivil(absl::CivilSecond(2026, 11, 27, 9, 0, 0),
                                 absl::FixedTimeZone(7 * 3600));
        }),
        directory(db, clock),
        plans(db, directory, clock),
        accounts(db, clock),
        calendar(db, clock),
        proposals(db, clock, operations::HolidayWorkingDays(calendar)),
        publicity(db, clock),
        search(db, clock),
        sync(db, clock, proposals, publicity) {}
  calendar::Clock clock;
  operations::DirectoryOperations directory;
  operations::PlanOperations plans;
  operations::AccountOperations accounts;
  operations::CalendarOperations calendar;
  operations::ProposalOperations proposals;
  operations::PublicityOperations publicity;
  operations::SearchOperations search;
  operations::SyncOperations sync;
};

domain::ListQuery Query(const std::string& filter, const std::vector<domain::FilterField>& fields,
                        domain::OrderBy order, int page_size = 50) {
  domain::ListQuery q;
  auto terms = domain::ParseFilter(filter, fields);
  EXPECT_TRUE(terms.ok()) << filter << ": " << terms.status();
  if (terms.ok()) q.filter = *terms;
  q.order = std::move(order);
  q.page_size = page_size;
  return q;
}

// A list call and the page after it.
template <typename Call>
void TwoPages(domain::ListQuery q, Call call) {
  auto first = call(q);
  ASSERT_TRUE(first.ok()) << first.status();
  if (!first->next) return;
  q.after = first->next;
  auto second = call(q);
  ASSERT_TRUE(second.ok()) << second.status();
}

struct Facts {
  int64_t plan = 0;
  int64_t task = 0;
  int64_t commune = 0;
  int64_t district = 0;
  int64_t station = 0;
};

// The reads the API serves, as the public, a commune's staff and an admin.
void RunReads(Services& s, const Facts& f) {
  using storage::PlanRepository;
  using storage::UnitRepository;
  domain::Caller public_caller;
  domain::Caller staff;
  staff.principal = {1, 1, {domain::Role::kStaff}, f.commune, "staff"};
  staff.actor = {"accounts/1", "test", ""};
  domain::Caller admin = domain::Caller::System("test");
  const absl::CivilDay today(2026, 11, 27);
  const std::string commune = absl::StrCat("units/", f.commune);

  for (const domain::Caller* who : {&public_caller, &staff, &admin}) {
    const domain::Caller& c = *who;
    ASSERT_TRUE(s.plans.GetPlan(c, f.plan, false).ok());
    ASSERT_TRUE(s.plans.GetTask(c, f.plan, f.task).ok());
    for (const char* order : {"issue_date", "create_time", "title"}) {
      TwoPages(Query("", PlanRepository::PlanFilterFields(), {order, true}),
               [&](auto q) { return s.plans.ListPlans(c, q); });
    }
    TwoPages(Query("issue_date >= \"2024-01-01\"", PlanRepository::PlanFilterFields(),
                   {"issue_date", true}),
             [&](auto q) { return s.plans.ListPlans(c, q); });
    for (const char* order : {"position", "due_date", "number"}) {
      TwoPages(Query("", PlanRepository::TaskFilterFields(), {order, false}),
               [&](auto q) { return s.plans.ListTasks(c, f.plan, q); });
    }
    for (std::string filter :
         {absl::StrCat("unit = \"", commune, "\""), absl::StrCat("lead_unit = \"", commune, "\""),
          std::string("status = IN_PROGRESS"), std::string("due_date < \"2026-12-31\"")}) {
      TwoPages(Query(filter, PlanRepository::TaskFilterFields(), {"position", false}),
               [&](auto q) { return s.plans.ListTasks(c, f.plan, q); });
    }
    // Across plans, a unit's tasks.
    TwoPages(Query(absl::StrCat("unit = \"", commune, "\""), PlanRepository::TaskFilterFields(),
                   {"due_date", false}),
             [&](auto q) { return s.plans.ListTasks(c, 0, q); });
    // A commune's assignments across plans: the kiosk's main list.
    for (std::string filter :
         {absl::StrCat("unit = \"", commune, "\""),
          absl::StrCat("unit = \"", commune, "\" AND overdue = true"),
          absl::StrCat("unit = \"", commune, "\" AND role = LEAD"),
          absl::StrCat("unit = \"", commune, "\" AND due_date < \"2027-01-01\"")}) {
      for (const char* order : {"next_due_date", "task"}) {
        TwoPages(Query(filter, PlanRepository::AssignmentFilterFields(), {order, false}),
                 [&](auto q) { return s.plans.ListAssignments(c, 0, 0, q, today); });
      }
    }
    TwoPages(Query("", PlanRepository::AssignmentFilterFields(), {"next_due_date", false}),
             [&](auto q) { return s.plans.ListAssignments(c, 0, 0, q, today); });
    TwoPages(
        Query("overdue = true", PlanRepository::AssignmentFilterFields(), {"next_due_date", false}),
        [&](auto q) { return s.plans.ListAssignments(c, f.plan, 0, q, today); });
    TwoPages(Query("", PlanRepository::AssignmentFilterFields(), {"next_due_date", false}),
             [&](auto q) { return s.plans.ListAssignments(c, f.plan, f.task, q, today); });
    TwoPages(Query("", PlanRepository::ReportFilterFields(), {"id", true}),
             [&](auto q) { return s.plans.ListReports(c, f.plan, f.task, q); });

    for (std::vector<std::string> terms :
         {std::vector<std::string>{"dam", "nghi"}, {"cai", "cach", "h"}, {"tan"}}) {
      ASSERT_TRUE(s.search.Search(c, {terms, {}, 20}, 0).ok());
      ASSERT_TRUE(s.search.Search(c, {terms, {}, 20}, 20).ok());
      ASSERT_TRUE(s.search.Search(c, {terms, {domain::SearchKind::kTask}, 20}, 0).ok());
    }

    auto feed = s.sync.ListChanges(c, {}, true, 200);
    ASSERT_TRUE(feed.ok()) << feed.status();
    ASSERT_TRUE(s.sync.ListChanges(c, feed->next, false, 200).ok());
    auto latest = s.sync.LatestSeq();
    ASSERT_TRUE(latest.ok());
    ASSERT_TRUE(s.sync.ListChanges(c, {*latest - 300, 0}, false, 200).ok());

    TwoPages(Query("", ProposalRepository::FilterFields(), {"create_time", true}),
             [&](auto q) { return s.proposals.List(c, q); });
    ASSERT_TRUE(s.publicity.OnAir(c, 0, nullptr).ok());
    ASSERT_TRUE(
        s.publicity.ListAirings(c, {f.station, s.clock(), s.clock() + absl::Hours(24 * 7)}).ok());
  }
  for (std::string filter : {std::string(""), std::string("kind = COMMUNE"),
                             absl::StrCat("parent = \"units/", f.district, "\"")}) {
    TwoPages(Query(filter, UnitRepository::UnitFilterFields(), {"display_name", false}),
             [&](auto q) { return s.directory.ListUnits(q); });
  }
  ASSERT_TRUE(s.directory.GetUnit(f.commune).ok());
}

class QueryPlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    path_ = dir_->File("seeded.db");
    DatabaseOptions options;
    options.path = path_;
    options.synchronous_full = false;
    auto db = Database::Open(options);
    ASSERT_TRUE(db.ok()) << db.status();
    Services s(**db);
    ASSERT_TRUE(seed::LoadShippedHolidays(s.calendar).ok());
    auto demo = seed::SeedDemoIfEmpty(s.directory, s.plans, s.accounts, s.proposals, s.publicity);
    ASSERT_TRUE(demo.ok()) << demo.status();
    bench::ScaleSpec spec;
    spec.units = 600;
    spec.assignments = 3000;
    spec.big_plan_tasks = 120;
    spec.report_every = 20;
    auto scale = bench::GenerateScaleData(**db, spec);
    ASSERT_TRUE(scale.ok()) << scale.status();
    facts_.plan = scale->big_plan_id;
    facts_.commune = scale->busiest_commune_id;
    auto tasks =
        s.plans.ListTasks(domain::Caller::System("test"), facts_.plan,
                          Query("", PlanRepository::TaskFilterFields(), {"position", false}));
    ASSERT_TRUE(tasks.ok() && !tasks->items.empty());
    facts_.task = tasks->items.front().id;
    auto commune = s.directory.GetUnit(facts_.commune);
    ASSERT_TRUE(commune.ok());
    facts_.district = commune->parent_id;
    auto stations = s.publicity.OnAir(domain::Caller::System("test"), 0, nullptr);
    ASSERT_TRUE(stations.ok() && !stations->empty());
    facts_.station = stations->front().station_unit_id;
  }
  static void TearDownTestSuite() { delete dir_; }

  // Runs the reads on a database at `path` and returns what they ran.
  static std::map<std::string, int64_t> Record(const std::string& path) {
    StatementLog log;
    DatabaseOptions options;
    options.path = path;
    SetConnectionHook([&log](SQLite::Database& db, bool) { log.Attach(db); });
    auto db = Database::Open(options);
    SetConnectionHook({});
    EXPECT_TRUE(db.ok()) << db.status();
    if (!db.ok()) return {};
    Services s(**db);
    log.set_recording(true);
    RunReads(s, facts_);
    log.set_recording(false);
    return log.statements();
  }

  static testing::TempDir* dir_;
  static std::string path_;
  static Facts facts_;
};

testing::TempDir* QueryPlanTest::dir_ = nullptr;
std::string QueryPlanTest::path_;
Facts QueryPlanTest::facts_;

TEST_F(QueryPlanTest, EveryReadUsesAnIndex) {
  // The tables must be larger than a page walk, or the walk bound proves
  // nothing.
  {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    for (const char* table : {"units", "tasks", "assignments", "changes", "search_docs"}) {
      int64_t rows = db.execAndGet(absl::StrCat("SELECT count(*) FROM ", table)).getInt64();
      EXPECT_GT(rows, 2 * kWalkBound) << table;
    }
  }
  std::map<std::string, int64_t> statements = Record(path_);
  EXPECT_GT(statements.size(), 40u);
  std::vector<std::string> bad = Violations(path_, statements);
  EXPECT_TRUE(bad.empty()) << absl::StrJoin(bad, "\n");
}

class DroppedIndexTest : public QueryPlanTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(DroppedIndexTest, IsNoticed) {
  std::string copy = dir_->File(absl::StrCat("without-", GetParam(), ".db"));
  {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    db.exec(absl::StrCat("VACUUM INTO '", copy, "'"));
  }
  {
    SQLite::Database db(copy, SQLite::OPEN_READWRITE);
    db.exec(absl::StrCat("DROP INDEX ", GetParam()));
  }
  std::vector<std::string> bad = Violations(copy, Record(copy));
  EXPECT_FALSE(bad.empty()) << "dropping " << GetParam() << " went unnoticed";
}

INSTANTIATE_TEST_SUITE_P(MainIndexes, DroppedIndexTest,
                         ::testing::Values("assignments_by_unit", "tasks_by_plan",
                                           "units_by_parent", "progress_reports_by_task"));

}  // namespace
}  // namespace sangkien::storage
