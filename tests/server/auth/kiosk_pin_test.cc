// Kiosk PINs: their form, their randomness, and the salted hash kept of them.
#include "auth/kiosk_pin.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>

namespace sangkien::auth {
namespace {

TEST(KioskPinTest, GeneratedPinsAreSixDigitsAndVary) {
  std::set<std::string> seen;
  std::array<int, 10> first_digit{};
  for (int i = 0; i < 2000; ++i) {
    std::string pin = GeneratePin();
    ASSERT_TRUE(WellFormedPin(pin)) << pin;
    seen.insert(pin);
    ++first_digit[pin[0] - '0'];
  }
  // 2000 draws from a million: a handful of repeats at most.
  EXPECT_GT(seen.size(), 1990u);
  // Leading zeros are kept, and no digit is starved (expected 200 each).
  for (int count : first_digit) EXPECT_GT(count, 120);
}

TEST(KioskPinTest, WellFormedMeansExactlySixAsciiDigits) {
  EXPECT_TRUE(WellFormedPin("000000"));
  EXPECT_TRUE(WellFormedPin("093817"));
  for (const char* bad : {"", "12345", "1234567", "12 456", "12a456", "-12345", "١٢٣٤٥٦"}) {
    EXPECT_FALSE(WellFormedPin(bad)) << bad;
  }
}

TEST(KioskPinTest, HashIsSaltedAndVerifiesOnlyTheRightPin) {
  PinHash a = HashNewPin("482913", 1000);
  PinHash b = HashNewPin("482913", 1000);
  EXPECT_EQ(a.salt.size(), 16u);
  EXPECT_EQ(a.hash.size(), 32u);
  EXPECT_NE(a.salt, b.salt);
  EXPECT_NE(a.hash, b.hash);  // same PIN, different salt
  EXPECT_EQ(a.hash.find("482913"), std::string::npos);
  EXPECT_TRUE(VerifyPin("482913", a));
  EXPECT_TRUE(VerifyPin("482913", b));
  EXPECT_FALSE(VerifyPin("482914", a));
  EXPECT_FALSE(VerifyPin("48291", a));
  // The stored iteration count is the one used.
  PinHash other_rounds = a;
  other_rounds.iterations = 1001;
  EXPECT_FALSE(VerifyPin("482913", other_rounds));
  other_rounds.iterations = 0;
  EXPECT_FALSE(VerifyPin("482913", other_rounds));
}

}  // namespace
}  // namespace sangkien::auth
