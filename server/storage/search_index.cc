#include "storage/search_index.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "storage/sql_internal.h"
#include "text/vietnamese.h"

namespace sangkien::storage {

namespace {

// Terms are folded words of letters and digits; quoting keeps FTS5 from
// reading one as an operator (AND, OR, NOT, NEAR).
std::string MatchExpression(const SearchRequestSpec& spec) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < spec.terms.size(); ++i) {
    bool prefix = spec.last_is_prefix && i + 1 == spec.terms.size();
    parts.push_back(absl::StrCat("\"", spec.terms[i], "\"", prefix ? "*" : ""));
  }
  return absl::StrJoin(parts, " ");
}

// The WHERE clause after MATCH, with its binds appended to `binds`.
std::string Visibility(const SearchRequestSpec& spec, std::vector<internal::BindValue>& binds) {
  std::string sql;
  if (spec.internal) {
    sql = " AND d.audience IN (0, 2)";
  } else {
    int64_t now = internal::Micros(spec.now);
    sql =
        " AND d.audience IN (0, 1) AND (d.visible_from IS NULL OR "
        "d.visible_from <= ?)"
        " AND (d.visible_until IS NULL OR d.visible_until > ?)";
    binds.push_back(internal::BindValue::Int(now));
    binds.push_back(internal::BindValue::Int(now));
  }
  if (!spec.kinds.empty()) {
    std::vector<std::string> marks;
    for (auto k : spec.kinds) {
      marks.push_back("?");
      binds.push_back(internal::BindValue::Int(static_cast<int64_t>(k)));
    }
    absl::StrAppend(&sql, " AND d.kind IN (", absl::StrJoin(marks, ", "), ")");
  }
  return sql;
}

}  // namespace

absl::Status SearchIndex::Replace(Connection& c, const std::string& resource,
                                  const std::vector<SearchDocument>& documents) {
  {
    auto& q = c.Prepare("SELECT id FROM search_docs WHERE resource = ?");
    q.bind(1, resource);
    std::vector<int64_t> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    q.reset();
    for (int64_t id : ids) {
      auto& f = c.Prepare("DELETE FROM search_fts WHERE rowid = ?");
      f.bind(1, static_cast<int64_t>(id));
      f.exec();
    }
    auto& d = c.Prepare("DELETE FROM search_docs WHERE resource = ?");
    d.bind(1, resource);
    d.exec();
  }
  for (const auto& doc : documents) {
    auto& i = c.Prepare(
        "INSERT INTO search_docs (resource, audience, kind, "
        "visible_from, visible_until, parent, "
        "title, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    i.bind(1, resource);
    i.bind(2, static_cast<int>(doc.audience));
    i.bind(3, static_cast<int>(doc.kind));
    if (doc.visible_from) {
      i.bind(4, static_cast<int64_t>(internal::Micros(*doc.visible_from)));
    } else {
      i.bind(4);
    }
    if (doc.visible_until) {
      i.bind(5, static_cast<int64_t>(internal::Micros(*doc.visible_until)));
    } else {
      i.bind(5);
    }
    i.bind(6, doc.parent);
    i.bind(7, doc.title);
    i.bind(8, doc.body);
    i.exec();
    int64_t id = c.last_insert_rowid();
    auto& f = c.Prepare("INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)");
    f.bind(1, static_cast<int64_t>(id));
    f.bind(2, text::FoldForSearch(doc.title));
    f.bind(3, text::FoldForSearch(doc.body));
    f.exec();
  }
  return absl::OkStatus();
}

absl::StatusOr<SearchResultPage> SearchIndex::Query(Connection& c, const SearchRequestSpec& spec) {
  SearchResultPage page;
  if (spec.terms.empty()) return page;
  std::vector<internal::BindValue> binds = {internal::BindValue::Text(MatchExpression(spec))};
  std::string visible = Visibility(spec, binds);
  constexpr const char* kFrom = " FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid";

  // The candidates: the newest kMaxSearchCandidates matches the caller may
  // read, found walking the index from its newest row and stopping there,
  // so a common word costs the same in a district as in a country. Their
  // count is the total; the oldest one's rowid bounds the ranking below.
  int64_t oldest = 0;
  {
    auto& q = c.Prepare(absl::StrCat(
        "SELECT count(*), min(id) FROM (SELECT d.id", kFrom, " WHERE search_fts MATCH ?", visible,
        " ORDER BY search_fts.rowid DESC LIMIT ", kMaxSearchCandidates, ")"));
    internal::BindAll(q, binds);
    if (q.executeStep()) {
      page.total = q.getColumn(0).getInt();
      oldest = q.getColumn(1).isNull() ? 0 : q.getColumn(1).getInt64();
    }
    q.reset();
  }
  if (page.total == 0 || spec.offset >= page.total) return page;
  // BM25 over the candidates only. Titles weigh ten times the body. Ties
  // keep insertion order, so pages are stable.
  std::vector<internal::BindValue> all = {binds.front(), internal::BindValue::Int(oldest)};
  all.insert(all.end(), binds.begin() + 1, binds.end());
  all.push_back(internal::BindValue::Int(spec.limit));
  all.push_back(internal::BindValue::Int(spec.offset));
  auto& q = c.Prepare(absl::StrCat("SELECT d.resource, d.kind, d.parent, d.title, d.body, "
                                   "bm25(search_fts, 10.0, 1.0) AS r",
                                   kFrom, " WHERE search_fts MATCH ? AND search_fts.rowid >= ?",
                                   visible, " ORDER BY r, d.id LIMIT ? OFFSET ?"));
  internal::BindAll(q, all);
  while (q.executeStep()) {
    SearchRow row;
    row.resource = q.getColumn(0).getString();
    row.kind = static_cast<SearchKind>(q.getColumn(1).getInt());
    row.parent = q.getColumn(2).getString();
    row.title = q.getColumn(3).getString();
    row.body = q.getColumn(4).getString();
    row.score = -q.getColumn(5).getDouble();
    page.rows.push_back(std::move(row));
  }
  return page;
}

}  // namespace sangkien::storage
