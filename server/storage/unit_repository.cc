#include "storage/unit_repository.h"

#include "absl/strings/str_cat.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "storage/sql_internal.h"
#include "text/vietnamese.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;
using internal::Query;

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

std::vector<std::string> UnitKindNames() {
  return {"",
          "PEOPLES_COMMITTEE",
          "PEOPLES_COUNCIL",
          "PARTY_BODY",
          "OFFICE",
          "INSPECTORATE",
          "CENTRE",
          "COMMUNE",
          "TOWN",
          "WARD",
          "OTHER"};
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
  Query q(c,
          "INSERT INTO units (display_name, short_name, aliases, kind, parent_id, demo, "
          "sort_key, revision, create_time, update_time) VALUES (:display_name, :short_name, "
          ":aliases, :kind, :parent, :demo, :sort_key, 1, :now, :now)");
  q.Bind(":display_name", unit.display_name)
      .Bind(":short_name", unit.short_name)
      .Bind(":aliases", internal::StringsToJson(unit.aliases).dump())
      .Bind(":kind", unit.kind)
      .BindIdOrNull(":parent", unit.parent_id)
      .Bind(":demo", unit.demo)
      .BindBlob(":sort_key", text::VietnameseSortKey(unit.display_name))
      .Bind(":now", now)
      .Run();
  return q.last_insert_rowid();
}

absl::Status UnitRepository::Update(Connection& c, const domain::Unit& unit, absl::Time now) {
  Query q(c,
          "UPDATE units SET display_name = :display_name, short_name = :short_name, "
          "aliases = :aliases, kind = :kind, parent_id = :parent, sort_key = :sort_key, "
          "revision = revision + 1, update_time = :now WHERE id = :id");
  int changed = q.Bind(":display_name", unit.display_name)
                    .Bind(":short_name", unit.short_name)
                    .Bind(":aliases", internal::StringsToJson(unit.aliases).dump())
                    .Bind(":kind", unit.kind)
                    .BindIdOrNull(":parent", unit.parent_id)
                    .BindBlob(":sort_key", text::VietnameseSortKey(unit.display_name))
                    .Bind(":now", now)
                    .Bind(":id", unit.id)
                    .Run();
  if (changed == 0) return NotFound(domain::UnitName(unit.id));
  return absl::OkStatus();
}

absl::StatusOr<domain::Unit> UnitRepository::Get(Connection& c, int64_t id) {
  Query q(c, absl::StrCat("SELECT ", kUnitColumns, " FROM units u WHERE u.id = :id"));
  if (!q.Bind(":id", id).Step()) return NotFound(domain::UnitName(id));
  return ReadUnit(q.row());
}

absl::StatusOr<domain::ListPage<domain::Unit>> UnitRepository::List(
    Connection& c, const domain::ListQuery& query) {
  internal::SelectBuilder select(absl::StrCat(
      "SELECT ", kUnitColumns, ", ",
      query.order.field == "create_time" ? "u.create_time" : "u.sort_key", " FROM units u"));
  select.Filter(query.filter, {{"kind", {"u.kind", BindValue::Type::kInt}},
                               {"parent", {"u.parent_id", BindValue::Type::kInt}},
                               {"demo", {"u.demo", BindValue::Type::kInt}}});
  Column order = query.order.field == "create_time" ? Column{"u.create_time", BindValue::Type::kInt}
                                                    : Column{"u.sort_key", BindValue::Type::kBlob};
  select.Page(query, order, "u.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Unit>(q, query, 10, order.type, ReadUnit);
}

absl::StatusOr<std::vector<domain::Unit>> UnitRepository::All(Connection& c) {
  Query q(c, absl::StrCat("SELECT ", kUnitColumns, " FROM units u ORDER BY u.sort_key, u.id"));
  std::vector<domain::Unit> out;
  while (q.Step()) out.push_back(ReadUnit(q.row()));
  return out;
}

absl::StatusOr<std::vector<domain::Unit>> UnitRepository::Children(Connection& c,
                                                                   int64_t parent_id) {
  Query q(c, absl::StrCat("SELECT ", kUnitColumns,
                          " FROM units u WHERE u.parent_id IS :parent ORDER BY u.sort_key, u.id"));
  q.BindIdOrNull(":parent", parent_id);
  std::vector<domain::Unit> out;
  while (q.Step()) out.push_back(ReadUnit(q.row()));
  return out;
}

absl::StatusOr<int64_t> UnitRepository::InsertGroup(Connection& c, const domain::UnitGroup& group) {
  Query q(c, "INSERT INTO unit_groups (display_name, aliases) VALUES (:display_name, :aliases)");
  q.Bind(":display_name", group.display_name)
      .Bind(":aliases", internal::StringsToJson(group.aliases).dump())
      .Run();
  int64_t id = q.last_insert_rowid();
  for (domain::UnitKind kind : group.member_kinds) {
    Query(c, "INSERT INTO unit_group_kinds (group_id, kind) VALUES (:group, :kind)")
        .Bind(":group", id)
        .Bind(":kind", kind)
        .Run();
  }
  return id;
}

namespace {

absl::StatusOr<domain::UnitGroup> CompleteGroup(Connection& c, domain::UnitGroup group) {
  Query k(c, "SELECT kind FROM unit_group_kinds WHERE group_id = :group ORDER BY kind");
  k.Bind(":group", group.id);
  while (k.Step())
    group.member_kinds.push_back(static_cast<domain::UnitKind>(k.Column(0).getInt()));
  auto members = UnitRepository::GroupMembers(c, group.id);
  if (!members.ok()) return members.status();
  group.members = std::move(*members);
  return group;
}

}  // namespace

absl::StatusOr<domain::UnitGroup> UnitRepository::GetGroup(Connection& c, int64_t id) {
  Query q(c, "SELECT id, display_name, aliases, revision FROM unit_groups WHERE id = :id");
  if (!q.Bind(":id", id).Step()) return NotFound(domain::UnitGroupName(id));
  domain::UnitGroup g;
  g.id = q.Column(0).getInt64();
  g.display_name = q.Column(1).getString();
  g.aliases = internal::StringsFromJson(q.Column(2).getString());
  g.etag = internal::Etag(q.Column(3).getInt64());
  q.Reset();
  return CompleteGroup(c, std::move(g));
}

absl::StatusOr<domain::ListPage<domain::UnitGroup>> UnitRepository::ListGroups(
    Connection& c, const domain::ListQuery& query) {
  internal::SelectBuilder select("SELECT g.id FROM unit_groups g");
  select.Page(query, {"g.id", BindValue::Type::kInt}, "g.id");
  std::vector<int64_t> ids;
  {
    Query q(c, select.sql());
    q.BindAll(select.params());
    while (q.Step()) ids.push_back(q.Column(0).getInt64());
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
  Query q(c,
          "SELECT u.id FROM units u JOIN unit_group_kinds k ON k.kind = u.kind "
          "WHERE k.group_id = :group ORDER BY u.sort_key, u.id");
  q.Bind(":group", group_id);
  std::vector<int64_t> out;
  while (q.Step()) out.push_back(q.Column(0).getInt64());
  return out;
}

absl::StatusOr<std::vector<int64_t>> UnitRepository::GroupsWithKind(Connection& c,
                                                                    domain::UnitKind kind) {
  Query q(c, "SELECT group_id FROM unit_group_kinds WHERE kind = :kind ORDER BY group_id");
  q.Bind(":kind", kind);
  std::vector<int64_t> out;
  while (q.Step()) out.push_back(q.Column(0).getInt64());
  return out;
}

}  // namespace sangkien::storage
