#include "calendar/timeframe.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "text/vietnamese.h"

namespace sangkien::calendar {
namespace {

// Four-digit years outside this range are typing mistakes in a plan, and a
// deadline in 1022 would make a task overdue forever: refuse rather than guess.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;

enum class TokenType { kWord, kNumber, kPunct, kOther };

// A piece of folded (ASCII, lower-case) text.
struct Token {
  TokenType type;
  std::string_view text;
  int value = 0;  // kNumber; digit strings too long to be a date part are kOther
};

std::vector<Token> Tokenize(std::string_view folded) {
  std::vector<Token> tokens;
  size_t i = 0;
  const auto is_word = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto is_high = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  while (i < folded.size()) {
    const char c = folded[i];
    size_t j = i + 1;
    if (c == ' ') {
      ++i;
      continue;
    }
    Token token{TokenType::kPunct, {}};
    if (is_word(c)) {
      while (j < folded.size() && is_word(folded[j])) ++j;
      token.type = TokenType::kWord;
    } else if (is_digit(c)) {
      while (j < folded.size() && is_digit(folded[j])) ++j;
      token.type = j - i <= 4 ? TokenType::kNumber : TokenType::kOther;
      for (size_t k = i; k < j && token.type == TokenType::kNumber; ++k) {
        token.value = token.value * 10 + (folded[k] - '0');
      }
    } else if (is_high(c)) {
      // Letters of other scripts, symbols, non-ASCII digits: never part of a
      // phrase we know, but free text in a report clause may hold them.
      while (j < folded.size() && is_high(folded[j])) ++j;
      token.type = TokenType::kOther;
    }
    token.text = folded.substr(i, j - i);
    tokens.push_back(token);
    i = j;
  }
  return tokens;
}

// Walks the token list. Parsers of a whole wording take it by value and must
// reach the end; parsers of a piece (a date) restore the position on failure,
// so callers can try alternatives without bookkeeping.
class Cursor {
 public:
  explicit Cursor(const std::vector<Token>& tokens, size_t pos = 0, size_t end = SIZE_MAX)
      : tokens_(tokens), pos_(pos), end_(std::min(end, tokens.size())) {}

  bool AtEnd() const { return pos_ >= end_; }
  size_t pos() const { return pos_; }
  void Reset(size_t pos) { pos_ = pos; }

  const Token* Peek(size_t ahead = 0) const {
    return pos_ + ahead < end_ ? &tokens_[pos_ + ahead] : nullptr;
  }

  // Consumes the space-separated words of `phrase` if they come next.
  bool Phrase(std::string_view phrase) {
    size_t k = pos_;
    while (!phrase.empty()) {
      const size_t space = phrase.find(' ');
      const std::string_view word = phrase.substr(0, space);
      if (k >= end_ || tokens_[k].type != TokenType::kWord || tokens_[k].text != word) {
        return false;
      }
      ++k;
      phrase.remove_prefix(space == std::string_view::npos ? phrase.size() : space + 1);
    }
    pos_ = k;
    return true;
  }

  bool AnyPhrase(std::initializer_list<std::string_view> phrases) {
    for (std::string_view phrase : phrases) {
      if (Phrase(phrase)) return true;
    }
    return false;
  }

  // Consumes the next token if it is exactly `text`, whatever its type.
  bool Literal(std::string_view text) {
    const Token* t = Peek();
    if (t == nullptr || t->text != text) return false;
    ++pos_;
    return true;
  }

  bool Punct(char c) {
    const Token* t = Peek();
    if (t == nullptr || t->type != TokenType::kPunct || t->text[0] != c) return false;
    ++pos_;
    return true;
  }

  // A number of at most `max_digits` digits.
  std::optional<int> Number(size_t max_digits) {
    const Token* t = Peek();
    if (t == nullptr || t->type != TokenType::kNumber || t->text.size() > max_digits) {
      return std::nullopt;
    }
    ++pos_;
    return t->value;
  }

  // A four-digit year; two-digit years are refused rather than guessed.
  std::optional<int> Year() {
    const Token* t = Peek();
    if (t == nullptr || t->type != TokenType::kNumber || t->text.size() != 4 ||
        t->value < kMinYear || t->value > kMaxYear) {
      return std::nullopt;
    }
    ++pos_;
    return t->value;
  }

