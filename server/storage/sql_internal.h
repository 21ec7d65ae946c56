// Helpers for the SQLite repositories only: value conversions, JSON columns,
// and building filtered, keyset-paged SELECTs. Not for use outside storage/.
#ifndef SANGKIEN_SERVER_STORAGE_SQL_INTERNAL_H_
#define SANGKIEN_SERVER_STORAGE_SQL_INTERNAL_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "calendar/timeframe.h"
#include "domain/list_query.h"
#include "domain/plan.h"
#include "domain/publicity.h"
#include "domain/task.h"
#include "storage/database.h"
#include "storage/query.h"

namespace sangkien::storage::internal {

// Unset due dates are stored as this sentinel so that "nothing due" sorts
// last and the column stays indexable without COALESCE.
inline constexpr const char* kNoDate = "9999-12-31";

std::string DateText(const std::optional<absl::CivilDay>& day);  // kNoDate when unset
std::optional<absl::CivilDay> DateFromText(const std::string& text);
int64_t Micros(absl::Time t);
absl::Time FromMicros(int64_t micros);
std::string Etag(int64_t revision);

nlohmann::json SectionsToJson(const std::vector<domain::Section>& sections);
std::vector<domain::Section> SectionsFromJson(const std::string& text);
nlohmann::json BasisToJson(const std::vector<domain::DocumentRef>& basis);
std::vector<domain::DocumentRef> BasisFromJson(const std::string& text);
nlohmann::json SignerToJson(const domain::Signer& signer);
domain::Signer SignerFromJson(const std::string& text);
nlohmann::json StringsToJson(const std::vector<std::string>& strings);
std::vector<std::string> StringsFromJson(const std::string& text);
nlohmann::json UnitRefsToJson(const std::vector<domain::UnitRef>& refs);
std::vector<domain::UnitRef> UnitRefsFromJson(const std::string& text);
nlohmann::json AnnualDatesToJson(const std::vector<calendar::AnnualDate>& dates);
std::vector<calendar::AnnualDate> AnnualDatesFromJson(const std::string& text);
// Instants as a JSON array of Unix microseconds.
std::string TimesToJson(const std::vector<absl::Time>& times);
std::vector<absl::Time> TimesFromJson(const std::string& text);
std::string OverridesToJson(const std::vector<domain::AiringOverride>& overrides);
std::vector<domain::AiringOverride> OverridesFromJson(const std::string& text);

// How a filter field or order key maps onto SQL.
struct Column {
  std::string expr;  // SQL expression
  BindValue::Type type = BindValue::Type::kText;
};

// A SELECT under construction: WHERE terms, then the keyset condition,
// ORDER BY and LIMIT page_size + 1 (the extra row says whether more follow).
class SelectBuilder {
 public:
  explicit SelectBuilder(std::string select_from) : sql_(std::move(select_from)) {}
  // Adds `clause`, whose named parameters `params` binds. Names starting
  // ":f_" or ":after_" belong to the builder.
  void Where(std::string clause, std::vector<Param> params = {});
  // A parameter name no other clause uses, for a clause that may be added
  // once per filter term (":unit" → ":unit_3").
  std::string UniqueName(std::string_view stem) const;
  // Adds each term as `column op :f_N`; fields missing from `columns` must
  // have been handled by the caller beforehand (they are skipped).
  void Filter(const std::vector<domain::FilterTerm>& terms,
              const std::map<std::string, Column>& columns);
  // Keyset paging on (order column, id column).
  void Page(const domain::ListQuery& query, const Column& order, const std::string& id_expr);
  std::string sql() const;
  const std::vector<Param>& params() const { return params_; }

 private:
  std::string sql_;
  std::vector<std::string> where_;
  std::vector<Param> params_;
  std::string tail_;
};

// The sort value of a row, read from the order column, for the next cursor.
std::string SortValue(SQLite::Column column, BindValue::Type type);

// Reads one page from a query built with SelectBuilder::Page (which asks for
// one row more than the page): `read` turns a row into an item, and the
// order column at `sort_column` makes the next cursor.
template <typename T, typename ReadFn>
domain::ListPage<T> ReadPage(Query& q, const domain::ListQuery& query, int sort_column,
                             BindValue::Type sort_type, ReadFn read) {
  domain::ListPage<T> page;
  std::string last_sort;
  while (q.Step()) {
    if (static_cast<int>(page.items.size()) == query.page_size) {
      page.next = domain::PageCursor{last_sort, page.items.back().id};
      break;
    }
    page.items.push_back(read(q.row()));
    last_sort = internal::SortValue(q.Column(sort_column), sort_type);
  }
  return page;
}

}  // namespace sangkien::storage::internal

#endif  // SANGKIEN_SERVER_STORAGE_SQL_INTERNAL_H_
