#include "line_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <memory>

#include "affix.h"
#include "utf8.h"
#include "xml_text.h"

namespace bitext {
namespace {

// Penalties for ending a line at a break (added to the balance cost).
constexpr double kAfterPunctuation = 0;
constexpr double kBeforeConjunction = 2;
constexpr double kPlainBreak = 8;
constexpr double kEndsInFunctionWord = 12;
constexpr double kInsideWord = 60;   // ICU break not after a space (Korean syllables)
constexpr double kGrapheme = 200;    // emergency break inside a token
constexpr double kSplitsName = 300;  // "Sam | Altman" or inside keep_together
// Above this many lines or candidates the DP is skipped (greedy lines).
constexpr int kMaxDpLines = 8;
constexpr size_t kMaxDpCandidates = 4000;

// KoreanLineWidth's width of `c`, from its Unicode properties.
double CodePointWidthKo(char32_t c) {
  int8_t gc = static_cast<int8_t>(u_charType(static_cast<UChar32>(c)));
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK) return 0;
  int eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 1;
  return 0.5;
}

// The width of an ASCII character: half a Hangul syllable in Korean, one
// code point in English.
constexpr double AsciiWidth(LineLang lang) { return lang == LineLang::kKorean ? 0.5 : 1.0; }

// Moves *i past the character at s[*i] and returns its width: KoreanLineWidth's
// for Korean, 1 (a code point) for English. ASCII (narrow or neutral, never
// a combining mark) and Hangul syllables (wide) need no property look-up.
double NextCharWidth(std::string_view s, size_t* i, LineLang lang) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[*i] < 0x80) {
    ++*i;
    return AsciiWidth(lang);
  }
  if (IsHangulSyllableAt(p, *i, s.size())) {
    *i += 3;
    return 1;
  }
  const char32_t c = NextCodePoint(s, i);
  return lang == LineLang::kKorean ? CodePointWidthKo(c) : 1.0;
}

constexpr std::string_view kConjunctions[] = {
    "and",  "but",    "or",    "nor",     "so",    "yet",   "because", "although", "though",
    "that", "which",  "who",   "whom",    "whose", "where", "when",    "while",    "if",
    "than", "unless", "until", "whether", "since", "after", "before",  "whereas",
};
constexpr std::string_view kFunctionWords[] = {
    "a",    "an",  "the", "of",   "to",   "in",    "on",    "at",    "for",   "with", "by",
    "from", "and", "or",  "but",  "my",   "your",  "our",   "their", "his",   "her",  "its",
    "is",   "are", "was", "were", "this", "these", "those", "into",  "about", "as",
};
// Korean clause endings a line may end after (followed by a space).
constexpr std::string_view kKoreanClauseEndings[] = {
    "고",   "며",   "지만", "는데", "면서", "서",     "면",   "니까",
    "으나", "므로", "도록", "라며", "다며", "는데도", "든지", "거나"};
// Auxiliary verbs that bind to the preceding …고 / …서 / …어 word.
constexpr std::string_view kKoreanAuxiliaries[] = {"있", "싶", "계", "말", "보", "놓", "두", "주"};
// Determiners and prefixes that bind to the following word.
constexpr std::string_view kKoreanDeterminers[] = {
    "전", "약", "각", "그", "이", "저", "몇", "모든", "여러", "두", "세",
    "네", "한", "총", "첫", "매", "새", "현", "본",   "해당", "및", "또는"};
static_assert(
    [] {
      for (std::string_view d : kKoreanDeterminers) {
        if (d.size() != 3 && d.size() != 6) return false;
      }
      return true;
    }(),
    "IsKoreanDeterminer looks only at words of one or two syllables");

// The code point of a 3-byte UTF-8 sequence.
constexpr char32_t Decode3(std::string_view s) {
  return (char32_t(static_cast<unsigned char>(s[0]) & 0x0F) << 12) |
         (char32_t(static_cast<unsigned char>(s[1]) & 0x3F) << 6) |
         char32_t(static_cast<unsigned char>(s[2]) & 0x3F);
}

// The last syllable of each clause ending (repeats allowed).
constexpr auto kClauseEndingLasts = [] {
  std::array<char32_t, std::size(kKoreanClauseEndings)> lasts{};
  for (size_t i = 0; i < lasts.size(); ++i) {
    std::string_view e = kKoreanClauseEndings[i];
    lasts[i] = Decode3(e.substr(e.size() - 3));
  }
  return lasts;
}();

