#include "domain/page_token.h"

#include <gtest/gtest.h>

#include "status/errors.h"

namespace sangkien::domain {
namespace {

const std::string kKey(32, 'k');

TEST(PageTokenTest, RoundTripsCursorWithBinarySortValue) {
  PageTokenCodec codec(kKey);
  PageCursor cursor{std::string("\x00\xff sort", 7), 123456789012LL};
  std::string token = codec.Encode("ListTasks\nplans/1\n\n", cursor);
  auto back = codec.Decode("ListTasks\nplans/1\n\n", token);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->sort_value, cursor.sort_value);
  EXPECT_EQ(back->last_id, cursor.last_id);
}

TEST(PageTokenTest, RefusesTokenFromAnotherRequest) {
  PageTokenCodec codec(kKey);
  std::string token = codec.Encode("ListTasks\nplans/1\n\n", {"5", 5});
  auto other = codec.Decode("ListTasks\nplans/2\n\n", token);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErrorFieldViolations(other.status())[0].field, "page_token");
}

TEST(PageTokenTest, RefusesEveryOneCharacterTamper) {
  PageTokenCodec codec(kKey);
  std::string token = codec.Encode("s", {"2022-09-30", 42});
  for (size_t i = 0; i < token.size(); ++i) {
    std::string bad = token;
    bad[i] = bad[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(codec.Decode("s", bad).ok()) << "position " << i;
  }
}

TEST(PageTokenTest, RefusesEveryOtherSpellingOfTheLastCharacter) {
  PageTokenCodec codec(kKey);
  // Cursors of several lengths, so the last character carries 2, 4 or 6 bits.
  for (const char* sort : {"", "a", "ab", "abc"}) {
    std::string token = codec.Encode("s", {sort, 7});
    const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (char c : alphabet) {
      std::string other = token;
      if (other.back() == c) continue;
      other.back() = c;
      EXPECT_FALSE(codec.Decode("s", other).ok()) << sort << " " << other;
    }
  }
}

TEST(PageTokenTest, RefusesTokenSealedWithAnotherKey) {
  PageTokenCodec a(kKey), b(std::string(32, 'x'));
  EXPECT_FALSE(b.Decode("s", a.Encode("s", {"x", 1})).ok());
}

TEST(PageTokenTest, RefusesGarbage) {
  PageTokenCodec codec(kKey);
  for (const char* bad : {"", "!!!", "AAAA", "not a token at all"}) {
    if (std::string(bad).empty()) continue;
    EXPECT_FALSE(codec.Decode("s", bad).ok()) << bad;
  }
  EXPECT_FALSE(codec.Decode("s", std::string(5000, 'A')).ok());
}

}  // namespace
}  // namespace sangkien::domain
