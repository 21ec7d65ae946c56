// Finds the directory's units and groups in what a plan writes, e.g. "Các
// phòng, ngành, đơn vị cấp huyện, UBND các xã, thị trấn". Names contain
// commas, so lists are not split on commas: at each position the longest
// directory name wins, compared on folded words with "UBND"/"HĐND" expanded,
// and only what lies between known names becomes an unknown unit.
#ifndef SANGKIEN_SERVER_IMPORTER_UNIT_MATCHER_H_
#define SANGKIEN_SERVER_IMPORTER_UNIT_MATCHER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/task.h"
#include "importer/plan_importer.h"
#include "importer/tokens.h"

namespace sangkien::importer {

struct FoundUnit {
  domain::UnitRef ref;  // display_name: the plan's wording; id 0 when unknown
  bool known = false;
  size_t begin = 0;  // byte range in the matched text
  size_t end = 0;
};

struct ProseAssignment {
  std::vector<FoundUnit> lead;
  std::vector<FoundUnit> coordinating;
  size_t action_begin = 0;  // where the work itself is described
  // "X là cơ quan thường trực …": the sentence needs its subject to read.
  bool copula = false;
};

class UnitMatcher {
 public:
  UnitMatcher(const std::vector<DirectoryEntry>& directory, FoldCache& folder);

  // An attribute's value ("Phòng Nội vụ, Phòng Tư pháp."): known names in
  // order, "các đơn vị liên quan" and remarks in parentheses skipped, anything
  // else as unknown units.
  std::vector<FoundUnit> ParseList(std::string_view text);

  // An assignment written as prose at the start of an item: "X, Y <verb> …",
  // "X chủ trì, phối hợp Y, Z <verb> …", "Giao X chủ trì …". Only directory
  // names count here, since nothing marks where a list in prose ends.
  std::optional<ProseAssignment> MatchAssignment(std::string_view text);

  // The longest known name at the very start of `text`.
  std::optional<FoundUnit> MatchPrefix(std::string_view text);

  // A known name that ends exactly at the end of `text` (the earliest start
  // wins, so the longest name).
  std::optional<FoundUnit> MatchSuffix(std::string_view text);

  // Any known name anywhere in `text`.
  bool MentionsAny(std::string_view text);

 private:
  struct Key {
    std::string key;
    size_t token = 0;
    bool word = false;
    bool upper_start = false;
  };
  struct Variant {
    std::vector<std::string> keys;  // kConnector marks optional ", - và"
    size_t entry = 0;
  };
  struct Match {
    size_t entry = 0;
    size_t end = 0;  // key index after the match
  };

  std::vector<Key> Keys(const std::vector<Token>& tokens) const;
  std::optional<Match> LongestMatch(const std::vector<Key>& keys, size_t at) const;
  size_t FillerEnd(const std::vector<Key>& keys, size_t at) const;
  std::vector<FoundUnit> ProseList(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<Key>& keys, size_t* at,
                                   bool allow_leading_filler) const;
  FoundUnit Known(std::string_view text, const std::vector<Token>& tokens,
                  const std::vector<Key>& keys, size_t first, size_t end, size_t entry) const;
  bool Boundary(const std::vector<Key>& keys, size_t at) const;

  std::vector<DirectoryEntry> entries_;
  std::vector<Variant> variants_;
  std::unordered_map<std::string, std::vector<size_t>> by_first_key_;
  FoldCache& folder_;
};

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_UNIT_MATCHER_H_