// The Hangul syllable `w` ends with, or 0.
char32_t LastSyllable(std::string_view w) {
  if (w.size() < 3) return 0;
  return HangulSyllableAt(reinterpret_cast<const unsigned char*>(w.data()), w.size() - 3, w.size());
}

// Whether a Korean word whose last syllable is `last` ends with 고, 서, 어, 아,
// 게 or 지 and `after` starts with an auxiliary verb (…고 있다, …서 있다).
bool IsAuxiliaryPair(char32_t last, std::string_view after) {
  static constexpr char32_t kFirstHalf[] = {Decode3("고"), Decode3("서"), Decode3("어"),
                                            Decode3("아"), Decode3("게"), Decode3("지")};
  if (last == 0 ||
      std::find(std::begin(kFirstHalf), std::end(kFirstHalf), last) == std::end(kFirstHalf)) {
    return false;
  }
  for (std::string_view a : kKoreanAuxiliaries) {
    if (StartsWith(after, a)) return true;
  }
  return false;
}

// Whether `before`, whose last syllable is `last`, ends with a clause ending
// (and is longer than it). An ending is compared only where its last
// syllable is `last` (most words end in none: …은, …를, …다).
bool EndsWithClauseEnding(std::string_view before, char32_t last) {
  for (size_t i = 0; i < std::size(kKoreanClauseEndings); ++i) {
    const std::string_view ev = kKoreanClauseEndings[i];
    if (kClauseEndingLasts[i] == last && before.size() > ev.size() && EndsWith(before, ev)) {
      return true;
    }
  }
  return false;
}

bool IsKoreanDeterminer(std::string_view word) {
  if (word.size() != 3 && word.size() != 6) return false;  // one or two syllables
  for (std::string_view d : kKoreanDeterminers) {
    if (word == d) return true;
  }
  return false;
}

// A word of 1 to 8 ASCII letters, lower-cased and packed into the bytes of
// an integer (first letter lowest); 0 for any other word. Every word of the
// lists above is such a word, so a word packing to 0 is in none of them.
constexpr uint64_t PackLowerWord(std::string_view w) {
  if (w.empty() || w.size() > 8) return 0;
  uint64_t packed = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return 0;
    packed |= uint64_t{static_cast<unsigned char>(c)} << (8 * i);
  }
  return packed;
}

// A word list as sorted packed words: membership (ASCII case-insensitive)
// is one packing and a binary search, not a string compare per entry.
template <size_t N>
class WordSet {
 public:
  constexpr explicit WordSet(const std::string_view (&list)[N]) : packed_() {
    for (size_t i = 0; i < N; ++i) packed_[i] = PackLowerWord(list[i]);
    // Insertion sort (constexpr; the lists are short).
    for (size_t i = 1; i < N; ++i) {
      for (size_t j = i; j > 0 && packed_[j] < packed_[j - 1]; --j) {
        uint64_t t = packed_[j];
        packed_[j] = packed_[j - 1];
        packed_[j - 1] = t;
      }
    }
  }
  // True if every entry is a word PackLowerWord accepts, and the packed
  // words are in strictly ascending order (what the binary search needs).
  constexpr bool Valid() const {
    for (size_t i = 0; i < N; ++i) {
      if (packed_[i] == 0 || (i > 0 && packed_[i - 1] >= packed_[i])) return false;
    }
    return true;
  }
  bool Contains(std::string_view w) const {
    uint64_t p = PackLowerWord(w);
    return p != 0 && std::binary_search(std::begin(packed_), std::end(packed_), p);
  }

 private:
  uint64_t packed_[N];
};

constexpr WordSet kConjunctionSet(kConjunctions);
constexpr WordSet kFunctionWordSet(kFunctionWords);
static_assert(kConjunctionSet.Valid() && kFunctionWordSet.Valid(),
              "word lists hold distinct words of 1 to 8 ASCII letters");

// How `word` ends (WordBreak::End): the last byte decides for ASCII; the
// other marks are told by their last byte and checked whole.
WordBreak::End EndOf(std::string_view word) {
  using End = WordBreak::End;
  if (word.empty()) return End::kNone;
  switch (static_cast<unsigned char>(word.back())) {
    case ',':
    case ';':
    case ':':
      return End::kClause;
    case '.':
    case '!':
    case '?':
    case '"':
      return End::kSentence;
    case ')':
      return EndsWith(word, ".)") ? End::kSentence : End::kOther;
    case ']':
      return End::kOther;
    case 0x9D:
      return EndsWith(word, "\xE2\x80\x9D") ? End::kSentence : End::kNone;  // ”
    case 0x99:
      return EndsWith(word, "\xE2\x80\x99") ? End::kOther : End::kNone;  // ’
    case 0xA6:
      return EndsWith(word, "\xE2\x80\xA6") ? End::kSentence : End::kNone;  // …
    case 0xB7:
      return EndsWith(word, "\xC2\xB7") ? End::kOther : End::kNone;  // ·
    default:
      return End::kNone;
  }
}

