#include "storage/unit_repository.h"

#include "absl/strings/str_cat.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "storage/sql_internal.h"
#include "text/vietnamese.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;

namespace {

constexpr const char* kUnitColumns =
    "u.id, u.display_name, u.short_name, u.aliases, u.kind, u.parent_id, u.demo, u.revision, "
    "u.create_time, u.update_time";

domain::Unit ReadUnit(SQLite::Statement& q) {
  domain::Unit u;
  u.id = q.getColumn(0).getInt64();
  u.display_name = q.getColumn(1).getString();
  u.short_name = q.getColumn(2).getString();
  u.aliases = internal::StringsFromJson(q.getColumn(3).getString());
  u.kind = static_cast<domain::UnitKind>(q.getColumn(4).getInt());
  u.parent_id = q.getColumn(5).isNull() ? 0 : q.getColumn(5).getInt64();
  u.demo = q.getColumn(6).getInt() != 0;
  u.etag = internal::Etag(q.getColumn(7).getInt64());
  u.create_time = internal::FromMicros(q.getColumn(8).getInt64());
  u.update_time = internal::FromMicros(q.getColumn(9).getInt64());
  return u;
}

void BindParent(SQLite::Statement& q, int index, int64_t parent_id) {
  if (parent_id == 0) {
    q.bind(index);
  } else {
    q.bind(index, static_cast<int64_t>(parent_id));
  }
}

std::vector<std::string> UnitKindNames() {
  return {"",       "PEOPLES_COMMITTEE", "PEOPLES_COUNCIL", "PARTY_BODY", "OFFICE", "INSPECTORATE",
          "CENTRE", "COMMUNE",           "TOWN",            "WARD",       "OTHER"};
}

}  // namespace

const std::vector<domain::FilterField>& UnitRepository::UnitFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"kind", domain::FilterType::kEnum, false, UnitKindNames(), "UNIT_KIND_", ""},
      {"parent", domain::FilterType::kResource, false, {}, "", "units/"},
      {"demo", domain::FilterType::kBool, false, {}, "", ""},
  };
  return kFields;
}

const std::vector<std::string>& UnitRepository::UnitOrderFields() {
  static const std::vector<std::string> kFields = {"display_name", "create_time"};
  return kFields;
}

