// The demo district a new server starts with: the units the seed plan names,
// a handful of demo communes and a town (marked demo), the two unit groups
// the plan assigns work to, the plan itself imported through the importer,
// and a few progress reports so that some assignments are on time and some
// late.
#ifndef SANGKIEN_SERVER_SEED_DEMO_SEED_H_
#define SANGKIEN_SERVER_SEED_DEMO_SEED_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "operations/account_operations.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"

namespace sangkien::seed {

// The text of the district plan (Kế hoạch thực hiện Chương trình hành động
// số 36-CTr/HU), embedded in the binary.
std::string_view SeedPlanText();

// A demo account and the bearer secret of its token, or, for the labels
// "kiosk PIN staff …", the staff member's kiosk PIN.
struct DemoToken {
  std::string label;  // "admin", "staff Tân Lập", "kiosk Hòa Bình", "kiosk PIN staff Tân Lập"
  std::string account;  // "accounts/3"
  std::string secret;
};

// Seeds when the directory is empty, demo proposals and publicity (a commune
// radio schedule, case studies, announcements) included. Returns the
// demo accounts' tokens when it seeded (their secrets exist nowhere else),
// nullopt when the database already had data.
absl::StatusOr<std::optional<std::vector<DemoToken>>> SeedDemoIfEmpty(
    operations::DirectoryOperations& directory, operations::PlanOperations& plans,
    operations::AccountOperations& accounts, operations::ProposalOperations& proposals,
    operations::PublicityOperations& publicity);

}  // namespace sangkien::seed

#endif  // SANGKIEN_SERVER_SEED_DEMO_SEED_H_
