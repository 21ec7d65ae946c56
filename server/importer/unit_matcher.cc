#include "importer/unit_matcher.h"

#include <algorithm>

namespace sangkien::importer {
namespace {

// Stands for a connector inside a directory name: the plan may write ",",
// "-", "&", "và" or nothing there ("Phòng Văn hóa, Thông tin" = "Phòng Văn
// hóa và Thông tin" = "Phòng Văn hóa - Thông tin").
constexpr std::string_view kConnector = "\x01";

struct Expansion {
  std::string_view abbreviation;
  std::initializer_list<std::string_view> words;
};

// Folded abbreviations, applied to both the directory and the text.
const Expansion kExpansions[] = {
    {"ubnd", {"uy", "ban", "nhan", "dan"}},
    {"hdnd", {"hoi", "dong", "nhan", "dan"}},
    {"ubmttq", {"uy", "ban", "mat", "tran", "to", "quoc"}},
    {"mttq", {"mat", "tran", "to", "quoc"}},
    {"btv", {"ban", "thuong", "vu"}},
    {"bch", {"ban", "chap", "hanh"}},
    {"vp", {"van", "phong"}},
};

bool IsConnectorKey(std::string_view key) {
  return key == "," || key == "-" || key == "&" || key == "va";
}

// What may stand between names in a list.
bool IsSeparatorKey(std::string_view key) {
  return key == "," || key == ";" || key == "va" || key == "cung" || key == "+";
}

bool OneOf(std::string_view key, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), key) != set.end();
}

// Unknown unit names longer than this are sentences, not names.
constexpr size_t kMaxUnknownWords = 12;

}  // namespace

UnitMatcher::UnitMatcher(const std::vector<DirectoryEntry>& directory, FoldCache& folder)
    : entries_(directory), folder_(folder) {
  for (size_t e = 0; e < entries_.size(); ++e) {
    std::vector<Token> tokens = Tokenize(entries_[e].name, folder_, /*split_hyphens=*/true);
    std::vector<std::string> keys;
    for (const Key& k : Keys(tokens)) {
      if (!k.word || IsConnectorKey(k.key)) {
        if (!keys.empty() && keys.back() != kConnector) keys.emplace_back(kConnector);
        continue;
      }
      keys.push_back(k.key);
    }
    while (!keys.empty() && keys.back() == kConnector) keys.pop_back();
    while (!keys.empty() && keys.front() == kConnector) keys.erase(keys.begin());
    if (keys.empty()) continue;
    variants_.push_back(Variant{keys, e});
    // "Các phòng, ngành, …" is also written without "Các".
    if (keys.size() > 2 && keys.front() == "cac") {
      variants_.push_back(Variant{std::vector<std::string>(keys.begin() + 1, keys.end()), e});
    }
  }
  for (size_t v = 0; v < variants_.size(); ++v) {
    by_first_key_[variants_[v].keys.front()].push_back(v);
  }
}

std::vector<UnitMatcher::Key> UnitMatcher::Keys(const std::vector<Token>& tokens) const {
  std::vector<Key> keys;
  keys.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    bool expanded = false;
    if (t.word) {
      for (const Expansion& x : kExpansions) {
        if (t.key != x.abbreviation) continue;
        for (std::string_view w : x.words) {
          keys.push_back(Key{std::string(w), i, true, t.upper_start});
        }
        expanded = true;
        break;
      }
    }
    if (!expanded) keys.push_back(Key{t.key, i, t.word, t.upper_start});
  }
  return keys;
}

std::optional<UnitMatcher::Match> UnitMatcher::LongestMatch(const std::vector<Key>& keys,
                                                            size_t at) const {
  if (at >= keys.size() || !keys[at].word) return std::nullopt;
  auto it = by_first_key_.find(keys[at].key);
  if (it == by_first_key_.end()) return std::nullopt;
  std::optional<Match> best;
  for (size_t v : it->second) {
    const Variant& variant = variants_[v];
    size_t t = at;
    bool ok = true;
    for (const std::string& want : variant.keys) {
      if (want == kConnector) {
        if (t < keys.size() && IsConnectorKey(keys[t].key)) ++t;
        continue;
      }
      if (t >= keys.size() || !keys[t].word || keys[t].key != want) {
        ok = false;
        break;
      }
      ++t;
    }
    // An abbreviation is one token: a name may not end inside its expansion
    // ("UBND" alone does not match "Ủy ban").
    if (ok && t < keys.size() && t > 0 && keys[t].token == keys[t - 1].token) ok = false;
    if (ok && (!best || t > best->end)) best = Match{variant.entry, t};
  }
  return best;
}