bool OpensQuote(std::string_view word) {
  if (word.size() < 2) return false;  // the mark and more
  switch (word[0]) {
    case '"':
    case '\'':
    case '(':
    case '[':
      return true;
    case '\xE2':  // “ ‘
      return word.size() > 3 &&
             (StartsWith(word, "\xE2\x80\x9C") || StartsWith(word, "\xE2\x80\x98"));
    default:
      return false;
  }
}

bool StartsUpper(std::string_view word) {
  size_t i = 0;
  while (i < word.size() && (word[i] == '"' || word[i] == '(' || word[i] == '\'')) ++i;
  if (i >= word.size()) return false;
  if (static_cast<unsigned char>(word[i]) < 0x80) return word[i] >= 'A' && word[i] <= 'Z';
  char32_t c = NextCodePoint(word, &i);
  return u_isupper(static_cast<UChar32>(c));
}

bool IsWordChars(std::string_view word) {
  // Letters (and inner hyphens/apostrophes) only: "Altman", "O'Neil".
  if (word.empty()) return false;
  for (size_t i = 0; i < word.size();) {
    const char a = word[i];
    if (static_cast<unsigned char>(a) < 0x80) {  // ASCII without ICU
      if (!((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || a == '-' || a == '\'')) {
        return false;
      }
      ++i;
      continue;
    }
    char32_t c = NextCodePoint(word, &i);
    if (!u_isalpha(static_cast<UChar32>(c)) && c != 0x2019) return false;
  }
  return true;
}

// The line-break classes (UAX #14) SpaceBreakOpportunities tells apart; a
// character of any other class is kOther (ICU decides for that text).
enum class Lb : uint8_t {
  kOther,
  kAl,     // AL, H2/H3 (Hangul syllables), PR, PO, AI resolved to AL: ordinary here
  kNu,     // NU
  kHy,     // HY '-'
  kBa,     // BA '|'
  kOp,     // OP ( [ { 《 「 『 〈
  kQu,     // QU " ' “ ” ‘ ’
  kIn,     // IN …
  kIs,     // IS , . : ;
  kClose,  // CL, CP, EX, SY: never a break before them (LB13; IS too)
  kSp,     // SP
};

// The class of an ASCII character.
constexpr Lb AsciiLb(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Lb::kAl;
  if (c >= '0' && c <= '9') return Lb::kNu;
  switch (c) {
    case ' ':
      return Lb::kSp;
    case '-':
      return Lb::kHy;
    case '|':
      return Lb::kBa;
    case '(':
    case '[':
    case '{':
      return Lb::kOp;
    case '"':
    case '\'':
      return Lb::kQu;
    case ')':
    case ']':
    case '}':
    case '!':
    case '?':
    case '/':
      return Lb::kClose;
    case ',':
    case '.':
    case ':':
    case ';':
      return Lb::kIs;
    case '#':
    case '$':
    case '%':
    case '&':
    case '*':
    case '+':
    case '<':
    case '=':
    case '>':
    case '@':
    case '\\':
    case '^':
    case '_':
    case '`':
    case '~':
      return Lb::kAl;
    default:
      return Lb::kOther;  // controls
  }
}

// AsciiLb of every ASCII byte, looked up by NextLb.
constexpr std::array<Lb, 0x80> kAsciiLb = [] {
  std::array<Lb, 0x80> t{};
  for (char32_t c = 0; c < 0x80; ++c) t[c] = AsciiLb(c);
  return t;
}();

// The class of a character that is neither ASCII nor a Hangul syllable.
Lb OtherLb(char32_t c) {
  switch (c) {
    case 0x00B7:  // ·
      return Lb::kAl;
    case 0x2018:  // ‘ ’ “ ”
    case 0x2019:
    case 0x201C:
    case 0x201D:
      return Lb::kQu;
    case 0x2026:  // …
      return Lb::kIn;
    case 0x3008:  // 〈 《 「 『
    case 0x300A:
    case 0x300C:
    case 0x300E:
      return Lb::kOp;
    case 0x3001:  // 、 。 〉 》 」 』
    case 0x3002:
    case 0x3009:
    case 0x300B:
    case 0x300D:
    case 0x300F:
      return Lb::kClose;
    default:
      return Lb::kOther;
  }
}

// The class of the character at text[*i], advancing *i past it: ASCII by
// table, a Hangul syllable (H2/H3, which the rules here treat as AL) without
// a full decode, the rest decoded (ill-formed bytes: U+FFFD, kOther).
inline Lb NextLb(std::string_view text, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  if (p[*i] < 0x80) return kAsciiLb[p[(*i)++]];
  if (IsHangulSyllableAt(p, *i, text.size())) {
    *i += 3;
    return Lb::kAl;
  }
  return OtherLb(NextCodePoint(text, i));
}

struct Candidate {
  size_t line_end;  // the line before the break ends here (trailing spaces dropped)
  size_t next;      // the next line starts here (leading spaces skipped)
  double penalty;
  bool bad;  // splits a name or keep_together phrase
};

class Breaker {
 public:
  // Prepares CollapseSpaces(text); the buffers of the previous text are
  // reused (one Breaker serves many texts without allocating anew).
  void Reset(std::string_view text, const LineBreakOptions& opt) {
    AssignCollapsedSpaces(text, &text_);
    opt_ = opt;
    computed_ = false;
    words_ready_ = false;
    grapheme_set_.clear();
    cands_.clear();
    keep_.clear();
    ComputeWidths();
    for (const std::string& phrase : opt_.keep_together) {
      if (phrase.empty()) continue;
      for (size_t p = text_.find(phrase); p != std::string::npos; p = text_.find(phrase, p + 1))
        keep_.push_back({p, p + phrase.size()});
    }
  }

  const std::string& text() const { return text_; }

  // Lines of text_[from, to) (trimmed of spaces at both ends).
  std::vector<std::string> Break(size_t from, size_t to) const {
    Trim(&from, &to);
    if (from >= to) return {};
    std::vector<size_t>& ends = scratch_;  // indices into cands_
    if (!Greedy(from, to, /*allow_bad=*/false, &ends)) Greedy(from, to, /*allow_bad=*/true, &ends);
    int n = static_cast<int>(ends.size()) + 1;
    if (n > 1 && n <= kMaxDpLines) Dp(from, to, n, &ends);
    std::vector<std::string> lines;
    size_t start = from;
    for (size_t e : ends) {
      lines.push_back(text_.substr(start, cands_[e].line_end - start));
      start = cands_[e].next;
    }
    lines.push_back(text_.substr(start, to - start));
    return lines;
  }

  int Count(size_t from, size_t to) const {
    Trim(&from, &to);
    if (from >= to) return 0;
    std::vector<size_t>& ends = scratch_;  // no allocation per count
    if (!Greedy(from, to, false, &ends)) Greedy(from, to, true, &ends);
    return static_cast<int>(ends.size()) + 1;
  }

  double Width(size_t from, size_t to) const { return width_[to] - width_[from]; }
  const std::vector<size_t>& CodePointsBefore() const { return code_points_; }

  // The words around the space before `pos`, classified on first need: a
  // text that fits on one line (and in one cue) needs none.
  const WordBreak& WordsAt(size_t pos) const {
    static const WordBreak kNoWords;
    if (pos == 0 || pos > text_.size() || text_[pos - 1] != ' ') return kNoWords;
    if (!words_ready_) ClassifyWords();
    return words_[pos];
  }

 private:
  void Trim(size_t* from, size_t* to) const {
    *to = std::min(*to, text_.size());
    while (*from < *to && text_[*from] == ' ') ++*from;
    while (*to > *from && text_[*to - 1] == ' ') --*to;
  }

  // Index of the first candidate whose next line starts after `from`.
  size_t FirstAfter(size_t from) const {
    return static_cast<size_t>(
        std::upper_bound(cands_.begin(), cands_.end(), from,
                         [](size_t v, const Candidate& c) { return v < c.next; }) -
        cands_.begin());
  }

  // width_ and code_points_, in one pass over the text. Every entry from 1
  // on is written (an offset inside a character gets the values after it).
  void ComputeWidths() {
    const size_t size = text_.size();
    width_.resize(size + 1);
    code_points_.resize(size + 1);
    width_[0] = 0;
    code_points_[0] = 0;
    double w = 0;
    size_t n = 0;
    // ASCII (most of an English text, a Korean text's spaces) inline: one
    // byte, one character, one entry; the rest through NextCharWidth.
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    const double ascii_width = AsciiWidth(opt_.lang);
    double* width = width_.data();
    size_t* code_points = code_points_.data();
    for (size_t i = 0; i < size;) {
      if (p[i] < 0x80) {
        w += ascii_width;
        ++i;
        width[i] = w;
        code_points[i] = ++n;
        continue;
      }
      const size_t start = i;
      w += NextCharWidth(text_, &i, opt_.lang);
      ++n;
      for (size_t k = start + 1; k <= i; ++k) {
        width[k] = w;
        code_points[k] = n;
      }
    }
  }

  // words_[s + 1] for every space s, in one scan (each word is read as the
  // word after one space, then as the word before the next). The text is
  // collapsed: single spaces, none at the ends.
  void ClassifyWords() const {
    words_ready_ = true;
    const size_t size = text_.size();
    words_.resize(size + 1);
    const std::string_view t = text_;
    size_t word = 0;  // the start of the word before `space`
    for (size_t space = t.find(' '); space != std::string_view::npos;) {
      const size_t next = t.find(' ', space + 1);
      const size_t after_end = next == std::string_view::npos ? size : next;
      words_[space + 1] = ClassifyWordBreak(t.substr(word, space - word),
                                            t.substr(space + 1, after_end - space - 1), opt_.lang);
      word = space + 1;
      space = next;
    }
  }

  // All break positions (byte offsets where a next line may start), by level:
  // 0 preferred, 1 other ICU opportunities, 2 grapheme boundaries.
  // Candidates are computed on first need: a text that fits on one line
  // never needs ICU.
  void EnsureCandidates() const {
    if (!computed_) ComputeCandidates();
    computed_ = true;
  }

  void ComputeCandidates() const {
    // Where the text's characters allow, the preferred breaks come without
    // ICU (SpaceBreakOpportunities gives ICU's); ICU's other opportunities
    // matter only inside a segment too wide for a line, so ICU runs only then.
    if (SpaceBreakOpportunities(text_, opt_.lang, &level0_) && !AnyTooWide(level0_)) {
      AddCandidates(level0_);
      return;
    }
    // ICU iterates over the UTF-8 itself (a UText): its positions are byte
    // offsets into text_.
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text_.data(), static_cast<int64_t>(text_.size()), &status);
    const auto size = static_cast<int32_t>(text_.size());
    // ICU iterators are costly to create: one per thread, reused.
    static thread_local std::unique_ptr<icu::BreakIterator> line = [] {
      UErrorCode created = U_ZERO_ERROR;
      std::unique_ptr<icu::BreakIterator> it(
          icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), created));
      return U_SUCCESS(created) ? std::move(it) : nullptr;
    }();
    std::vector<size_t>& level0 = level0_;
    std::vector<size_t>& level1 = level1_;
    level0.clear();
    level1.clear();
    if (line && U_SUCCESS(status)) {
      line->setText(&ut, status);
      for (int32_t p = line->next(); U_SUCCESS(status) && p != icu::BreakIterator::DONE && p < size;
           p = line->next()) {
        if (p <= 0) continue;
        auto b = static_cast<size_t>(p);
        bool after_space = text_[b - 1] == ' ';
        // English may also break after a hyphen or dash ("state-of-the-art").
        if (!after_space && !AfterDash(b)) {
          level1.push_back(b);
        } else {
          level0.push_back(b);
        }
      }
    }
    // Refine segments too wide for a line: level 1, then graphemes.
    std::vector<size_t>& merged = merged_;
    merged.assign(level0.begin(), level0.end());
    const size_t coarse = merged.size();
    AddInsideWide(level0, level1, &merged);
    std::inplace_merge(merged.begin(), merged.begin() + static_cast<std::ptrdiff_t>(coarse),
                       merged.end());
    if (AnyTooWide(merged)) {
      status = U_ZERO_ERROR;
      static thread_local std::unique_ptr<icu::BreakIterator> chars(
          icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
      std::vector<size_t>& graphemes = level1;  // level 1 is merged in already
      graphemes.clear();
      if (chars && U_SUCCESS(status)) {
        chars->setText(&ut, status);
        for (int32_t p = chars->next();
             U_SUCCESS(status) && p != icu::BreakIterator::DONE && p < size; p = chars->next()) {
          if (p > 0) graphemes.push_back(static_cast<size_t>(p));
        }
      }
      AddInsideWide(merged, graphemes, &grapheme_set_);
      const size_t before = merged.size();
      merged.insert(merged.end(), grapheme_set_.begin(), grapheme_set_.end());
      std::inplace_merge(merged.begin(), merged.begin() + static_cast<std::ptrdiff_t>(before),
                         merged.end());
    }
    utext_close(&ut);
    AddCandidates(merged);
  }

  // The candidates at the sorted break positions `breaks` (grapheme_set_ set).
  void AddCandidates(const std::vector<size_t>& breaks) const {
    for (size_t b : breaks) {
      if (text_[b - 1] != ' ' && text_[b] == ' ') continue;  // never break before a space
      Candidate c;
      c.next = b;
      c.line_end = b;
      while (c.line_end > 0 && text_[c.line_end - 1] == ' ') --c.line_end;
      if (c.line_end == 0) continue;
      bool is_grapheme = std::binary_search(grapheme_set_.begin(), grapheme_set_.end(), b);
      bool is_level1 = !is_grapheme && text_[b - 1] != ' ' && !AfterDash(b);
      Score(&c, is_level1, is_grapheme);
      cands_.push_back(c);
    }
  }

  // English may also break after a hyphen or dash ("state-of-the- / art").
  bool AfterDash(size_t b) const {
    if (opt_.lang != LineLang::kEnglish) return false;
    if (text_[b - 1] == '-') return true;
    unsigned char last = static_cast<unsigned char>(text_[b - 1]);
    return b >= 3 && (last == 0x93 || last == 0x94) &&
           (text_.compare(b - 3, 3, "\xE2\x80\x93") == 0 ||
            text_.compare(b - 3, 3, "\xE2\x80\x94") == 0);
  }

  bool AnyTooWide(const std::vector<size_t>& breaks) const {
    size_t prev = 0;
    for (size_t i = 0; i <= breaks.size(); ++i) {
      size_t b = i < breaks.size() ? breaks[i] : text_.size();
      size_t e = b;
      while (e > prev && text_[e - 1] == ' ') --e;
      if (Width(prev, e) > opt_.max_width) return true;
      prev = b;
    }
    return false;
  }

  // Adds the positions of `finer` that lie inside segments of `coarse` wider
  // than a line.
  void AddInsideWide(const std::vector<size_t>& coarse, const std::vector<size_t>& finer,
                     std::vector<size_t>* out) const {
    size_t prev = 0;
    auto it = finer.begin();
    for (size_t i = 0; i <= coarse.size(); ++i) {
      size_t b = i < coarse.size() ? coarse[i] : text_.size();
      size_t e = b;
      while (e > prev && text_[e - 1] == ' ') --e;
      bool wide = Width(prev, e) > opt_.max_width;
      while (it != finer.end() && *it <= prev) ++it;
      for (; it != finer.end() && *it < b; ++it) {
        if (wide) out->push_back(*it);
      }
      prev = b;
    }
  }

  std::string_view WordBefore(size_t end) const {
    size_t s = end;
    while (s > 0 && text_[s - 1] != ' ') --s;
    return std::string_view(text_).substr(s, end - s);
  }
  std::string_view WordAfter(size_t start) const {
    size_t e = start;
    while (e < text_.size() && text_[e] != ' ') ++e;
    return std::string_view(text_).substr(start, e - start);
  }

  void Score(Candidate* c, bool inside_word, bool grapheme) const {
    c->bad = false;
    if (grapheme) {
      c->penalty = kGrapheme;
    } else if (inside_word) {
      c->penalty = kInsideWord;
    } else {
      // After a space the words were classified once for the whole text
      // (WordsAt, which the cue splitter reads too); after a dash, here.
      const WordBreak w =
          text_[c->next - 1] == ' '
              ? WordsAt(c->next)
              : ClassifyWordBreak(WordBefore(c->line_end), WordAfter(c->next), opt_.lang);
      if (w.end != WordBreak::End::kNone) {
        c->penalty = kAfterPunctuation;
      } else if (w.conjunction || w.opens_quote) {
        c->penalty = kBeforeConjunction;  // a quotation starts on the new line, too
      } else if (w.korean_clause) {
        c->penalty = kAfterPunctuation;
      } else {
        c->penalty = kPlainBreak;
      }
      if (w.korean_tight || w.function_word) c->penalty += kEndsInFunctionWord;
      c->bad = w.splits_name;
    }
    for (const auto& [b, e] : keep_) {
      if (b < c->line_end && c->next < e) c->bad = true;
    }
    if (c->bad) c->penalty += kSplitsName;
  }

  // First-fit over text_[from, to): the fewest lines. False if some line had
  // to exceed the width (or, without allow_bad, if that needed a bad break).
  bool Greedy(size_t from, size_t to, bool allow_bad, std::vector<size_t>* ends) const {
    ends->clear();
    if (Width(from, to) <= opt_.max_width) return true;
    EnsureCandidates();
    size_t start = from;
    size_t i = FirstAfter(from);
    bool ok = true;
    while (true) {
      if (Width(start, to) <= opt_.max_width) return ok;  // the rest fits
      const size_t none = std::numeric_limits<size_t>::max();
      size_t best = none;
      size_t j = i;
      for (; j < cands_.size() && cands_[j].next < to; ++j) {
        if (Width(start, cands_[j].line_end) > opt_.max_width) break;
        if (allow_bad || !cands_[j].bad) best = j;
      }
      if (best == none) {
        ok = false;
        // Take the first usable candidate (the line overflows).
        best = j;
        while (best < cands_.size() && cands_[best].next < to && !allow_bad && cands_[best].bad)
          ++best;
        if (best >= cands_.size() || cands_[best].next >= to) return false;
      }
      ends->push_back(best);
      start = cands_[best].next;
      i = best + 1;
    }
  }

  // Exactly n lines over text_[from, to), minimum cost; keeps *ends if no
  // solution.
  void Dp(size_t from, size_t to, int n, std::vector<size_t>* ends) const {
    EnsureCandidates();
    const size_t lo = FirstAfter(from);
    size_t hi = lo;
    while (hi < cands_.size() && cands_[hi].next < to) ++hi;
    const size_t m = hi - lo + 1;  // candidates in range + the end
    if (m > kMaxDpCandidates) return;
    const double inf = std::numeric_limits<double>::infinity();
    const double target = Width(from, to) / n;
    auto line_end = [&](size_t idx) { return idx + 1 == m ? to : cands_[lo + idx].line_end; };
    auto next = [&](size_t idx) { return cands_[lo + idx].next; };
    auto penalty = [&](size_t idx) { return idx + 1 == m ? 0.0 : cands_[lo + idx].penalty; };
    auto line_cost = [&](size_t start, size_t idx) {
      double w = Width(start, line_end(idx));
      if (w > opt_.max_width) return inf;
      double d = (w - target) / std::max(1.0, opt_.max_width);
      return 100 * d * d + penalty(idx);
    };
    // cost(k, j): the best k + 1 lines ending at j; prev(k, j) the break before.
    dp_cost_.assign(static_cast<size_t>(n) * m, inf);
    dp_prev_.assign(static_cast<size_t>(n) * m, 0);
    auto cost = [&](int k, size_t j) -> double& {
      return dp_cost_[static_cast<size_t>(k) * m + j];
    };
    auto prev = [&](int k, size_t j) -> size_t& {
      return dp_prev_[static_cast<size_t>(k) * m + j];
    };
    for (size_t j = 0; j < m; ++j) cost(0, j) = line_cost(from, j);
    for (int k = 1; k < n; ++k) {
      for (size_t j = 0; j < m; ++j) {
        for (size_t i = j; i-- > 0;) {
          if (Width(next(i), line_end(j)) > opt_.max_width) break;
          if (cost(k - 1, i) == inf) continue;
          double c = cost(k - 1, i) + line_cost(next(i), j);
          if (c < cost(k, j)) {
            cost(k, j) = c;
            prev(k, j) = i;
          }
        }
      }
    }
    if (cost(n - 1, m - 1) == inf) return;
    ends->resize(static_cast<size_t>(n - 1));
    size_t j = m - 1;
    for (int k = n - 1; k > 0; --k) {
      j = prev(k, j);
      (*ends)[static_cast<size_t>(k - 1)] = lo + j;
    }
  }

  std::string text_;
  LineBreakOptions opt_;
  std::vector<std::pair<size_t, size_t>> keep_;  // keep_together occurrences
  std::vector<double> width_;                    // width of text_[0, i)
  std::vector<size_t> code_points_;              // code points in text_[0, i)
  mutable bool computed_ = false;
  mutable bool words_ready_ = false;
  mutable std::vector<WordBreak> words_;  // at the byte after each space (WordsAt)
  mutable std::vector<size_t> grapheme_set_;
  mutable std::vector<Candidate> cands_;
  // Buffers kept between calls and texts (no allocation per call).
  mutable std::vector<size_t> scratch_;  // line ends (indices into cands_)
  mutable std::vector<size_t> level0_, level1_, merged_;
  mutable std::vector<double> dp_cost_;
  mutable std::vector<size_t> dp_prev_;
};

}  // namespace

