// Sentence-boundary rules kept as data, in the spirit of SRX: every rule is a
// pair of patterns -- `before` must match the text ending at a candidate
// boundary, `after` the text starting there -- and an action, break or
// no-break. At a candidate boundary the FIRST rule (in order) whose two
// patterns match decides; when none matches, the candidate's default holds
// (ICU's boundaries break, plain word gaps do not).
//
//   const SegmentRules& rules = SegmentRules::Default();
//   int r = rules.Match(cps.data(), cps.size(), pos, sentence_start);
//   bool brk = r >= 0 ? rules.action(r) == BreakAction::kBreak : icu_said_break;
//
// A boundary position `pos` lies between code points pos-1 and pos; the
// segmenter puts it at the first non-space character of the next sentence,
// so `before` patterns end with the spaces after the sentence (`\s*`).
//
// Pattern language (a small regex subset, compiled once, matched on code
// points without allocation; `before` is matched right-to-left from the
// boundary, `after` left-to-right):
//   x          a literal character (any UTF-8); \x escapes a metacharacter
//   .          any character
//   [...]      a class: characters, ranges a-z, escapes below; [^...] negates
//   \s \S      space / not a space         \d  ASCII digit
//   \h         Hangul syllable (가-힣)       \j  Hangul jamo (ㄱ-ㅣ, conjoining)
//   \L \U \l   Latin letter / upper / lower
//   \o \c      opening / closing quote or bracket (“ ‘ " ' ( [ < 「 『 《 ...)
//   \t         sentence terminator: . ? ! … ‥ 。 ？ ！
//   (a|b)      group with alternatives
//   ? * + {m} {m,} {m,n}   quantifiers (greedy, backtracking); an unbounded
//              repeat stops after 160 characters
//   ^          (in `before`) the start of the current sentence
//   $          (in `after`) the end of the paragraph
// An empty pattern matches everywhere.
#ifndef BITEXT_SEGMENT_RULES_H_
#define BITEXT_SEGMENT_RULES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace bitext {

enum class BreakAction { kBreak, kNoBreak };

// One rule as written in the rule table.
struct SegmentRuleSpec {
  std::string name;    // short id, e.g. "quote-particle" (for tests and debugging)
  BreakAction action;  // what happens when both patterns match
  std::string before;  // pattern ending at the boundary
  std::string after;   // pattern starting at the boundary
};

// The built-in Korean rules (see segment_rules.cc for what each one is for).
const std::vector<SegmentRuleSpec>& DefaultSegmentRuleSpecs();

// A compiled, immutable rule set; cheap to copy (shared).
class SegmentRules {
 public:
  // Compiles `specs`; InvalidInput naming the rule and the pattern position
  // when a pattern is malformed.
  static Result<SegmentRules> Compile(const std::vector<SegmentRuleSpec>& specs);
  // The compiled DefaultSegmentRuleSpecs() (compiled once, thread-safe).
  static const SegmentRules& Default();

  // Index of the first rule matching at boundary `pos` of the code points
  // text[0, size), or -1 when no rule matches. `before` patterns see the
  // text from `start` (the start of the current sentence) to `pos`.
  // Requires start < pos <= size.
  int Match(const char32_t* text, size_t size, size_t pos, size_t start = 0) const;
  // The same on UTF-8 text (decoded lazily, only as far as the patterns
  // look); `pos` and `start` are byte offsets of character boundaries.
  int MatchUtf8(std::string_view text, size_t pos, size_t start = 0) const;

  size_t size() const;
  const SegmentRuleSpec& spec(int i) const;
  BreakAction action(int i) const { return spec(i).action; }

  // True if some break rule can match a boundary whose last non-space
  // character before it is `c`. The segmenter evaluates rules at plain word
  // gaps only where this holds, so the rules are not run at every space.
  bool MayBreakAfter(char32_t c) const {
    return trigger_all_ || c > 0xFFFF || ((trigger_bits_[c >> 6] >> (c & 63)) & 1) != 0;
  }

  // A sharper MayBreakAfter for a plain word gap (spaces before it): false
  // if no break rule can match there, given the last two non-space
  // characters before the gap (`before1` the last; `before2` 0 if none) and
  // the first character after it.
  bool MayBreakAtGap(char32_t before2, char32_t before1, char32_t after) const;

  struct Impl;

 private:
  template <typename B, typename F>
  int MatchIn(B& before, F& after) const;

  explicit SegmentRules(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
  bool trigger_all_ = false;
  const uint64_t* trigger_bits_ = nullptr;  // 65536 bits, owned by impl_
};

}  // namespace bitext

#endif  // BITEXT_SEGMENT_RULES_H_
