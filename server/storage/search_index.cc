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

// The WHERE clause after MATCH, with its parameters appended to `params`.
std::string Visibility(const SearchRequestSpec& spec, std::vector<internal::Param>& params) {
  std::string sql;
  if (spec.internal) {
    sql = " AND d.audience IN (0, 2)";
  } else {
    sql =
        " AND d.audience IN (0, 1) AND (d.visible_from IS NULL OR d.visible_from <= :now)"
        " AND (d.visible_until IS NULL OR d.visible_until > :now)";
    params.push_back({":now", internal::BindValue::Int(internal::Micros(spec.now))});
  }
  if (!spec.kinds.empty()) {
    std::vector<std::string> names;
    for (auto k : spec.kinds) {
      names.push_back(absl::StrCat(":kind_", names.size()));
      params.push_back({names.back(), internal::BindValue::Int(static_cast<int64_t>(k))});
    }
    absl::StrAppend(&sql, " AND d.kind IN (", absl::StrJoin(names, ", "), ")");
  }
  return sql;
}

}  // namespace

absl::Status SearchIndex::Replace(Connection& c, const std::string& resource,
                                  const std::vector<SearchDocument>& documents) {
  {
    internal::Query q(c, "SELECT id FROM search_docs WHERE resource = :resource");
    q.Bind(":resource", resource);
    std::vector<int64_t> ids;
    while (q.Step()) ids.push_back(q.Column(0).getInt64());
    q.Reset();
    for (int64_t id : ids) {
      internal::Query(c, "DELETE FROM search_fts WHERE rowid = :id").Bind(":id", id).Run();
    }
    internal::Query(c, "DELETE FROM search_docs WHERE resource = :resource")
        .Bind(":resource", resource)
        .Run();
  }
  for (const auto& doc : documents) {
    internal::Query i(c,
                      "INSERT INTO search_docs (resource, audience, kind, visible_from, "
                      "visible_until, parent, title, body) VALUES (:resource, :audience, :kind, "
                      ":from, :until, :parent, :title, :body)");
    i.Bind(":resource", resource)
        .Bind(":audience", doc.audience)
        .Bind(":kind", doc.kind)
        .Bind(":from", doc.visible_from)
        .Bind(":until", doc.visible_until)
        .Bind(":parent", doc.parent)
        .Bind(":title", doc.title)
        .Bind(":body", doc.body)
        .Run();
    internal::Query(c, "INSERT INTO search_fts (rowid, title, body) VALUES (:id, :title, :body)")
        .Bind(":id", i.last_insert_rowid())
        .Bind(":title", text::FoldForSearch(doc.title))
        .Bind(":body", text::FoldForSearch(doc.body))
        .Run();
  }
  return absl::OkStatus();
}

absl::StatusOr<SearchResultPage> SearchIndex::Query(Connection& c, const SearchRequestSpec& spec) {
  SearchResultPage page;
  if (spec.terms.empty()) return page;
  std::vector<internal::Param> params = {
      {":match", internal::BindValue::Text(MatchExpression(spec))}};
  std::string visible = Visibility(spec, params);
  constexpr const char* kFrom = " FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid";

  // The candidates: the newest kMaxSearchCandidates matches the caller may
  // read, found walking the index from its newest row and stopping there,
  // so a common word costs the same in a district as in a country. Their
  // count is the total; the oldest one's rowid bounds the ranking below.
  int64_t oldest = 0;
  {
    internal::Query q(
        c, absl::StrCat("SELECT count(*), min(id) FROM (SELECT d.id", kFrom,
                        " WHERE search_fts MATCH :match", visible,
                        " ORDER BY search_fts.rowid DESC LIMIT ", kMaxSearchCandidates, ")"));
    if (q.BindAll(params).Step()) {
      page.total = q.Column(0).getInt();
      oldest = q.Column(1).isNull() ? 0 : q.Column(1).getInt64();
    }
    q.Reset();
  }
  if (page.total == 0 || spec.offset >= page.total) return page;
  // BM25 over the candidates only. Titles weigh ten times the body. Ties
  // keep insertion order, so pages are stable.
  internal::Query q(c, absl::StrCat("SELECT d.resource, d.kind, d.parent, d.title, d.body, "
                                    "bm25(search_fts, 10.0, 1.0) AS r",
                                    kFrom,
                                    " WHERE search_fts MATCH :match AND search_fts.rowid "
                                    ">= :oldest",
                                    visible, " ORDER BY r, d.id LIMIT :limit OFFSET :offset"));
  q.BindAll(params).Bind(":oldest", oldest).Bind(":limit", spec.limit).Bind(":offset", spec.offset);
  while (q.Step()) {
    SearchRow row;
    row.resource = q.Column(0).getString();
    row.kind = static_cast<SearchKind>(q.Column(1).getInt());
    row.parent = q.Column(2).getString();
    row.title = q.Column(3).getString();
    row.body = q.Column(4).getString();
    row.score = -q.Column(5).getDouble();
    page.rows.push_back(std::move(row));
  }
  return page;
}

}  // namespace sangkien::storage
