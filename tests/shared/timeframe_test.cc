#include "calendar/timeframe.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/vietnamese.h"

namespace sangkien::calendar {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using Day = absl::CivilDay;

// The seed's wording of task 4.2, line breaks and trailing spaces included.
constexpr char kSeedPeriodic[] =
    "Thường xuyên; định kỳ hàng năm báo cáo UBND \n\nhuyện kết quả thực hiện qua Phòng Nội "
    "vụ, Phòng Tư pháp trước ngày 30/11.  ";

void ExpectRange(std::string_view text, TimeframeKind kind, Day start, Day due) {
  SCOPED_TRACE(std::string(text));
  const Timeframe tf = ParseTimeframe(text);
  EXPECT_EQ(tf.kind, kind);
  EXPECT_EQ(tf.start_date, start);
  EXPECT_EQ(tf.due_date, due);
  EXPECT_THAT(tf.report_dates, IsEmpty());
  EXPECT_EQ(tf.condition, "");
}

void ExpectDueDate(std::string_view text, Day due) {
  SCOPED_TRACE(std::string(text));
  const Timeframe tf = ParseTimeframe(text);
  EXPECT_EQ(tf.kind, TimeframeKind::kDueDate);
  EXPECT_EQ(tf.due_date, due);
  EXPECT_FALSE(tf.start_date);
}

void ExpectUnparsed(std::string_view text, std::string_view original) {
  SCOPED_TRACE(std::string(text));
  const Timeframe tf = ParseTimeframe(text);
  EXPECT_EQ(tf.kind, TimeframeKind::kUnparsed);
  EXPECT_EQ(tf.original_text, original);
  EXPECT_FALSE(tf.due_date);
  EXPECT_FALSE(tf.start_date);
  EXPECT_THAT(tf.report_dates, IsEmpty());
  EXPECT_EQ(tf.condition, "");
  EXPECT_EQ(DisplayTimeframe(tf), original);
}

TEST(ParseTimeframeTest, Year) {
  for (const char* text :
       {"Năm 2022", "Năm 2022.", "Trong năm 2022", "trong năm 2022", "TRONG NĂM 2022",
        "  Năm   2022 . ", "Hoàn thành trong năm 2022", "Nam 2022"}) {
    ExpectRange(text, TimeframeKind::kYear, Day(2022, 1, 1), Day(2022, 12, 31));
  }
}

TEST(ParseTimeframeTest, Quarter) {
  for (const char* text : {"Quý III/2022", "Quý III/2022.", "Quý 3/2022", "Quý III năm 2022",
                           "quý iii/2022", "Trong quý III/2022", "Quý III - 2022", "Quí III/2022",
                           "Q3/2022", "Quy III/2022", "Quý III / 2022"}) {
    ExpectRange(text, TimeframeKind::kQuarter, Day(2022, 7, 1), Day(2022, 9, 30));
  }
  ExpectRange("quý IV/2023", TimeframeKind::kQuarter, Day(2023, 10, 1), Day(2023, 12, 31));
  ExpectRange("Quý I/2024", TimeframeKind::kQuarter, Day(2024, 1, 1), Day(2024, 3, 31));
  ExpectRange("Quý II năm 2024", TimeframeKind::kQuarter, Day(2024, 4, 1), Day(2024, 6, 30));
  ExpectRange("Quý 4/2022", TimeframeKind::kQuarter, Day(2022, 10, 1), Day(2022, 12, 31));
}

TEST(ParseTimeframeTest, QuarterInDecomposedForm) {
  // "Quý III/2022" with ý as y + U+0301.
  ExpectRange("Quy\xCC\x81 III/2022", TimeframeKind::kQuarter, Day(2022, 7, 1), Day(2022, 9, 30));
  const Timeframe tf = ParseTimeframe("Quy\xCC\x81 III/2022.");
  EXPECT_EQ(tf.original_text, "Quý III/2022");  // NFC
}

TEST(ParseTimeframeTest, DueDate) {
  for (const char* text :
       {"Trước ngày 30/6/2022", "Trước ngày 30/6/2022.", "Trước 30/6/2022",
        "Hoàn thành trước ngày 30/06/2022", "ngày 30/6/2022", "30/6/2022", "trước ngày 30/6/2022",
        "TRƯỚC NGÀY 30/6/2022", "Truoc ngay 30/6/2022", "Trước ngày 30-6-2022",
        "Trước ngày 30.6.2022", "Trước ngày 30 / 6 / 2022", "Đến hết ngày 30/6/2022",
        "Đến ngày 30/6/2022", "Chậm nhất là ngày 30/6/2022", "Chậm nhất trước ngày 30/6/2022",
        "Trước ngày 30 tháng 6 năm 2022", "Hoàn thành xong trước ngày 30/6/2022",
        "Trong ngày 30/6/2022"}) {
    ExpectDueDate(text, Day(2022, 6, 30));
  }
  ExpectDueDate("Chậm nhất ngày 15/8/2023", Day(2023, 8, 15));
  ExpectDueDate("Trước ngày 29/02/2024", Day(2024, 2, 29));
}

TEST(ParseTimeframeTest, DueDateInDecomposedForm) {
  // "Trước ngày" with ư as u + U+031B and ớ as o + U+031B + U+0301.
  ExpectDueDate(
      "Tru\xCC\x9Bo\xCC\x9B\xCC\x81"
      "c nga\xCC\x80y 30/6/2022",
      Day(2022, 6, 30));
}

TEST(ParseTimeframeTest, Month) {
  for (const char* text : {"Tháng 6/2023", "Tháng 6 năm 2023", "Trong tháng 6/2023",
                           "tháng 06/2023", "Tháng 6-2023", "Tháng 6/2023."}) {
    ExpectRange(text, TimeframeKind::kMonth, Day(2023, 6, 1), Day(2023, 6, 30));
  }
  ExpectRange("Tháng 2/2024", TimeframeKind::kMonth, Day(2024, 2, 1), Day(2024, 2, 29));
  ExpectRange("Tháng 12/2022", TimeframeKind::kMonth, Day(2022, 12, 1), Day(2022, 12, 31));
}

TEST(ParseTimeframeTest, HalfYear) {
  for (const char* text :
       {"6 tháng đầu năm 2023", "Sáu tháng đầu năm 2023", "Trong 6 tháng đầu năm 2023",
        "Nửa đầu năm 2023", "6 THÁNG ĐẦU NĂM 2023."}) {
    ExpectRange(text, TimeframeKind::kHalfYear, Day(2023, 1, 1), Day(2023, 6, 30));
  }
  for (const char* text : {"6 tháng cuối năm 2023", "Nửa cuối năm 2023"}) {
    ExpectRange(text, TimeframeKind::kHalfYear, Day(2023, 7, 1), Day(2023, 12, 31));
  }
}

TEST(ParseTimeframeTest, Ongoing) {
  for (const char* text :
       {"Thường xuyên", "Thường xuyên.", "thường xuyên", "Thường xuyên, liên tục",
        "Thường xuyên, liên tục.", "Thường xuyên và liên tục", "Liên tục", "Hằng năm", "Hàng năm",
        "Thường xuyên, hằng năm", "Định kỳ hằng năm"}) {
    SCOPED_TRACE(text);
    const Timeframe tf = ParseTimeframe(text);
    EXPECT_EQ(tf.kind, TimeframeKind::kOngoing);
    EXPECT_FALSE(tf.due_date);
    EXPECT_THAT(tf.report_dates, IsEmpty());
  }
}

TEST(ParseTimeframeTest, OngoingPeriodicFromTheSeed) {
  const Timeframe tf = ParseTimeframe(kSeedPeriodic);
  EXPECT_EQ(tf.kind, TimeframeKind::kOngoingPeriodic);
  EXPECT_THAT(tf.report_dates, ElementsAre(AnnualDate{11, 30}));
  EXPECT_EQ(tf.original_text,
            "Thường xuyên; định kỳ hàng năm báo cáo UBND huyện kết quả thực hiện qua Phòng Nội "
            "vụ, Phòng Tư pháp trước ngày 30/11");
  EXPECT_FALSE(tf.due_date);
  EXPECT_EQ(DisplayTimeframe(tf), "Thường xuyên; báo cáo trước 30/11 hằng năm");
}

TEST(ParseTimeframeTest, OngoingPeriodicVariants) {
  for (const char* text :
       {"Thường xuyên; định kỳ hằng năm báo cáo UBND huyện kết quả thực hiện qua Phòng Nội vụ, "
        "Phòng Tư pháp trước ngày 30/11.",
        "Thường xuyên; định kỳ hàng năm báo cáo UBND huyện trước 30/11",
        "Thường xuyên, định kỳ hằng năm báo cáo kết quả trước ngày 30 tháng 11",
        "Thường xuyên. Hằng năm báo cáo kết quả về Phòng Nội vụ trước ngày 30/11",
        "Định kỳ hằng năm báo cáo trước ngày 30/11", "Thường xuyên; báo cáo trước 30/11 hằng năm",
        "Thường xuyên; định kỳ hằng năm báo cáo kết quả trước ngày 30/11 để tổng hợp",
        "THƯỜNG XUYÊN; ĐỊNH KỲ HẰNG NĂM BÁO CÁO TRƯỚC NGÀY 30/11",
        "Thường xuyên, liên tục; mỗi năm báo cáo chậm nhất ngày 30/11"}) {
    SCOPED_TRACE(text);
    const Timeframe tf = ParseTimeframe(text);
    EXPECT_EQ(tf.kind, TimeframeKind::kOngoingPeriodic);
    EXPECT_THAT(tf.report_dates, ElementsAre(AnnualDate{11, 30}));
  }
}

TEST(ParseTimeframeTest, OngoingPeriodicWithSeveralDates) {
  for (const char* text : {"Thường xuyên; định kỳ hằng năm báo cáo UBND huyện trước ngày 15/6 "
                           "và 15/12.",
                           "Thường xuyên; định kỳ hằng năm báo cáo trước ngày 15/12 và ngày 15/6",
                           "Thường xuyên; định kỳ 6 tháng, hằng năm báo cáo trước ngày 15/6, "
                           "15/12"}) {
    SCOPED_TRACE(text);
    const Timeframe tf = ParseTimeframe(text);
    EXPECT_EQ(tf.kind, TimeframeKind::kOngoingPeriodic);
    EXPECT_THAT(tf.report_dates, ElementsAre(AnnualDate{6, 15}, AnnualDate{12, 15}));
    EXPECT_EQ(DisplayTimeframe(tf), "Thường xuyên; báo cáo trước 15/06 và 15/12 hằng năm");
  }
  const Timeframe three =
      ParseTimeframe("Thường xuyên; hằng năm báo cáo trước ngày 15/3, 15/6 và 15/9");
  EXPECT_THAT(three.report_dates,
              ElementsAre(AnnualDate{3, 15}, AnnualDate{6, 15}, AnnualDate{9, 15}));
  EXPECT_EQ(DisplayTimeframe(three), "Thường xuyên; báo cáo trước 15/03, 15/06 và 15/09 hằng năm");
}

TEST(ParseTimeframeTest, PeriodicWordingThatIsNotYearlyIsUnparsed) {
  for (const char* text : {
           // Quarterly and monthly reports must not be read as yearly ones.
           "Thường xuyên; định kỳ hằng quý báo cáo trước ngày 25/3, hằng năm trước 30/11",
           "Thường xuyên; hằng tháng báo cáo trước ngày 25, hằng năm trước ngày 30/11",
           // A date with a year is a one-off deadline, not a yearly one.
           "Thường xuyên; định kỳ hằng năm báo cáo trước ngày 30/11/2022",
           // No report, or no date for it.
           "Thường xuyên; định kỳ hằng năm trước ngày 30/11",
           "Thường xuyên; định kỳ hằng năm báo cáo UBND huyện",
           "Thường xuyên; định kỳ hằng năm báo cáo trước ngày 31/11",
           "Thường xuyên; định kỳ hằng năm báo cáo trước ngày 30/11 và tổ chức sơ kết",
       }) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ParseTimeframe(text).kind, TimeframeKind::kUnparsed);
  }
}