double KoreanLineWidth(std::string_view line) {
  double w = 0;
  for (size_t i = 0; i < line.size();) w += NextCharWidth(line, &i, LineLang::kKorean);
  return w;
}

double EnglishLineWidth(std::string_view line) { return static_cast<double>(CodePointCount(line)); }

double LineWidth(std::string_view line, LineLang lang) {
  return lang == LineLang::kKorean ? KoreanLineWidth(line) : EnglishLineWidth(line);
}

WordBreak ClassifyWordBreak(std::string_view before, std::string_view after, LineLang lang) {
  WordBreak w;
  w.end = EndOf(before);
  w.opens_quote = OpensQuote(after);
  if (lang == LineLang::kEnglish) {
    w.conjunction = kConjunctionSet.Contains(after);
    w.function_word = kFunctionWordSet.Contains(before);
    w.splits_name =
        StartsUpper(after) && StartsUpper(before) && before != "I" && IsWordChars(before);
  } else {
    // The last syllable and the auxiliary pair serve both tests.
    const char32_t last = LastSyllable(before);
    const bool auxiliary = IsAuxiliaryPair(last, after);
    w.korean_clause = !auxiliary && EndsWithClauseEnding(before, last);
    w.korean_tight = auxiliary || IsKoreanDeterminer(before);
  }
  return w;
}

