// Numbered schema migrations. Released migrations are never edited; a schema
// change is a new entry at the end.
#ifndef SANGKIEN_SERVER_STORAGE_MIGRATIONS_H_
#define SANGKIEN_SERVER_STORAGE_MIGRATIONS_H_

#include <string_view>
#include <vector>

namespace sangkien::storage {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& Migrations();

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_MIGRATIONS_H_
