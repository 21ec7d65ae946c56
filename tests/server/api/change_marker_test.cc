// Change-feed markers: sealed, bound to the caller, never a negative
// position. (SyncTest covers them through ListChanges and WatchChanges.)
#include "api/change_marker.h"

#include <gtest/gtest.h>

#include <string>

namespace sangkien::api {
namespace {

domain::Caller Account(int64_t id) {
  domain::Caller caller;
  caller.principal.account_id = id;
  return caller;
}

class ChangeMarkerTest : public ::testing::Test {
 protected:
  domain::PageTokenCodec codec_{std::string(32, 'k')};
};

TEST_F(ChangeMarkerTest, RoundTripsForTheSameCaller) {
  std::string marker = EncodeMarker(codec_, Account(3), {1234, 17});
  auto position = DecodeMarker(codec_, Account(3), marker);
  ASSERT_TRUE(position.ok()) << position.status();
  EXPECT_EQ(position->seq, 1234);
  EXPECT_EQ(position->compacted, 17);
}

TEST_F(ChangeMarkerTest, AnotherCallersMarkerIsRefused) {
  std::string marker = EncodeMarker(codec_, Account(3), {1234, 0});
  EXPECT_EQ(DecodeMarker(codec_, Account(4), marker).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeMarker(codec_, domain::Caller{}, marker).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ChangeMarkerTest, ASealedButNegativeOrNonNumericPositionIsRefused) {
  for (const auto& [seq, compacted] : std::vector<std::pair<int64_t, std::string>>{
           {-1, "0"}, {5, "-1"}, {5, "x"}, {5, ""}, {5, "99999999999999999999"}}) {
    std::string marker = codec_.Encode(MarkerScope(Account(3)), {compacted, seq});
    EXPECT_EQ(DecodeMarker(codec_, Account(3), marker).status().code(),
              absl::StatusCode::kInvalidArgument)
        << seq << " " << compacted;
  }
}

TEST_F(ChangeMarkerTest, APageTokenIsNotAMarker) {
  std::string token = codec_.Encode("ListPlans\n\n\n", {"0", 5});
  EXPECT_EQ(DecodeMarker(codec_, domain::Caller{}, token).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sangkien::api
