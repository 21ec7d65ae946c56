#include "storage/proposal_json.h"

#include "calendar/civil_date.h"
#include "storage/sql_internal.h"

namespace sangkien::storage::internal {

using nlohmann::json;

json Day(const std::optional<absl::CivilDay>& d) {
  return d ? json(calendar::FormatIsoDate(*d)) : json(nullptr);
}
namespace {

std::optional<absl::CivilDay> Day(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return calendar::ParseIsoDate(it->get<std::string>());
}
json Time(const std::optional<absl::Time>& t) {
  return t ? json(absl::ToUnixMicros(*t)) : json(nullptr);
}
std::optional<absl::Time> Time(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return absl::FromUnixMicros(it->get<int64_t>());
}
std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
int Int(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}
bool Bool(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}
std::vector<std::string> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& e : *it) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace

json ContentsJson(const domain::ProposalContents& c) {
  return {{"bottleneck", c.bottleneck},
          {"necessity", c.necessity},
          {"solutions", c.solutions},
          {"scope", c.scope},
          {"implementers", c.implementers},
          {"pilot_start", Day(c.pilot_start)},
          {"pilot_end", Day(c.pilot_end)},
          {"resources", c.resources},
          {"feasibility", c.feasibility},
          {"positive_impact", c.positive_impact},
          {"negative_impact", c.negative_impact},
          {"expected_results", c.expected_results},
          {"evaluation_date", Day(c.evaluation_date)}};
}

domain::ProposalContents ContentsFromJson(const json& j) {
  domain::ProposalContents c;
  if (!j.is_object()) return c;
  c.bottleneck = Str(j, "bottleneck");
  c.necessity = Str(j, "necessity");
  c.solutions = Str(j, "solutions");
  c.scope = Str(j, "scope");
  c.implementers = Str(j, "implementers");
  c.pilot_start = Day(j, "pilot_start");
  c.pilot_end = Day(j, "pilot_end");
  c.resources = Str(j, "resources");
  c.feasibility = Str(j, "feasibility");
  c.positive_impact = Str(j, "positive_impact");
  c.negative_impact = Str(j, "negative_impact");
  c.expected_results = Str(j, "expected_results");
  c.evaluation_date = Day(j, "evaluation_date");
  return c;
}

json RecordJson(const domain::Proposal& p) {
  json r = json::object();
  if (p.appraisal) {
    const auto& a = *p.appraisal;
    r["appraisal"] = {{"appraiser", a.appraiser},
                      {"notes", a.notes},
                      {"recommendation", static_cast<int>(a.recommendation)},
                      {"record_time", Time(a.record_time)}};
  }
  if (p.decision) {
    const auto& d = *p.decision;
    json ballots = json::array();
    for (const auto& b : d.ballots)
      ballots.push_back({{"member", b.member}, {"choice", static_cast<int>(b.choice)}});
    r["decision"] = {{"meeting_date", Day(d.meeting_date)},
                     {"members_present", d.members_present},
                     {"head", d.head},
                     {"ballots", ballots},
                     {"head_override", d.head_override},
                     {"override_statement", d.override_statement},
                     {"document_symbol", d.document_symbol},
                     {"document_date", Day(d.document_date)},
                     {"deliberation", d.deliberation},
                     {"votes_for", d.votes_for},
                     {"votes_against", d.votes_against},
                     {"votes_abstaining", d.votes_abstaining},
                     {"passed_by_vote", d.passed_by_vote},
                     {"tie_decided_by_head", d.tie_decided_by_head},
                     {"result", static_cast<int>(d.result)},
                     {"recorded_by", d.recorded_by},
                     {"record_time", Time(d.record_time)}};
  }
  json pilot = {{"start_date", Day(p.pilot.start_date)}};
  json checks = json::array();
  for (const auto& c : p.pilot.checks) {
    checks.push_back({{"check_date", Day(c.check_date)},
                      {"notes", c.notes},
                      {"adjusted_parts", c.adjusted_parts},
                      {"contents_version", c.contents_version},
                      {"checked_by", c.checked_by}});
  }
  pilot["checks"] = checks;
  if (p.pilot.completion_report) {
    const auto& cr = *p.pilot.completion_report;
    pilot["completion_report"] = {
        {"text", cr.text}, {"report_date", Day(cr.report_date)}, {"filed_by", cr.filed_by}};
  }
  r["pilot"] = pilot;
  if (p.evaluation) {
    const auto& e = *p.evaluation;
    r["evaluation"] = {{"outcome", static_cast<int>(e.outcome)},
                       {"objective_causes", e.objective_causes},
                       {"subjective_causes", e.subjective_causes},
                       {"motives_pure", e.motives_pure},
                       {"notes", e.notes},
                       {"evaluation_date", Day(e.evaluation_date)},
                       {"evaluated_by", e.evaluated_by}};
  }
  if (p.responsibility) {
    const auto& d = *p.responsibility;
    r["responsibility"] = {{"kind", static_cast<int>(d.kind)},
                           {"grounds", d.grounds},
                           {"document_symbol", d.document_symbol},
                           {"document_date", Day(d.document_date)},
                           {"decided_by", d.decided_by}};
  }
  if (p.halt) {
    const auto& h = *p.halt;
    r["halt"] = {{"reason", h.reason},
                 {"halted_by", h.halted_by},
                 {"halt_date", Day(h.halt_date)},
                 {"before_evaluation_date", h.before_evaluation_date}};
  }
  return r;
}

void RecordFromJson(const json& r, domain::Proposal& p) {
  if (!r.is_object()) return;
  if (auto it = r.find("appraisal"); it != r.end() && it->is_object()) {
    const json& a = *it;
    p.appraisal = domain::Appraisal{Str(a, "appraiser"), Str(a, "notes"),
                                    static_cast<domain::Recommendation>(Int(a, "recommendation")),
                                    Time(a, "record_time")};
  }
  if (auto it = r.find("decision"); it != r.end() && it->is_object()) {
    const json& d = *it;
    domain::LeadershipDecision out;
    out.meeting_date = Day(d, "meeting_date");
    out.members_present = Strings(d, "members_present");
    out.head = Str(d, "head");
    if (auto b = d.find("ballots"); b != d.end() && b->is_array()) {
      for (const auto& e : *b) {
        out.ballots.push_back(
            {Str(e, "member"), static_cast<domain::VoteChoice>(Int(e, "choice"))});
      }
    }
    out.head_override = Bool(d, "head_override");
    out.override_statement = Str(d, "override_statement");
    out.document_symbol = Str(d, "document_symbol");
    out.document_date = Day(d, "document_date");
    out.deliberation = Str(d, "deliberation");
    out.votes_for = Int(d, "votes_for");
    out.votes_against = Int(d, "votes_against");
    out.votes_abstaining = Int(d, "votes_abstaining");
    out.passed_by_vote = Bool(d, "passed_by_vote");
    out.tie_decided_by_head = Bool(d, "tie_decided_by_head");
    out.result = static_cast<domain::ProposalState>(Int(d, "result"));
    out.recorded_by = Str(d, "recorded_by");
    out.record_time = Time(d, "record_time");
    p.decision = std::move(out);
  }
  if (auto it = r.find("pilot"); it != r.end() && it->is_object()) {
    const json& pj = *it;
    p.pilot.start_date = Day(pj, "start_date");
    if (auto c = pj.find("checks"); c != pj.end() && c->is_array()) {
      for (const auto& e : *c) {
        p.pilot.checks.push_back({Day(e, "check_date"), Str(e, "notes"),
                                  Strings(e, "adjusted_parts"), Int(e, "contents_version"),
                                  Str(e, "checked_by")});
      }
    }
    if (auto cr = pj.find("completion_report"); cr != pj.end() && cr->is_object()) {
      p.pilot.completion_report =
          domain::CompletionReport{Str(*cr, "text"), Day(*cr, "report_date"), Str(*cr, "filed_by")};
    }
  }
  if (auto it = r.find("evaluation"); it != r.end() && it->is_object()) {
    const json& e = *it;
    p.evaluation = domain::Evaluation{static_cast<domain::PilotOutcome>(Int(e, "outcome")),
                                      Str(e, "objective_causes"),
                                      Str(e, "subjective_causes"),
                                      Bool(e, "motives_pure"),
                                      Str(e, "notes"),
                                      Day(e, "evaluation_date"),
                                      Str(e, "evaluated_by")};
  }
  if (auto it = r.find("responsibility"); it != r.end() && it->is_object()) {
    const json& d = *it;
    p.responsibility = domain::ResponsibilityDecision{
        static_cast<domain::ResponsibilityKind>(Int(d, "kind")), Str(d, "grounds"),
        Str(d, "document_symbol"), Day(d, "document_date"), Str(d, "decided_by")};
  }
  if (auto it = r.find("halt"); it != r.end() && it->is_object()) {
    const json& h = *it;
    p.halt = domain::Halt{Str(h, "reason"), Str(h, "halted_by"), Day(h, "halt_date"),
                          Bool(h, "before_evaluation_date")};
  }
}

}  // namespace sangkien::storage::internal