size_t UnitMatcher::FillerEnd(const std::vector<Key>& keys, size_t at) const {
  // "các đơn vị liên quan", "các cơ quan, đơn vị có liên quan": everyone
  // concerned, which names no unit.
  if (at >= keys.size() ||
      !OneOf(keys[at].key, {"cac", "co", "don", "to", "nganh", "ban", "dia", "nhung"})) {
    return std::string::npos;
  }
  for (size_t k = at; k < keys.size() && k < at + 10; ++k) {
    if (keys[k].key == "lien" && k + 1 < keys.size() && keys[k + 1].key == "quan") return k + 2;
    if (!OneOf(keys[k].key, {"cac", "co",   "quan", "don",  "vi",    "nganh",  "ban",  "phong",
                             "to",  "chuc", "ca",   "nhan", "dia",   "phuong", "doan", "the",
                             "hoi", ",",    "va",   "cap",  "nhung", "khac"})) {
      return std::string::npos;
    }
  }
  return std::string::npos;
}

bool UnitMatcher::Boundary(const std::vector<Key>& keys, size_t at) const {
  if (at >= keys.size()) return true;
  const std::string& k = keys[at].key;
  return IsSeparatorKey(k) || k == "." || k == "(" || k == ")" || k == ":" || k == "-" ||
         FillerEnd(keys, at) != std::string::npos;
}

FoundUnit UnitMatcher::Known(std::string_view text, const std::vector<Token>& tokens,
                             const std::vector<Key>& keys, size_t first, size_t end,
                             size_t entry) const {
  FoundUnit f;
  f.known = true;
  f.ref = entries_[entry].ref;
  f.begin = tokens[keys[first].token].begin;
  f.end = tokens[keys[end - 1].token].end;
  f.ref.display_name = std::string(text.substr(f.begin, f.end - f.begin));
  return f;
}

std::vector<FoundUnit> UnitMatcher::ParseList(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text, folder_, /*split_hyphens=*/true);
  std::vector<Key> keys = Keys(tokens);
  std::vector<FoundUnit> out;
  const size_t n = keys.size();
  auto upper_word = [&](size_t k) { return keys[k].word && keys[k].upper_start; };
  size_t i = 0;
  while (i < n) {
    const Key& k = keys[i];
    if (k.key == "(") {
      // Remarks: "(chủ trì tham mưu)", "(qua Phòng Nội vụ)".
      while (i < n && keys[i].key != ")") ++i;
      ++i;
      continue;
    }
    if (!k.word || IsSeparatorKey(k.key)) {
      ++i;
      continue;
    }
    if (size_t f = FillerEnd(keys, i); f != std::string::npos) {
      i = f;
      continue;
    }
    if (auto m = LongestMatch(keys, i)) {
      if (Boundary(keys, m->end)) {
        out.push_back(Known(text, tokens, keys, i, m->end, m->entry));
        i = m->end;
        continue;
      }
      if (keys[m->end].word && !keys[m->end].upper_start) {
        // "Phòng Nội vụ tham mưu": a remark after the name.
        out.push_back(Known(text, tokens, keys, i, m->end, m->entry));
        i = m->end;
        while (i < n && keys[i].key != "," && keys[i].key != ";" && keys[i].key != "(") ++i;
        continue;
      }
      // Followed by more capitalised words: a longer name the directory lacks.
    }
    size_t j = i;
    while (j < n) {
      const std::string& kj = keys[j].key;
      if (kj == ";" || kj == "(" || kj == ")" || kj == "." || kj == ":") break;
      if (kj == ",") {
        // Unit names start with a capital; "Các phòng, ban, ngành" goes on.
        size_t next = j + 1;
        if (next < n && keys[next].word && !upper_word(next) && keys[next].key != "va" &&
            !LongestMatch(keys, next) && FillerEnd(keys, next) == std::string::npos) {
          ++j;
          continue;
        }
        break;
      }
      // "Văn phòng HĐND và UBND huyện" is one office: "HĐND và UBND" does
      // not separate two units.
      bool council_and = kj == "va" && j >= 4 && keys[j - 4].key == "hoi" &&
                         keys[j - 3].key == "dong" && keys[j - 2].key == "nhan" &&
                         keys[j - 1].key == "dan";
      if ((kj == "va" || kj == "cung") && j > i && !council_and &&
          (LongestMatch(keys, j + 1) || FillerEnd(keys, j + 1) != std::string::npos)) {
        break;
      }
      ++j;
    }
    if (j > i) {
      size_t begin = tokens[keys[i].token].begin;
      size_t end = tokens[keys[j - 1].token].end;
      std::string_view name = TrimChars(text.substr(begin, end - begin), ",.;:-");
      size_t words = 0;
      for (size_t w = i; w < j; ++w) words += keys[w].word ? 1 : 0;
      if (!name.empty() && words > 0 && words <= kMaxUnknownWords) {
        FoundUnit f;
        f.known = false;
        f.ref.kind = domain::UnitRef::Kind::kUnit;
        f.ref.id = 0;
        f.ref.display_name = std::string(name);
        f.begin = begin;
        f.end = end;
        out.push_back(std::move(f));
      }
    }
    i = std::max(j, i + 1);
  }
  return out;
}

