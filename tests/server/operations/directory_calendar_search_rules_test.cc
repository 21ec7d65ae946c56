// The directory's, the holiday calendar's, search's and the change feed's rules,
// where they live: the API and sangkienctl get these refusals from operations.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "operations/calendar_operations.h"
#include "operations/directory_operations.h"
#include "operations/search_operations.h"
#include "operations/sync_operations.h"
#include "operations_fixture.h"
#include "status/errors.h"

namespace sangkien::operations {
namespace {

using Strings = std::vector<std::string>;

// The fields an INVALID_ARGUMENT names, in order; empty for any other status.
Strings Fields(const absl::Status& status) {
  Strings fields;
  if (status.code() != absl::StatusCode::kInvalidArgument) return fields;
  for (const FieldViolation& v : ErrorFieldViolations(status)) fields.push_back(v.field);
  return fields;
}

domain::Unit Commune(std::string name) {
  domain::Unit unit;
  unit.display_name = std::move(name);
  unit.kind = domain::UnitKind::kCommune;
  return unit;
}

class DirectoryRulesTest : public OperationsTest {
 protected:
  int UnitCount() {
    domain::ListQuery q;
    q.order = {"display_name", false};
    q.page_size = 500;
    auto page = directory_->ListUnits(q);
    return page.ok() ? static_cast<int>(page->items.size()) : -1;
  }
};

TEST_F(DirectoryRulesTest, AUnitNeedsANameAKindAndTextsWithinTheirLimits) {
  const int before = UnitCount();
  EXPECT_EQ(Fields(directory_->CreateUnit(sys_, {Commune(" "), {}}).status()),
            Strings{"unit.display_name"});
  EXPECT_EQ(Fields(directory_->CreateUnit(sys_, {Commune(std::string(501, 'x')), {}}).status()),
            Strings{"unit.display_name"});
  domain::Unit no_kind = Commune("UBND xã Thử");
  no_kind.kind = domain::UnitKind::kUnspecified;
  EXPECT_EQ(Fields(directory_->CreateUnit(sys_, {no_kind, {}}).status()), Strings{"unit.kind"});
  domain::Unit long_short = Commune("UBND xã Thử");
  long_short.short_name = std::string(kMaxUnitShortNameLength + 1, 's');
  EXPECT_EQ(Fields(directory_->CreateUnit(sys_, {long_short, {}}).status()),
            Strings{"unit.short_name"});
  domain::Unit many_aliases = Commune("UBND xã Thử");
  many_aliases.aliases.assign(kMaxUnitAliases + 1, "xã Thử");
  EXPECT_EQ(Fields(directory_->CreateUnit(sys_, {many_aliases, {}}).status()),
            Strings{"unit.aliases"});
  // Every fault of one request comes back together.
  domain::Unit all_wrong = Commune("");
  all_wrong.kind = domain::UnitKind::kUnspecified;
  all_wrong.parent_id = kUnparsedId;
  EXPECT_EQ(Fields(directory_->CreateUnit(sys_, {all_wrong, {}}).status()),
            (Strings{"unit.display_name", "unit.kind", "unit.parent"}));
  EXPECT_EQ(UnitCount(), before) << "a refused unit was stored";
}

TEST_F(DirectoryRulesTest, AParentMustExist) {
  domain::Unit orphan = Commune("UBND xã Thử");
  orphan.parent_id = 999;
  EXPECT_EQ(Fields(directory_->CreateUnit(sys_, {orphan, {}}).status()), Strings{"unit.parent"});
}

TEST_F(DirectoryRulesTest, NamesAreStoredInNfc) {
  // "Hòa" with the grave as a combining mark (NFD).
  auto created = directory_->CreateUnit(sys_, {Commune("UBND xã Ho\xcc\x80"
                                                       "a An"),
                                               {}});
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->display_name, "UBND xã Hòa An");
}

TEST_F(DirectoryRulesTest, UpdatesCheckTheMaskFirstThenTheEtagInOneTransaction) {
  domain::Unit patch = Commune("UBND xã Tân Lập mới");
  // A bad mask is refused before the unit is looked up, even when it is absent.
  auto bad_mask = directory_->UpdateUnit(sys_, {999, {patch, {"id"}, ""}});
  EXPECT_EQ(Fields(bad_mask.status()), Strings{"update_mask"});
  auto missing = directory_->UpdateUnit(sys_, {999, {patch, {"display_name"}, ""}});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  auto stale = directory_->UpdateUnit(sys_, {tan_lap_, {patch, {"display_name"}, "stale"}});
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  // Fields outside the mask are ignored; the merged unit is checked whole.
  patch.kind = domain::UnitKind::kUnspecified;
  auto renamed = directory_->UpdateUnit(sys_, {tan_lap_, {patch, {"display_name"}, ""}});
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->display_name, "UBND xã Tân Lập mới");
  EXPECT_EQ(renamed->kind, domain::UnitKind::kCommune);
  auto blanked = directory_->UpdateUnit(sys_, {tan_lap_, {Commune(""), {"display_name"}, ""}});
  EXPECT_EQ(Fields(blanked.status()), Strings{"unit.display_name"});
}

class CalendarRulesTest : public OperationsTest {
 protected:
  void SetUp() override {
    OperationsTest::SetUp();
    calendar_ = std::make_unique<CalendarOperations>(*db_, [this] { return now_; });
  }

  static calendar::CalendarDay Day(absl::CivilDay date, calendar::HolidayKind kind,
                                   std::string name) {
    calendar::CalendarDay day;
    day.date = date;
    day.kind = kind;
    day.name = std::move(name);
    return day;
  }

  std::unique_ptr<CalendarOperations> calendar_;
};

