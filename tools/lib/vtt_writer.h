// WebVTT (.vtt) output of the English subtitle cues (see subtitle_timing.h).
//
//   std::string vtt = WriteVtt(MakeCues(doc, TimingOptions()));
//
// "WEBVTT", a blank line, then one block per cue: an identifier (the unit id,
// or "UNITID/N" for the N-th piece of a unit split over several cues), the
// timing "HH:MM:SS.mmm --> HH:MM:SS.mmm", the text lines, a blank line.
// Text lines are made safe as for SRT (SubtitleLine) and & < > are escaped
// (&amp; &lt; &gt;).
//
// Speakers: a cue of a speech unit is a voice span "<v Name>…" (closing tag
// omitted, as the WebVTT spec allows when the span covers the whole cue).
// Name is Cue::en_speaker, the English name the curated text gives before
// its colon ("Sam Altman: …"), or, when the English never names the
// speaker, the Korean speaker. A leading "Name: " label in the English is
// removed, since the voice span carries it.
#ifndef BITEXT_VTT_WRITER_H_
#define BITEXT_VTT_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output_sink.h"
#include "subtitle_timing.h"

namespace bitext {

// "HH:MM:SS.mmm".
std::string FormatVttTime(int64_t ms);

// & < > as character references.
std::string VttEscape(const std::string& text);

std::string WriteVtt(const std::vector<Cue>& cues);
// The same text, passed to `sink` cue by cue (output_sink.h).
void WriteVtt(const std::vector<Cue>& cues, OutputSink* sink);

// WriteVtt a cue at a time (for cues made a batch at a time, CueMaker): the
// constructor writes the "WEBVTT" heading, Add one cue block; the same bytes
// for the same cues. `sink` must outlive the writer.
class VttWriter {
 public:
  explicit VttWriter(OutputSink* sink);
  void Add(const Cue& cue);

 private:
  OutputSink* sink_;
  // The current cue's safe lines: `lines_` are views into `text_`, made once
  // it is complete (appending could move it); kept to reuse their buffers.
  std::string text_;
  std::vector<size_t> ends_;  // end of each line in `text_`
  std::vector<std::string_view> lines_;
  std::string voice_;
};

}  // namespace bitext

#endif  // BITEXT_VTT_WRITER_H_
