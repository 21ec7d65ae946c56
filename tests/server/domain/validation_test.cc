#include "domain/validation.h"

#include <gtest/gtest.h>

namespace sangkien::domain {
namespace {

TEST(ResourceNameTest, ParsesOnlyWellFormedNames) {
  EXPECT_EQ(ParseCollectionId("plans/12", "plans"), 12);
  for (const char* bad : {"plans/", "plans/0", "plans/-1", "plans/abc", "plan/1", "plans/1/x",
                          "plans/+1", "plans/ 1", "plans/99999999999999999999", "units/1", ""}) {
    EXPECT_EQ(ParseCollectionId(bad, "plans"), std::nullopt) << bad;
  }
  auto task = ParseTaskName("plans/3/tasks/7");
  ASSERT_TRUE(task.has_value());
  EXPECT_EQ(task->plan_id, 3);
  EXPECT_EQ(task->task_id, 7);
  EXPECT_FALSE(ParseTaskName("plans/3/tasks/").has_value());
  EXPECT_FALSE(ParseTaskName("plans/x/tasks/7").has_value());
  EXPECT_EQ(TaskName(3, 7), "plans/3/tasks/7");
}

TEST(ViolationsTest, TextIsNormalisedToNfc) {
  Violations v;
  std::string nfd = "Qu\x79\xcc\x81";  // "Quý" with a combining acute
  EXPECT_EQ(v.Text("title", nfd, 100, true), "Qu\xc3\xbd");
  EXPECT_TRUE(v.ok());
}

TEST(ViolationsTest, CollectsEveryBadField) {
  Violations v;
  v.Text("a", "\xff\xfe", 100, false);
  v.Text("b", "line\x01", 100, false);
  v.Text("c", std::string(101, 'x'), 100, false);
  v.Text("d", "   ", 100, true);
  v.Text("e", "two\nlines", 100, false);
  EXPECT_EQ(v.Text("f", "two\nlines", 100, false, /*multiline=*/true), "two\nlines");
  v.Name("g", "plans/x", "plans", true);
  v.Name("h", "", "plans", true);
  v.RequestId("i", std::string(65, 'a'));
  v.RequestId("j", "has space");
  v.ListSize("k", 501);
  absl::Status s = v.ToStatus();
  ASSERT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  auto violations = ErrorFieldViolations(s);
  std::vector<std::string> fields;
  for (const auto& x : violations) fields.push_back(x.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"a", "b", "c", "d", "e", "g", "h", "i", "j", "k"}));
  for (const auto& x : violations) EXPECT_FALSE(x.description_vi.empty()) << x.field;
}

TEST(ViolationsTest, OptionalEmptyValuesPass) {
  Violations v;
  EXPECT_EQ(v.Text("a", "", 10, false), "");
  EXPECT_EQ(v.Name("b", "", "units", false), 0);
  v.RequestId("c", "");
  v.RequestId("d", "retry-2026_11");
  EXPECT_TRUE(v.ok());
}

}  // namespace
}  // namespace sangkien::domain