TEST_F(CalendarRulesTest, ADayNeedsAKindAndAName) {
  auto no_kind = Day(absl::CivilDay(2027, 9, 2), calendar::HolidayKind::kUnspecified, "Quốc khánh");
  EXPECT_EQ(Fields(calendar_->CreateHoliday(sys_, {no_kind, {}}).status()),
            Strings{"holiday.kind"});
  auto no_name = Day(absl::CivilDay(2027, 9, 2), calendar::HolidayKind::kDayOff, "");
  EXPECT_EQ(Fields(calendar_->CreateHoliday(sys_, {no_name, {}}).status()),
            Strings{"holiday.display_name"});
  auto long_source = Day(absl::CivilDay(2027, 9, 2), calendar::HolidayKind::kDayOff, "Quốc khánh");
  long_source.source = std::string(2001, 's');
  EXPECT_EQ(Fields(calendar_->CreateHoliday(sys_, {long_source, {}}).status()),
            Strings{"holiday.source"});
}

TEST_F(CalendarRulesTest, AMakeUpDayIsASaturdayOrSunday) {
  // Thursday 2/9/2027 is already a working day.
  auto weekday = Day(absl::CivilDay(2027, 9, 2), calendar::HolidayKind::kMakeupWorkday, "Làm bù");
  auto refused = calendar_->CreateHoliday(sys_, {weekday, {}});
  ASSERT_EQ(Fields(refused.status()), Strings{"holiday.kind"});
  EXPECT_NE(ErrorMessageVi(refused.status()).find("02/09/2027"), std::string::npos)
      << ErrorMessageVi(refused.status());
  auto saturday = Day(absl::CivilDay(2027, 9, 4), calendar::HolidayKind::kMakeupWorkday, "Làm bù");
  EXPECT_TRUE(calendar_->CreateHoliday(sys_, {saturday, {}}).ok());
}

TEST_F(CalendarRulesTest, UpdatesCheckTheMaskBeforeTheDay) {
  auto patch = Day(absl::CivilDay(2030, 1, 1), calendar::HolidayKind::kDayOff, "Tết");
  auto bad_mask =
      calendar_->UpdateHoliday(sys_, {absl::CivilDay(2030, 1, 1), {patch, {"date"}, ""}});
  EXPECT_EQ(Fields(bad_mask.status()), Strings{"update_mask"});
  auto missing =
      calendar_->UpdateHoliday(sys_, {absl::CivilDay(2030, 1, 1), {patch, {"display_name"}, ""}});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(CalendarRulesTest, WorkingDaysCountWithinTenYearsAndYearFiltersTakeFourDigits) {
  EXPECT_EQ(
      Fields(calendar_->AddWorkingDays(absl::CivilDay(2026, 11, 27), kMaxWorkingDays + 1).status()),
      Strings{"days"});
  EXPECT_EQ(Fields(calendar_->AddWorkingDays(absl::CivilDay(1, 1, 3), -5).status()),
            Strings{"days"});
  EXPECT_TRUE(calendar_->AddWorkingDays(absl::CivilDay(2026, 11, 27), 7).ok());
  domain::ListQuery query;
  query.order = {"date", false};
  query.filter = {{"year", domain::FilterOp::kEq, "26", 0}};
  EXPECT_EQ(Fields(calendar_->ListHolidays(query).status()), Strings{"filter"});
}

TEST(SearchRulesTest, AQueryNeedsSomethingToSearchForWithinItsLimits) {
  EXPECT_EQ(Fields(SearchOperations::CheckSearch({"   ", {}, 0}).status()), Strings{"query"});
  EXPECT_EQ(Fields(SearchOperations::CheckSearch({"?!…", {}, 0}).status()), Strings{"query"});
  std::string long_query(kMaxSearchQueryLength + 1, 'a');
  EXPECT_EQ(Fields(SearchOperations::CheckSearch({long_query, {}, 0}).status()), Strings{"query"});
  EXPECT_EQ(
      Fields(SearchOperations::CheckSearch({"dám nghĩ", {}, kMaxSearchPageSize + 1}).status()),
      Strings{"page_size"});
  EXPECT_EQ(
      Fields(SearchOperations::CheckSearch(
                 {"dám nghĩ", {domain::SearchKind::kTask, domain::SearchKind::kUnspecified}, 0})
                 .status()),
      Strings{"kinds[1]"});
}

TEST(SearchRulesTest, TheSameWordsHoweverTypedMakeTheSameQuery) {
  auto typed = SearchOperations::CheckSearch(
      {"Đám  NGHĨ",
       {domain::SearchKind::kTask, domain::SearchKind::kPlan, domain::SearchKind::kTask},
       0});
  auto plain = SearchOperations::CheckSearch(
      {"dam nghi", {domain::SearchKind::kPlan, domain::SearchKind::kTask}, 0});
  ASSERT_TRUE(typed.ok()) << typed.status();
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(typed->terms, plain->terms);
  EXPECT_EQ(typed->kinds, plain->kinds);
  EXPECT_EQ(typed->page_size, kDefaultSearchPageSize);
}

TEST(SyncRulesTest, AChangesPageHoldsUpToAThousandChanges) {
  EXPECT_EQ(*SyncOperations::ChangesPageSize(0), kDefaultChangesPageSize);
  EXPECT_EQ(*SyncOperations::ChangesPageSize(kMaxChangesPageSize), kMaxChangesPageSize);
  EXPECT_EQ(Fields(SyncOperations::ChangesPageSize(-1).status()), Strings{"page_size"});
  EXPECT_EQ(Fields(SyncOperations::ChangesPageSize(kMaxChangesPageSize + 1).status()),
            Strings{"page_size"});
}

}  // namespace
}  // namespace sangkien::operations
