// The last-backup record: written atomically, read back field for field, and
// a damaged file is reported rather than guessed at.
#include "storage/backup_record.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sangkien::storage {
namespace {

using ::testing::HasSubstr;

class BackupRecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("backup_record_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all);
    std::filesystem::remove_all(dir_);
  }
  void WriteRaw(const std::string& text) { std::ofstream(dir_ / kBackupRecordFile) << text; }

  std::filesystem::path dir_;
};

TEST_F(BackupRecordTest, RoundTripsEveryField) {
  BackupRecord r;
  r.time = absl::FromUnixSeconds(1795000000);
  r.ok = true;
  r.file = "sangkien-20261127T020000Z.db";
  r.bytes = 123456789;
  r.audit_checked = true;
  r.audit_intact = true;
  r.audit_events = 4242;
  r.audit_head = "ab12cd";
  r.last_success = absl::FromUnixSeconds(1795000000);
  ASSERT_TRUE(WriteBackupRecord(dir_.string(), r).ok());
  EXPECT_FALSE(std::filesystem::exists(dir_ / (std::string(kBackupRecordFile) + ".tmp")));

  auto read = ReadBackupRecord(dir_.string());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->time, r.time);
  EXPECT_TRUE(read->ok);
  EXPECT_EQ(read->file, r.file);
  EXPECT_EQ(read->bytes, r.bytes);
  EXPECT_TRUE(read->audit_checked);
  EXPECT_TRUE(read->audit_intact);
  EXPECT_EQ(read->audit_events, 4242);
  EXPECT_EQ(read->audit_head, "ab12cd");
  EXPECT_EQ(read->last_success, r.last_success);
  EXPECT_EQ(read->message, "");
}

TEST_F(BackupRecordTest, AFailureWithoutAnyEarlierSuccessKeepsInfinitePast) {
  BackupRecord r;
  r.time = absl::FromUnixSeconds(1795000000);
  r.ok = false;
  r.message = "no database at /var/lib/sangkien/sangkien.db\nsecond line";
  ASSERT_TRUE(WriteBackupRecord(dir_.string(), r).ok());
  auto read = ReadBackupRecord(dir_.string());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_FALSE(read->ok);
  EXPECT_FALSE(read->audit_checked);
  EXPECT_EQ(read->last_success, absl::InfinitePast());
  // A newline in the message cannot start a bogus key.
  EXPECT_EQ(read->message, "no database at /var/lib/sangkien/sangkien.db second line");
}

TEST_F(BackupRecordTest, ANewRecordReplacesTheOld) {
  BackupRecord first;
  first.time = absl::FromUnixSeconds(1000);
  first.ok = true;
  first.file = "a.db";
  ASSERT_TRUE(WriteBackupRecord(dir_.string(), first).ok());
  BackupRecord second;
  second.time = absl::FromUnixSeconds(2000);
  second.ok = false;
  second.last_success = first.time;
  ASSERT_TRUE(WriteBackupRecord(dir_.string(), second).ok());
  auto read = ReadBackupRecord(dir_.string());
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->ok);
  EXPECT_EQ(read->file, "");
  EXPECT_EQ(read->last_success, absl::FromUnixSeconds(1000));
}

TEST_F(BackupRecordTest, MissingIsNotFound) {
  EXPECT_EQ(ReadBackupRecord(dir_.string()).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(BackupRecordTest, ALineWithoutEqualsIsDataLossNamingTheLine) {
  WriteRaw("# comment\nok=true\ngarbage\n");
  auto read = ReadBackupRecord(dir_.string());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(read.status().message(), HasSubstr("last-backup:3"));
}

TEST_F(BackupRecordTest, AnUnparsableNumberOrTimeIsDataLoss) {
  WriteRaw("ok=true\nbytes=12x\n");
  EXPECT_EQ(ReadBackupRecord(dir_.string()).status().code(), absl::StatusCode::kDataLoss);
  WriteRaw("ok=true\ntime=yesterday\n");
  EXPECT_EQ(ReadBackupRecord(dir_.string()).status().code(), absl::StatusCode::kDataLoss);
}

TEST_F(BackupRecordTest, AFolderThatIsAFileIsUnavailable) {
  // Refused for every user, root included (a read-only folder is not).
  std::string file = (dir_ / "plain-file").string();
  { std::ofstream(file) << "x"; }
  absl::Status s = WriteBackupRecord(file, BackupRecord{});
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(s.message(), HasSubstr("last-backup"));
}

TEST_F(BackupRecordTest, AMissingFolderIsUnavailable) {
  absl::Status s = WriteBackupRecord((dir_ / "nope").string(), BackupRecord{});
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace sangkien::storage
