#include "status/errors.h"

#include <gtest/gtest.h>

namespace sangkien {
namespace {

TEST(ErrorsTest, CarriesReasonVietnameseMessageAndViolations) {
  absl::Status s = InvalidArgument({{"plan.title", "must not be empty", "không được để trống"},
                                    {"page_size", "must be at most 500", "tối đa 500"}});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErrorReason(s), "INVALID_ARGUMENT");
  EXPECT_NE(ErrorMessageVi(s).find("Yêu cầu không hợp lệ"), std::string::npos);
  auto violations = ErrorFieldViolations(s);
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].field, "plan.title");
  EXPECT_EQ(violations[1].description_vi, "tối đa 500");
  EXPECT_NE(s.message().find("and 1 more"), std::string::npos);
}

TEST(ErrorsTest, PlainStatusHasNoPayloads) {
  absl::Status s = absl::InternalError("x");
  EXPECT_EQ(ErrorReason(s), "");
  EXPECT_TRUE(ErrorFieldViolations(s).empty());
}

TEST(ErrorsTest, EtagMismatchIsAborted) {
  absl::Status s = EtagMismatch("plans/1");
  EXPECT_EQ(s.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(ErrorReason(s), "ETAG_MISMATCH");
}

}  // namespace
}  // namespace sangkien
