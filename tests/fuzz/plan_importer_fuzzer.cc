// Plan text, as pasted from a PDF or Word file, through the importer against
// the demo district's directory. Besides not crashing, a plan that imports
// must keep the promises plan_importer.h makes about its result, and all of
// its text must be valid UTF-8: it goes out in protobuf string fields.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>

#include "fuzz_support.h"
#include "importer/plan_importer.h"
#include "text/vietnamese.h"

namespace {

[[noreturn]] void Broken(const char* promise) {
  std::cerr << "ImportPlanText broke its contract: " << promise << "\n";
  std::abort();
}

void CheckText(const std::string& text, const char* what) {
  if (!sangkien::text::IsValidUtf8(text)) {
    std::cerr << what << " is not UTF-8: " << text << "\n";
    Broken("text is valid UTF-8");
  }
}

size_t CodePoints(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
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
    const auto& task = result.tasks[i];
    if (task.position != static_cast<int>(i) + 1) Broken("positions run 1..n");
    if (CodePoints(task.title) > 300) Broken("a title has at most 300 characters");
    CheckText(task.number, "a task number");
    CheckText(task.section, "a task section");
    CheckText(task.title, "a task title");
    CheckText(task.body, "a task body");
    CheckText(task.timeframe.original_text, "a timeframe");
    for (const auto& unit : task.lead_units) CheckText(unit.display_name, "a lead unit");
    for (const auto& unit : task.coordinating_units) CheckText(unit.display_name, "a unit");
  }
  for (size_t i = 1; i < result.warnings.size(); ++i) {
    if (result.warnings[i].line < result.warnings[i - 1].line) Broken("warnings sorted by line");
  }
  for (const auto& warning : result.warnings) {
    CheckText(warning.item, "a warning's item");
    CheckText(warning.message, "a warning");
    CheckText(warning.message_vi, "a warning");
  }
  const auto& plan = result.plan;
  for (const std::string* text : {&plan.symbol, &plan.issuer, &plan.place, &plan.title,
                                  &plan.preamble, &plan.signer.on_behalf_of,
                                  &plan.signer.position, &plan.signer.full_name}) {
    CheckText(*text, "a plan field");
  }
  for (const auto& section : plan.sections) {
    CheckText(section.number, "a section number");
    CheckText(section.heading, "a section heading");
    CheckText(section.body, "a section body");
  }
  for (const auto& recipient : plan.recipients) CheckText(recipient, "a recipient");
  for (const auto& basis : plan.basis) {
    CheckText(basis.symbol, "a basis symbol");
    CheckText(basis.title, "a basis title");
    CheckText(basis.issuer, "a basis issuer");
  }
  for (const auto& name : result.unknown_units) CheckText(name, "an unknown unit");
  return 0;
}