bool SpaceBreakOpportunities(std::string_view text, LineLang lang, std::vector<size_t>* out) {
  out->clear();
  // The rules below are ICU 72's (checked by line_break_test against the ICU
  // it runs with); later versions changed some around quotes and spaces.
  if (U_ICU_VERSION_MAJOR_NUM != kSpaceBreakIcuVersion) return false;
  if (!text.empty() && text.front() == ' ') return false;
  Lb last = Lb::kOther;  // the last character that is not a space
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const Lb k = NextLb(text, &i);
    if (k == Lb::kOther) return false;
    if (at > 0 && k != Lb::kSp) {
      const char before = text[at - 1];
      if (before == ' ') {
        // A space before ".5": ICU's tailoring breaks there (as Unicode
        // 15.1's LB15c later did): left to ICU.
        if (k == Lb::kIs && i < text.size() && text[i] >= '0' && text[i] <= '9') return false;
        // LB18 breaks after spaces, except where LB13 (before a closing
        // mark), LB14 (after an opening one) or LB15 (a quote, spaces, an
        // opening mark) keep the next character on the line.
        if (k != Lb::kClose && k != Lb::kIs && last != Lb::kOp &&
            !(last == Lb::kQu && k == Lb::kOp)) {
          out->push_back(at);
        }
      } else if (before == '-' && lang == LineLang::kEnglish) {
        // A word-initial hyphen: ICU's tailoring keeps it with what follows
        // (as Unicode 15.1's LB20a later did): left to ICU.
        if (at == 1 || text[at - 2] == ' ') return false;
        // After a hyphen, except before a digit (LB25), a closing mark
        // (LB13), another hyphen or a BA (LB21), a quote (LB19) or IN (LB22).
        if (k != Lb::kNu && k != Lb::kClose && k != Lb::kIs && k != Lb::kHy && k != Lb::kBa &&
            k != Lb::kQu && k != Lb::kIn) {
          out->push_back(at);
        }
      }
    }
    if (k != Lb::kSp) last = k;
  }
  return true;
}

