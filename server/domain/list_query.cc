#include "domain/list_query.h"

#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "calendar/civil_date.h"
#include "status/errors.h"

namespace sangkien::domain {
namespace {

constexpr size_t kMaxFilterLength = 2048;
constexpr int kMaxTerms = 16;

absl::Status FilterError(std::string_view en, std::string_view vi) {
  return InvalidField("filter", en, vi);
}

class FilterLexer {
 public:
  explicit FilterLexer(std::string_view text) : text_(text) {}

  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool AtEnd() {
    SkipSpace();
    return pos_ >= text_.size();
  }
  size_t pos() const { return pos_; }

  std::string Identifier() {
    SkipSpace();
    size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_' ||
            text_[pos_] == '.')) {
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  std::optional<FilterOp> Operator() {
    SkipSpace();
    auto take = [&](std::string_view op, FilterOp result) -> std::optional<FilterOp> {
      if (text_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return result;
      }
      return std::nullopt;
    };
    for (auto [op, result] : {std::pair{"!=", FilterOp::kNe}, std::pair{"<=", FilterOp::kLe},
                              std::pair{">=", FilterOp::kGe}, std::pair{"=", FilterOp::kEq},
                              std::pair{"<", FilterOp::kLt}, std::pair{">", FilterOp::kGt}}) {
      if (auto r = take(op, result)) return r;
    }
    return std::nullopt;
  }

  // A quoted string or a bare word; nullopt on an unterminated quote.
  std::optional<std::string> Value() {
    SkipSpace();
    std::string out;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      while (pos_ < text_.size() && text_[pos_] != '"') {
        if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
        out.push_back(text_[pos_++]);
      }
      if (pos_ >= text_.size()) return std::nullopt;
      ++pos_;
      return out;
    }
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_]))) {
      out.push_back(text_[pos_++]);
    }
    return out;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

std::string FieldNames(const std::vector<FilterField>& fields) {
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.name);
  return absl::StrJoin(names, ", ");
}

