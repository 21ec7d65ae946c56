#include "storage/audit_log.h"

#include <openssl/sha.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "storage/sql_internal.h"

namespace sangkien::storage {

using internal::BindValue;

namespace {

const std::string kGenesis(64, '0');
constexpr const char* kHeadKey = "audit_head";

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(std::string(reinterpret_cast<char*>(digest), sizeof(digest)));
}

// Length-prefixed fields, so no two different events share bytes.
void AppendField(std::string* out, const std::string& field) {
  absl::StrAppend(out, field.size(), ":", field, ";");
}

AuditEvent ReadEvent(SQLite::Statement& q) {
  AuditEvent e;
  e.id = q.getColumn(0).getInt64();
  e.time = internal::FromMicros(q.getColumn(1).getInt64());
  e.actor = q.getColumn(2).getString();
  e.method = q.getColumn(3).getString();
  e.resource = q.getColumn(4).getString();
  e.request_id = q.getColumn(5).getString();
  e.before_digest = q.getColumn(6).getString();
  e.after_digest = q.getColumn(7).getString();
  e.previous_hash = q.getColumn(8).getString();
  e.hash = q.getColumn(9).getString();
  return e;
}

constexpr const char* kColumns =
    "sequence, time, actor, method, resource, request_id, before_digest, after_digest, "
    "previous_hash, hash";

struct Head {
  int64_t sequence = 0;
  std::string hash = kGenesis;
};

Head ReadHead(Connection& c) {
  internal::Query q(c, "SELECT value FROM meta WHERE key = :key");
  Head head;
  if (q.Bind(":key", kHeadKey).Step()) {
    auto col = q.Column(0);
    std::string value(static_cast<const char*>(col.getBlob()), col.getBytes());
    auto colon = value.find(':');
    if (colon != std::string::npos) {
      head.sequence = std::stoll(value.substr(0, colon));
      head.hash = value.substr(colon + 1);
    }
  }
  return head;
}

}  // namespace

std::string StateDigest(const std::string& canonical) { return Sha256Hex(canonical); }

std::string AuditLog::EventHash(const AuditEvent& e) {
  std::string bytes = e.previous_hash;
  AppendField(&bytes, absl::StrCat(e.id));
  AppendField(&bytes, absl::StrCat(internal::Micros(e.time)));
  AppendField(&bytes, e.actor);
  AppendField(&bytes, e.method);
  AppendField(&bytes, e.resource);
  AppendField(&bytes, e.request_id);
  AppendField(&bytes, e.before_digest);
  AppendField(&bytes, e.after_digest);
  return Sha256Hex(bytes);
}

const std::vector<domain::FilterField>& AuditLog::FilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"resource", domain::FilterType::kString, false, {}, "", ""},
      {"actor", domain::FilterType::kString, false, {}, "", ""},
      {"method", domain::FilterType::kString, false, {}, "", ""},
  };
  return kFields;
}

absl::Status AuditLog::Append(Connection& c, const domain::Actor& actor,
                              const std::string& resource, const std::string& before_digest,
                              const std::string& after_digest, absl::Time now) {
  Head head = ReadHead(c);
  AuditEvent e;
  e.id = head.sequence + 1;
  // Microsecond precision is what the table keeps; hash what is stored.
  e.time = internal::FromMicros(internal::Micros(now));
  e.actor = actor.name.empty() ? "system" : actor.name;
  e.method = actor.method;
  e.resource = resource;
  e.request_id = actor.request_id;
  e.before_digest = before_digest;
  e.after_digest = after_digest;
  e.previous_hash = head.hash;
  e.hash = EventHash(e);
  internal::Query(c, absl::StrCat("INSERT INTO audit_events (", kColumns,
                                  ") VALUES (:sequence, :time, :actor, :method, :resource, "
                                  ":request, :before, :after, :previous_hash, :hash)"))
      .Bind(":sequence", e.id)
      .Bind(":time", e.time)
      .Bind(":actor", e.actor)
      .Bind(":method", e.method)
      .Bind(":resource", e.resource)
      .Bind(":request", e.request_id)
      .Bind(":before", e.before_digest)
      .Bind(":after", e.after_digest)
      .Bind(":previous_hash", e.previous_hash)
      .Bind(":hash", e.hash)
      .Run();
  internal::Query(c,
                  "INSERT INTO meta (key, value) VALUES (:key, :value) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .Bind(":key", kHeadKey)
      .BindBlob(":value", absl::StrCat(e.id, ":", e.hash))
      .Run();
  return absl::OkStatus();
}

absl::StatusOr<domain::ListPage<AuditEvent>> AuditLog::List(Connection& c,
                                                            const domain::ListQuery& query) {
  internal::SelectBuilder select(absl::StrCat("SELECT ", kColumns, ", sequence FROM audit_events"));
  select.Filter(query.filter, {{"resource", {"resource", BindValue::Type::kText}},
                               {"actor", {"actor", BindValue::Type::kText}},
                               {"method", {"method", BindValue::Type::kText}}});
  domain::ListQuery by_sequence = query;
  by_sequence.order = {"sequence", false};
  select.Page(by_sequence, {"sequence", BindValue::Type::kInt}, "sequence");
  internal::Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<AuditEvent>(q, query, 10, BindValue::Type::kInt, ReadEvent);
}

absl::StatusOr<ChainCheck> AuditLog::Verify(Connection& c) {
  ChainCheck check;
  std::string previous = kGenesis;
  int64_t expected = 1;
  auto fail = [&](int64_t sequence, std::string problem) {
    check.intact = false;
    check.first_broken_sequence = sequence;
    check.problem = std::move(problem);
  };
  internal::Query q(c, absl::StrCat("SELECT ", kColumns, " FROM audit_events ORDER BY sequence"));
  while (q.Step()) {
    AuditEvent e = ReadEvent(q.row());
    ++check.events_checked;
    if (e.id != expected) {
      fail(expected, absl::StrCat("event ", expected, " is missing (next is ", e.id, ")"));
      break;
    }
    if (e.previous_hash != previous) {
      fail(e.id, "does not link to the event before it");
      break;
    }
    if (EventHash(e) != e.hash) {
      fail(e.id, "its contents do not match its hash");
      break;
    }
    previous = e.hash;
    ++expected;
  }
  q.Reset();
  if (check.intact) {
    Head head = ReadHead(c);
    if (head.sequence != expected - 1 || head.hash != previous) {
      fail(expected, absl::StrCat("the trail ends at event ", expected - 1,
                                  " but the recorded head is event ", head.sequence));
    }
  }
  check.head_hash = previous;
  return check;
}

}  // namespace sangkien::storage
