// SearchService end to end over the demo district: accent-insensitive
// matching, prefixes, ranking, paging, and visibility.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

class SearchTest : public ApiTest {
 protected:
  v1::SearchResponse Search(const std::string& query, std::vector<v1::SearchKind> kinds = {},
                            int page_size = 0) {
    v1::SearchRequest request;
    request.set_query(query);
    request.set_page_size(page_size);
    for (auto k : kinds) request.add_kinds(k);
    v1::SearchResponse response;
    grpc::Status status = Call(&v1::SearchService::Stub::Search, request, &response);
    EXPECT_TRUE(status.ok()) << query << ": " << status.error_message();
    return response;
  }
  // Every hit's name, following next_page_token.
  std::vector<std::string> AllHits(const std::string& query, int page_size, int* total = nullptr) {
    std::vector<std::string> names;
    v1::SearchRequest request;
    request.set_query(query);
    request.set_page_size(page_size);
    for (int pages = 0; pages < 500; ++pages) {
      v1::SearchResponse response;
      grpc::Status status = Call(&v1::SearchService::Stub::Search, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      if (total) *total = response.total_size();
      for (const auto& h : response.hits()) names.push_back(h.name());
      if (response.next_page_token().empty()) break;
      EXPECT_EQ(response.hits_size(), page_size) << "page " << pages << " is not full";
      request.set_page_token(response.next_page_token());
    }
    return names;
  }
  static std::vector<std::string> Names(const v1::SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits()) out.push_back(h.name());
    return out;
  }
  // The highlighted words of a hit's snippet, as text.
  static std::vector<std::string> Highlighted(const v1::SearchHit& hit) {
    std::u32string cps;
    const std::string& s = hit.snippet();
    for (size_t i = 0; i < s.size();) {
      unsigned char c = s[i];
      int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
      for (int k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
      cps.push_back(cp);
      i += len;
    }
    std::vector<std::string> out;
    for (const auto& r : hit.highlights()) {
      std::string word;
      for (int i = r.start(); i < r.start() + r.length(); ++i) {
        char32_t cp = cps.at(i);
        if (cp < 0x80) {
          word += static_cast<char>(cp);
        } else if (cp < 0x800) {
          word += static_cast<char>(0xC0 | (cp >> 6));
          word += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          word += static_cast<char>(0xE0 | (cp >> 12));
          word += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          word += static_cast<char>(0x80 | (cp & 0x3F));
        }
      }
      out.push_back(word);
    }
    return out;
  }
  v1::Plan CreatePlan(const std::string& title, v1::PlanState state) {
    UseDemoAccount("coordinator");
    return CreatePlanWithOneTask(title, state);
  }
};

TEST_F(SearchTest, FindsThePlansWordsTypedWithoutDiacritics) {
  UsePublic();
  v1::SearchResponse r = Search("dam nghi dam lam");
  ASSERT_THAT(r.hits(), Not(IsEmpty()));
  EXPECT_THAT(Names(r), Contains(SeedPlan()));
  bool marked = false;
  for (const auto& hit : r.hits()) {
    std::vector<std::string> words = Highlighted(hit);
    if (std::find(words.begin(), words.end(), "dám") != words.end() &&
        std::find(words.begin(), words.end(), "nghĩ") != words.end()) {
      marked = true;
    }
  }
  EXPECT_TRUE(marked) << "no snippet marks \"dám nghĩ\" in the original text";

  v1::SearchResponse dot_pha = Search("dot pha");
  ASSERT_THAT(dot_pha.hits(), Not(IsEmpty()));
  EXPECT_THAT(Highlighted(dot_pha.hits(0)), Contains("đột"));
}

TEST_F(SearchTest, UpperCaseFindsTheInspectorate) {
  UsePublic();
  v1::SearchResponse r = Search("THANH TRA", {v1::SEARCH_KIND_UNIT});
  ASSERT_THAT(r.hits(), Not(IsEmpty()));
  EXPECT_EQ(r.hits(0).title(), "Thanh tra huyện");
  EXPECT_EQ(r.hits(0).name(), UnitNamed("Thanh tra huyện"));
  EXPECT_EQ(r.hits(0).kind(), v1::SEARCH_KIND_UNIT);
  ASSERT_EQ(r.hits(0).title_highlights_size(), 2);
  EXPECT_EQ(r.hits(0).title_highlights(0).start(), 0);
  EXPECT_EQ(r.hits(0).title_highlights(0).length(), 5);
}

TEST_F(SearchTest, NfdQueryFindsWhatNfcFinds) {
  UsePublic();
  // "đột phá" decomposed.
  std::vector<std::string> nfd = Names(Search("\xC4\x91o\xCC\xA3\xCC\x82t pha\xCC\x81"));
  EXPECT_THAT(nfd, Not(IsEmpty()));
  EXPECT_EQ(nfd, Names(Search("đột phá")));
  EXPECT_EQ(nfd, Names(Search("ĐỘT PHÁ")));
}

TEST_F(SearchTest, TheLastWordMatchesAsAPrefixWhileTyping) {
  UsePublic();
  EXPECT_THAT(Search("sang kie").hits(), Not(IsEmpty()));
  EXPECT_THAT(Search("phong noi v", {v1::SEARCH_KIND_UNIT}).hits(), Not(IsEmpty()));
  // Earlier words must be whole.
  EXPECT_THAT(Search("sangk kien").hits(), IsEmpty());
}

TEST_F(SearchTest, FindsTasksByTheirWordsAndUnits) {
  UsePublic();
  v1::SearchResponse r = Search("tu phap", {v1::SEARCH_KIND_TASK});
  ASSERT_THAT(r.hits(), Not(IsEmpty()));
  for (const auto& hit : r.hits()) {
    EXPECT_EQ(hit.kind(), v1::SEARCH_KIND_TASK);
    EXPECT_TRUE(absl::StartsWith(hit.name(), SeedPlan() + "/tasks/")) << hit.name();
    EXPECT_EQ(hit.parent(), SeedPlan());
  }
}

TEST_F(SearchTest, PublicProposalsAreFoundAndDraftsAreNot) {
  UseDemoAccount("staff Tân Lập");
  v1::Proposal draft = ProposalIn(v1::PROPOSAL_STATE_DRAFT, "staff Tân Lập");
  v1::Proposal approved = ProposalIn(v1::PROPOSAL_STATE_APPROVED, "staff Tân Lập");
  UsePublic();
  std::vector<std::string> seen = AllHits(approved.title(), 100);
  EXPECT_THAT(seen, Contains(approved.name()));
  EXPECT_THAT(seen, Not(Contains(draft.name())));
  UseDemoAccount("coordinator");
  EXPECT_THAT(AllHits(draft.title(), 100), Contains(draft.name()));
}

TEST_F(SearchTest, DraftsNeverLeakThroughHitsCountsOrPages) {
  UsePublic();
  int public_total = 0;
  std::vector<std::string> before = AllHits("ke hoach", 3, &public_total);
  // Drafts carrying the same words, and a unique one.
  CreatePlan("Kế hoạch nội bộ zyxquy", v1::PLAN_STATE_DRAFT);
  CreatePlan("Kế hoạch nội bộ thứ hai", v1::PLAN_STATE_DRAFT);
  UsePublic();
  int total_after = 0;
  std::vector<std::string> after = AllHits("ke hoach", 3, &total_after);
  EXPECT_EQ(after, before);
  EXPECT_EQ(total_after, public_total);
  EXPECT_EQ(static_cast<int>(after.size()), public_total);
  v1::SearchResponse unique = Search("zyxquy");
  EXPECT_THAT(unique.hits(), IsEmpty());
  EXPECT_EQ(unique.total_size(), 0);
  EXPECT_TRUE(unique.next_page_token().empty());
  // A kiosk sees what the public sees.
  UseDemoAccount("kiosk Tân Lập");
  EXPECT_THAT(Search("zyxquy").hits(), IsEmpty());
  UseDemoAccount("coordinator");
  EXPECT_EQ(Search("zyxquy").total_size(), 2);  // the plan and its task
}

TEST_F(SearchTest, PublishingAndDeletingMoveAPlanInAndOutOfPublicSearch) {
  v1::Plan plan = CreatePlan("Kế hoạch qwvmk", v1::PLAN_STATE_DRAFT);
  UsePublic();
  EXPECT_THAT(Search("qwvmk").hits(), IsEmpty());
  UseDemoAccount("coordinator");
  v1::UpdatePlanRequest update;
  update.mutable_plan()->set_name(plan.name());
  update.mutable_plan()->set_state(v1::PLAN_STATE_PUBLISHED);
  update.mutable_update_mask()->add_paths("state");
  v1::Plan published;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::UpdatePlan, update, &published).ok());
  UsePublic();
  EXPECT_THAT(Names(Search("qwvmk")), Contains(plan.name()));
  EXPECT_EQ(Search("qwvmk").total_size(), 2);
  UseDemoAccount("coordinator");
  v1::DeletePlanRequest del;
  del.set_name(plan.name());
  v1::Plan deleted;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::DeletePlan, del, &deleted).ok());
  EXPECT_THAT(Search("qwvmk").hits(), IsEmpty());
  UsePublic();
  EXPECT_THAT(Search("qwvmk").hits(), IsEmpty());
}