TEST(ParseTimeframeTest, Conditional) {
  const Timeframe tf =
      ParseTimeframe("Sau khi có quy định, hướng dẫn của các bộ, ngành \n\nTrung ương.  ");
  EXPECT_EQ(tf.kind, TimeframeKind::kConditional);
  EXPECT_EQ(tf.condition, "Sau khi có quy định, hướng dẫn của các bộ, ngành Trung ương");
  EXPECT_EQ(tf.original_text, tf.condition);
  EXPECT_EQ(DisplayTimeframe(tf), tf.condition);
  EXPECT_FALSE(tf.due_date);

  EXPECT_EQ(ParseTimeframe("Ngay sau khi Đề án được phê duyệt").kind, TimeframeKind::kConditional);
  EXPECT_EQ(ParseTimeframe("Khi có yêu cầu").condition, "Khi có yêu cầu");
  EXPECT_EQ(ParseTimeframe("Sau khi").kind, TimeframeKind::kUnparsed);
}

TEST(ParseTimeframeTest, EmptyIsUnspecified) {
  for (const char* text : {"", " ", "\t\r\n", "\xC2\xA0", "."}) {
    SCOPED_TRACE(text);
    const Timeframe tf = ParseTimeframe(text);
    EXPECT_EQ(tf, Timeframe{});
    EXPECT_EQ(DisplayTimeframe(tf), "");
  }
}

