#include "storage/publicity_repository.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "status/errors.h"
#include "storage/sql_internal.h"

namespace sangkien::storage {

using domain::PublicationState;
using internal::BindValue;
using internal::Column;
using internal::OverridesFromJson;
using internal::OverridesToJson;
using internal::Query;
using internal::TimesFromJson;
using internal::TimesToJson;

namespace {

const std::vector<std::string>& StateNames() {
  static const std::vector<std::string> kNames = {"", "DRAFT", "PUBLISHED"};
  return kNames;
}

std::optional<absl::Time> OptionalTime(SQLite::Column col) {
  if (col.isNull()) return std::nullopt;
  return internal::FromMicros(col.getInt64());
}

// The public sees a row when it is published and inside its window.
std::string PublicCondition(const std::string& alias) {
  return absl::StrCat(alias, ".state = ", static_cast<int>(PublicationState::kPublished), " AND (",
                      alias, ".publish_time IS NULL OR ", alias, ".publish_time <= :now) AND (",
                      alias, ".unpublish_time IS NULL OR :now < ", alias, ".unpublish_time)");
}

// ---- broadcasts ----

constexpr const char* kBroadcastColumns =
    "b.id, b.station_unit_id, u.display_name, b.title, b.topic, b.description, b.links, "
    "b.start_time, b.duration_us, b.rrule, b.exdates, b.overrides, b.state, b.revision, "
    "b.create_time, b.update_time";
constexpr const char* kBroadcastFrom =
    " FROM broadcasts b JOIN units u ON u.id = b.station_unit_id";

domain::Broadcast ReadBroadcast(SQLite::Statement& q) {
  domain::Broadcast b;
  b.id = q.getColumn(0).getInt64();
  b.station_unit_id = q.getColumn(1).getInt64();
  b.station_display_name = q.getColumn(2).getString();
  b.title = q.getColumn(3).getString();
  b.topic = q.getColumn(4).getString();
  b.description = q.getColumn(5).getString();
  b.links = internal::StringsFromJson(q.getColumn(6).getString());
  b.start_time = internal::FromMicros(q.getColumn(7).getInt64());
  b.duration = absl::Microseconds(q.getColumn(8).getInt64());
  b.rrule = q.getColumn(9).getString();
  b.exdates = TimesFromJson(q.getColumn(10).getString());
  b.overrides = OverridesFromJson(q.getColumn(11).getString());
  b.state = static_cast<PublicationState>(q.getColumn(12).getInt());
  b.etag = internal::Etag(q.getColumn(13).getInt64());
  b.create_time = internal::FromMicros(q.getColumn(14).getInt64());
  b.update_time = internal::FromMicros(q.getColumn(15).getInt64());
  return b;
}

// The broadcast's stored fields, by the names kBroadcastValues and kBroadcastAssignments use.
void BindBroadcast(Query& q, const domain::Broadcast& b) {
  q.Bind(":station", b.station_unit_id)
      .Bind(":title", b.title)
      .Bind(":topic", b.topic)
      .Bind(":description", b.description)
      .Bind(":links", internal::StringsToJson(b.links).dump())
      .Bind(":start_time", b.start_time)
      .Bind(":duration_us", static_cast<int64_t>(absl::ToInt64Microseconds(b.duration)))
      .Bind(":rrule", b.rrule)
      .Bind(":exdates", TimesToJson(b.exdates))
      .Bind(":overrides", OverridesToJson(b.overrides))
      .Bind(":state", b.state);
}
constexpr const char* kBroadcastValues =
    ":station, :title, :topic, :description, :links, :start_time, :duration_us, :rrule, "
    ":exdates, :overrides, :state";
constexpr const char* kBroadcastAssignments =
    "station_unit_id = :station, title = :title, topic = :topic, description = :description, "
    "links = :links, start_time = :start_time, duration_us = :duration_us, rrule = :rrule, "
    "exdates = :exdates, overrides = :overrides, state = :state";

// ---- case studies ----

constexpr const char* kCaseStudyColumns =
    "s.id, s.title, s.unit_id, u.display_name, s.summary, s.body, s.results, s.proposal_id, "
    "s.state, s.publish_time, s.unpublish_time, s.featured, s.revision, s.create_time, "
    "s.update_time";
constexpr const char* kCaseStudyFrom = " FROM case_studies s JOIN units u ON u.id = s.unit_id";

domain::CaseStudy ReadCaseStudy(SQLite::Statement& q) {
  domain::CaseStudy s;
  s.id = q.getColumn(0).getInt64();
  s.title = q.getColumn(1).getString();
  s.unit_id = q.getColumn(2).getInt64();
  s.unit_display_name = q.getColumn(3).getString();
  s.summary = q.getColumn(4).getString();
  s.body = q.getColumn(5).getString();
  s.results = q.getColumn(6).getString();
  s.proposal_id = q.getColumn(7).isNull() ? 0 : q.getColumn(7).getInt64();
  s.window.state = static_cast<PublicationState>(q.getColumn(8).getInt());
  s.window.publish_time = OptionalTime(q.getColumn(9));
  s.window.unpublish_time = OptionalTime(q.getColumn(10));
  s.featured = q.getColumn(11).getInt() != 0;
  s.etag = internal::Etag(q.getColumn(12).getInt64());
  s.create_time = internal::FromMicros(q.getColumn(13).getInt64());
  s.update_time = internal::FromMicros(q.getColumn(14).getInt64());
  return s;
}

// The case study's stored fields, by the names kCaseStudyValues and
// kCaseStudyAssignments use.
void BindCaseStudy(Query& q, const domain::CaseStudy& s) {
  q.Bind(":title", s.title)
      .Bind(":unit", s.unit_id)
      .Bind(":summary", s.summary)
      .Bind(":body", s.body)
      .Bind(":results", s.results)
      .BindIdOrNull(":proposal", s.proposal_id > 0 ? s.proposal_id : 0)
      .Bind(":state", s.window.state)
      .Bind(":publish_time", s.window.publish_time)
      .Bind(":unpublish_time", s.window.unpublish_time)
      .Bind(":featured", s.featured);
}
constexpr const char* kCaseStudyValues =
    ":title, :unit, :summary, :body, :results, :proposal, :state, :publish_time, "
    ":unpublish_time, :featured";
constexpr const char* kCaseStudyAssignments =
    "title = :title, unit_id = :unit, summary = :summary, body = :body, results = :results, "
    "proposal_id = :proposal, state = :state, publish_time = :publish_time, "
    "unpublish_time = :unpublish_time, featured = :featured";

constexpr const char* kImageColumns =
    "i.id, i.case_study_id, i.content_type, i.caption, i.size_bytes, i.sha256";

domain::CaseStudyImage ReadImage(SQLite::Statement& q) {
  domain::CaseStudyImage i;
  i.id = q.getColumn(0).getInt64();
  i.case_study_id = q.getColumn(1).getInt64();
  i.content_type = q.getColumn(2).getString();
  i.caption = q.getColumn(3).getString();
  i.size_bytes = q.getColumn(4).getInt64();
  i.sha256_hex = q.getColumn(5).getString();
  return i;
}

absl::StatusOr<std::vector<domain::CaseStudyImage>> ImagesOf(Connection& c, int64_t id) {
  Query q(c, absl::StrCat("SELECT ", kImageColumns,
                          " FROM case_study_images i WHERE i.case_study_id = :case_study "
                          "ORDER BY i.id"));
  q.Bind(":case_study", id);
  std::vector<domain::CaseStudyImage> out;
  while (q.Step()) out.push_back(ReadImage(q.row()));
  return out;
}

// ---- announcements ----

constexpr const char* kAnnouncementColumns =
    "a.id, a.title, a.body, a.unit_id, u.display_name, a.state, a.publish_time, "
    "a.unpublish_time, a.revision, a.create_time, a.update_time";
constexpr const char* kAnnouncementFrom = " FROM announcements a JOIN units u ON u.id = a.unit_id";

domain::Announcement ReadAnnouncement(SQLite::Statement& q) {
  domain::Announcement a;
  a.id = q.getColumn(0).getInt64();
  a.title = q.getColumn(1).getString();
  a.body = q.getColumn(2).getString();
  a.unit_id = q.getColumn(3).getInt64();
  a.unit_display_name = q.getColumn(4).getString();
  a.window.state = static_cast<PublicationState>(q.getColumn(5).getInt());
  a.window.publish_time = OptionalTime(q.getColumn(6));
  a.window.unpublish_time = OptionalTime(q.getColumn(7));
  a.etag = internal::Etag(q.getColumn(8).getInt64());
  a.create_time = internal::FromMicros(q.getColumn(9).getInt64());
  a.update_time = internal::FromMicros(q.getColumn(10).getInt64());
  return a;
}

// The announcement's stored fields, by the names Insert and Update use.
void BindAnnouncement(Query& q, const domain::Announcement& a) {
  q.Bind(":title", a.title)
      .Bind(":body", a.body)
      .Bind(":unit", a.unit_id)
      .Bind(":state", a.window.state)
      .Bind(":publish_time", a.window.publish_time)
      .Bind(":unpublish_time", a.window.unpublish_time);
}

void AddScope(internal::SelectBuilder& select, const std::string& alias,
              const PublicityScope& scope) {
  if (scope.drafts) return;
  select.Where(PublicCondition(alias), {{":now", BindValue::Int(internal::Micros(scope.now))}});
}

// The column a list orders by.
Column OrderColumn(const std::string& field, const std::string& alias) {
  if (field == "title") return {absl::StrCat(alias, ".title"), BindValue::Type::kText};
  if (field == "publish_time") {
    // Unset: public as soon as published; sorts by its creation.
    return {absl::StrCat("COALESCE(", alias, ".publish_time, ", alias, ".create_time)"),
            BindValue::Type::kInt};
  }
  return {absl::StrCat(alias, ".", field), BindValue::Type::kInt};
}

}  // namespace

// ---- broadcasts ----

const std::vector<domain::FilterField>& PublicityRepository::BroadcastFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"station", domain::FilterType::kResource, false, {}, "", "units/"},
      {"state", domain::FilterType::kEnum, false, StateNames(), "PUBLICATION_STATE_", ""},
      {"topic", domain::FilterType::kString, false, {}, "", ""},
  };
  return kFields;
}

