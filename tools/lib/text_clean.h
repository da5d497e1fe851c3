// Text cleaning: the first stage of the pipeline. Turns the raw bytes of a
// Korean source file into the clean text every later stage works on.
//
//   Result<std::string> clean = bitext::CleanText(raw_bytes, "ko.txt");
//
// What it does, in order:
//  - rejects invalid UTF-8 (InvalidInput at FILE:LINE:COL, column counted in
//    characters) and binary data (a NUL byte);
//  - strips a leading byte-order mark; turns CRLF, lone CR, U+2028 and U+2029
//    into LF;
//  - turns tabs and Unicode spaces (no-break, ideographic, thin...) into a
//    plain space; drops zero-width characters, soft hyphens and other control
//    characters;
//  - collapses runs of spaces and trims them at the start and end of lines;
//  - normalises to NFC (macOS files arrive as decomposed NFD Hangul).
// Lines are kept: line N of the result is line N of the input, so positions
// the segmenter reports point into the user's file.
#ifndef BITEXT_TEXT_CLEAN_H_
#define BITEXT_TEXT_CLEAN_H_

#include <string>
#include <string_view>

#include "status.h"
#include "utf8.h"

namespace bitext {

// `file` names the input in error messages only.
Result<std::string> CleanText(std::string_view raw, const std::string& file);

// CleanText for a text the caller gives away: when cleaning changes nothing
// (the common case) the result is `raw` itself, without a copy; otherwise
// `raw` is freed before this returns.
Result<std::string> CleanOwnedText(std::string raw, const std::string& file);

// True if `s` is well-formed UTF-8. On failure, *bad_offset (if not null) is
// the byte offset of the first bad byte.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// The invisible format characters CleanText drops: IsInvisibleFormatChar in
// utf8.h (included here).

// NFC of valid UTF-8 `s` (returned unchanged when it already is NFC).
std::string ToNfc(std::string_view s);

}  // namespace bitext

#endif  // BITEXT_TEXT_CLEAN_H_
