// A process-wide hook on every SQLite connection Database::Open makes, run
// after the connection's pragmas: the bulk data generator raises its page
// cache with it, the query plan test watches every statement. Set it before
// opening; the server leaves it unset.
#ifndef SANGKIEN_SERVER_STORAGE_CONNECTION_HOOK_H_
#define SANGKIEN_SERVER_STORAGE_CONNECTION_HOOK_H_

#include <functional>

namespace SQLite {
class Database;
}  // namespace SQLite

namespace sangkien::storage {

using ConnectionHook = std::function<void(SQLite::Database& db, bool writer)>;

// Replaces the hook (an empty function removes it).
void SetConnectionHook(ConnectionHook hook);

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_CONNECTION_HOOK_H_