std::vector<FoundUnit> UnitMatcher::ProseList(std::string_view text,
                                              const std::vector<Token>& tokens,
                                              const std::vector<Key>& keys, size_t* at,
                                              bool allow_leading_filler) const {
  std::vector<FoundUnit> out;
  size_t t = *at;
  bool first = true;
  while (t < keys.size()) {
    size_t filler = FillerEnd(keys, t);
    if (filler != std::string::npos && (allow_leading_filler || !first)) {
      t = filler;
    } else if (auto m = LongestMatch(keys, t)) {
      out.push_back(Known(text, tokens, keys, t, m->end, m->entry));
      t = m->end;
    } else {
      break;
    }
    first = false;
    *at = t;
    size_t s = t;
    while (s < keys.size() && s < t + 2 && IsSeparatorKey(keys[s].key)) ++s;
    if (s == t) break;
    if (!LongestMatch(keys, s) && FillerEnd(keys, s) == std::string::npos) break;
    t = s;
  }
  return out;
}

std::optional<ProseAssignment> UnitMatcher::MatchAssignment(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text, folder_, /*split_hyphens=*/true);
  std::vector<Key> keys = Keys(tokens);
  const size_t n = keys.size();
  auto keys_at = [&](size_t i, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
      if (i >= n || keys[i].key != w) return false;
      ++i;
    }
    return true;
  };
  size_t t = 0;
  bool directive = false;  // "Giao X chủ trì …": only with "chủ trì"
  if (keys_at(0, {"giao"})) {
    t = 1;
    directive = true;
  } else if (keys_at(0, {"de", "nghi"}) || keys_at(0, {"yeu", "cau"})) {
    t = 2;
    directive = true;
  }
  if (!LongestMatch(keys, t)) return std::nullopt;
  ProseAssignment out;
  out.lead = ProseList(text, tokens, keys, &t, /*allow_leading_filler=*/false);
  if (out.lead.empty()) return std::nullopt;
  bool leads = false;
  if (keys_at(t, {"chu", "tri"})) {
    t += 2;
    leads = true;
    while (t < n && (keys[t].key == "," || keys[t].key == ";")) ++t;
  }
  if (directive && !leads) return std::nullopt;
  if (keys_at(t, {"phoi", "hop"})) {
    size_t phoi = t;
    t += 2;
    if (keys_at(t, {"voi"})) ++t;
    size_t list_start = t;
    out.coordinating = ProseList(text, tokens, keys, &t, /*allow_leading_filler=*/true);
    // "phối hợp với cấp uỷ cùng cấp tổ chức …": the partner is no unit, so
    // the cooperation is part of the work.
    if (t == list_start) t = phoi;
  } else if (!leads && t < n) {
    // "X tạo môi trường …": a verb follows the actor; anything else (a
    // capitalised word, a comma) means the names were part of a sentence.
    bool verb = keys[t].word && !keys[t].upper_start;
    if (keys[t].key == ":") {
      ++t;
      verb = true;
    }
    if (!verb) return std::nullopt;
    out.copula = keys[t].key == "la";
  }
  while (t < n && (keys[t].key == "," || keys[t].key == ":" || keys[t].key == "-")) ++t;
  out.action_begin = t < n ? tokens[keys[t].token].begin : text.size();
  return out;
}

std::optional<FoundUnit> UnitMatcher::MatchPrefix(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text, folder_, /*split_hyphens=*/true);
  std::vector<Key> keys = Keys(tokens);
  auto m = LongestMatch(keys, 0);
  if (!m) return std::nullopt;
  return Known(text, tokens, keys, 0, m->end, m->entry);
}

std::optional<FoundUnit> UnitMatcher::MatchSuffix(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text, folder_, /*split_hyphens=*/true);
  std::vector<Key> keys = Keys(tokens);
  for (size_t t = 0; t < keys.size(); ++t) {
    auto m = LongestMatch(keys, t);
    if (m && m->end == keys.size()) return Known(text, tokens, keys, t, m->end, m->entry);
  }
  return std::nullopt;
}

bool UnitMatcher::MentionsAny(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text, folder_, /*split_hyphens=*/true);
  std::vector<Key> keys = Keys(tokens);
  for (size_t t = 0; t < keys.size(); ++t) {
    if (LongestMatch(keys, t)) return true;
  }
  return false;
}

}  // namespace sangkien::importer
