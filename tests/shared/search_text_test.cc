#include "text/search_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace sangkien::text {
namespace {

std::string ToNfdForTest(const std::string &s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(s), status);
  std::string out;
  decomposed.toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  EXPECT_NE(out, s);
  return out;
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SearchTermsTest, FoldsCaseDiacriticsAndDStroke) {
  EXPECT_THAT(SearchTerms("Dám nghĩ, DÁM làm"),
              ElementsAre("dam", "nghi", "dam", "lam"));
  EXPECT_THAT(SearchTerms("ĐỘT PHÁ"), ElementsAre("dot", "pha"));
  EXPECT_THAT(SearchTerms("  Quý III/2022 "),
              ElementsAre("quy", "iii", "2022"));
  EXPECT_THAT(SearchTerms("!!! … --"), IsEmpty());
}

TEST(SearchTermsTest, NfdInputFoldsLikeNfc) {
  // "đột phá" with combining marks (NFD) except đ, which has no decomposition.
  EXPECT_EQ(SearchTerms("\xC4\x91o\xCC\xA3\xCC\x82t pha\xCC\x81"),
            SearchTerms("đột phá"));
}

TEST(FindMatchesTest, MarksWholeWordsAndTheLastAsAPrefix) {
  std::string text = "Đổi mới, sáng tạo, dám nghĩ, dám làm";
  // Code points: "Đổi"=0..3, "mới"=4..7, "sáng"=9..13, "tạo"=14..17.
  EXPECT_THAT(FindMatches(text, {"sang", "ta"}, true),
              ElementsAre(TextSpan{9, 4}, TextSpan{14, 3}));
  // Without the prefix rule "ta" matches nothing.
  EXPECT_THAT(FindMatches(text, {"sang", "ta"}, false),
              ElementsAre(TextSpan{9, 4}));
  EXPECT_THAT(FindMatches(text, {"doi"}, false), ElementsAre(TextSpan{0, 3}));
}

TEST(FindMatchesTest, FoldsEachWordLikeTheQueryIsFolded) {
  // Every Vietnamese vowel with every tone, both cases, and đ/Đ: a word
  // matches its own folded form, NFC or NFD.
  const std::string vowels = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơ"
                             "ờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
  const std::string text = vowels + " " + vowels + "ĐÂY";
  auto terms = SearchTerms(text);
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(FindMatches(text, terms, false).size(), 2u);
  EXPECT_EQ(FindMatches(ToNfdForTest(text), terms, false).size(), 2u);
}

TEST(MatchesAllTest, NeedsEveryTerm) {
  std::string text = "Thanh tra huyện kiểm tra việc thực hiện";
  EXPECT_TRUE(MatchesAll(text, SearchTerms("THANH TRA"), true));
  EXPECT_TRUE(MatchesAll(text, SearchTerms("thanh tra huy"), true));
  EXPECT_FALSE(MatchesAll(text, SearchTerms("thanh tra xa"), true));
  EXPECT_FALSE(MatchesAll(text, {}, true));
}

TEST(MakeSnippetTest, CutsAroundTheFirstMatchAndMarksItInTheOriginal) {
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "chữ ";
  text += "dám đột phá vì lợi ích chung";
  for (int i = 0; i < 40; ++i)
    text += " nữa";
  Snippet s = MakeSnippet(text, SearchTerms("dot pha"), true, 12);
  EXPECT_EQ(s.text.rfind("… ", 0), 0u) << s.text;
  EXPECT_NE(s.text.find("dám đột phá vì"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.substr(s.text.size() - 4), " …");
  ASSERT_EQ(s.matches.size(), 2u);
  EXPECT_EQ(s.matches[0].length, 3);
  EXPECT_EQ(s.matches[1].length, 3);
  EXPECT_EQ(s.matches[1].start, s.matches[0].start + 4);
}

TEST(MakeSnippetTest, ShortTextIsKeptWhole) {
  Snippet s = MakeSnippet("Thanh tra huyện", SearchTerms("thanh"), true);
  EXPECT_EQ(s.text, "Thanh tra huyện");
  EXPECT_THAT(s.matches, ElementsAre(TextSpan{0, 5}));
}

} // namespace
} // namespace sangkien::text
