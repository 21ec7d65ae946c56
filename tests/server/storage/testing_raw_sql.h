// Raw SQL on a storage::Connection, for tests only: they plant rows no
// repository would write (a probe table, a broken chain, a rewound change
// log) and count what landed. Product code binds through the repositories;
// nothing under server/ can include this header (it lives under tests/).
#ifndef SANGKIEN_TESTS_SERVER_STORAGE_TESTING_RAW_SQL_H_
#define SANGKIEN_TESTS_SERVER_STORAGE_TESTING_RAW_SQL_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/database.h"

namespace sangkien::storage {

class RawSqlForTests {
 public:
  // The connection's cached statement for `sql`, reset and unbound; throws
  // SQLite::Exception when it does not compile.
  static SQLite::Statement& Prepare(Connection& c, std::string_view sql) { return c.Prepare(sql); }
  // Runs statements that return no rows; throws SQLite::Exception on error.
  static void Exec(Connection& c, const std::string& sql) { c.Exec(sql); }
  // The single integer `sql` returns (a count); 0 when it returns no row.
  static int64_t Int(Connection& c, std::string_view sql) {
    SQLite::Statement& q = c.Prepare(sql);
    int64_t value = q.executeStep() ? q.getColumn(0).getInt64() : 0;
    q.reset();
    return value;
  }
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_TESTS_SERVER_STORAGE_TESTING_RAW_SQL_H_