TEST(ParseTimeframeTest, UnknownWordingIsKeptNotGuessed) {
  ExpectUnparsed("sớm nhất có thể", "sớm nhất có thể");
  ExpectUnparsed("Q5/2022", "Q5/2022");
  ExpectUnparsed("Quý V/2022", "Quý V/2022");
  ExpectUnparsed("Quý 0/2022", "Quý 0/2022");
  ExpectUnparsed("Quý IIII/2022", "Quý IIII/2022");
  ExpectUnparsed("Tháng 13/2022.", "Tháng 13/2022");
  ExpectUnparsed("Tháng 0/2022", "Tháng 0/2022");
  ExpectUnparsed("Trước ngày 31/2/2022", "Trước ngày 31/2/2022");
  ExpectUnparsed("Trước ngày 29/2/2023", "Trước ngày 29/2/2023");
  ExpectUnparsed("Trước ngày 30/6", "Trước ngày 30/6");        // which year?
  ExpectUnparsed("Trước ngày 30/6/22", "Trước ngày 30/6/22");  // two-digit year
  ExpectUnparsed("Trước ngày 30/6-2022", "Trước ngày 30/6-2022");
  ExpectUnparsed("Năm 1022", "Năm 1022");
  ExpectUnparsed("Năm 20222", "Năm 20222");
  ExpectUnparsed("Năm 2022 và các năm tiếp theo", "Năm 2022 và các năm tiếp theo");
  ExpectUnparsed("Giai đoạn 2022 - 2025", "Giai đoạn 2022 - 2025");
  ExpectUnparsed("Quý III", "Quý III");
  ExpectUnparsed("Trước quý III/2022", "Trước quý III/2022");
  ExpectUnparsed("6 tháng năm 2023", "6 tháng năm 2023");
  ExpectUnparsed("Thường xuyên hoặc khi cần", "Thường xuyên hoặc khi cần");
  ExpectUnparsed("Năm 2022..", "Năm 2022..");
  ExpectUnparsed("Sau đó...", "Sau đó...");
  ExpectUnparsed("-", "-");
}

