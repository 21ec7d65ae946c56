#include "storage/sql_internal.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "calendar/civil_date.h"

namespace sangkien::storage::internal {

using nlohmann::json;

std::string DateText(const std::optional<absl::CivilDay>& day) {
  return day ? calendar::FormatIsoDate(*day) : std::string(kNoDate);
}

std::optional<absl::CivilDay> DateFromText(const std::string& text) {
  if (text.empty() || text == kNoDate) return std::nullopt;
  return calendar::ParseIsoDate(text);
}

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }
absl::Time FromMicros(int64_t micros) { return absl::FromUnixMicros(micros); }
std::string Etag(int64_t revision) { return absl::StrCat("\"", revision, "\""); }

namespace {
json DateJson(const std::optional<absl::CivilDay>& day) {
  return day ? json(calendar::FormatIsoDate(*day)) : json(nullptr);
}
std::optional<absl::CivilDay> JsonDate(const json& j) {
  if (!j.is_string()) return std::nullopt;
  return calendar::ParseIsoDate(j.get<std::string>());
}
json Parse(const std::string& text) {
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}
std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
int64_t Int(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}
}  // namespace

json SectionsToJson(const std::vector<domain::Section>& sections) {
  json out = json::array();
  for (const auto& s : sections) {
    out.push_back(
        {{"number", s.number}, {"heading", s.heading}, {"body", s.body}, {"level", s.level}});
  }
  return out;
}

std::vector<domain::Section> SectionsFromJson(const std::string& text) {
  std::vector<domain::Section> out;
  json j = Parse(text);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    out.push_back(
        {Str(e, "number"), Str(e, "heading"), Str(e, "body"), static_cast<int>(Int(e, "level"))});
  }
  return out;
}

json BasisToJson(const std::vector<domain::DocumentRef>& basis) {
  json out = json::array();
  for (const auto& b : basis) {
    out.push_back({{"symbol", b.symbol},
                   {"kind", static_cast<int>(b.kind)},
                   {"issuer", b.issuer},
                   {"issue_date", DateJson(b.issue_date)},
                   {"title", b.title},
                   {"plan_id", b.plan_id}});
  }
  return out;
}

std::vector<domain::DocumentRef> BasisFromJson(const std::string& text) {
  std::vector<domain::DocumentRef> out;
  json j = Parse(text);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    domain::DocumentRef ref;
    ref.symbol = Str(e, "symbol");
    ref.kind = static_cast<domain::DocumentKind>(Int(e, "kind"));
    ref.issuer = Str(e, "issuer");
    if (e.contains("issue_date")) ref.issue_date = JsonDate(e["issue_date"]);
    ref.title = Str(e, "title");
    ref.plan_id = Int(e, "plan_id");
    out.push_back(std::move(ref));
  }
  return out;
}

json SignerToJson(const domain::Signer& signer) {
  return {{"on_behalf_of", signer.on_behalf_of},
          {"position", signer.position},
          {"full_name", signer.full_name}};
}

domain::Signer SignerFromJson(const std::string& text) {
  json j = Parse(text);
  if (!j.is_object()) return {};
  return {Str(j, "on_behalf_of"), Str(j, "position"), Str(j, "full_name")};
}

json StringsToJson(const std::vector<std::string>& strings) { return json(strings); }

std::vector<std::string> StringsFromJson(const std::string& text) {
  std::vector<std::string> out;
  json j = Parse(text);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

json UnitRefsToJson(const std::vector<domain::UnitRef>& refs) {
  json out = json::array();
  for (const auto& r : refs) {
    out.push_back({{"group", r.kind == domain::UnitRef::Kind::kGroup},
                   {"id", r.id},
                   {"display_name", r.display_name}});
  }
  return out;
}

std::vector<domain::UnitRef> UnitRefsFromJson(const std::string& text) {
  std::vector<domain::UnitRef> out;
  json j = Parse(text);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    domain::UnitRef r;
    r.kind = e.value("group", false) ? domain::UnitRef::Kind::kGroup : domain::UnitRef::Kind::kUnit;
    r.id = Int(e, "id");
    r.display_name = Str(e, "display_name");
    out.push_back(std::move(r));
  }
  return out;
}

json AnnualDatesToJson(const std::vector<calendar::AnnualDate>& dates) {
  json out = json::array();
  for (const auto& d : dates) out.push_back({{"month", d.month}, {"day", d.day}});
  return out;
}

std::vector<calendar::AnnualDate> AnnualDatesFromJson(const std::string& text) {
  std::vector<calendar::AnnualDate> out;
  json j = Parse(text);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    out.push_back({static_cast<int>(Int(e, "month")), static_cast<int>(Int(e, "day"))});
  }
  return out;
}