 private:
  const std::vector<Token>& tokens_;
  size_t pos_;
  size_t end_;
};

bool IsDateSeparator(const Token* t) {
  return t != nullptr && t->type == TokenType::kPunct &&
         (t->text[0] == '/' || t->text[0] == '-' || t->text[0] == '.');
}

// "30/6/2022", "30-06-2022", "30.6.2022" or "30 tháng 6 năm 2022".
std::optional<absl::CivilDay> ParseFullDate(Cursor& c) {
  const size_t start = c.pos();
  std::optional<int> day = c.Number(2);
  if (day) {
    if (IsDateSeparator(c.Peek())) {
      const char sep = c.Peek()->text[0];
      c.Punct(sep);
      std::optional<int> month = c.Number(2);
      if (month && c.Punct(sep)) {
        if (std::optional<int> year = c.Year()) {
          if (auto date = MakeDate(*year, *month, *day)) return date;
        }
      }
    } else if (c.Phrase("thang")) {
      std::optional<int> month = c.Number(2);
      if (month && c.Phrase("nam")) {
        if (std::optional<int> year = c.Year()) {
          if (auto date = MakeDate(*year, *month, *day)) return date;
        }
      }
    }
  }
  c.Reset(start);
  return std::nullopt;
}

// "30/11" or "30 tháng 11" with no year after it. 29/2 is allowed: it means
// the last day of February in other years.
std::optional<AnnualDate> ParseAnnualDate(Cursor& c) {
  const size_t start = c.pos();
  std::optional<int> day = c.Number(2);
  std::optional<int> month;
  if (day && IsDateSeparator(c.Peek())) {
    c.Punct(c.Peek()->text[0]);
    month = c.Number(2);
    // A year after it makes it a one-off date, not a yearly one.
    if (IsDateSeparator(c.Peek())) month.reset();
  } else if (day && c.Phrase("thang")) {
    month = c.Number(2);
    if (c.Peek() != nullptr && c.Peek()->text == "nam" && c.Peek(1) != nullptr &&
        c.Peek(1)->type == TokenType::kNumber) {
      month.reset();
    }
  }
  if (month && MakeDate(2000, *month, *day)) return AnnualDate{*month, *day};
  c.Reset(start);
  return std::nullopt;
}

void SetRange(Timeframe& tf, TimeframeKind kind, absl::CivilDay start, absl::CivilDay due) {
  tf.kind = kind;
  tf.start_date = start;
  tf.due_date = due;
}

// Words that may open any fixed-period or deadline wording: "Hoàn thành trong
// năm 2022", "Trong quý III/2022".
void SkipCompletionWords(Cursor& c) {
  c.Phrase("hoan thanh");
  c.Phrase("trong");
}

// "Năm 2022", "Trong năm 2022".
bool ParseYear(Cursor c, Timeframe& tf) {
  SkipCompletionWords(c);
  if (!c.Phrase("nam")) return false;
  std::optional<int> year = c.Year();
  if (!year || !c.AtEnd()) return false;
  SetRange(tf, TimeframeKind::kYear, absl::CivilDay(*year, 1, 1), absl::CivilDay(*year, 12, 31));
  return true;
}

std::optional<int> ParseQuarterNumber(Cursor& c, bool digits_only) {
  if (std::optional<int> n = c.Number(1)) {
    if (*n >= 1 && *n <= 4) return n;
    return std::nullopt;
  }
  if (digits_only) return std::nullopt;
  static constexpr std::string_view kRoman[] = {"i", "ii", "iii", "iv"};
  for (int q = 4; q >= 1; --q) {
    if (c.Phrase(kRoman[q - 1])) return q;
  }
  return std::nullopt;
}

// "Quý III/2022", "Quý 3/2022", "Quý III năm 2022", "Quí III-2022" (older
// spelling), "Q3/2022".
bool ParseQuarter(Cursor c, Timeframe& tf) {
  SkipCompletionWords(c);
  std::optional<int> quarter;
  if (c.AnyPhrase({"quy", "qui"})) {
    quarter = ParseQuarterNumber(c, /*digits_only=*/false);
  } else if (c.Phrase("q")) {
    quarter = ParseQuarterNumber(c, /*digits_only=*/true);
  }
  if (!quarter || !(c.Punct('/') || c.Punct('-') || c.Phrase("nam"))) return false;
  std::optional<int> year = c.Year();
  if (!year || !c.AtEnd()) return false;
  const int last_month = *quarter * 3;
  SetRange(tf, TimeframeKind::kQuarter, absl::CivilDay(*year, last_month - 2, 1),
           EndOfMonth(*year, last_month));
  return true;
}

// "Tháng 6/2023", "Tháng 6 năm 2023", "Trong tháng 06-2023".
bool ParseMonth(Cursor c, Timeframe& tf) {
  SkipCompletionWords(c);
  if (!c.Phrase("thang")) return false;
  std::optional<int> month = c.Number(2);
  if (!month || *month < 1 || *month > 12) return false;
  if (!(c.Punct('/') || c.Punct('-') || c.Phrase("nam"))) return false;
  std::optional<int> year = c.Year();
  if (!year || !c.AtEnd()) return false;
  SetRange(tf, TimeframeKind::kMonth, absl::CivilDay(*year, *month, 1), EndOfMonth(*year, *month));
  return true;
}

// "6 tháng đầu năm 2023", "Sáu tháng cuối năm 2023", "Nửa đầu năm 2023".
bool ParseHalfYear(Cursor c, Timeframe& tf) {
  SkipCompletionWords(c);
  // "sáu" (six) folds to "sau"; "sau" (after) never comes before "tháng đầu".
  if (c.Literal("6") || c.Phrase("sau")) {
    if (!c.Phrase("thang")) return false;
  } else if (!c.Phrase("nua")) {
    return false;
  }
  bool first;
  if (c.Phrase("dau")) {
    first = true;
  } else if (c.Phrase("cuoi")) {
    first = false;
  } else {
    return false;
  }
  if (!c.Phrase("nam")) return false;
  std::optional<int> year = c.Year();
  if (!year || !c.AtEnd()) return false;
  if (first) {
    SetRange(tf, TimeframeKind::kHalfYear, absl::CivilDay(*year, 1, 1),
             absl::CivilDay(*year, 6, 30));
  } else {
    SetRange(tf, TimeframeKind::kHalfYear, absl::CivilDay(*year, 7, 1),
             absl::CivilDay(*year, 12, 31));
  }
  return true;
}

// "Trước ngày 30/6/2022", "Hoàn thành trước 30/06/2022", "Chậm nhất ngày
// 15/8/2023", "Đến hết ngày 30/6/2022", "ngày 30 tháng 6 năm 2022",
// "30/6/2022".
bool ParseDueDate(Cursor c, Timeframe& tf) {
  if (c.Phrase("hoan thanh")) c.Phrase("xong");
  if (c.Phrase("cham nhat")) {
    c.Phrase("la");
    c.Phrase("truoc");
  } else if (c.Phrase("den")) {
    c.Phrase("het");
  } else {
    c.AnyPhrase({"truoc", "trong", "vao"});
  }
  c.Phrase("ngay");
  std::optional<absl::CivilDay> due = ParseFullDate(c);
  if (!due || !c.AtEnd()) return false;
  tf.kind = TimeframeKind::kDueDate;
  tf.due_date = due;
  return true;
}

// ",", ";" or "và" between parts of a wording.
void SkipListSeparator(Cursor& c) {
  if (!c.Punct(',') && !c.Punct(';')) c.Phrase("va");
}

bool ParseOngoingPhrase(Cursor& c) {
  return c.AnyPhrase({"thuong xuyen", "lien tuc", "dinh ky hang nam", "hang nam", "moi nam"});
}

// "Thường xuyên", "Thường xuyên, liên tục", "Hằng năm", "Hàng năm" (both fold
// to "hang nam"). A yearly task with no stated date gives no due date to track,
// which is what kOngoing means.
bool ParseOngoing(Cursor c, Timeframe& tf) {
  if (!ParseOngoingPhrase(c)) return false;
  while (!c.AtEnd()) {
    SkipListSeparator(c);
    if (!ParseOngoingPhrase(c)) return false;
  }
  tf.kind = TimeframeKind::kOngoing;
  return true;
}

// Finds `phrase` at or after `from` in [from, end); returns its index or end.
size_t FindPhrase(const std::vector<Token>& tokens, size_t from, size_t end,
                  std::string_view phrase) {
  for (size_t i = from; i < end; ++i) {
    Cursor c(tokens, i, end);
    if (c.Phrase(phrase)) return i;
  }
  return end;
}

// The tail of a report clause after "trước" or "chậm nhất": "[ngày] 30/11",
// "ngày 15/6 và [trước] ngày 15/12", optionally "hằng năm" after it and "để …"
// (its purpose) at the very end.
bool ParseReportDates(Cursor& c, std::vector<AnnualDate>& dates) {
  do {
    c.Phrase("truoc");
    c.Phrase("ngay");
    std::optional<AnnualDate> date = ParseAnnualDate(c);
    if (!date) return false;
    dates.push_back(*date);
  } while (c.Phrase("va") || c.Punct(','));
  c.AnyPhrase({"hang nam", "moi nam"});
  if (c.AtEnd()) return true;
  c.Punct(',');
  return c.Phrase("de") && !c.AtEnd();
}

// "Thường xuyên; định kỳ hàng năm báo cáo UBND huyện … trước ngày 30/11",
// "Thường xuyên; báo cáo trước 30/11 hằng năm" (what DisplayTimeframe writes).
// The words between "báo cáo" and "trước" (whom to report to, through which
// office) are free text.
bool ParseOngoingPeriodic(const std::vector<Token>& tokens, Timeframe& tf) {
  Cursor c(tokens);
  bool lead = false;
  while (c.AnyPhrase({"thuong xuyen", "lien tuc"})) {
    lead = true;
    SkipListSeparator(c);
  }
  if (lead && !c.Punct('.')) c.Punct(':');
  const size_t begin = c.pos();
  const size_t end = tokens.size();
  const size_t report = FindPhrase(tokens, begin, end, "bao cao");
  if (report == end) return false;
  if (FindPhrase(tokens, begin, end, "hang nam") == end &&
      FindPhrase(tokens, begin, end, "moi nam") == end) {
    return false;
  }
  // "hằng quý báo cáo … trước ngày 25/3" would be misread as yearly.
  for (std::string_view other : {"hang quy", "hang qui", "hang thang", "hang tuan", "moi quy",
                                 "moi qui", "moi thang", "moi tuan"}) {
    if (FindPhrase(tokens, begin, end, other) != end) return false;
  }
  for (size_t at = report + 2; at < end; ++at) {
    Cursor tail(tokens, at, end);
    if (!tail.AnyPhrase({"truoc", "cham nhat"})) continue;
    std::vector<AnnualDate> dates;
    if (!ParseReportDates(tail, dates)) continue;
    std::sort(dates.begin(), dates.end(), [](const AnnualDate& a, const AnnualDate& b) {
      return a.month != b.month ? a.month < b.month : a.day < b.day;
    });
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    tf.kind = TimeframeKind::kOngoingPeriodic;
    tf.report_dates = std::move(dates);
    return true;
  }
  return false;
}

// "Sau khi có quy định, hướng dẫn …", "Khi có yêu cầu".
bool ParseConditional(Cursor c) {
  c.Phrase("ngay");
  if (!c.Phrase("sau khi") && !c.Phrase("khi")) return false;
  return !c.AtEnd();
}

// The plan ends the wording with the sentence's full stop (or a list's
// semicolon); it is punctuation of the document, not of the timeframe. An
// ellipsis is kept.
std::string_view StripClosingPunctuation(std::string_view s) {
  // A loop, so that parsing original_text again changes nothing.
  while (!s.empty() && (s.back() == ';' || (s.back() == '.' && !s.ends_with("..")))) {
    s.remove_suffix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  }
  return s;
}

}  // namespace

Timeframe ParseTimeframe(std::string_view text) {
  Timeframe tf;
  const std::string nfc = text::CollapseWhitespace(text::ToNfc(text::ReplaceInvalidUtf8(text)));
  tf.original_text = std::string(StripClosingPunctuation(nfc));
  if (tf.original_text.empty()) return tf;

  const std::string folded = text::FoldForSearch(tf.original_text);
  const std::vector<Token> tokens = Tokenize(folded);
  Cursor c(tokens);
  if (ParseConditional(c)) {
    tf.kind = TimeframeKind::kConditional;
    tf.condition = tf.original_text;
    return tf;
  }
  if (ParseOngoing(c, tf) || ParseOngoingPeriodic(tokens, tf) || ParseYear(c, tf) ||
      ParseQuarter(c, tf) || ParseMonth(c, tf) || ParseHalfYear(c, tf) || ParseDueDate(c, tf)) {
    return tf;
  }
  tf.kind = TimeframeKind::kUnparsed;
  return tf;
}

}  // namespace sangkien::calendar