TEST(ParseTimeframeTest, InvalidUtf8IsReplacedInOriginalText) {
  const Timeframe tf = ParseTimeframe("N\xC4\x83m\xC0 2022");
  EXPECT_EQ(tf.kind, TimeframeKind::kUnparsed);
  EXPECT_EQ(tf.original_text, "Năm\uFFFD 2022");
}

TEST(ParseTimeframeTest, OriginalTextIsNfcCollapsedWithoutClosingPeriod) {
  EXPECT_EQ(ParseTimeframe("  Quý  III/2022.  ").original_text, "Quý III/2022");
  EXPECT_EQ(ParseTimeframe("Thường xuyên;").original_text, "Thường xuyên");
  EXPECT_EQ(ParseTimeframe("Trước ngày 30/6/2022").original_text, "Trước ngày 30/6/2022");
  EXPECT_EQ(ParseTimeframe("Năm 2022 .").original_text, "Năm 2022");
}

// Mixes pieces of real wordings with stray bytes: whatever comes in, the result
// is consistent, its text is valid NFC, and parsing that text again changes
// nothing (so a stored timeframe can be re-derived from original_text).
TEST(ParseTimeframeTest, AnyInputGivesAConsistentStableResult) {
  const std::vector<std::string> pieces = {"Thường xuyên",
                                           "; ",
                                           ", ",
                                           "định kỳ hàng năm",
                                           " báo cáo UBND huyện ",
                                           "trước ngày ",
                                           "30/11",
                                           "15/6",
                                           " và ",
                                           "Quý ",
                                           "III",
                                           "/2022",
                                           "Năm ",
                                           "2022",
                                           "Tháng ",
                                           "13",
                                           "6 tháng đầu năm ",
                                           "Sau khi ",
                                           "có quy định",
                                           ".",
                                           "..",
                                           " ",
                                           "\xC2\xA0",
                                           "\t\n",
                                           "Quy\xCC\x81",
                                           "\xC0\xAF",
                                           "\xED\xA0\x80",
                                           "\xE1\xBB",
                                           "đ",
                                           "/",
                                           "-",
                                           "29/2/2024",
                                           "31/2/2022",
                                           "hằng quý",
                                           "Q4",
                                           "ngày 30 tháng 6 năm 2022",
                                           "…"};
  std::mt19937 rng(20220930);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int n = std::uniform_int_distribution<int>(0, 8)(rng);
    for (int k = 0; k < n; ++k) {
      if (rng() % 10 == 0) {
        text.push_back(static_cast<char>(rng() % 256));
      } else {
        text += pieces[rng() % pieces.size()];
      }
    }
    SCOPED_TRACE(text);
    const Timeframe tf = ParseTimeframe(text);
    ASSERT_TRUE(text::IsValidUtf8(tf.original_text));
    ASSERT_EQ(text::ToNfc(tf.original_text), tf.original_text);
    ASSERT_EQ(tf.kind == TimeframeKind::kUnspecified, tf.original_text.empty());
    const bool has_range = tf.kind >= TimeframeKind::kDueDate && tf.kind <= TimeframeKind::kYear;
    ASSERT_EQ(tf.due_date.has_value(), has_range);
    ASSERT_EQ(tf.report_dates.empty(), tf.kind != TimeframeKind::kOngoingPeriodic);
    ASSERT_EQ(tf.condition.empty(), tf.kind != TimeframeKind::kConditional);
    if (tf.start_date) {
      ASSERT_LE(*tf.start_date, *tf.due_date);
    }
    ASSERT_EQ(ParseTimeframe(tf.original_text), tf);
    ASSERT_LE(DueDatesFrom(tf, Day(2022, 1, 1), 3).size(), 3u);
    ASSERT_TRUE(text::IsValidUtf8(DisplayTimeframe(tf)));
  }
}

