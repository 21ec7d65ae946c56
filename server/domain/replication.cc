#include "domain/replication.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace sangkien::domain {
namespace {

// "Heading: text" paragraphs, skipping empty texts, separated by blank lines.
std::string Paragraphs(const std::vector<std::pair<const char*, std::string>>& parts) {
  std::vector<std::string> kept;
  for (const auto& [heading, text] : parts) {
    if (text.empty()) continue;
    kept.push_back(heading[0] == '\0' ? text : absl::StrCat(heading, ": ", text));
  }
  return absl::StrJoin(kept, "\n\n");
}

}  // namespace

CaseStudy CaseStudyFromProposal(const Proposal& proposal) {
  const ProposalContents& c = proposal.contents;
  CaseStudy cs;
  cs.title = proposal.title;
  cs.unit_id = proposal.unit_id;
  cs.proposal_id = proposal.id;
  cs.window.state = PublicationState::kDraft;
  cs.summary = c.bottleneck;
  cs.body = Paragraphs({{"Điểm nghẽn được tháo gỡ", c.bottleneck},
                        {"Nội dung, giải pháp", c.solutions},
                        {"Phạm vi", c.scope},
                        {"Đơn vị, người thực hiện", c.implementers}});
  std::string report =
      proposal.pilot.completion_report ? proposal.pilot.completion_report->text : "";
  std::string evaluation = proposal.evaluation ? proposal.evaluation->notes : "";
  cs.results = Paragraphs({{"", report}, {"Đánh giá", evaluation}});
  if (cs.results.empty()) cs.results = c.expected_results;
  return cs;
}

}  // namespace sangkien::domain
