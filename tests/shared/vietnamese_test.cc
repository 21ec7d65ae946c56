#include "text/vietnamese.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace sangkien::text {
namespace {

// "Quý" with the acute as a combining mark (NFD).
constexpr char kQuyNfd[] = "Quy\xCC\x81";
constexpr char kQuyNfc[] = "Qu\xC3\xBD";
// "Đột phá, năng động" fully decomposed: ộ = o + U+0323 + U+0302, á = a + U+0301,
// ă = a + U+0306. Đ has no decomposition and stays U+0110.
constexpr char kDotPhaNfd[] =
    "\xC4\x90o\xCC\xA3\xCC\x82t pha\xCC\x81, na\xCC\x86ng \xC4\x91o\xCC\xA3\xCC\x82ng";

TEST(IsValidUtf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Nam 2022"));
  EXPECT_TRUE(IsValidUtf8("Đột phá, năng động, sáng tạo"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3"));  // flag emoji
  // Boundaries on either side of the ranges that must be refused.
  EXPECT_TRUE(IsValidUtf8("\xC2\x80"));          // U+0080
  EXPECT_TRUE(IsValidUtf8("\xE0\xA0\x80"));      // U+0800
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(IsValidUtf8("\xF0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));
}

TEST(IsValidUtf8Test, RejectsOverlongs) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));  // "/" in two bytes
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x8F\xBF\xBF"));
}

TEST(IsValidUtf8Test, RejectsSurrogatesAndValuesPastTheLastCodePoint) {
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));              // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));              // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));          // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(IsValidUtf8Test, RejectsTruncatedAndStraySequences) {
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("abc\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xE1\xBB"));  // "ệ" cut short
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x87"));
  EXPECT_FALSE(IsValidUtf8("\xC3z"));
  EXPECT_FALSE(
      IsValidUtf8("Vi\xE1\xBB"
                  "t Nam"));
}

