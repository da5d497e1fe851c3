// Sentence boundaries of Unicode's default rules (UAX #29, "Sentence
// Boundaries"), computed directly on UTF-8: the boundaries ICU's sentence
// BreakIterator gives (root rules, no suppressions), at a fraction of its cost.
// The segmenter starts from these and corrects them with its Korean rules.
//
//   std::vector<uint32_t> at;
//   bitext::SentenceBoundaries("첫 문장이다. 둘째 문장이다.", &at);
//   // at == {18}: the second sentence starts at byte 18 ("둘째").
//
// Why not ICU itself: ICU's iterator reads the text through a UText character
// by character and runs its state machine over every one of them; Korean
// text has a possible boundary only after the few characters with
// Sentence_Break STerm or ATerm (or a paragraph separator), so this scans
// bytes for those and applies the rules only around them. ICU's character
// properties (u_getIntPropertyValue) are still what classifies characters, so
// both agree on every Unicode version ICU knows; sentence_break_test checks
// the two against each other on the KSS test sets, the seed documents and
// random text.
#ifndef BITEXT_SENTENCE_BREAK_H_
#define BITEXT_SENTENCE_BREAK_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace bitext {

// Appends to *out the byte offset of every sentence boundary strictly inside
// `text` (0 < offset < text.size()), in increasing order; the start and end of
// the text are boundaries too and are not appended. A boundary comes after
// the spaces that follow a sentence, as in ICU. Bytes that are not well-formed
// UTF-8 count as U+FFFD each. Never fails; allocates only to grow *out.
void SentenceBoundaries(std::string_view text, std::vector<uint32_t>* out);

}  // namespace bitext

#endif  // BITEXT_SENTENCE_BREAK_H_