TEST(DisplayTimeframeTest, UsesTheUsualWording) {
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("Quý 3/2022")), "Quý III/2022");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("trong năm 2022")), "Năm 2022");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("Trước 30/6/2022")), "Trước ngày 30/06/2022");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("Trong tháng 06/2023")), "Tháng 6/2023");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("Nửa đầu năm 2023")), "6 tháng đầu năm 2023");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("Sáu tháng cuối năm 2023")), "6 tháng cuối năm 2023");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("Thường xuyên, liên tục.")), "Thường xuyên");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("Hằng năm")), "Hằng năm");
  EXPECT_EQ(DisplayTimeframe(ParseTimeframe("sớm nhất có thể.")), "sớm nhất có thể");
}

TEST(DisplayTimeframeTest, DisplayedWordingParsesBackToTheSameTimeframe) {
  for (const char* text : {"Quý III/2022", "Năm 2022", "Trước ngày 30/6/2022", "Tháng 6/2023",
                           "6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "Thường xuyên",
                           kSeedPeriodic, "Thường xuyên; hằng năm báo cáo trước ngày 15/6 và 15/12",
                           "Sau khi có quy định, hướng dẫn của các bộ, ngành Trung ương."}) {
    SCOPED_TRACE(text);
    const Timeframe tf = ParseTimeframe(text);
    const Timeframe again = ParseTimeframe(DisplayTimeframe(tf));
    EXPECT_EQ(again.kind, tf.kind);
    EXPECT_EQ(again.start_date, tf.start_date);
    EXPECT_EQ(again.due_date, tf.due_date);
    EXPECT_EQ(again.report_dates, tf.report_dates);
    EXPECT_EQ(again.condition, tf.condition);
  }
}

TEST(DisplayTimeframeTest, FallsBackToOriginalTextWhenFieldsAreMissing) {
  Timeframe tf;
  tf.kind = TimeframeKind::kQuarter;
  tf.original_text = "Quý III/2022";
  EXPECT_EQ(DisplayTimeframe(tf), "Quý III/2022");
  tf.kind = TimeframeKind::kOngoingPeriodic;
  EXPECT_EQ(DisplayTimeframe(tf), "Quý III/2022");
}

TEST(QuarterLabelTest, RomanNumerals) {
  EXPECT_EQ(QuarterLabel(1, 2022), "Quý I/2022");
  EXPECT_EQ(QuarterLabel(2, 2022), "Quý II/2022");
  EXPECT_EQ(QuarterLabel(3, 2022), "Quý III/2022");
  EXPECT_EQ(QuarterLabel(4, 2023), "Quý IV/2023");
}

