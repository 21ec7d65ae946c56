#include "storage/query.h"

#include <stdexcept>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"

namespace sangkien::storage::internal {

Query::Query(Connection& c, std::string_view sql)
    : connection_(c),
      stmt_(c.Prepare(sql)),
      bound_(static_cast<size_t>(stmt_.getBindParameterCount()), false) {}

int Query::Index(std::string_view name) {
  int index = stmt_.getIndex(std::string(name).c_str());
  if (index <= 0) {
    throw std::logic_error(
        absl::StrCat("no parameter ", std::string(name), " in SQL statement: ", stmt_.getQuery()));
  }
  bound_[static_cast<size_t>(index - 1)] = true;
  return index;
}

Query& Query::Bind(std::string_view name, int64_t value) {
  stmt_.bind(Index(name), value);
  return *this;
}

Query& Query::Bind(std::string_view name, std::string_view text) {
  stmt_.bind(Index(name), std::string(text));
  return *this;
}

Query& Query::Bind(std::string_view name, absl::Time time) {
  return Bind(name, static_cast<int64_t>(absl::ToUnixMicros(time)));
}

Query& Query::Bind(std::string_view name, absl::CivilDay day) {
  return Bind(name, calendar::FormatIsoDate(day));
}

Query& Query::Bind(std::string_view name, std::nullopt_t) {
  stmt_.bind(Index(name));
  return *this;
}

Query& Query::Bind(std::string_view name, const BindValue& value) {
  switch (value.type) {
    case BindValue::Type::kInt:
      return Bind(name, value.i);
    case BindValue::Type::kText:
      return Bind(name, std::string_view(value.s));
    case BindValue::Type::kBlob:
      return BindBlob(name, value.s);
  }
  return *this;
}

Query& Query::BindBlob(std::string_view name, std::string_view bytes) {
  stmt_.bind(Index(name), bytes.data(), static_cast<int>(bytes.size()));
  return *this;
}

Query& Query::BindIdOrNull(std::string_view name, int64_t id) {
  return id == 0 ? Bind(name, std::nullopt) : Bind(name, id);
}

Query& Query::BindAll(const std::vector<Param>& params) {
  for (const Param& p : params) Bind(p.name, p.value);
  return *this;
}

void Query::CheckAllBound() {
  if (checked_) return;
  for (size_t i = 0; i < bound_.size(); ++i) {
    if (!bound_[i]) {
      throw std::logic_error(
          absl::StrCat("parameter ", i + 1, " left unbound in SQL statement: ", stmt_.getQuery()));
    }
  }
  checked_ = true;
}

bool Query::Step() {
  CheckAllBound();
  return stmt_.executeStep();
}

int Query::Run() {
  CheckAllBound();
  return stmt_.exec();
}

int64_t Query::last_insert_rowid() const { return connection_.last_insert_rowid(); }

}  // namespace sangkien::storage::internal