const std::vector<std::string>& PublicityRepository::BroadcastOrderFields() {
  static const std::vector<std::string> kFields = {"start_time", "title"};
  return kFields;
}

absl::StatusOr<int64_t> PublicityRepository::InsertBroadcast(Connection& c,
                                                             const domain::Broadcast& b,
                                                             absl::Time now) {
  Query q(c, absl::StrCat("INSERT INTO broadcasts (station_unit_id, title, topic, description, "
                          "links, start_time, duration_us, rrule, exdates, overrides, state, "
                          "revision, create_time, update_time) VALUES (",
                          kBroadcastValues, ", 1, :now, :now)"));
  BindBroadcast(q, b);
  q.Bind(":now", now).Run();
  return q.last_insert_rowid();
}

absl::Status PublicityRepository::UpdateBroadcast(Connection& c, const domain::Broadcast& b,
                                                  absl::Time now) {
  Query q(c, absl::StrCat("UPDATE broadcasts SET ", kBroadcastAssignments,
                          ", revision = revision + 1, update_time = :now WHERE id = :id"));
  BindBroadcast(q, b);
  if (q.Bind(":now", now).Bind(":id", b.id).Run() == 0) {
    return NotFound(domain::BroadcastName(b.id));
  }
  return absl::OkStatus();
}

