// The parts of a List request every collection shares: the filter grammar,
// order_by, page size and the cursor a page token carries.
//
// Filter grammar (documented in docs/API.md):
//   filter := term { "AND" term }
//   term   := field op value
//   op     := "=" | "!=" | "<" | "<=" | ">" | ">="
//   value  := '"' any characters, \" and \\ escaped '"' | bare word (no spaces)
// Each method names the fields it accepts, their type and operators; anything
// else is INVALID_ARGUMENT on field "filter".
#ifndef SANGKIEN_SERVER_DOMAIN_LIST_QUERY_H_
#define SANGKIEN_SERVER_DOMAIN_LIST_QUERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace sangkien::domain {

enum class FilterOp { kEq, kNe, kLt, kLe, kGt, kGe };

enum class FilterType {
  kString,    // compared as text
  kEnum,      // an enum value name, possibly without its prefix
  kBool,      // true / false
  kDate,      // YYYY-MM-DD
  kResource,  // a resource name with a given collection prefix ("units/")
};

struct FilterField {
  std::string name;
  FilterType type;
  bool ordered = false;  // <, <=, >, >= allowed
  // kEnum: accepted names in value order (index = numeric value; "" = none).
  std::vector<std::string> enum_names;
  std::string enum_prefix;  // "UNIT_KIND_" may be omitted by callers
  // kResource: "units/" → the term's int_value is the id.
  std::string resource_prefix;
};

struct FilterTerm {
  std::string field;
  FilterOp op = FilterOp::kEq;
  std::string value;      // raw value (kString, kDate as ISO)
  int64_t int_value = 0;  // kEnum value, kBool 0/1, kResource id
};

// Parses and checks `filter` against the method's fields.
absl::StatusOr<std::vector<FilterTerm>> ParseFilter(std::string_view filter,
                                                    const std::vector<FilterField>& fields);

struct OrderBy {
  std::string field;
  bool descending = false;
};

// Parses "field" or "field desc" / "field asc" against the allowed fields;
// empty input gives `default_order`.
absl::StatusOr<OrderBy> ParseOrderBy(std::string_view order_by,
                                     const std::vector<std::string>& allowed,
                                     const OrderBy& default_order);

// What one List method accepts: the fields it filters and sorts on (the
// operations that own the collection publish it) and its default order.
struct ListSpec {
  const std::vector<FilterField>* filter_fields = nullptr;  // null: no filter allowed
  const std::vector<std::string>* order_fields = nullptr;   // null: fixed order
  OrderBy default_order;
};

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// 0 → 50; 1..500 kept; negative or above 500 → INVALID_ARGUMENT.
absl::StatusOr<int> CheckPageSize(int page_size);

// Where the previous page ended: the sort value of its last row and its id.
struct PageCursor {
  std::string sort_value;
  int64_t last_id = 0;
};

// What a storage List needs: validated filter, order, size, and where to
// resume.
struct ListQuery {
  std::vector<FilterTerm> filter;
  OrderBy order;
  int page_size = kDefaultPageSize;
  std::optional<PageCursor> after;
};

template <typename T>
struct ListPage {
  std::vector<T> items;
  std::optional<PageCursor> next;  // set when more rows follow
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_LIST_QUERY_H_
