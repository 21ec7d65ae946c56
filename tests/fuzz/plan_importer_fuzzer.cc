// Plan text, as pasted from a PDF or Word file, through the importer against
// the demo district's directory. Besides not crashing, a plan that imports
// must keep the promises plan_importer.h makes about its result.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>

#include "fuzz_support.h"
#include "importer/plan_importer.h"

namespace {

[[noreturn]] void Broken(const char* promise) {
  std::cerr << "ImportPlanText broke its contract: " << promise << "\n";
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sangkien::fuzz::DemoDirectory();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sangkien;
  auto imported = importer::ImportPlanText(fuzz::AsText(data, size), fuzz::DemoDirectory());
  if (!imported.ok()) return 0;
  const importer::ImportedPlan& result = *imported;
  if (result.plan.task_count != static_cast<int>(result.tasks.size())) {
    Broken("task_count is the number of tasks");
  }
  for (size_t i = 0; i < result.tasks.size(); ++i) {
    if (result.tasks[i].position != static_cast<int>(i) + 1) Broken("positions run 1..n");
  }
  for (size_t i = 1; i < result.warnings.size(); ++i) {
    if (result.warnings[i].line < result.warnings[i - 1].line) Broken("warnings sorted by line");
  }
  return 0;
}
