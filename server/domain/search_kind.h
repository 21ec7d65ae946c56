// What a search hit is: the kinds of resource the search index holds.
#ifndef SANGKIEN_SERVER_DOMAIN_SEARCH_KIND_H_
#define SANGKIEN_SERVER_DOMAIN_SEARCH_KIND_H_

namespace sangkien::domain {

enum class SearchKind {
  kUnspecified = 0,
  kPlan = 1,
  kTask = 2,
  kProposal = 3,
  kBroadcast = 4,
  kCaseStudy = 5,
  kAnnouncement = 6,
  kUnit = 7,
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_SEARCH_KIND_H_
