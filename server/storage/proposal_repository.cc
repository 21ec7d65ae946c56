#include "storage/proposal_repository.h"

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/proposal_rules.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "storage/proposal_json.h"
#include "storage/sql_internal.h"
#include "text/vietnamese.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;
using internal::ContentsFromJson;
using internal::ContentsJson;
using internal::Day;
using internal::Query;
using internal::RecordFromJson;
using internal::RecordJson;
using nlohmann::json;

namespace {

constexpr const char* kPolicyKey = "proposal_submission_policy";
// Public states as SQL (domain::IsPublicState).
constexpr const char* kPublicStates = "p.state IN (4, 7, 8, 9, 10, 11, 13)";

std::string ProposalName(int64_t id) { return absl::StrCat("proposals/", id); }

// ---- rows ----

constexpr const char* kColumns =
    "p.id, p.title, p.proposer_id, p.unit_id, p.state, p.contents, p.contents_version, p.record, "
    "p.submit_date, p.decision_date, p.decision_due_date, p.report_due_date, "
    "p.evaluation_due_date, p.decision_published, p.responsibility_published, p.revision, "
    "p.create_time, p.update_time, p.submit_time, a.display_name, u.display_name";
constexpr int kColumnCount = 21;
constexpr const char* kFrom =
    " FROM proposals p LEFT JOIN accounts a ON a.id = p.proposer_id "
    "LEFT JOIN units u ON u.id = p.unit_id";

std::optional<absl::CivilDay> OptDate(SQLite::Column col) {
  if (col.isNull()) return std::nullopt;
  return internal::DateFromText(col.getString());
}

domain::Proposal Read(SQLite::Statement& q) {
  domain::Proposal p;
  p.id = q.getColumn(0).getInt64();
  p.title = q.getColumn(1).getString();
  p.proposer_id = q.getColumn(2).getInt64();
  p.unit_id = q.getColumn(3).getInt64();
  p.state = static_cast<domain::ProposalState>(q.getColumn(4).getInt());
  p.contents = ContentsFromJson(json::parse(q.getColumn(5).getString(), nullptr, false));
  p.contents_version = q.getColumn(6).getInt();
  RecordFromJson(json::parse(q.getColumn(7).getString(), nullptr, false), p);
  p.submit_date = OptDate(q.getColumn(8));
  p.decision_date = OptDate(q.getColumn(9));
  p.deadlines.decision_due = OptDate(q.getColumn(10));
  p.deadlines.report_due = OptDate(q.getColumn(11));
  p.deadlines.evaluation_due = OptDate(q.getColumn(12));
  p.decision_published = q.getColumn(13).getInt() != 0;
  p.responsibility_published = q.getColumn(14).getInt() != 0;
  p.etag = internal::Etag(q.getColumn(15).getInt64());
  p.create_time = internal::FromMicros(q.getColumn(16).getInt64());
  p.update_time = internal::FromMicros(q.getColumn(17).getInt64());
  if (!q.getColumn(18).isNull()) p.submit_time = internal::FromMicros(q.getColumn(18).getInt64());
  p.proposer_display_name = q.getColumn(19).isNull() ? "" : q.getColumn(19).getString();
  p.unit_display_name = q.getColumn(20).isNull() ? "" : q.getColumn(20).getString();
  return p;
}

// The written fields, by the names Insert and Update use.
void BindFields(Query& q, const domain::Proposal& p) {
  q.Bind(":title", p.title)
      .BindBlob(":title_key", text::VietnameseSortKey(p.title))
      .Bind(":unit", p.unit_id)
      .Bind(":state", p.state)
      .Bind(":contents", ContentsJson(p.contents).dump())
      .Bind(":contents_version", p.contents_version)
      .Bind(":record", RecordJson(p).dump())
      .Bind(":submit_date", p.submit_date)
      .Bind(":decision_date", p.decision_date)
      .Bind(":decision_due", internal::DateText(p.deadlines.decision_due))
      .Bind(":report_due", internal::DateText(p.deadlines.report_due))
      .Bind(":evaluation_due", internal::DateText(p.deadlines.evaluation_due))
      .Bind(":decision_published", p.decision_published)
      .Bind(":responsibility_published", p.responsibility_published)
      .Bind(":submit_time", p.submit_time);
}

std::string ScopeClause(const ProposalScope& scope, std::vector<internal::Param>& params) {
  if (scope.internal) return "";
  if (scope.own_proposer == 0) return kPublicStates;
  params.push_back({":own_proposer", BindValue::Int(scope.own_proposer)});
  return absl::StrCat("(", kPublicStates, " OR p.proposer_id = :own_proposer)");
}

std::vector<std::string> StateNames() {
  std::vector<std::string> names = {""};
  for (int i = 1; i < domain::kProposalStateCount; ++i) {
    names.emplace_back(domain::StateName(static_cast<domain::ProposalState>(i)));
  }
  return names;
}

}  // namespace

