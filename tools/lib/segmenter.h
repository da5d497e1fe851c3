// Segmentation: the second stage. Splits clean Korean text (see text_clean.h)
// into Units: sentences that know their paragraph, kind and speaker.
//
//   Result<std::string> clean = CleanText(raw, "ko.txt");
//   std::vector<Unit> units = Segment(*clean);
//   for (const Unit& u : units) std::cout << u.id << " " << u.text << "\n";
//
// Paragraphs are separated by blank lines; where a document has no blank lines
// at all (one paragraph per line, as scraped news often is), every line is a
// paragraph. Sentence boundaries start from Unicode's default ones (UAX #29,
// as ICU's sentence BreakIterator finds them; see sentence_break.h),
// corrected by Korean rules kept as data (segment_rules.cc): break/no-break
// pattern pairs in the spirit of SRX.
#ifndef BITEXT_SEGMENTER_H_
#define BITEXT_SEGMENTER_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unit.h"

namespace bitext {

// Segments a whole clean document. Never fails: any valid UTF-8 gives units
// (possibly none, for empty text). Ids are assigned (AssignIds).
std::vector<Unit> Segment(std::string_view clean_text);

// Segment for callers that only stream the units: the same units, handed to
// `sink` in order, a batch of a few hundred lines' units at a time, so that
// they are never all held at once. `sink` may move from or modify the units
// of its batch; they are discarded when it returns.
void SegmentInBatches(std::string_view clean_text,
                      const std::function<void(std::vector<Unit>* batch)>& sink);

// The sentence splitter alone: splits one paragraph (no newlines needed) into
// sentences, trimmed of surrounding spaces; the views point into `paragraph`.
std::vector<std::string_view> SplitSentences(std::string_view paragraph);

// SplitSentences without the views: appends the byte spans [begin, end) of
// the sentences of `paragraph` to *out. Allocates nothing per sentence beyond
// the growth of `out` (scratch space is kept per thread).
void SplitSentenceSpans(std::string_view paragraph, std::vector<std::pair<size_t, size_t>>* out);

// Gives every unit its stable id (see Unit::id).
void AssignIds(std::vector<Unit>* units);

}  // namespace bitext

#endif  // BITEXT_SEGMENTER_H_