absl::Status PublicityRepository::DeleteBroadcast(Connection& c, int64_t id) {
  if (Query(c, "DELETE FROM broadcasts WHERE id = :id").Bind(":id", id).Run() == 0) {
    return NotFound(domain::BroadcastName(id));
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::Broadcast> PublicityRepository::GetBroadcast(Connection& c, int64_t id) {
  Query q(c, absl::StrCat("SELECT ", kBroadcastColumns, kBroadcastFrom, " WHERE b.id = :id"));
  if (!q.Bind(":id", id).Step()) return NotFound(domain::BroadcastName(id));
  return ReadBroadcast(q.row());
}

absl::StatusOr<domain::ListPage<domain::Broadcast>> PublicityRepository::ListBroadcasts(
    Connection& c, const domain::ListQuery& query, const PublicityScope& scope) {
  const Column order = OrderColumn(query.order.field, "b");
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kBroadcastColumns, ", ", order.expr, kBroadcastFrom));
  select.Filter(query.filter, {{"station", {"b.station_unit_id", BindValue::Type::kInt}},
                               {"state", {"b.state", BindValue::Type::kInt}},
                               {"topic", {"b.topic", BindValue::Type::kText}}});
  if (!scope.drafts) {
    select.Where(absl::StrCat("b.state = ", static_cast<int>(PublicationState::kPublished)));
  }
  select.Page(query, order, "b.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Broadcast>(q, query, 16, order.type, ReadBroadcast);
}

absl::StatusOr<std::vector<domain::Broadcast>> PublicityRepository::StationBroadcasts(
    Connection& c, int64_t station_unit_id, const PublicityScope& scope) {
  // One station through broadcasts_by_station; every station reads them all.
  std::string sql = absl::StrCat("SELECT ", kBroadcastColumns, kBroadcastFrom, " WHERE ",
                                 station_unit_id != 0 ? "b.station_unit_id = :station" : "1");
  if (!scope.drafts) {
    absl::StrAppend(&sql, " AND b.state = ", static_cast<int>(PublicationState::kPublished));
  }
  absl::StrAppend(&sql, " ORDER BY b.id");
  Query q(c, sql);
  if (station_unit_id != 0) q.Bind(":station", station_unit_id);
  std::vector<domain::Broadcast> out;
  while (q.Step()) out.push_back(ReadBroadcast(q.row()));
  return out;
}

// ---- case studies ----

const std::vector<domain::FilterField>& PublicityRepository::CaseStudyFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"unit", domain::FilterType::kResource, false, {}, "", "units/"},
      {"state", domain::FilterType::kEnum, false, StateNames(), "PUBLICATION_STATE_", ""},
      {"featured", domain::FilterType::kBool, false, {}, "", ""},
      {"proposal", domain::FilterType::kResource, false, {}, "", "proposals/"},
  };
  return kFields;
}