std::vector<std::string> BreakLines(std::string_view text, const LineBreakOptions& opt) {
  Breaker b;
  b.Reset(text, opt);
  return b.Break(0, b.text().size());
}

int CountLines(std::string_view text, const LineBreakOptions& opt) {
  Breaker b;
  b.Reset(text, opt);
  return b.Count(0, b.text().size());
}

struct LineBreaker::Impl {
  Breaker breaker;
};

LineBreaker::LineBreaker() : impl_(std::make_unique<Impl>()) {
  impl_->breaker.Reset({}, LineBreakOptions());
}
LineBreaker::LineBreaker(std::string_view text, const LineBreakOptions& opt) : LineBreaker() {
  Reset(text, opt);
}
LineBreaker::~LineBreaker() = default;
void LineBreaker::Reset(std::string_view text, const LineBreakOptions& opt) {
  impl_->breaker.Reset(text, opt);
}
const std::string& LineBreaker::text() const { return impl_->breaker.text(); }
double LineBreaker::Width(size_t from, size_t to) const { return impl_->breaker.Width(from, to); }
const std::vector<size_t>& LineBreaker::CodePointsBefore() const {
  return impl_->breaker.CodePointsBefore();
}
int LineBreaker::CountLines(size_t from, size_t to) const { return impl_->breaker.Count(from, to); }
std::vector<std::string> LineBreaker::BreakLines(size_t from, size_t to) const {
  return impl_->breaker.Break(from, to);
}
const WordBreak& LineBreaker::WordsAt(size_t pos) const { return impl_->breaker.WordsAt(pos); }

}  // namespace bitext
