// SRT reader: the cues of a SubRip subtitle file. Used to read a timed Korean
// source (translations/<doc>/ko.srt, see document.h) and, in tests, to read
// back what the SRT writer produced.
//
//   Result<std::vector<SrtCue>> cues = ParseSrt(text, "ko.srt");
//   for (const SrtCue& c : *cues) Show(c.start_ms, c.end_ms, c.text);
//
// Tolerant of what real files contain: a byte-order mark, CRLF or CR line
// ends, a missing final blank line, several blank lines between cues, cues
// without a number, `.` instead of `,` before the milliseconds, 1 to 3
// millisecond digits (a fraction: ",5" is 500 ms), hours of any width, and
// text after the end time (SRT position `X1:… Y1:…` or WebVTT cue settings),
// which is ignored. A blank line inside a cue's text does not end the cue
// unless what follows is a new cue (a number line and a timing line, or a
// timing line). Cue text is returned as is (markup like <i> is kept), its
// lines joined with "\n" and blank lines inside it dropped.
//
// A malformed timing (missing `-->`, bad digits, minutes or seconds over 59,
// an end before the start) or a block that is neither a number nor a timing
// where a cue should start is InvalidInput at FILE:LINE:COL (the column, in
// characters, of the offending text). Text must be valid UTF-8 (callers
// usually clean it first with CleanText, which keeps line numbers).
#ifndef BITEXT_SRT_READER_H_
#define BITEXT_SRT_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace bitext {

struct SrtCue {
  int number = 0;        // the cue number as written (0 when the cue has none)
  int64_t start_ms = 0;  // start time in milliseconds
  int64_t end_ms = 0;    // end time in milliseconds (>= start_ms)
  std::string text;      // text lines joined with "\n" ("" for an empty cue)
  int timing_line = 0;   // 1-based line of the timing
  int text_line = 0;     // 1-based line of the first text line (0 if none)
};

// Parses SRT text; `file` names the input in error messages.
Result<std::vector<SrtCue>> ParseSrt(std::string_view content, const std::string& file);

// ReadFile + ParseSrt (after checking the bytes are UTF-8).
Result<std::vector<SrtCue>> ReadSrt(const std::string& path);

// Parses one timestamp "HH:MM:SS,mmm" (or with '.'); false if malformed.
bool ParseSrtTime(std::string_view s, int64_t* ms);

}  // namespace bitext

#endif  // BITEXT_SRT_READER_H_
