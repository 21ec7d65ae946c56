// What the fuzz targets and their seed writer share: the demo district on a
// temporary database, and the fixed numbering that turns a fuzz input's
// first bytes into an RPC and a caller.
#ifndef SANGKIEN_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define SANGKIEN_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <google/protobuf/descriptor.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "domain/page_token.h"
#include "importer/plan_importer.h"

namespace sangkien::fuzz {

// 2026-11-27 09:00 in the district: every target's clock.
absl::Time FixedNow();

// A directory under the system temp dir, removed at exit.
std::string MakeTempDir();

// The demo district's directory as the importer sees it, seeded once into a
// temporary database.
const std::vector<importer::DirectoryEntry>& DemoDirectory();

// The page token fuzz target's codec, under a fixed key so that the seed
// writer can make valid tokens for it.
const domain::PageTokenCodec& TokenCodec();

// The unary methods of every sangkien.v1 service, services and methods in a
// fixed order. WatchChanges (a stream) is left out.
const std::vector<const google::protobuf::MethodDescriptor*>& UnaryMethods();

// Who a fuzzed call runs as: index 0 is the public, the rest are demo
// accounts by their seed label ("admin", "coordinator", …).
const std::vector<std::string>& CallerLabels();
inline constexpr uint8_t kPublicCaller = 0;
inline constexpr uint8_t kAdminCaller = 1;

// "plans/1/tasks/1" for "Task", "units/1" for "Unit" or "UnitRef": a name of
// the collection a message or method noun is about; "plans/1" when unknown.
std::string SampleResourceName(std::string_view noun);

// The bytes before the first '\n' and those after it (all of `data` and ""
// when there is none).
std::pair<std::string_view, std::string_view> SplitAtNewline(std::string_view data);

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace sangkien::fuzz

#endif  // SANGKIEN_TESTS_FUZZ_FUZZ_SUPPORT_H_
