#include "domain/list_query.h"

#include <gtest/gtest.h>

#include "status/errors.h"

namespace sangkien::domain {
namespace {

std::vector<FilterField> Fields() {
  return {
      {"unit", FilterType::kResource, false, {}, "", "units/"},
      {"role", FilterType::kEnum, false, {"", "LEAD", "COORDINATE"}, "ASSIGNMENT_ROLE_", ""},
      {"overdue", FilterType::kBool, false, {}, "", ""},
      {"due_date", FilterType::kDate, true, {}, "", ""},
      {"number", FilterType::kString, false, {}, "", ""},
  };
}

TEST(ParseFilterTest, EmptyFilterHasNoTerms) {
  auto terms = ParseFilter("   ", Fields());
  ASSERT_TRUE(terms.ok());
  EXPECT_TRUE(terms->empty());
}

TEST(ParseFilterTest, ParsesEveryTypeJoinedByAnd) {
  auto terms = ParseFilter(
      R"(unit = "units/7" AND role=COORDINATE and overdue = TRUE AND due_date >= 2022-09-30 AND number != "4.6")",
      Fields());
  ASSERT_TRUE(terms.ok()) << terms.status();
  ASSERT_EQ(terms->size(), 5u);
  EXPECT_EQ((*terms)[0].int_value, 7);
  EXPECT_EQ((*terms)[1].int_value, 2);
  EXPECT_EQ((*terms)[2].int_value, 1);
  EXPECT_EQ((*terms)[3].op, FilterOp::kGe);
  EXPECT_EQ((*terms)[3].value, "2022-09-30");
  EXPECT_EQ((*terms)[4].op, FilterOp::kNe);
  EXPECT_EQ((*terms)[4].value, "4.6");
}

TEST(ParseFilterTest, EnumAcceptsFullName) {
  auto terms = ParseFilter("role = ASSIGNMENT_ROLE_LEAD", Fields());
  ASSERT_TRUE(terms.ok());
  EXPECT_EQ((*terms)[0].int_value, 1);
}

TEST(ParseFilterTest, QuotedValueKeepsSpacesAndEscapes) {
  auto terms = ParseFilter(R"(number = "a \"b\" c")", Fields());
  ASSERT_TRUE(terms.ok());
  EXPECT_EQ((*terms)[0].value, "a \"b\" c");
}

struct BadFilter {
  const char* filter;
  const char* fragment;  // part of the English message
};

class ParseFilterErrorTest : public testing::TestWithParam<BadFilter> {};

TEST_P(ParseFilterErrorTest, RefusedOnFilterField) {
  auto terms = ParseFilter(GetParam().filter, Fields());
  ASSERT_FALSE(terms.ok());
  EXPECT_EQ(terms.status().code(), absl::StatusCode::kInvalidArgument);
  auto violations = ErrorFieldViolations(terms.status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "filter");
  EXPECT_NE(violations[0].description.find(GetParam().fragment), std::string::npos)
      << violations[0].description;
  EXPECT_FALSE(violations[0].description_vi.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseFilterErrorTest,
    testing::Values(BadFilter{"colour = red", "unknown filter field"},
                    BadFilter{"unit < \"units/1\"", "only = and !="},
                    BadFilter{"unit = \"plans/1\"", "resource name"},
                    BadFilter{"unit = \"units/0\"", "resource name"},
                    BadFilter{"role = BOSS", "one of LEAD, COORDINATE"},
                    BadFilter{"overdue = yes", "true or false"},
                    BadFilter{"due_date < 30/09/2022", "YYYY-MM-DD"},
                    BadFilter{"due_date < 2022-02-30", "YYYY-MM-DD"},
                    BadFilter{"number = \"4.6", "unterminated"},
                    BadFilter{"unit = \"units/1\" OR role = LEAD", "expected AND"},
                    BadFilter{"unit", "operator"},
                    BadFilter{"unit =", "value"},
                    BadFilter{"= 3", "field name"}));

TEST(ParseFilterTest, RefusesOverlongAndTooManyTerms) {
  EXPECT_FALSE(ParseFilter(std::string(3000, 'a'), Fields()).ok());
  std::string many;
  for (int i = 0; i < 17; ++i) many += (i ? " AND " : "") + std::string("overdue = true");
  EXPECT_FALSE(ParseFilter(many, Fields()).ok());
}

TEST(ParseOrderByTest, DefaultsAndDirections) {
  std::vector<std::string> allowed = {"position", "due_date"};
  auto d = ParseOrderBy("", allowed, {"position", false});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->field, "position");
  auto desc = ParseOrderBy("due_date desc", allowed, {"position", false});
  ASSERT_TRUE(desc.ok());
  EXPECT_EQ(desc->field, "due_date");
  EXPECT_TRUE(desc->descending);
  auto asc = ParseOrderBy("  due_date   ASC ", allowed, {"position", false});
  ASSERT_TRUE(asc.ok());
  EXPECT_FALSE(asc->descending);
}

TEST(ParseOrderByTest, RefusesUnknownFieldAndDirection) {
  std::vector<std::string> allowed = {"position"};
  for (const char* bad : {"title", "position sideways", "position desc extra"}) {
    auto r = ParseOrderBy(bad, allowed, {"position", false});
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(ErrorFieldViolations(r.status())[0].field, "order_by");
  }
}

TEST(CheckPageSizeTest, Bounds) {
  EXPECT_EQ(*CheckPageSize(0), 50);
  EXPECT_EQ(*CheckPageSize(1), 1);
  EXPECT_EQ(*CheckPageSize(500), 500);
  EXPECT_FALSE(CheckPageSize(501).ok());
  EXPECT_FALSE(CheckPageSize(-1).ok());
}

}  // namespace
}  // namespace sangkien::domain
