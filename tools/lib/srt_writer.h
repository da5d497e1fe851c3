// SubRip (.srt) output of subtitle cues (see subtitle_timing.h).
//
//   std::string srt = WriteSrt(MakeCues(doc, TimingOptions()), SrtMode::kBilingual);
//
// The file is what players and subtitle libraries expect: UTF-8 without a
// byte-order mark, LF line ends, cues numbered from 1, each "N", then
// "HH:MM:SS,mmm --> HH:MM:SS,mmm", then its text lines, then a blank line.
// Text is made safe: control characters are dropped, "-->" becomes "→" (a
// parser would take it for a timing line), line breaks inside a line become
// spaces and empty lines are left out, so a cue's text never holds a blank
// line. A cue with no text left is skipped (numbering stays gapless).
#ifndef BITEXT_SRT_WRITER_H_
#define BITEXT_SRT_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output_sink.h"
#include "subtitle_timing.h"

namespace bitext {

enum class SrtMode {
  kBilingual,  // Korean lines above English lines in each cue
  kEnglish,    // English lines only
};

// "HH:MM:SS,mmm" (hours grow past two digits if needed; negative is 0).
std::string FormatSrtTime(int64_t ms);

// FormatSrtTime(ms) appended to *out (no string of its own).
void AppendSrtTime(int64_t ms, std::string* out);

// One subtitle text line made safe for SRT/WebVTT as described above
// ("" if nothing is left).
std::string SubtitleLine(const std::string& line);

// SubtitleLine(line) appended to *out (no string of its own).
void AppendSubtitleLine(std::string_view line, std::string* out);

// AppendSubtitleLine for a text line of cue `c`: where c.lines_clean, only
// what makes a clean line unsafe for SRT/WebVTT is replaced, without the
// check. The same bytes either way for a line that is clean.
void AppendCueLine(const Cue& c, std::string_view line, std::string* out);

std::string WriteSrt(const std::vector<Cue>& cues, SrtMode mode);
// The same text, passed to `sink` cue by cue (output_sink.h).
void WriteSrt(const std::vector<Cue>& cues, SrtMode mode, OutputSink* sink);

// WriteSrt a cue at a time (for cues made a batch at a time, CueMaker):
// the same bytes for the same cues. `sink` must outlive the writer.
class SrtWriter {
 public:
  SrtWriter(SrtMode mode, OutputSink* sink) : mode_(mode), sink_(sink) {}
  void Add(const Cue& cue);

 private:
  SrtMode mode_;
  OutputSink* sink_;
  int count_ = 0;     // cues written (their numbers)
  std::string text_;  // the current cue's lines
};

}  // namespace bitext

#endif  // BITEXT_SRT_WRITER_H_