TEST(ReplaceInvalidUtf8Test, ReplacesEachMaximalSubpart) {
  EXPECT_EQ(ReplaceInvalidUtf8("Việt Nam"), "Việt Nam");
  EXPECT_EQ(ReplaceInvalidUtf8("a\xC0\xAF"
                               "b"),
            "a\uFFFD\uFFFD"
            "b");
  EXPECT_EQ(ReplaceInvalidUtf8("Vi\xE1\xBB"
                               "t"),
            "Vi\uFFFD"
            "t");
  EXPECT_EQ(ReplaceInvalidUtf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(ReplaceInvalidUtf8("\xF0\x9F\x87"), "\uFFFD");
  EXPECT_TRUE(IsValidUtf8(ReplaceInvalidUtf8("\xFF\xFE\x80 x \xF4\x90\x80\x80")));
}

TEST(ToNfcTest, ComposesDecomposedText) {
  EXPECT_EQ(ToNfc(kQuyNfd), kQuyNfc);
  EXPECT_EQ(ToNfc(kDotPhaNfd), "Đột phá, năng động");
  // ệ written as e + dot below + circumflex, and with the marks the other
  // way round: both are canonically equivalent to U+1EC7.
  EXPECT_EQ(ToNfc("Vie\xCC\xA3\xCC\x82t"), "Việt");
  EXPECT_EQ(ToNfc("Vie\xCC\x82\xCC\xA3t"), "Việt");
}

TEST(ToNfcTest, LeavesNfcAsciiAndInvalidTextAlone) {
  EXPECT_EQ(ToNfc(""), "");
  EXPECT_EQ(ToNfc("Quy III/2022"), "Quy III/2022");
  EXPECT_EQ(ToNfc("Thường xuyên"), "Thường xuyên");
  EXPECT_EQ(ToNfc("Quy\xCC\x81\xC0\xAF"), "Quy\xCC\x81\xC0\xAF");
}

TEST(FoldForSearchTest, DropsCaseDiacriticsAndStrokeOnD) {
  EXPECT_EQ(FoldForSearch("Đột phá, NĂNG ĐỘNG"), "dot pha, nang dong");
  EXPECT_EQ(FoldForSearch("dám nghĩ, dám làm"), "dam nghi, dam lam");
  EXPECT_EQ(FoldForSearch("Đổi mới, sáng tạo"), "doi moi, sang tao");
  EXPECT_EQ(FoldForSearch("Ủy ban nhân dân huyện"), "uy ban nhan dan huyen");
  EXPECT_EQ(FoldForSearch("Quý III/2022"), "quy iii/2022");
  EXPECT_EQ(FoldForSearch("ƯỚC MƠ, ơn, ưu"), "uoc mo, on, uu");
  EXPECT_EQ(FoldForSearch("ĐĐđđ"), "dddd");
}

TEST(FoldForSearchTest, NfcAndNfdFoldTheSame) {
  EXPECT_EQ(FoldForSearch(kQuyNfd), "quy");
  EXPECT_EQ(FoldForSearch(kQuyNfd), FoldForSearch(kQuyNfc));
  EXPECT_EQ(FoldForSearch(kDotPhaNfd), "dot pha, nang dong");
  EXPECT_EQ(FoldForSearch("Vie\xCC\x82\xCC\xA3t"), FoldForSearch("Việt"));
}

TEST(FoldForSearchTest, AsciiOnlyLowerCases) {
  EXPECT_EQ(FoldForSearch(""), "");
  EXPECT_EQ(FoldForSearch("UBND Huyen, 30/6/2022!"), "ubnd huyen, 30/6/2022!");
}

TEST(FoldForSearchTest, LeavesOtherScriptsUntransliterated) {
  EXPECT_EQ(FoldForSearch("Привет"), "привет");
  EXPECT_EQ(FoldForSearch("中国"), "中国");
  EXPECT_EQ(FoldForSearch("한국"), "한국");  // Hangul recomposes after the fold
}

TEST(FoldForSearchTest, FoldsEthUsedForDStroke) {
  // Legacy-encoding conversions sometimes leave U+00D0 where Đ belongs.
  EXPECT_EQ(FoldForSearch("\xC3\x90I\xE1\xBB\x86N"), "dien");
}

TEST(FoldForSearchTest, ReplacesInvalidUtf8) { EXPECT_EQ(FoldForSearch("Đ\xC0"), "d\uFFFD"); }

TEST(CollapseWhitespaceTest, CollapsesUnicodeWhitespaceAndTrims) {
  EXPECT_EQ(CollapseWhitespace("  Quý   III/2022  "), "Quý III/2022");
  EXPECT_EQ(CollapseWhitespace("Thường\txuyên;\r\n định kỳ"), "Thường xuyên; định kỳ");
  EXPECT_EQ(CollapseWhitespace("Năm\xC2\xA0"
                               "2022"),
            "Năm 2022");  // NBSP
  EXPECT_EQ(CollapseWhitespace("a\xE2\x80\x83\xE3\x80\x80"
                               "b"),
            "a b");  // em, ideographic
  EXPECT_EQ(CollapseWhitespace("a\xE2\x80\xA8"
                               "b\x0B\x0C"
                               "c\xC2\x85"
                               "d"),
            "a b c d");
  EXPECT_EQ(CollapseWhitespace("\xE2\x80\xAF"
                               "x\xE2\x80\xAF"),
            "x");  // narrow NBSP
}

TEST(CollapseWhitespaceTest, EmptyAndBlank) {
  EXPECT_EQ(CollapseWhitespace(""), "");
  EXPECT_EQ(CollapseWhitespace(" \t\r\n\xC2\xA0 "), "");
  EXPECT_EQ(CollapseWhitespace("x"), "x");
}

TEST(CollapseWhitespaceTest, KeepsInvalidBytes) {
  EXPECT_EQ(CollapseWhitespace(" a  \xC0\xAF  b "), "a \xC0\xAF b");
}

TEST(CompareVietnameseTest, FollowsTheVietnameseAlphabet) {
  const std::vector<std::string> alphabet = {"A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G",
                                             "H", "I", "K", "L", "M", "N", "O", "Ô", "Ơ", "P",
                                             "Q", "R", "S", "T", "U", "Ư", "V", "X", "Y"};
  for (size_t i = 0; i + 1 < alphabet.size(); ++i) {
    SCOPED_TRACE(alphabet[i] + " < " + alphabet[i + 1]);
    EXPECT_LT(CompareVietnamese(alphabet[i], alphabet[i + 1]), 0);
    EXPECT_GT(CompareVietnamese(alphabet[i + 1], alphabet[i]), 0);
  }
  EXPECT_LT(CompareVietnamese("ă", "â"), 0);
  EXPECT_LT(CompareVietnamese("d", "đ"), 0);
}

TEST(CompareVietnameseTest, LetterOutweighsLaterLetters) {
  // Đ is a letter after D, so every D-word comes before every Đ-word.
  EXPECT_LT(CompareVietnamese("Dương", "Đà Nẵng"), 0);
  EXPECT_LT(CompareVietnamese("Dzũ", "Đa"), 0);
  EXPECT_LT(CompareVietnamese("An Giang", "Ăn"), 0);
  EXPECT_LT(CompareVietnamese("Hà Nội", "Hải Phòng"), 0);
}

TEST(CompareVietnameseTest, NfcAndNfdCompareEqual) {
  EXPECT_EQ(CompareVietnamese(kQuyNfd, kQuyNfc), 0);
  EXPECT_EQ(CompareVietnamese(kDotPhaNfd, "Đột phá, năng động"), 0);
  EXPECT_EQ(CompareVietnamese("", ""), 0);
  EXPECT_LT(CompareVietnamese("", "a"), 0);
}

TEST(VietnameseSortKeyTest, OrdersLikeCompareVietnamese) {
  std::vector<std::string> words = {"Đồng", "Dung", "Bình", "Âu", "Ăn", "An", "Ơn", "Ông",
                                    "Ong",  "Ưu",   "Uy",   "đá", "da", "Xã", "Yên"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const int by_compare = CompareVietnamese(a, b);
      const int by_key = VietnameseSortKey(a).compare(VietnameseSortKey(b));
      SCOPED_TRACE(a + " vs " + b);
      EXPECT_EQ(by_compare < 0, by_key < 0);
      EXPECT_EQ(by_compare == 0, by_key == 0);
    }
  }
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return VietnameseSortKey(a) < VietnameseSortKey(b);
  });
  EXPECT_THAT(words, testing::ElementsAre("An", "Ăn", "Âu", "Bình", "da", "Dung", "đá", "Đồng",
                                          "Ong", "Ông", "Ơn", "Uy", "Ưu", "Xã", "Yên"));
}

TEST(VietnameseSortKeyTest, HasNoTerminatorAndIgnoresNormalisationForm) {
  const std::string key = VietnameseSortKey("Quý");
  ASSERT_FALSE(key.empty());
  EXPECT_NE(key.back(), '\0');
  EXPECT_EQ(key.find('\0'), std::string::npos);
  EXPECT_EQ(VietnameseSortKey(kQuyNfd), VietnameseSortKey(kQuyNfc));
  EXPECT_LT(VietnameseSortKey("Qu"), VietnameseSortKey("Quý"));
}

TEST(VietnameseConcurrencyTest, ThreadsShareNothingMutable) {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&failures] {
      for (int i = 0; i < 500; ++i) {
        if (CompareVietnamese("D", "Đ") >= 0) ++failures;
        if (VietnameseSortKey("Ă") >= VietnameseSortKey("Â")) ++failures;
        if (FoldForSearch("Đột phá, NĂNG ĐỘNG") != "dot pha, nang dong") ++failures;
        if (ToNfc(kQuyNfd) != kQuyNfc) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace sangkien::text
