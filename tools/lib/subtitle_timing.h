// Subtitle cues: the timeline and line layout shared by the SRT and WebVTT
// writers and by `bitext check`'s subtitle checks.
//
//   std::vector<Cue> cues = MakeCues(doc, TimingOptions());
//   std::string srt = WriteSrt(cues, SrtMode::kBilingual);  // srt_writer.h
//
// Which units: the translated (non-fuzzy) units with non-empty English, in
// document order, except boilerplate ("관련기사" page furniture).
//
// Lines: each cue holds at most max_lines Korean lines of at most
// ko_max_line (KoreanLineWidth) and at most max_lines English lines of at
// most en_max_line code points, laid out by BreakLines (line_break.h).
//
// Splitting: a unit whose Korean or English needs more lines than one cue
// holds, or more time than max_ms at the reading speeds, becomes several
// cues. Both languages are cut into the same number of pieces, each at the
// clause boundary nearest to an equal share of its length: English after
// . ? ! , ; : or before a conjunction; Korean after . ? ! , or after a clause
// ending (…고, …며, …지만, …는데, …면서); a plain word boundary only where no
// clause boundary fits, a cut inside a word only for a word too long for a
// cue. The pieces of the two languages therefore correspond by proportion
// of length. Where no common count works (one language has far fewer cut
// points than the cues need), each language is cut on its own, greedily if
// need be, and the one with fewer pieces leaves the last cues empty: text
// is never dropped, and the limits above still hold for every cue.
//
// Timing, untimed source (ko.txt): a reading-speed timeline starting at 0.
// A cue lasts max(Korean chars / ko_cps, English chars / en_cps) seconds,
// characters counted as code points including spaces, rounded up to the
// millisecond and clamped to [min_ms, max_ms]. English is never faster than
// kMaxEnglishCps (20 cps): en_cps above it is capped, and a piece that would
// need more than max_ms at that speed is split further. Cues follow each
// other after gap_ms, or after paragraph_gap_ms where the paragraph changes.
//
// Timing, timed source (ko.srt): each unit keeps its cue's times. Units that
// share one source cue (a cue split into sentences) and the pieces of a
// split unit share the cue's time in proportion to their reading time, with
// gap_ms between them when the cue is long enough. Overlaps in the source are
// removed (a cue starts no earlier than the previous one ends); where two
// cues touch, the earlier one ends gap_ms sooner if it keeps min_ms and
// kMaxEnglishCps; and a cue too fast for kMaxEnglishCps is lengthened into
// the following silence where there is any.
//
// Note: min_ms 834 is 20 frames at 24 fps (5/6 s = 833.33 ms) rounded UP to
// whole milliseconds, so every cue lasts at least 5/6 s even for a checker
// that compares exactly (833 would be 0.33 ms short). gap_ms 83 is the
// "83 ms" the specification states for 2 frames at 24 fps (83.33 ms).
//
// Speakers: where the speaker changes (a speech unit whose speaker differs
// from the previous cue's), the cue starts with the speaker label: the
// Korean "샘 알트만: " and the English "Sam Altman: " are kept where the curated
// text has them, and added where it does not (the English name is the one
// the document's English used before the colon for that speaker; with none
// known, only the Korean label is added). Later cues of the same speaker
// carry no label. Cue::en_speaker holds the English name for WebVTT voices.
#ifndef BITEXT_SUBTITLE_TIMING_H_
#define BITEXT_SUBTITLE_TIMING_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "line_break.h"  // KoreanLineWidth
#include "status.h"

namespace bitext {

// The hard limit on English reading speed, characters per second.
constexpr double kMaxEnglishCps = 20.0;

struct TimingOptions {
  double ko_cps = 12.0;            // Korean reading speed, characters per second
  double en_cps = 17.0;            // English reading speed (capped at kMaxEnglishCps)
  int64_t min_ms = 834;            // shortest cue: >= 5/6 s (20 frames at 24 fps)
  int64_t max_ms = 7000;           // longest cue
  int64_t gap_ms = 83;             // pause between cues: 2 frames at 24 fps
  int64_t paragraph_gap_ms = 500;  // pause where the paragraph changes
  size_t en_max_line = 42;         // English code points per line
  double ko_max_line = 16.0;       // Korean line width (KoreanLineWidth)
  int max_lines = 2;               // lines per language in a cue
};

// Usage error naming the option when a value is out of range (rates and
// widths must be positive, min_ms <= max_ms, max_ms > 0, gaps >= 0,
// max_lines >= 1).
Status ValidateTimingOptions(const TimingOptions& opt);

struct Cue {
  std::string unit_id;
  std::string speaker;  // Korean speaker of a speech unit ("" if none)
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  std::vector<std::string> ko_lines;
  std::vector<std::string> en_lines;
  // Added to the fixed interface:
  int paragraph = 0;       // the unit's paragraph
  std::string en_speaker;  // English name of `speaker` when known ("Sam Altman")
  int part = 1;            // 1-based piece of the unit...
  int parts = 1;           // ...of this many
  // True when every line of ko_lines and en_lines is already one clean
  // display line (IsDisplayClean), as CueMaker and MakeCues make them: the
  // writers then take the lines as they are, unchecked. False (cues made by
  // hand): the writers clean each line (AppendSubtitleLine).
  bool lines_clean = false;
};

// Translated (non-fuzzy) units only, in order; see above.
std::vector<Cue> MakeCues(const MergedDocument& doc, const TimingOptions& opt);

// MakeCues a unit at a time, for units that are streamed rather than held:
//
//   CueMaker maker(doc.timed, opt);
//   for (...) { maker.Add(unit); maker.Take(&cues); Write(cues); cues.clear(); }
//   maker.Finish(); maker.Take(&cues); Write(cues);
//
// Take appends the cues no later unit can change any more (their times
// final) and forgets them; after Finish it appends the rest. Together the
// cues taken are exactly MakeCues' for the same units. Only the cues not yet
// final are held: those of the last unit, or of the last source cue's units
// of a timed source (with, for a timed source, the last settled cue before
// them, whose end the next cue may still shorten).
class CueMaker {
 public:
  CueMaker(bool timed_source, const TimingOptions& opt);
  ~CueMaker();
  CueMaker(const CueMaker&) = delete;
  CueMaker& operator=(const CueMaker&) = delete;
  void Add(const MergedUnit& mu);
  void Take(std::vector<Cue>* out);
  // No more units: every cue held becomes final.
  void Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Characters a viewer reads in `lines`: code points of the lines joined with
// one space.
size_t ReadingChars(const std::vector<std::string>& lines);

// The length in bytes of a speaker label "Name: " at the start of English
// text (the name: 1-5 words, the first capitalised, letters, spaces, . ' -
// only, at most 40 bytes, followed by ": "), or 0 if there is none. *name
// receives the name when not null.
size_t EnglishSpeakerLabel(std::string_view english, std::string* name);

}  // namespace bitext

#endif  // BITEXT_SUBTITLE_TIMING_H_
