// Subtitle line breaking: splits the text of one cue into lines that keep a
// width limit, break where a subtitler would, and look balanced.
//
//   LineBreakOptions opt;
//   opt.lang = LineLang::kEnglish;
//   opt.max_width = 42;
//   std::vector<std::string> lines = BreakLines("Sam Altman: We look forward ...", opt);
//
// Widths: English counts code points (Netflix: 42 characters per line).
// Korean uses KoreanLineWidth: Hangul and CJK count 1, everything else
// (Latin letters, digits, spaces, punctuation) counts 0.5 (Netflix's Korean
// guide: 16 per line).
//
// Where a line may end: at ICU line-break opportunities (root locale). For
// Korean only the opportunities after a space (eojeol boundaries) are used,
// because ICU allows a break between any two Hangul syllables; a break inside
// an eojeol is used only for an eojeol wider than a line, and a break between
// any two grapheme clusters only for a token no ICU opportunity makes fit.
//
// Which break: the text gets the fewest lines that keep the width (a text
// that fits stays on one line); among those, breaks are chosen to balance the
// line widths, preferring a break after punctuation (, ; : . ? !) or after a
// Korean clause ending (…고, …며, …지만, …는데, …면서), or before an English
// conjunction (and, but, or, because, that, which, who...), and avoiding a
// line that ends in an article or preposition. A break between two
// capitalised words (a first and last name: "Sam | Altman") or inside a
// `keep_together` phrase is used only when no other break gives that many
// lines.
#ifndef BITEXT_LINE_BREAK_H_
#define BITEXT_LINE_BREAK_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bitext {

enum class LineLang { kKorean, kEnglish };

// Hangul/CJK (East Asian Width W or F) count 1; Latin letters, digits,
// spaces, punctuation and everything else count 0.5; combining marks 0.
double KoreanLineWidth(std::string_view line);

// Code points.
double EnglishLineWidth(std::string_view line);

double LineWidth(std::string_view line, LineLang lang);

struct LineBreakOptions {
  LineLang lang = LineLang::kEnglish;
  double max_width = 42;
  // Phrases a line must not break inside (e.g. a speaker's name "샘 알트만").
  std::vector<std::string> keep_together;
};

// Breaks `text` (whitespace is collapsed first) into the fewest lines of at
// most max_width, chosen as described above. Returns no lines for text that
// is empty after collapsing. A line is wider than max_width only when a
// single grapheme cluster is.
std::vector<std::string> BreakLines(std::string_view text, const LineBreakOptions& opt);

// The number of lines BreakLines would return (computed greedily, cheaper).
int CountLines(std::string_view text, const LineBreakOptions& opt);

// What the words on either side of a break say about it: the tests both
// the line breaker's candidates and the cue splitter's cuts are scored by
// (LineBreaker::WordsAt scans each word once for both). The language tests
// are set only for their language.
struct WordBreak {
  // How `before` ends: with a sentence end (. ? ! " ” .) …), a clause end
  // (, ; :), other punctuation a line may end after () ] ’ ·), or none.
  enum class End : uint8_t { kNone, kSentence, kClause, kOther };
  End end = End::kNone;
  // `after` opens a quotation or bracket: it starts with " ' ( [ “ or ‘ and
  // is more than the mark.
  bool opens_quote = false;
  // English: `after` (any case) is a conjunction or relative word a line or
  // cue may start with: and, but, or, because, that, which, who...
  bool conjunction = false;
  // English: `before` is an article, preposition or the like (a, the, of...).
  bool function_word = false;
  // English: both words are capitalised, `before` all letters ("Sam | Altman").
  bool splits_name = false;
  // Korean: the break falls at a clause boundary: `before` ends with a
  // connective ending (…고, …며, …지만, …는데, …면서, …니까, …면, …서, …므로,
  // …도록, …라며...) and is not the first half of an auxiliary construction
  // (…고 있다, …고 싶다, …고 계시다, …서 있다).
  bool korean_clause = false;
  // Korean: the break splits one predicate or noun phrase: an auxiliary
  // construction (…고 있다) or a determiner left at a line end (전 세계, 약
  // 30명, 모든 기업).
  bool korean_tight = false;
};

// The tests of a break between the words `before` and `after` in `lang`.
WordBreak ClassifyWordBreak(std::string_view before, std::string_view after, LineLang lang);

// One text prepared for breaking any of its pieces: the ICU break analysis
// is done once, so laying out or measuring many substrings (as cue splitting
// does) costs no new analysis. A piece text()[from, to) breaks as
// BreakLines(text().substr(from, to - from)) would, except that break
// opportunities are those of the whole text.
//
// One LineBreaker can serve many texts in turn (Reset): it keeps its buffers,
// so breaking a long run of short texts allocates little.
class LineBreaker {
 public:
  LineBreaker();                                                    // holds the empty text
  LineBreaker(std::string_view text, const LineBreakOptions& opt);  // whitespace collapsed
  ~LineBreaker();
  // Drops the current text and prepares `text` (whitespace collapsed) with
  // `opt` (copied). `text` must not view text().
  void Reset(std::string_view text, const LineBreakOptions& opt);
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  const std::string& text() const;  // the collapsed text; offsets index it
  double Width(size_t from, size_t to) const;
  // [i]: the code points in text()[0, i), for every byte offset i (the
  // vector has text().size() + 1 entries; valid until the next Reset).
  const std::vector<size_t>& CodePointsBefore() const;
  int CountLines(size_t from, size_t to) const;
  std::vector<std::string> BreakLines(size_t from, size_t to) const;
  // ClassifyWordBreak of the words around the space before byte `pos`
  // (text()[pos - 1]); a WordBreak with no test true where that is no space.
  // Every space's words are classified at the first call after a Reset, in
  // one scan; the line breaker's own scores use the same results.
  const WordBreak& WordsAt(size_t pos) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The ICU major version whose line-break rules SpaceBreakOpportunities
// reproduces.
constexpr int kSpaceBreakIcuVersion = 72;

// The line-break opportunities (byte offsets) right after a space and, for
// English, right after a hyphen '-' that ICU's line BreakIterator (root
// locale) gives for `text`, found without ICU: into *out, in order, and true.
// `text` is expected to be collapsed (single spaces, none at the ends). It
// may decline (false; *out is then meaningless, ask ICU): always when the
// ICU linked is not version kSpaceBreakIcuVersion; for text with a
// character whose rules it does not know (it knows printable ASCII, Hangul
// syllables, the curly quotes, …, · and the CJK marks 《》「」『』〈〉、。); for
// text starting with a space; and where ICU's tailorings decide (a space
// before ".5", an English word-initial hyphen).
bool SpaceBreakOpportunities(std::string_view text, LineLang lang, std::vector<size_t>* out);

}  // namespace bitext

#endif  // BITEXT_LINE_BREAK_H_
