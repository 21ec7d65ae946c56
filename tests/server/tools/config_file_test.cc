#include "tools/config_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "absl/flags/flag.h"
#include "testing/temp_dir.h"
#include "tools/server_flags.h"

namespace sangkien::tools {
namespace {

std::string Error(absl::string_view text) {
  auto parsed = ParseConfig(text, "f.conf");
  return parsed.ok() ? "OK" : std::string(parsed.status().message());
}

TEST(ConfigFileTest, ParsesKeysValuesCommentsAndQuotes) {
  auto parsed = ParseConfig(
      "# comment\n\n  listen = 127.0.0.1:1  \n--db=\"/var/lib/x y.db\"\nmetrics_listen =\n",
      "f.conf");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ((*parsed)[0].key, "listen");
  EXPECT_EQ((*parsed)[0].value, "127.0.0.1:1");
  EXPECT_EQ((*parsed)[0].line, 3);
  EXPECT_EQ((*parsed)[1].key, "db");
  EXPECT_EQ((*parsed)[1].value, "/var/lib/x y.db");
  EXPECT_EQ((*parsed)[2].key, "metrics_listen");
  EXPECT_EQ((*parsed)[2].value, "");
}

TEST(ConfigFileTest, NamesTheLineOfEachMistake) {
  EXPECT_EQ(Error("a = 1\nno equals sign"),
            "f.conf:2: expected 'key = value' (a '#' starts a comment)");
  EXPECT_EQ(Error("db = a\ndb = b"), "f.conf:2: 'db' is set twice");
  EXPECT_EQ(Error("tls cert = x"),
            "f.conf:1: 'tls cert' is not a setting name (letters, digits, _)");
  EXPECT_EQ(Error(" = x"), "f.conf:1: '' is not a setting name (letters, digits, _)");
}

TEST(ConfigFileTest, TakesTheConfigOptionOutOfTheArguments) {
  std::vector<std::string> args = {"--listen=x", "--config", "/tmp/a.conf", "--db=y"};
  EXPECT_EQ(TakeConfigPath(args), "/tmp/a.conf");
  EXPECT_EQ(args, (std::vector<std::string>{"--listen=x", "--db=y"}));
  args = {"account", "list", "--config="};
  EXPECT_EQ(TakeConfigPath(args), "");
  EXPECT_EQ(args, (std::vector<std::string>{"account", "list"}));
}

TEST(ConfigFileTest, ABadValueChangesNoFlag) {
  testing::TempDir dir;
  std::string path = dir.File("s.conf");
  std::ofstream(path) << "db = /tmp/changed.db\ngroup_commit = perhaps\n";
  std::string before = absl::GetFlag(FLAGS_db);
  absl::Status s = ApplyConfigFile(path);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("s.conf:2: bad value 'perhaps' for group_commit"),
            absl::string_view::npos)
      << s;
  EXPECT_EQ(absl::GetFlag(FLAGS_db), before);

  std::ofstream(path) << "db = /tmp/changed.db\nsynchronous = normal\n";
  ASSERT_TRUE(ApplyConfigFile(path).ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_db), "/tmp/changed.db");
  EXPECT_FALSE(absl::GetFlag(FLAGS_synchronous).full);
}

TEST(ConfigFileTest, ABadValueSaysWhyOnce) {
  testing::TempDir dir;
  std::string path = dir.File("s.conf");
  std::ofstream(path) << "synchronous = fast\n";
  absl::Status s = ApplyConfigFile(path);
  EXPECT_EQ(s.message(), path +
                             ":1: bad value 'fast' for synchronous: must be full (durable "
                             "across power loss) or normal (benchmarks)");
  s = CheckCommandLineSettings({"--listen=x:1", "--synchronous", "fast"});
  EXPECT_EQ(s.message(),
            "--synchronous: bad value 'fast': must be full (durable across power loss) or "
            "normal (benchmarks)");
  EXPECT_TRUE(CheckCommandLineSettings({"--synchronous=normal", "--insecure", "--db", "a"}).ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_db), "a");
}

TEST(ConfigFileTest, OnlyServerSettingsAreKeys) {
  testing::TempDir dir;
  std::string path = dir.File("s.conf");
  // An absl flag of the library itself is not a setting of the server.
  std::ofstream(path) << "flagfile = /etc/passwd\n";
  absl::Status s = ApplyConfigFile(path);
  EXPECT_NE(s.message().find("s.conf:1: unknown setting 'flagfile'"), absl::string_view::npos) << s;
}

}  // namespace
}  // namespace sangkien::tools
