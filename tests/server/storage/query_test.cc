#include "storage/query.h"

#include <gtest/gtest.h>

#include <optional>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "storage/database.h"
#include "testing/temp_dir.h"

namespace sangkien::storage {
namespace {

using internal::Query;

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.path = dir_.File("q.db");
    auto db = Database::Open(options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }
  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

enum class Colour { kRed = 3 };

TEST_F(QueryTest, StoresEachTypeInItsFixedForm) {
  absl::Status s = db_->Read([&](Connection& c) -> absl::Status {
    Query q(c,
            "SELECT :i, :b, :t, :time, :day, :none, :some, :colour, typeof(:blob), "
            "typeof(:null_id), :id");
    q.Bind(":i", int64_t{7})
        .Bind(":b", true)
        .Bind(":t", "text")
        .Bind(":time", absl::FromUnixMicros(1234))
        .Bind(":day", absl::CivilDay(2026, 3, 8))
        .Bind(":none", std::optional<int64_t>())
        .Bind(":some", std::optional<int64_t>(5))
        .Bind(":colour", Colour::kRed)
        .BindBlob(":blob", std::string("\0x", 2))
        .BindIdOrNull(":null_id", 0)
        .BindIdOrNull(":id", 9);
    EXPECT_TRUE(q.Step());
    EXPECT_EQ(q.Column(0).getInt64(), 7);
    EXPECT_EQ(q.Column(1).getInt(), 1);
    EXPECT_EQ(q.Column(2).getString(), "text");
    EXPECT_EQ(q.Column(3).getInt64(), 1234);
    EXPECT_EQ(q.Column(4).getString(), "2026-03-08");
    EXPECT_TRUE(q.Column(5).isNull());
    EXPECT_EQ(q.Column(6).getInt64(), 5);
    EXPECT_EQ(q.Column(7).getInt(), 3);
    EXPECT_EQ(q.Column(8).getString(), "blob");
    EXPECT_EQ(q.Column(9).getString(), "null");
    EXPECT_EQ(q.Column(10).getInt64(), 9);
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
}

TEST_F(QueryTest, AParameterTheSqlDoesNotDeclareIsAnInternalError) {
  absl::Status s = db_->Read([&](Connection& c) -> absl::Status {
    Query q(c, "SELECT :known");
    q.Bind(":unknown", int64_t{1});
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInternal) << s;
}

TEST_F(QueryTest, RunningWithAnUnboundParameterIsAnInternalError) {
  absl::Status s = db_->Write([&](Connection& c) -> absl::Status {
    Query q(c, "INSERT INTO meta (key, value) VALUES (:key, :value)");
    q.Bind(":key", "half-bound").Run();
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInternal) << s;
  // Nothing of the failed write stayed.
  absl::Status read = db_->Read([&](Connection& c) -> absl::Status {
    EXPECT_FALSE(Query(c, "SELECT 1 FROM meta WHERE key = :key").Bind(":key", "half-bound").Step());
    return absl::OkStatus();
  });
  EXPECT_TRUE(read.ok()) << read;
}

TEST_F(QueryTest, AStatementIsPreparedOnceAndComesBackUnbound) {
  absl::Status s = db_->Read([&](Connection& c) -> absl::Status {
    {
      Query q(c, "SELECT :v");
      EXPECT_TRUE(q.Bind(":v", int64_t{1}).Step());
      q.Reset();
    }
    Query again(c, "SELECT :v");
    EXPECT_EQ(&again.row(), &Query(c, "SELECT :v").row());
    // Bindings belong to one use: this one bound nothing, so running is refused.
    EXPECT_THROW(again.Step(), std::logic_error);
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
}

}  // namespace
}  // namespace sangkien::storage