absl::Status CheckValue(const FilterField& field, FilterTerm& term) {
  switch (field.type) {
    case FilterType::kString:
      return absl::OkStatus();
    case FilterType::kBool: {
      std::string v = absl::AsciiStrToLower(term.value);
      if (v == "true") {
        term.int_value = 1;
      } else if (v == "false") {
        term.int_value = 0;
      } else {
        return FilterError(absl::StrCat(field.name, " takes true or false"),
                           absl::StrCat(field.name, " chỉ nhận true hoặc false"));
      }
      return absl::OkStatus();
    }
    case FilterType::kDate: {
      auto day = calendar::ParseIsoDate(term.value);
      if (!day) {
        return FilterError(
            absl::StrCat(field.name, " takes a date written YYYY-MM-DD, got \"", term.value, "\""),
            absl::StrCat(field.name, " cần một ngày dạng YYYY-MM-DD"));
      }
      term.value = calendar::FormatIsoDate(*day);
      return absl::OkStatus();
    }
    case FilterType::kEnum: {
      std::string v = absl::AsciiStrToUpper(term.value);
      for (size_t i = 0; i < field.enum_names.size(); ++i) {
        const std::string& name = field.enum_names[i];
        if (name.empty()) continue;
        if (v == name || v == absl::StrCat(field.enum_prefix, name)) {
          term.int_value = static_cast<int64_t>(i);
          return absl::OkStatus();
        }
      }
      std::vector<std::string> names;
      for (const auto& n : field.enum_names) {
        if (!n.empty()) names.push_back(n);
      }
      return FilterError(
          absl::StrCat(field.name, " takes one of ", absl::StrJoin(names, ", ")),
          absl::StrCat(field.name, " chỉ nhận một trong các giá trị ", absl::StrJoin(names, ", ")));
    }
    case FilterType::kResource: {
      int64_t id = 0;
      if (!absl::StartsWith(term.value, field.resource_prefix) ||
          !absl::SimpleAtoi(term.value.substr(field.resource_prefix.size()), &id) ||
          id <= 0) {
        return FilterError(absl::StrCat(field.name, " takes a resource name like \"",
                                        field.resource_prefix, "1\""),
                           absl::StrCat(field.name, " cần tên tài nguyên dạng \"",
                                        field.resource_prefix, "1\""));
      }
      term.int_value = id;
      return absl::OkStatus();
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<FilterTerm>> ParseFilter(std::string_view filter,
                                                    const std::vector<FilterField>& fields) {
  std::vector<FilterTerm> terms;
  if (filter.size() > kMaxFilterLength) {
    return FilterError("filter is longer than 2048 characters", "Bộ lọc dài quá 2048 ký tự");
  }
  FilterLexer lex(filter);
  while (!lex.AtEnd()) {
    if (!terms.empty()) {
      std::string conj = lex.Identifier();
      if (absl::AsciiStrToUpper(conj) != "AND") {
        return FilterError(absl::StrCat("expected AND at position ", lex.pos()),
                           absl::StrCat("Thiếu AND ở vị trí ", lex.pos()));
      }
    }
    if (static_cast<int>(terms.size()) >= kMaxTerms) {
      return FilterError("filter has more than 16 terms", "Bộ lọc có quá 16 điều kiện");
    }
    FilterTerm term;
    term.field = lex.Identifier();
    if (term.field.empty()) {
      return FilterError(absl::StrCat("expected a field name at position ", lex.pos()),
                         absl::StrCat("Thiếu tên trường ở vị trí ", lex.pos()));
    }
    const FilterField* field = nullptr;
    for (const auto& f : fields) {
      if (f.name == term.field) field = &f;
    }
    if (field == nullptr) {
      return FilterError(absl::StrCat("unknown filter field \"", term.field,
                                      "\"; this list filters on: ", FieldNames(fields)),
                         absl::StrCat("Không lọc được theo trường \"", term.field,
                                      "\"; các trường dùng được: ", FieldNames(fields)));
    }
    auto op = lex.Operator();
    if (!op) {
      return FilterError(absl::StrCat("expected an operator after ", term.field),
                         absl::StrCat("Thiếu toán tử sau ", term.field));
    }
    term.op = *op;
    bool ordered = *op != FilterOp::kEq && *op != FilterOp::kNe;
    if (ordered && !field->ordered) {
      return FilterError(absl::StrCat(term.field, " takes only = and !="),
                         absl::StrCat(term.field, " chỉ dùng được = và !="));
    }
    auto value = lex.Value();
    if (!value) {
      return FilterError("unterminated quoted value", "Giá trị trong ngoặc kép chưa đóng");
    }
    if (value->empty()) {
      return FilterError(absl::StrCat("expected a value for ", term.field),
                         absl::StrCat("Thiếu giá trị cho ", term.field));
    }
    term.value = std::move(*value);
    if (absl::Status s = CheckValue(*field, term); !s.ok()) return s;
    terms.push_back(std::move(term));
  }
  return terms;
}

absl::StatusOr<OrderBy> ParseOrderBy(std::string_view order_by,
                                     const std::vector<std::string>& allowed,
                                     const OrderBy& default_order) {
  std::vector<std::string> words =
      absl::StrSplit(std::string(order_by), absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.empty()) return default_order;
  OrderBy result;
  result.field = words[0];
  bool known = false;
  for (const auto& a : allowed) known = known || a == result.field;
  if (!known || words.size() > 2) {
    return InvalidField(
        "order_by",
        absl::StrCat("order_by takes one of ", absl::StrJoin(allowed, ", "),
                     ", optionally followed by asc or desc"),
        absl::StrCat("order_by chỉ nhận một trong ", absl::StrJoin(allowed, ", "),
                     ", có thể kèm asc hoặc desc"));
  }
  if (words.size() == 2) {
    std::string dir = absl::AsciiStrToLower(words[1]);
    if (dir != "asc" && dir != "desc") {
      return InvalidField("order_by", "direction must be asc or desc",
                          "Chiều sắp xếp phải là asc hoặc desc");
    }
    result.descending = dir == "desc";
  }
  return result;
}

absl::StatusOr<int> CheckPageSize(int page_size) {
  if (page_size == 0) return kDefaultPageSize;
  if (page_size < 0 || page_size > kMaxPageSize) {
    return InvalidField("page_size", "page_size must be between 0 and 500",
                        "page_size phải từ 0 đến 500");
  }
  return page_size;
}

}  // namespace sangkien::domain
