#include "operations/audit_digest.h"

#include <nlohmann/json.hpp>

#include "absl/time/time.h"
#include "calendar/civil_date.h"
#include "storage/audit_log.h"

namespace sangkien::operations {
namespace {

using nlohmann::json;

json Date(const std::optional<absl::CivilDay>& d) {
  return d ? json(calendar::FormatIsoDate(*d)) : json(nullptr);
}
json Time(const std::optional<absl::Time>& t) {
  return t ? json(absl::ToUnixMicros(*t)) : json(nullptr);
}
json Refs(const std::vector<domain::UnitRef>& refs) {
  json out = json::array();
  for (const auto& r : refs) {
    out.push_back({r.kind == domain::UnitRef::Kind::kGroup, r.id, r.display_name});
  }
  return out;
}
json TimeframeJson(const calendar::Timeframe& tf) {
  json dates = json::array();
  for (const auto& d : tf.report_dates) dates.push_back({d.month, d.day});
  return {
      {"kind", static_cast<int>(tf.kind)}, {"text", tf.original_text}, {"due", Date(tf.due_date)},
      {"start", Date(tf.start_date)},      {"reports", dates},         {"condition", tf.condition}};
}

// nlohmann's json objects keep keys sorted, so dump() is canonical.
std::string Of(const json& j) { return storage::StateDigest(j.dump()); }

}  // namespace

std::string Digest(const domain::Unit& u) {
  return Of({{"id", u.id},
             {"display_name", u.display_name},
             {"short_name", u.short_name},
             {"aliases", u.aliases},
             {"kind", static_cast<int>(u.kind)},
             {"parent", u.parent_id},
             {"demo", u.demo}});
}

std::string Digest(const domain::UnitGroup& g) {
  std::vector<int> kinds;
  for (auto k : g.member_kinds) kinds.push_back(static_cast<int>(k));
  return Of(
      {{"id", g.id}, {"display_name", g.display_name}, {"aliases", g.aliases}, {"kinds", kinds}});
}

std::string Digest(const domain::Plan& p) {
  json sections = json::array();
  for (const auto& s : p.sections) sections.push_back({s.number, s.heading, s.body, s.level});
  json basis = json::array();
  for (const auto& b : p.basis) {
    basis.push_back(
        {b.symbol, static_cast<int>(b.kind), b.issuer, Date(b.issue_date), b.title, b.plan_id});
  }
  return Of({{"id", p.id},
             {"symbol", p.symbol},
             {"kind", static_cast<int>(p.kind)},
             {"issuer", p.issuer},
             {"issuer_unit", p.issuer_unit_id},
             {"place", p.place},
             {"issue_date", Date(p.issue_date)},
             {"title", p.title},
             {"preamble", p.preamble},
             {"sections", sections},
             {"signer", {p.signer.on_behalf_of, p.signer.position, p.signer.full_name}},
             {"recipients", p.recipients},
             {"basis", basis},
             {"state", static_cast<int>(p.state)},
             {"deleted", Time(p.delete_time)}});
}

std::string Digest(const domain::Task& t) {
  return Of({{"id", t.id},
             {"plan", t.plan_id},
             {"number", t.number},
             {"title", t.title},
             {"body", t.body},
             {"section", t.section},
             {"lead", Refs(t.lead_units)},
             {"coordinating", Refs(t.coordinating_units)},
             {"timeframe", TimeframeJson(t.timeframe)},
             {"status", static_cast<int>(t.status)},
             {"progress", t.progress_percent},
             {"position", t.position}});
}

std::string Digest(const domain::ProgressReport& r) {
  return Of({{"id", r.id},
             {"task", r.task_id},
             {"unit", r.unit_id},
             {"date", calendar::FormatIsoDate(r.report_date)},
             {"covers", Date(r.covers_due_date)},
             {"text", r.text},
             {"progress", r.progress_percent},
             {"attachments", r.attachments}});
}

std::string Digest(const domain::Account& a) {
  std::vector<int> roles;
  for (auto r : a.roles) roles.push_back(static_cast<int>(r));
  return Of({{"id", a.id},
             {"display_name", a.display_name},
             {"roles", roles},
             {"unit", a.unit_id},
             {"position", a.position},
             {"disabled", a.disabled},
             {"service_account", a.service_account}});
}

std::string Digest(const domain::Token& t) {
  return Of({{"id", t.id},
             {"account", t.account_id},
             {"display_name", t.display_name},
             {"prefix", t.prefix},
             {"expire", Time(t.expire_time)},
             {"revoke", Time(t.revoke_time)}});
}

std::string Digest(const domain::KioskPin& p) {
  return Of({{"account", p.account_id},
             {"issue", Time(std::optional<absl::Time>(p.issue_time))},
             {"locked_until", Time(p.locked_until)}});
}

}  // namespace sangkien::operations