const std::vector<domain::FilterField>& ProposalRepository::FilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"state", domain::FilterType::kEnum, false, StateNames(), "PROPOSAL_STATE_", ""},
      {"unit", domain::FilterType::kResource, false, {}, "", "units/"},
      {"proposer", domain::FilterType::kResource, false, {}, "", "accounts/"},
      {"overdue", domain::FilterType::kBool, false, {}, "", ""},
  };
  return kFields;
}

const std::vector<std::string>& ProposalRepository::OrderFields() {
  static const std::vector<std::string> kFields = {"create_time", "update_time", "title"};
  return kFields;
}

absl::StatusOr<int64_t> ProposalRepository::Insert(Connection& c, const domain::Proposal& p,
                                                   absl::Time now) {
  Query q(c,
          "INSERT INTO proposals (title, title_sort_key, unit_id, state, contents, "
          "contents_version, record, submit_date, decision_date, decision_due_date, "
          "report_due_date, evaluation_due_date, decision_published, responsibility_published, "
          "submit_time, proposer_id, revision, create_time, update_time) VALUES (:title, "
          ":title_key, :unit, :state, :contents, :contents_version, :record, :submit_date, "
          ":decision_date, :decision_due, :report_due, :evaluation_due, :decision_published, "
          ":responsibility_published, :submit_time, :proposer, 1, :now, :now)");
  BindFields(q, p);
  q.Bind(":proposer", p.proposer_id).Bind(":now", now).Run();
  return q.last_insert_rowid();
}

absl::Status ProposalRepository::Update(Connection& c, const domain::Proposal& p, absl::Time now) {
  Query q(c,
          "UPDATE proposals SET title = :title, title_sort_key = :title_key, unit_id = :unit, "
          "state = :state, contents = :contents, contents_version = :contents_version, "
          "record = :record, submit_date = :submit_date, decision_date = :decision_date, "
          "decision_due_date = :decision_due, report_due_date = :report_due, "
          "evaluation_due_date = :evaluation_due, decision_published = :decision_published, "
          "responsibility_published = :responsibility_published, submit_time = :submit_time, "
          "revision = revision + 1, update_time = :now WHERE id = :id");
  BindFields(q, p);
  if (q.Bind(":now", now).Bind(":id", p.id).Run() == 0) return NotFound(ProposalName(p.id));
  return absl::OkStatus();
}

absl::StatusOr<domain::Proposal> ProposalRepository::Get(Connection& c, int64_t id,
                                                         const ProposalScope& scope) {
  std::vector<internal::Param> params = {{":id", BindValue::Int(id)}};
  std::string clause = ScopeClause(scope, params);
  Query q(c, absl::StrCat("SELECT ", kColumns, kFrom, " WHERE p.id = :id",
                          clause.empty() ? "" : absl::StrCat(" AND ", clause)));
  if (!q.BindAll(params).Step()) return NotFound(ProposalName(id));
  return Read(q.row());
}