TEST(DueDatesFromTest, SingleDeadline) {
  const Timeframe quarter = ParseTimeframe("Quý III/2022");
  EXPECT_THAT(DueDatesFrom(quarter, Day(2022, 1, 1), 5), ElementsAre(Day(2022, 9, 30)));
  EXPECT_THAT(DueDatesFrom(quarter, Day(2022, 9, 30), 5), ElementsAre(Day(2022, 9, 30)));
  EXPECT_THAT(DueDatesFrom(quarter, Day(2022, 10, 1), 5), IsEmpty());
  EXPECT_THAT(DueDatesFrom(quarter, Day(2022, 1, 1), 0), IsEmpty());
  EXPECT_THAT(DueDatesFrom(ParseTimeframe("Trước ngày 30/6/2022"), Day(2022, 6, 1), 1),
              ElementsAre(Day(2022, 6, 30)));
  EXPECT_THAT(DueDatesFrom(ParseTimeframe("Năm 2022"), Day(2022, 6, 1), 1),
              ElementsAre(Day(2022, 12, 31)));
  EXPECT_THAT(DueDatesFrom(ParseTimeframe("Tháng 6/2023"), Day(2022, 6, 1), 1),
              ElementsAre(Day(2023, 6, 30)));
  EXPECT_THAT(DueDatesFrom(ParseTimeframe("6 tháng đầu năm 2023"), Day(2022, 6, 1), 1),
              ElementsAre(Day(2023, 6, 30)));
}

TEST(DueDatesFromTest, YearlyReports) {
  const Timeframe tf = ParseTimeframe(kSeedPeriodic);
  EXPECT_THAT(DueDatesFrom(tf, Day(2022, 3, 1), 3),
              ElementsAre(Day(2022, 11, 30), Day(2023, 11, 30), Day(2024, 11, 30)));
  EXPECT_THAT(DueDatesFrom(tf, Day(2022, 11, 30), 2),
              ElementsAre(Day(2022, 11, 30), Day(2023, 11, 30)));
  EXPECT_THAT(DueDatesFrom(tf, Day(2022, 12, 1), 2),
              ElementsAre(Day(2023, 11, 30), Day(2024, 11, 30)));
  EXPECT_THAT(DueDatesFrom(tf, Day(2022, 12, 1), 0), IsEmpty());
}

TEST(DueDatesFromTest, SeveralYearlyReportsInOrder) {
  const Timeframe tf = ParseTimeframe("Thường xuyên; hằng năm báo cáo trước ngày 15/12 và 15/6");
  EXPECT_THAT(
      DueDatesFrom(tf, Day(2023, 7, 1), 4),
      ElementsAre(Day(2023, 12, 15), Day(2024, 6, 15), Day(2024, 12, 15), Day(2025, 6, 15)));
}

TEST(DueDatesFromTest, LeapDayFallsOnTheLastDayOfFebruary) {
  Timeframe tf;
  tf.kind = TimeframeKind::kOngoingPeriodic;
  tf.report_dates = {{2, 29}};
  EXPECT_THAT(DueDatesFrom(tf, Day(2023, 1, 1), 3),
              ElementsAre(Day(2023, 2, 28), Day(2024, 2, 29), Day(2025, 2, 28)));
  tf.report_dates = {{2, 28}, {2, 29}};
  EXPECT_THAT(DueDatesFrom(tf, Day(2023, 1, 1), 3),
              ElementsAre(Day(2023, 2, 28), Day(2024, 2, 28), Day(2024, 2, 29)));
  // The parser accepts 29/2 as a yearly date for the same reason.
  EXPECT_THAT(ParseTimeframe("Hằng năm báo cáo trước ngày 29/2").report_dates,
              ElementsAre(AnnualDate{2, 29}));
}

TEST(DueDatesFromTest, NothingForOtherKinds) {
  for (const char* text : {"", "Thường xuyên", "Sau khi có hướng dẫn", "sớm nhất có thể"}) {
    SCOPED_TRACE(text);
    EXPECT_THAT(DueDatesFrom(ParseTimeframe(text), Day(2022, 1, 1), 10), IsEmpty());
  }
  Timeframe broken;
  broken.kind = TimeframeKind::kOngoingPeriodic;
  broken.report_dates = {{13, 1}, {2, 30}};
  EXPECT_THAT(DueDatesFrom(broken, Day(2022, 1, 1), 10), IsEmpty());
}

}  // namespace
}  // namespace sangkien::calendar
