#include "log/log.h"

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

namespace sangkien::log {
namespace {

TEST(LogFormat, BareValuesStayBare) {
  EXPECT_EQ(FormatLine(Level::kInfo, "call",
                       {{"method", "sangkien.v1.PlanService/GetPlan"}, {"ms", "0.42"}}),
            "level=info msg=call method=sangkien.v1.PlanService/GetPlan ms=0.42");
}

TEST(LogFormat, NumbersConvert) {
  EXPECT_EQ(FormatLine(Level::kWarning, "x", {{"port", 9464}, {"n", int64_t{-3}}}),
            "level=warning msg=x port=9464 n=-3");
}

TEST(LogFormat, SpacesEqualsQuotesAndEmptyValuesAreQuoted) {
  EXPECT_EQ(FormatLine(Level::kError, "not started", {{"error", "a=b"}, {"empty", ""}}),
            "level=error msg=\"not started\" error=\"a=b\" empty=\"\"");
  EXPECT_EQ(FormatLine(Level::kInfo, "say \"hi\"", {}), "level=info msg=\"say \\\"hi\\\"\"");
}

TEST(LogFormat, ControlCharactersAreEscapedSoALineStaysOneLine) {
  std::string line = FormatLine(Level::kInfo, "m", {{"v", "a\nb\tc\\d\x01"}});
  EXPECT_EQ(line, "level=info msg=m v=\"a\\nb\\tc\\\\d\\u0001\"");
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(LogFormat, BackslashAloneNeedsNoQuotes) {
  EXPECT_EQ(FormatLine(Level::kInfo, "m", {{"path", "C:\\x"}}), "level=info msg=m path=C:\\x");
}

TEST(LogFormat, VietnameseTextIsKeptAsUtf8) {
  EXPECT_EQ(FormatLine(Level::kInfo, "m", {{"unit", "Tân_Lập"}}), "level=info msg=m unit=Tân_Lập");
  EXPECT_EQ(FormatLine(Level::kInfo, "m", {{"unit", "UBND xã Tân Lập"}}),
            "level=info msg=m unit=\"UBND xã Tân Lập\"");
}

TEST(LogLevel, ParsesTheFourNamesOnly) {
  Level level = Level::kInfo;
  EXPECT_TRUE(ParseLevel("debug", &level));
  EXPECT_EQ(level, Level::kDebug);
  EXPECT_TRUE(ParseLevel("error", &level));
  EXPECT_EQ(level, Level::kError);
  EXPECT_TRUE(ParseLevel("warning", &level));
  EXPECT_EQ(level, Level::kWarning);
  EXPECT_FALSE(ParseLevel("verbose", &level));
  EXPECT_FALSE(ParseLevel("INFO", &level));
  EXPECT_EQ(level, Level::kWarning);  // untouched by a refused name
}

class CapturingSink : public Sink {
 public:
  void Write(std::string_view line) override {
    std::lock_guard lock(mu);
    lines.emplace_back(line);
  }
  std::mutex mu;
  std::vector<std::string> lines;
};

TEST(LogLevel, LinesBelowTheLevelAreDropped) {
  CapturingSink sink;
  SetSink(&sink);
  SetLevel(Level::kWarning);
  Debug("d");
  Info("i");
  Warning("w", {{"k", 1}});
  Error("e");
  SetLevel(Level::kInfo);
  SetSink(nullptr);
  EXPECT_EQ(sink.lines, (std::vector<std::string>{"level=warning msg=w k=1", "level=error msg=e"}));
  EXPECT_FALSE(Enabled(Level::kDebug));
  EXPECT_TRUE(Enabled(Level::kInfo));
}

}  // namespace
}  // namespace sangkien::log