TEST_F(SearchTest, PagesCoverEveryHitOnceInRankOrder) {
  UsePublic();
  int total = 0;
  std::vector<std::string> paged = AllHits("huyen", 2, &total);
  ASSERT_GT(total, 4);
  EXPECT_EQ(static_cast<int>(paged.size()), total);
  EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()).size(), paged.size());
  EXPECT_EQ(paged, AllHits("huyen", 100));
  v1::SearchResponse first = Search("huyen", {}, 100);
  for (int i = 1; i < first.hits_size(); ++i) {
    EXPECT_GE(first.hits(i - 1).score(), first.hits(i).score());
  }
}

TEST_F(SearchTest, KindsNarrowTheSearch) {
  UsePublic();
  v1::SearchResponse r = Search("huyen", {v1::SEARCH_KIND_PLAN});
  ASSERT_THAT(r.hits(), Not(IsEmpty()));
  for (const auto& h : r.hits()) EXPECT_EQ(h.kind(), v1::SEARCH_KIND_PLAN);
}

TEST_F(SearchTest, BadRequestsAreRefusedPrecisely) {
  UsePublic();
  v1::SearchResponse response;
  v1::SearchRequest request;
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::SearchService::Stub::Search, request, &response), {"query"}));
  request.set_query("!!! …");
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::SearchService::Stub::Search, request, &response), {"query"}));
  request.set_query(std::string(201, 'a'));
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::SearchService::Stub::Search, request, &response), {"query"}));
  request.set_query("huyen");
  request.set_page_size(101);
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::SearchService::Stub::Search, request, &response), {"page_size"}));
  request.set_page_size(0);
  request.add_kinds(static_cast<v1::SearchKind>(99));
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::SearchService::Stub::Search, request, &response), {"kinds[0]"}));
  // A token belongs to its query.
  request.clear_kinds();
  request.set_page_size(1);
  ASSERT_TRUE(Call(&v1::SearchService::Stub::Search, request, &response).ok());
  ASSERT_FALSE(response.next_page_token().empty());
  v1::SearchRequest other;
  other.set_query("xa");
  other.set_page_token(response.next_page_token());
  EXPECT_EQ(Call(&v1::SearchService::Stub::Search, other, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace sangkien::api_test
