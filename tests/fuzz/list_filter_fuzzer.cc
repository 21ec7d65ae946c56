// List filters and order_by against the fields each collection really
// accepts. Input: the first byte picks the collection, the rest of the first
// line is the filter and the rest of the input is order_by. Besides not
// crashing: terms refer to the collection's fields, and a refusal of valid
// UTF-8 explains itself in valid UTF-8 (it goes into a protobuf string).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "domain/list_query.h"
#include "fuzz_support.h"
#include "status/errors.h"
#include "storage/account_repository.h"
#include "storage/audit_log.h"
#include "storage/holiday_repository.h"
#include "storage/plan_repository.h"
#include "storage/proposal_repository.h"
#include "storage/publicity_repository.h"
#include "storage/unit_repository.h"
#include "text/vietnamese.h"

namespace {

using sangkien::domain::FilterField;

struct Collection {
  const std::vector<FilterField>* filter_fields;
  const std::vector<std::string>* order_fields;  // null: fixed order
};

const std::vector<Collection>& Collections() {
  using namespace sangkien::storage;
  static const std::vector<Collection> kCollections = {
      {&PlanRepository::PlanFilterFields(), &PlanRepository::PlanOrderFields()},
      {&PlanRepository::TaskFilterFields(), &PlanRepository::TaskOrderFields()},
      {&PlanRepository::AssignmentFilterFields(), &PlanRepository::AssignmentOrderFields()},
      {&PlanRepository::ReportFilterFields(), nullptr},
      {&UnitRepository::UnitFilterFields(), &UnitRepository::UnitOrderFields()},
      {&AccountRepository::AccountFilterFields(), nullptr},
      {&AuditLog::FilterFields(), nullptr},
      {&HolidayRepository::FilterFields(), &HolidayRepository::OrderFields()},
      {&ProposalRepository::FilterFields(), &ProposalRepository::OrderFields()},
      {&PublicityRepository::BroadcastFilterFields(), &PublicityRepository::BroadcastOrderFields()},
      {&PublicityRepository::CaseStudyFilterFields(), &PublicityRepository::CaseStudyOrderFields()},
      {&PublicityRepository::AnnouncementFilterFields(),
       &PublicityRepository::AnnouncementOrderFields()},
  };
  return kCollections;
}

[[noreturn]] void Broken(const std::string& what) {
  std::cerr << "list query broke its contract: " << what << "\n";
  std::abort();
}

void CheckRefusal(const absl::Status& status, bool input_is_utf8) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    Broken("refused with " + status.ToString());
  }
  if (!input_is_utf8) return;
  std::vector<std::string> texts = {std::string(status.message()),
                                    sangkien::ErrorMessageVi(status)};
  for (const auto& v : sangkien::ErrorFieldViolations(status)) {
    texts.push_back(v.field);
    texts.push_back(v.description);
    texts.push_back(v.description_vi);
  }
  for (const auto& t : texts) {
    if (!sangkien::text::IsValidUtf8(t)) Broken("message is not UTF-8: " + t);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sangkien;
  if (size == 0) return 0;
  const Collection& collection = Collections()[data[0] % Collections().size()];
  auto [filter, order_by] = fuzz::SplitAtNewline(fuzz::AsText(data + 1, size - 1));

  auto terms = domain::ParseFilter(filter, *collection.filter_fields);
  if (terms.ok()) {
    for (const auto& term : *terms) {
      bool known = false;
      for (const auto& f : *collection.filter_fields) known = known || f.name == term.field;
      if (!known) Broken("a term names an unknown field: " + term.field);
    }
  } else {
    CheckRefusal(terms.status(), text::IsValidUtf8(filter));
  }

  if (collection.order_fields != nullptr) {
    domain::OrderBy fallback{collection.order_fields->front(), false};
    auto order = domain::ParseOrderBy(order_by, *collection.order_fields, fallback);
    if (order.ok()) {
      bool known = false;
      for (const auto& f : *collection.order_fields) known = known || f == order->field;
      if (!known) Broken("order_by names an unknown field: " + order->field);
    } else {
      CheckRefusal(order.status(), text::IsValidUtf8(order_by));
    }
  }

  int page_size = 0;
  for (size_t i = 0; i < 4 && i < size; ++i) page_size = (page_size << 8) | data[i];
  auto checked = domain::CheckPageSize(page_size);
  if (checked.ok() && (*checked < 1 || *checked > domain::kMaxPageSize)) {
    Broken("page size out of range");
  }
  return 0;
}