const std::vector<std::string>& PublicityRepository::CaseStudyOrderFields() {
  static const std::vector<std::string> kFields = {"publish_time", "create_time", "title"};
  return kFields;
}

absl::StatusOr<int64_t> PublicityRepository::InsertCaseStudy(Connection& c,
                                                             const domain::CaseStudy& s,
                                                             absl::Time now) {
  Query q(c, absl::StrCat("INSERT INTO case_studies (title, unit_id, summary, body, results, "
                          "proposal_id, state, publish_time, unpublish_time, featured, revision, "
                          "create_time, update_time) VALUES (",
                          kCaseStudyValues, ", 1, :now, :now)"));
  BindCaseStudy(q, s);
  q.Bind(":now", now).Run();
  return q.last_insert_rowid();
}

absl::Status PublicityRepository::UpdateCaseStudy(Connection& c, const domain::CaseStudy& s,
                                                  absl::Time now) {
  Query q(c, absl::StrCat("UPDATE case_studies SET ", kCaseStudyAssignments,
                          ", revision = revision + 1, update_time = :now WHERE id = :id"));
  BindCaseStudy(q, s);
  if (q.Bind(":now", now).Bind(":id", s.id).Run() == 0) {
    return NotFound(domain::CaseStudyName(s.id));
  }
  return absl::OkStatus();
}