absl::StatusOr<int64_t> UnitRepository::Insert(Connection& c, const domain::Unit& unit,
                                               absl::Time now) {
  auto& q = c.Prepare(
      "INSERT INTO units (display_name, short_name, aliases, kind, parent_id, demo, sort_key, "
      "revision, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
  std::string key = text::VietnameseSortKey(unit.display_name);
  q.bind(1, unit.display_name);
  q.bind(2, unit.short_name);
  q.bind(3, internal::StringsToJson(unit.aliases).dump());
  q.bind(4, static_cast<int>(unit.kind));
  BindParent(q, 5, unit.parent_id);
  q.bind(6, unit.demo ? 1 : 0);
  q.bind(7, key.data(), static_cast<int>(key.size()));
  q.bind(8, internal::Micros(now));
  q.bind(9, internal::Micros(now));
  q.exec();
  return c.last_insert_rowid();
}

absl::Status UnitRepository::Update(Connection& c, const domain::Unit& unit, absl::Time now) {
  auto& q = c.Prepare(
      "UPDATE units SET display_name = ?, short_name = ?, aliases = ?, kind = ?, parent_id = ?, "
      "sort_key = ?, revision = revision + 1, update_time = ? WHERE id = ?");
  std::string key = text::VietnameseSortKey(unit.display_name);
  q.bind(1, unit.display_name);
  q.bind(2, unit.short_name);
  q.bind(3, internal::StringsToJson(unit.aliases).dump());
  q.bind(4, static_cast<int>(unit.kind));
  BindParent(q, 5, unit.parent_id);
  q.bind(6, key.data(), static_cast<int>(key.size()));
  q.bind(7, internal::Micros(now));
  q.bind(8, static_cast<int64_t>(unit.id));
  q.exec();
  if (c.changes() == 0) return NotFound(domain::UnitName(unit.id));
  return absl::OkStatus();
}

absl::StatusOr<domain::Unit> UnitRepository::Get(Connection& c, int64_t id) {
  auto& q = c.Prepare(absl::StrCat("SELECT ", kUnitColumns, " FROM units u WHERE u.id = ?"));
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return NotFound(domain::UnitName(id));
  return ReadUnit(q);
}

absl::StatusOr<domain::ListPage<domain::Unit>> UnitRepository::List(
    Connection& c, const domain::ListQuery& query) {
  internal::SelectBuilder select(absl::StrCat("SELECT ", kUnitColumns, ", ",
                                              query.order.field == "create_time" ? "u.create_time"
                                                                                 : "u.sort_key",
                                              " FROM units u"));
  select.Filter(query.filter, {{"kind", {"u.kind", BindValue::Type::kInt}},
                               {"parent", {"u.parent_id", BindValue::Type::kInt}},
                               {"demo", {"u.demo", BindValue::Type::kInt}}});
  Column order = query.order.field == "create_time" ? Column{"u.create_time", BindValue::Type::kInt}
                                                     : Column{"u.sort_key", BindValue::Type::kBlob};
  select.Page(query, order, "u.id");
  auto& q = c.Prepare(select.sql());
  internal::BindAll(q, select.binds());
  return internal::ReadPage<domain::Unit>(q, query, 10, order.type, ReadUnit);
}

absl::StatusOr<std::vector<domain::Unit>> UnitRepository::All(Connection& c) {
  auto& q = c.Prepare(
      absl::StrCat("SELECT ", kUnitColumns, " FROM units u ORDER BY u.sort_key, u.id"));
  std::vector<domain::Unit> out;
  while (q.executeStep()) out.push_back(ReadUnit(q));
  return out;
}

absl::StatusOr<std::vector<domain::Unit>> UnitRepository::Children(Connection& c,
                                                                  int64_t parent_id) {
  auto& q = c.Prepare(absl::StrCat("SELECT ", kUnitColumns,
                                   " FROM units u WHERE u.parent_id IS ? ORDER BY u.sort_key, u.id"));
  BindParent(q, 1, parent_id);
  std::vector<domain::Unit> out;
  while (q.executeStep()) out.push_back(ReadUnit(q));
  return out;
}

absl::StatusOr<int64_t> UnitRepository::InsertGroup(Connection& c, const domain::UnitGroup& group) {
  auto& q = c.Prepare("INSERT INTO unit_groups (display_name, aliases) VALUES (?, ?)");
  q.bind(1, group.display_name);
  q.bind(2, internal::StringsToJson(group.aliases).dump());
  q.exec();
  int64_t id = c.last_insert_rowid();
  for (domain::UnitKind kind : group.member_kinds) {
    auto& k = c.Prepare("INSERT INTO unit_group_kinds (group_id, kind) VALUES (?, ?)");
    k.bind(1, static_cast<int64_t>(id));
    k.bind(2, static_cast<int>(kind));
    k.exec();
  }
  return id;
}

namespace {

absl::StatusOr<domain::UnitGroup> CompleteGroup(Connection& c, domain::UnitGroup group) {
  auto& k = c.Prepare("SELECT kind FROM unit_group_kinds WHERE group_id = ? ORDER BY kind");
  k.bind(1, static_cast<int64_t>(group.id));
  while (k.executeStep()) group.member_kinds.push_back(static_cast<domain::UnitKind>(k.getColumn(0).getInt()));
  auto members = UnitRepository::GroupMembers(c, group.id);
  if (!members.ok()) return members.status();
  group.members = std::move(*members);
  return group;
}

}  // namespace

absl::StatusOr<domain::UnitGroup> UnitRepository::GetGroup(Connection& c, int64_t id) {
  auto& q = c.Prepare("SELECT id, display_name, aliases, revision FROM unit_groups WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return NotFound(domain::UnitGroupName(id));
  domain::UnitGroup g;
  g.id = q.getColumn(0).getInt64();
  g.display_name = q.getColumn(1).getString();
  g.aliases = internal::StringsFromJson(q.getColumn(2).getString());
  g.etag = internal::Etag(q.getColumn(3).getInt64());
  q.reset();
  return CompleteGroup(c, std::move(g));
}

absl::StatusOr<domain::ListPage<domain::UnitGroup>> UnitRepository::ListGroups(
    Connection& c, const domain::ListQuery& query) {
  internal::SelectBuilder select("SELECT g.id FROM unit_groups g");
  select.Page(query, {"g.id", BindValue::Type::kInt}, "g.id");
  std::vector<int64_t> ids;
  {
    auto& q = c.Prepare(select.sql());
    internal::BindAll(q, select.binds());
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  }
  domain::ListPage<domain::UnitGroup> page;
  for (int64_t id : ids) {
    if (static_cast<int>(page.items.size()) == query.page_size) {
      page.next = domain::PageCursor{absl::StrCat(page.items.back().id), page.items.back().id};
      break;
    }
    auto group = GetGroup(c, id);
    if (!group.ok()) return group.status();
    page.items.push_back(std::move(*group));
  }
  return page;
}

absl::StatusOr<std::vector<int64_t>> UnitRepository::GroupMembers(Connection& c, int64_t group_id) {
  auto& q = c.Prepare(
      "SELECT u.id FROM units u JOIN unit_group_kinds k ON k.kind = u.kind "
      "WHERE k.group_id = ? ORDER BY u.sort_key, u.id");
  q.bind(1, static_cast<int64_t>(group_id));
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

absl::StatusOr<std::vector<int64_t>> UnitRepository::GroupsWithKind(Connection& c,
                                                                    domain::UnitKind kind) {
  auto& q = c.Prepare("SELECT group_id FROM unit_group_kinds WHERE kind = ? ORDER BY group_id");
  q.bind(1, static_cast<int>(kind));
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace sangkien::storage