std::string TimesToJson(const std::vector<absl::Time>& times) {
  nlohmann::json out = nlohmann::json::array();
  for (absl::Time t : times) out.push_back(Micros(t));
  return out.dump();
}

std::vector<absl::Time> TimesFromJson(const std::string& text) {
  std::vector<absl::Time> out;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j) out.push_back(FromMicros(v.get<int64_t>()));
  return out;
}

std::string OverridesToJson(const std::vector<domain::AiringOverride>& overrides) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : overrides) {
    nlohmann::json j = {
        {"original", Micros(o.original_start_time)}, {"cancelled", o.cancelled}, {"note", o.note}};
    if (o.start_time) j["start"] = Micros(*o.start_time);
    if (o.duration) j["duration_us"] = absl::ToInt64Microseconds(*o.duration);
    out.push_back(std::move(j));
  }
  return out.dump();
}

std::vector<domain::AiringOverride> OverridesFromJson(const std::string& text) {
  std::vector<domain::AiringOverride> out;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    domain::AiringOverride o;
    o.original_start_time = FromMicros(v.value("original", int64_t{0}));
    o.cancelled = v.value("cancelled", false);
    o.note = v.value("note", std::string());
    if (v.contains("start")) o.start_time = FromMicros(v["start"].get<int64_t>());
    if (v.contains("duration_us")) o.duration = absl::Microseconds(v["duration_us"].get<int64_t>());
    out.push_back(std::move(o));
  }
  return out;
}

namespace {
const char* OpSql(domain::FilterOp op) {
  switch (op) {
    case domain::FilterOp::kEq:
      return "=";
    case domain::FilterOp::kNe:
      return "!=";
    case domain::FilterOp::kLt:
      return "<";
    case domain::FilterOp::kLe:
      return "<=";
    case domain::FilterOp::kGt:
      return ">";
    case domain::FilterOp::kGe:
      return ">=";
  }
  return "=";
}

BindValue CursorBind(const std::string& value, BindValue::Type type) {
  if (type == BindValue::Type::kInt) {
    int64_t v = 0;
    (void)absl::SimpleAtoi(value, &v);
    return BindValue::Int(v);
  }
  return type == BindValue::Type::kBlob ? BindValue::Blob(value) : BindValue::Text(value);
}
}  // namespace

void SelectBuilder::Where(std::string clause, std::vector<Param> params) {
  where_.push_back(std::move(clause));
  for (auto& p : params) params_.push_back(std::move(p));
}

std::string SelectBuilder::UniqueName(std::string_view stem) const {
  return absl::StrCat(std::string(stem), "_", params_.size());
}

void SelectBuilder::Filter(const std::vector<domain::FilterTerm>& terms,
                           const std::map<std::string, Column>& columns) {
  for (const auto& term : terms) {
    auto it = columns.find(term.field);
    if (it == columns.end()) continue;
    const Column& col = it->second;
    std::string name = absl::StrCat(":f_", params_.size());
    where_.push_back(absl::StrCat(col.expr, " ", OpSql(term.op), " ", name));
    params_.push_back({std::move(name), col.type == BindValue::Type::kInt
                                            ? BindValue::Int(term.int_value)
                                            : BindValue::Text(term.value)});
  }
}

void SelectBuilder::Page(const domain::ListQuery& query, const Column& order,
                         const std::string& id_expr) {
  const char* cmp = query.order.descending ? "<" : ">";
  const char* dir = query.order.descending ? "DESC" : "ASC";
  if (query.after) {
    where_.push_back(absl::StrCat("(", order.expr, " ", cmp, " :after_sort OR (", order.expr,
                                  " = :after_sort AND ", id_expr, " ", cmp, " :after_id))"));
    params_.push_back({":after_sort", CursorBind(query.after->sort_value, order.type)});
    params_.push_back({":after_id", BindValue::Int(query.after->last_id)});
  }
  tail_ = absl::StrCat(" ORDER BY ", order.expr, " ", dir, ", ", id_expr, " ", dir, " LIMIT ",
                       query.page_size + 1);
}

std::string SelectBuilder::sql() const {
  std::string out = sql_;
  if (!where_.empty()) absl::StrAppend(&out, " WHERE ", absl::StrJoin(where_, " AND "));
  absl::StrAppend(&out, tail_);
  return out;
}

std::string SortValue(SQLite::Column column, BindValue::Type type) {
  if (type == BindValue::Type::kInt) return absl::StrCat(column.getInt64());
  if (type == BindValue::Type::kBlob) {
    return std::string(static_cast<const char*>(column.getBlob()), column.getBytes());
  }
  return column.getString();
}

}  // namespace sangkien::storage::internal