absl::Status PublicityRepository::TouchCaseStudy(Connection& c, int64_t id, absl::Time now) {
  Query q(c, "UPDATE case_studies SET revision = revision + 1, update_time = :now WHERE id = :id");
  if (q.Bind(":now", now).Bind(":id", id).Run() == 0) return NotFound(domain::CaseStudyName(id));
  return absl::OkStatus();
}

absl::Status PublicityRepository::DeleteCaseStudy(Connection& c, int64_t id) {
  Query(c, "DELETE FROM case_study_images WHERE case_study_id = :id").Bind(":id", id).Run();
  if (Query(c, "DELETE FROM case_studies WHERE id = :id").Bind(":id", id).Run() == 0) {
    return NotFound(domain::CaseStudyName(id));
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::CaseStudy> PublicityRepository::GetCaseStudy(Connection& c, int64_t id) {
  domain::CaseStudy s;
  {
    Query q(c, absl::StrCat("SELECT ", kCaseStudyColumns, kCaseStudyFrom, " WHERE s.id = :id"));
    if (!q.Bind(":id", id).Step()) return NotFound(domain::CaseStudyName(id));
    s = ReadCaseStudy(q.row());
  }
  auto images = ImagesOf(c, id);
  if (!images.ok()) return images.status();
  s.images = std::move(*images);
  return s;
}

absl::StatusOr<domain::ListPage<domain::CaseStudy>> PublicityRepository::ListCaseStudies(
    Connection& c, const domain::ListQuery& query, const PublicityScope& scope) {
  const Column order = OrderColumn(query.order.field, "s");
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kCaseStudyColumns, ", ", order.expr, kCaseStudyFrom));
  select.Filter(query.filter, {{"unit", {"s.unit_id", BindValue::Type::kInt}},
                               {"state", {"s.state", BindValue::Type::kInt}},
                               {"featured", {"s.featured", BindValue::Type::kInt}},
                               {"proposal", {"s.proposal_id", BindValue::Type::kInt}}});
  AddScope(select, "s", scope);
  select.Page(query, order, "s.id");
  domain::ListPage<domain::CaseStudy> page;
  {
    Query q(c, select.sql());
    q.BindAll(select.params());
    page = internal::ReadPage<domain::CaseStudy>(q, query, 15, order.type, ReadCaseStudy);
  }
  for (domain::CaseStudy& s : page.items) {
    auto images = ImagesOf(c, s.id);
    if (!images.ok()) return images.status();
    s.images = std::move(*images);
  }
  return page;
}

absl::StatusOr<int64_t> PublicityRepository::InsertImage(Connection& c,
                                                         const domain::CaseStudyImage& image,
                                                         absl::Time now) {
  Query q(c,
          "INSERT INTO case_study_images (case_study_id, content_type, caption, size_bytes, "
          "sha256, data, create_time) VALUES (:case_study, :content_type, :caption, :size, "
          ":sha256, :data, :now)");
  q.Bind(":case_study", image.case_study_id)
      .Bind(":content_type", image.content_type)
      .Bind(":caption", image.caption)
      .Bind(":size", static_cast<int64_t>(image.data.size()))
      .Bind(":sha256", image.sha256_hex)
      .BindBlob(":data", image.data)
      .Bind(":now", now)
      .Run();
  return q.last_insert_rowid();
}

