#include "domain/field_mask.h"

#include <gtest/gtest.h>

#include "status/errors.h"

namespace sangkien::domain {
namespace {

struct Note {
  std::string title;
  std::string body;
  struct Author {
    std::string name;
    std::string office;
  } author;
};

constexpr UpdatableField<Note> kNoteFields[] = {
    {"title", [](const Note& f, Note& t) { t.title = f.title; }},
    {"author", [](const Note& f, Note& t) { t.author = f.author; }},
    {"author.name", [](const Note& f, Note& t) { t.author.name = f.author.name; }},
};

Note Stored() { return {"Old title", "Old body", {"Lan", "Nội vụ"}}; }

TEST(FieldMaskTest, CopiesOnlyTheNamedFields) {
  Update<Note> u{{"New title", "ignored", {"ignored", "ignored"}}, {"title"}, ""};
  auto merged = MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields);
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->title, "New title");
  EXPECT_EQ(merged->body, "Old body");
  EXPECT_EQ(merged->author.name, "Lan");
}

TEST(FieldMaskTest, SubFieldEntryWinsOverItsParent) {
  Update<Note> u{{"", "", {"Hoa", ""}}, {"author.name"}, ""};
  auto merged = MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->author.name, "Hoa");
  EXPECT_EQ(merged->author.office, "Nội vụ");  // not cleared by the empty patch
}

TEST(FieldMaskTest, SubPathWithoutItsOwnEntryReplacesTheParentWhole) {
  Update<Note> u{{"", "", {"Hoa", ""}}, {"author.office"}, ""};
  auto merged = MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->author.office, "");
  EXPECT_EQ(merged->author.name, "Hoa");
}

TEST(FieldMaskTest, EmptyMaskListsTheFieldsThatMayChange) {
  Update<Note> u{Stored(), {}, ""};
  auto merged = MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields);
  ASSERT_EQ(merged.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(merged.status().message()).find("title, author"), std::string::npos);
  auto fields = ErrorFieldViolations(merged.status());
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].field, "update_mask");
}

TEST(FieldMaskTest, UnknownOrLookalikePathIsRefusedWithVietnamese) {
  for (const char* bad : {"body", "titles", "author_name"}) {
    Update<Note> u{Stored(), {bad}, ""};
    auto merged = MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields);
    ASSERT_EQ(merged.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(ErrorMessageVi(merged.status()).find("Không sửa được"), std::string::npos);
  }
}

TEST(FieldMaskTest, StaleEtagIsAbortedAndMatchingOrEmptyEtagPasses) {
  Update<Note> u{Stored(), {"title"}, "e0"};
  EXPECT_EQ(MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields).status().code(),
            absl::StatusCode::kAborted);
  u.etag = "e1";
  EXPECT_TRUE(MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields).ok());
  u.etag = "";
  EXPECT_TRUE(MergeUpdate<Note>(Stored(), "e1", "notes/1", u, kNoteFields).ok());
}

}  // namespace
}  // namespace sangkien::domain
