// The kiosk's offline cache: every resource the change feed delivered, kept
// as its serialized Change by name and kind, plus the feed marker and a few
// settings. The sync thread writes, the GUI thread reads; one mutex guards
// the connection.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace SQLite
{
class Database;
}
namespace sangkien::v1
{
class Change;
}

class LocalStore
{
public:
    // path ":memory:" keeps the cache in memory (tests).
    explicit LocalStore(const std::string &path);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // Applies upserts and tombstones and stores the marker, all in one
    // transaction. A nonzero `syncTimeMs` (UTC ms) is recorded as the time
    // the cache was last known to match the server; when a fresh copy was
    // being fetched (startOver), that also completes it: resources the fresh
    // copy did not bring are dropped in the same transaction. Returns how
    // many were dropped that way.
    int apply(const std::vector<sangkien::v1::Change> &changes, const std::string &marker, int64_t syncTimeMs);
    // Forgets the marker (the server cannot resume from it) and starts a
    // fresh copy. The old resources stay readable until the fresh copy has
    // caught up, so the kiosk never goes blank while it refetches; the state
    // survives a restart half way.
    void startOver();
    bool isStartingOver() const;

    std::string marker() const;
    int64_t lastSyncMs() const;
    std::string setting(const std::string &key) const;
    void setSetting(const std::string &key, const std::string &value);

    // Every cached resource of one kind (Change::kPlan, ...), by name.
    std::vector<sangkien::v1::Change> all(int resourceCase) const;
    std::optional<sangkien::v1::Change> get(const std::string &name) const;
    int count() const;

private:
    mutable std::mutex m_mutex;
    std::unique_ptr<SQLite::Database> m_db;
};