absl::StatusOr<domain::CaseStudyImage> PublicityRepository::GetImage(Connection& c,
                                                                     int64_t case_study_id,
                                                                     int64_t image_id,
                                                                     bool with_data) {
  Query q(c, absl::StrCat("SELECT ", kImageColumns,
                          ", i.data FROM case_study_images i WHERE i.id = :image AND "
                          "i.case_study_id = :case_study"));
  if (!q.Bind(":image", image_id).Bind(":case_study", case_study_id).Step()) {
    return NotFound(domain::CaseStudyImageName(case_study_id, image_id));
  }
  domain::CaseStudyImage image = ReadImage(q.row());
  if (with_data) {
    SQLite::Column data = q.Column(6);
    image.data.assign(static_cast<const char*>(data.getBlob()),
                      static_cast<size_t>(data.getBytes()));
  }
  return image;
}

absl::Status PublicityRepository::DeleteImage(Connection& c, int64_t case_study_id,
                                              int64_t image_id) {
  Query q(c, "DELETE FROM case_study_images WHERE id = :image AND case_study_id = :case_study");
  if (q.Bind(":image", image_id).Bind(":case_study", case_study_id).Run() == 0) {
    return NotFound(domain::CaseStudyImageName(case_study_id, image_id));
  }
  return absl::OkStatus();
}

// ---- announcements ----

const std::vector<domain::FilterField>& PublicityRepository::AnnouncementFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"unit", domain::FilterType::kResource, false, {}, "", "units/"},
      {"state", domain::FilterType::kEnum, false, StateNames(), "PUBLICATION_STATE_", ""},
  };
  return kFields;
}

const std::vector<std::string>& PublicityRepository::AnnouncementOrderFields() {
  static const std::vector<std::string> kFields = {"publish_time", "create_time"};
  return kFields;
}

absl::StatusOr<int64_t> PublicityRepository::InsertAnnouncement(Connection& c,
                                                                const domain::Announcement& a,
                                                                absl::Time now) {
  Query q(c,
          "INSERT INTO announcements (title, body, unit_id, state, publish_time, "
          "unpublish_time, revision, create_time, update_time) VALUES (:title, :body, :unit, "
          ":state, :publish_time, :unpublish_time, 1, :now, :now)");
  BindAnnouncement(q, a);
  q.Bind(":now", now).Run();
  return q.last_insert_rowid();
}

absl::Status PublicityRepository::UpdateAnnouncement(Connection& c, const domain::Announcement& a,
                                                     absl::Time now) {
  Query q(c,
          "UPDATE announcements SET title = :title, body = :body, unit_id = :unit, "
          "state = :state, publish_time = :publish_time, unpublish_time = :unpublish_time, "
          "revision = revision + 1, update_time = :now WHERE id = :id");
  BindAnnouncement(q, a);
  if (q.Bind(":now", now).Bind(":id", a.id).Run() == 0) {
    return NotFound(domain::AnnouncementName(a.id));
  }
  return absl::OkStatus();
}

absl::Status PublicityRepository::DeleteAnnouncement(Connection& c, int64_t id) {
  if (Query(c, "DELETE FROM announcements WHERE id = :id").Bind(":id", id).Run() == 0) {
    return NotFound(domain::AnnouncementName(id));
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::Announcement> PublicityRepository::GetAnnouncement(Connection& c,
                                                                          int64_t id) {
  Query q(c, absl::StrCat("SELECT ", kAnnouncementColumns, kAnnouncementFrom, " WHERE a.id = :id"));
  if (!q.Bind(":id", id).Step()) return NotFound(domain::AnnouncementName(id));
  return ReadAnnouncement(q.row());
}

absl::StatusOr<domain::ListPage<domain::Announcement>> PublicityRepository::ListAnnouncements(
    Connection& c, const domain::ListQuery& query, const PublicityScope& scope) {
  const Column order = OrderColumn(query.order.field, "a");
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kAnnouncementColumns, ", ", order.expr, kAnnouncementFrom));
  select.Filter(query.filter, {{"unit", {"a.unit_id", BindValue::Type::kInt}},
                               {"state", {"a.state", BindValue::Type::kInt}}});
  AddScope(select, "a", scope);
  select.Page(query, order, "a.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Announcement>(q, query, 11, order.type, ReadAnnouncement);
}

}  // namespace sangkien::storage
