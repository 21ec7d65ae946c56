#include "localstore.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "sangkien/v1/sync_service.pb.h"

namespace
{
constexpr const char *kStartingOver = "starting_over";

std::string getMeta(SQLite::Database &db, const char *key)
{
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void putMeta(SQLite::Database &db, const std::string &key, const std::string &value)
{
    SQLite::Statement q(db, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}
} // namespace

LocalStore::LocalStore(const std::string &path)
    : m_db(std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX))
{
    if (path != ":memory:") {
        m_db->exec("PRAGMA journal_mode = WAL");
        m_db->exec("PRAGMA synchronous = NORMAL");
    }
    m_db->exec("CREATE TABLE IF NOT EXISTS resources ("
               "  name TEXT PRIMARY KEY,"
               "  kind INTEGER NOT NULL,"
               "  change BLOB NOT NULL)");
    m_db->exec("CREATE INDEX IF NOT EXISTS resources_kind ON resources(kind, name)");
    m_db->exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    // The names a fresh copy has brought so far (see startOver).
    m_db->exec("CREATE TABLE IF NOT EXISTS fresh (name TEXT PRIMARY KEY)");
}

LocalStore::~LocalStore() = default;

int LocalStore::apply(const std::vector<sangkien::v1::Change> &changes, const std::string &marker, int64_t syncTimeMs)
{
    std::lock_guard lock(m_mutex);
    SQLite::Transaction tx(*m_db);
    const bool startingOver = getMeta(*m_db, kStartingOver) == "1";
    SQLite::Statement upsert(*m_db,
        "INSERT INTO resources(name, kind, change) VALUES(?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, change = excluded.change");
    SQLite::Statement remove(*m_db, "DELETE FROM resources WHERE name = ?");
    SQLite::Statement brought(*m_db, "INSERT OR IGNORE INTO fresh(name) VALUES(?)");
    for (const auto &change : changes) {
        if (change.deleted() || change.resource_case() == sangkien::v1::Change::RESOURCE_NOT_SET) {
            remove.bind(1, change.name());
            remove.exec();
            remove.reset();
            continue;
        }
        const std::string blob = change.SerializeAsString();
        upsert.bind(1, change.name());
        upsert.bind(2, static_cast<int>(change.resource_case()));
        upsert.bind(3, blob.data(), static_cast<int>(blob.size()));
        upsert.exec();
        upsert.reset();
        if (startingOver) {
            brought.bind(1, change.name());
            brought.exec();
            brought.reset();
        }
    }
    putMeta(*m_db, "marker", marker);
    int dropped = 0;
    if (syncTimeMs != 0) {
        putMeta(*m_db, "last_sync_ms", std::to_string(syncTimeMs));
        if (startingOver) {
            dropped = m_db->exec("DELETE FROM resources WHERE name NOT IN (SELECT name FROM fresh)");
            m_db->exec("DELETE FROM fresh");
            m_db->exec("DELETE FROM meta WHERE key = 'starting_over'");
        }
    }
    tx.commit();
    return dropped;
}

void LocalStore::startOver()
{
    std::lock_guard lock(m_mutex);
    SQLite::Transaction tx(*m_db);
    m_db->exec("DELETE FROM fresh");
    m_db->exec("DELETE FROM meta WHERE key = 'marker'");
    putMeta(*m_db, kStartingOver, "1");
    tx.commit();
}

bool LocalStore::isStartingOver() const
{
    std::lock_guard lock(m_mutex);
    return getMeta(*m_db, kStartingOver) == "1";
}

std::string LocalStore::marker() const
{
    std::lock_guard lock(m_mutex);
    return getMeta(*m_db, "marker");
}

int64_t LocalStore::lastSyncMs() const
{
    std::lock_guard lock(m_mutex);
    const std::string v = getMeta(*m_db, "last_sync_ms");
    return v.empty() ? 0 : std::stoll(v);
}

std::string LocalStore::setting(const std::string &key) const
{
    std::lock_guard lock(m_mutex);
    return getMeta(*m_db, ("setting." + key).c_str());
}

void LocalStore::setSetting(const std::string &key, const std::string &value)
{
    std::lock_guard lock(m_mutex);
    putMeta(*m_db, "setting." + key, value);
}

std::vector<sangkien::v1::Change> LocalStore::all(int resourceCase) const
{
    std::lock_guard lock(m_mutex);
    std::vector<sangkien::v1::Change> out;
    SQLite::Statement q(*m_db, "SELECT change FROM resources WHERE kind = ? ORDER BY name");
    q.bind(1, resourceCase);
    while (q.executeStep()) {
        const auto col = q.getColumn(0);
        sangkien::v1::Change change;
        if (change.ParseFromArray(col.getBlob(), col.getBytes())) {
            out.push_back(std::move(change));
        }
    }
    return out;
}

std::optional<sangkien::v1::Change> LocalStore::get(const std::string &name) const
{
    std::lock_guard lock(m_mutex);
    SQLite::Statement q(*m_db, "SELECT change FROM resources WHERE name = ?");
    q.bind(1, name);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    const auto col = q.getColumn(0);
    sangkien::v1::Change change;
    if (!change.ParseFromArray(col.getBlob(), col.getBytes())) {
        return std::nullopt;
    }
    return change;
}

int LocalStore::count() const
{
    std::lock_guard lock(m_mutex);
    SQLite::Statement q(*m_db, "SELECT COUNT(*) FROM resources");
    q.executeStep();
    return q.getColumn(0).getInt();
}