absl::StatusOr<domain::ListPage<domain::Proposal>> ProposalRepository::List(
    Connection& c, const domain::ListQuery& query, const ProposalScope& scope,
    absl::CivilDay today) {
  Column order{"p.create_time", BindValue::Type::kInt};
  if (query.order.field == "update_time") order = {"p.update_time", BindValue::Type::kInt};
  if (query.order.field == "title") order = {"p.title_sort_key", BindValue::Type::kBlob};
  internal::SelectBuilder select(absl::StrCat("SELECT ", kColumns, ", ", order.expr, kFrom));
  std::vector<internal::Param> scope_params;
  std::string clause = ScopeClause(scope, scope_params);
  if (!clause.empty()) select.Where(clause, scope_params);
  std::string day = calendar::FormatIsoDate(today);
  for (const auto& term : query.filter) {
    if (term.field != "overdue") continue;
    std::string overdue =
        "((p.state IN (2, 3) AND p.decision_due_date < :today) OR (p.state = 7 AND "
        "p.report_due_date < :today) OR (p.state = 8 AND p.evaluation_due_date < :today))";
    bool want = (term.int_value == 1) == (term.op == domain::FilterOp::kEq);
    select.Where(want ? overdue : absl::StrCat("NOT ", overdue),
                 {{":today", BindValue::Text(day)}});
  }
  select.Filter(query.filter, {{"state", {"p.state", BindValue::Type::kInt}},
                               {"unit", {"p.unit_id", BindValue::Type::kInt}},
                               {"proposer", {"p.proposer_id", BindValue::Type::kInt}}});
  select.Page(query, order, "p.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Proposal>(q, query, kColumnCount, order.type, Read);
}

absl::Status ProposalRepository::InsertVersion(Connection& c, int64_t proposal_id,
                                               const domain::ProposalVersion& v) {
  Query(c,
        "INSERT INTO proposal_versions (proposal_id, version, contents, changed_parts, reason, "
        "actor, create_time) VALUES (:proposal, :version, :contents, :changed_parts, :reason, "
        ":actor, :create_time)")
      .Bind(":proposal", proposal_id)
      .Bind(":version", v.version)
      .Bind(":contents", ContentsJson(v.contents).dump())
      .Bind(":changed_parts", json(v.changed_parts).dump())
      .Bind(":reason", v.reason)
      .Bind(":actor", v.actor)
      .Bind(":create_time", v.create_time)
      .Run();
  return absl::OkStatus();
}

absl::StatusOr<domain::ProposalVersion> ProposalRepository::GetVersion(Connection& c,
                                                                       int64_t proposal_id,
                                                                       int version) {
  Query q(c,
          "SELECT version, contents, changed_parts, reason, actor, create_time FROM "
          "proposal_versions WHERE proposal_id = :proposal AND version = :version");
  if (!q.Bind(":proposal", proposal_id).Bind(":version", version).Step()) {
    return NotFound(absl::StrCat(ProposalName(proposal_id), " version ", version));
  }
  domain::ProposalVersion v;
  v.version = q.Column(0).getInt();
  v.contents = ContentsFromJson(json::parse(q.Column(1).getString(), nullptr, false));
  v.changed_parts = internal::StringsFromJson(q.Column(2).getString());
  v.reason = q.Column(3).getString();
  v.actor = q.Column(4).getString();
  v.create_time = internal::FromMicros(q.Column(5).getInt64());
  return v;
}

absl::StatusOr<int64_t> ProposalRepository::InsertEvent(Connection& c,
                                                        const domain::ProposalEvent& e) {
  Query q(c,
          "INSERT INTO proposal_events (proposal_id, verb, actor, time, note, state_before, "
          "state_after, contents_version) VALUES (:proposal, :verb, :actor, :time, :note, "
          ":state_before, :state_after, :contents_version)");
  q.Bind(":proposal", e.proposal_id)
      .Bind(":verb", e.verb)
      .Bind(":actor", e.actor)
      .Bind(":time", e.time)
      .Bind(":note", e.note)
      .Bind(":state_before", e.state_before)
      .Bind(":state_after", e.state_after)
      .Bind(":contents_version", e.contents_version)
      .Run();
  return q.last_insert_rowid();
}

absl::StatusOr<domain::ListPage<domain::ProposalEvent>> ProposalRepository::ListEvents(
    Connection& c, int64_t proposal_id, const domain::ListQuery& query) {
  domain::ListQuery by_id = query;
  by_id.order = {"id", false};
  internal::SelectBuilder select(
      "SELECT e.id, e.proposal_id, e.verb, e.actor, e.time, e.note, e.state_before, "
      "e.state_after, e.contents_version FROM proposal_events e");
  select.Where("e.proposal_id = :proposal", {{":proposal", BindValue::Int(proposal_id)}});
  select.Page(by_id, {"e.id", BindValue::Type::kInt}, "e.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  domain::ListPage<domain::ProposalEvent> page;
  while (q.Step()) {
    if (static_cast<int>(page.items.size()) == query.page_size) {
      page.next = domain::PageCursor{absl::StrCat(page.items.back().id), page.items.back().id};
      break;
    }
    domain::ProposalEvent e;
    e.id = q.Column(0).getInt64();
    e.proposal_id = q.Column(1).getInt64();
    e.verb = q.Column(2).getString();
    e.actor = q.Column(3).getString();
    e.time = internal::FromMicros(q.Column(4).getInt64());
    e.note = q.Column(5).getString();
    e.state_before = static_cast<domain::ProposalState>(q.Column(6).getInt());
    e.state_after = static_cast<domain::ProposalState>(q.Column(7).getInt());
    e.contents_version = q.Column(8).getInt();
    page.items.push_back(std::move(e));
  }
  return page;
}

absl::StatusOr<domain::SubmissionPolicy> ProposalRepository::GetSubmissionPolicy(Connection& c) {
  Query q(c, "SELECT value FROM meta WHERE key = :key");
  if (!q.Bind(":key", kPolicyKey).Step()) return domain::SubmissionPolicy::kAnyStaff;
  std::string value = q.Column(0).getString();
  return value == "LEADERS_ONLY" ? domain::SubmissionPolicy::kLeadersOnly
                                 : domain::SubmissionPolicy::kAnyStaff;
}

absl::Status ProposalRepository::SetSubmissionPolicy(Connection& c,
                                                     domain::SubmissionPolicy policy) {
  Query(c,
        "INSERT INTO meta (key, value) VALUES (:key, :value) ON CONFLICT(key) DO UPDATE SET "
        "value = excluded.value")
      .Bind(":key", kPolicyKey)
      .BindBlob(":value",  // meta.value is a BLOB
                policy == domain::SubmissionPolicy::kLeadersOnly ? "LEADERS_ONLY" : "ANY_STAFF")
      .Run();
  return absl::OkStatus();
}

std::string ProposalRepository::Canonical(const domain::Proposal& p) {
  json j = {{"id", p.id},
            {"title", p.title},
            {"proposer", p.proposer_id},
            {"unit", p.unit_id},
            {"state", static_cast<int>(p.state)},
            {"contents", ContentsJson(p.contents)},
            {"contents_version", p.contents_version},
            {"record", RecordJson(p)},
            {"submit_date", Day(p.submit_date)},
            {"decision_date", Day(p.decision_date)},
            {"decision_due", Day(p.deadlines.decision_due)},
            {"report_due", Day(p.deadlines.report_due)},
            {"evaluation_due", Day(p.deadlines.evaluation_due)},
            {"decision_published", p.decision_published},
            {"responsibility_published", p.responsibility_published}};
  return j.dump();
}

std::string ProposalRepository::Canonical(const domain::ProposalEvent& e) {
  json j = {{"id", e.id},
            {"proposal", e.proposal_id},
            {"verb", e.verb},
            {"actor", e.actor},
            {"time", absl::ToUnixMicros(e.time)},
            {"note", e.note},
            {"before", static_cast<int>(e.state_before)},
            {"after", static_cast<int>(e.state_after)},
            {"contents_version", e.contents_version}};
  return j.dump();
}

}  // namespace sangkien::storage
