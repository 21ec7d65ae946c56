// A statement of a repository, bound by parameter name. Internal to
// storage/: the only code that hands SQL to SQLite.
#ifndef SANGKIEN_SERVER_STORAGE_QUERY_H_
#define SANGKIEN_SERVER_STORAGE_QUERY_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "storage/database.h"

namespace sangkien::storage::internal {

// A value whose SQL type is known only at run time (filters, cursors).
struct BindValue {
  enum class Type { kInt, kText, kBlob };
  Type type = Type::kInt;
  int64_t i = 0;
  std::string s;
  static BindValue Int(int64_t v) { return {Type::kInt, v, {}}; }
  static BindValue Text(std::string v) { return {Type::kText, 0, std::move(v)}; }
  static BindValue Blob(std::string v) { return {Type::kBlob, 0, std::move(v)}; }
};

// A named parameter and its value, for statements built at run time.
struct Param {
  std::string name;  // with its prefix, e.g. ":plan"
  BindValue value;
};

// The connection's cached statement for `sql` (prepared on first use, reset
// and unbound on every later one), with typed binds by name:
//
//   Query q(c, "UPDATE tasks SET title = :title WHERE id = :id");
//   q.Bind(":title", task.title).Bind(":id", task.id).Run();
//
// Misuse is a programming error and throws std::logic_error, which
// Database::Read/Write log with the SQL and answer as INTERNAL: binding a
// name the SQL does not declare, and running the statement while one of its
// parameters is still unbound (SQLite would silently read it as NULL).
//
// Stored forms: absl::Time as Unix microseconds, absl::CivilDay as ISO
// "YYYY-MM-DD" text, enums as their integer value, an empty std::optional
// as NULL.
class Query {
 public:
  Query(Connection& c, std::string_view sql);
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& Bind(std::string_view name, int64_t value);
  Query& Bind(std::string_view name, int value) { return Bind(name, static_cast<int64_t>(value)); }
  Query& Bind(std::string_view name, bool value) { return Bind(name, int64_t{value ? 1 : 0}); }
  Query& Bind(std::string_view name, std::string_view text);
  Query& Bind(std::string_view name, const std::string& text) {
    return Bind(name, std::string_view(text));
  }
  Query& Bind(std::string_view name, const char* text) {
    return Bind(name, std::string_view(text));
  }
  Query& Bind(std::string_view name, absl::Time time);
  Query& Bind(std::string_view name, absl::CivilDay day);
  Query& Bind(std::string_view name, std::nullopt_t);
  Query& Bind(std::string_view name, const BindValue& value);
  template <typename Enum>
  requires std::is_enum_v<Enum> Query& Bind(std::string_view name, Enum value) {
    return Bind(name, static_cast<int64_t>(value));
  }
  template <typename T>
  Query& Bind(std::string_view name, const std::optional<T>& value) {
    return value ? Bind(name, *value) : Bind(name, std::nullopt);
  }
  // Bytes stored as a BLOB (sort keys, hashes, images).
  Query& BindBlob(std::string_view name, std::string_view bytes);
  // An optional reference stored as NULL when `id` is 0.
  Query& BindIdOrNull(std::string_view name, int64_t id);
  // Binds every parameter of a statement built at run time.
  Query& BindAll(const std::vector<Param>& params);

  // Advances to the next row; false when there are no more.
  bool Step();
  // Runs a statement that returns no rows; returns how many rows it changed.
  int Run();
  // Ends a result before its last row, so the statement holds no read lock.
  void Reset() { stmt_.reset(); }
  // The current row after Step() returned true.
  SQLite::Column Column(int index) { return stmt_.getColumn(index); }
  SQLite::Statement& row() { return stmt_; }
  // The rowid of the connection's last INSERT.
  int64_t last_insert_rowid() const;

 private:
  int Index(std::string_view name);
  void CheckAllBound();

  Connection& connection_;
  SQLite::Statement& stmt_;
  std::vector<bool> bound_;  // by parameter index - 1
  bool checked_ = false;
};

}  // namespace sangkien::storage::internal

namespace sangkien::storage {

// Runs `fn` in a read transaction on `c`, a connection opened outside any
// Database (a backup being checked). Returns `fn`'s status; SQLite errors
// are thrown as by Database's own connections.
absl::Status ReadSnapshot(Connection& c, absl::FunctionRef<absl::Status()> fn);

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_QUERY_H_
