// Text helpers shared by the writers (TMX, SRT, WebVTT, Markdown): decoding
// UTF-8 leniently, removing characters an output format cannot carry, and
// XML escaping.
//
//   std::vector<char32_t> dropped;
//   std::string seg = XmlEscape(DropXmlForbidden(english, &dropped), false);
//   for (char32_t c : dropped) Warn("dropped " + CodePointName(c));
//
// Writers never fail on odd text: what cannot be written is dropped and
// reported, so a curated file with a stray control character still builds.
#ifndef BITEXT_XML_TEXT_H_
#define BITEXT_XML_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"
// Part of this header's interface, and its callers rely on it: utf8.h
// declares NextCodePoint, the decoder used here and by the writers, and
// IsInvisibleFormatChar, the characters DropXmlForbidden and DisplayText drop
// besides controls.
#include "utf8.h"

namespace bitext {

// A non-fatal problem a writer met (a dropped character, a cue that could
// not keep a limit). `where` names the input the text came from (en.po line
// or source line) when known.
struct WriterWarning {
  Location where;
  std::string message;
  // "FILE:LINE:COL: warning: message".
  std::string ToString() const;
};

// Decoding, counting and encoding: see NextCodePoint, CodePointCount and
// AppendUtf8 in utf8.h.

// "U+0007".
std::string CodePointName(char32_t c);

// True for the characters XML 1.0 allows: tab, LF, CR, U+0020-U+D7FF,
// U+E000-U+FFFD, U+10000-U+10FFFF.
bool IsXmlChar(char32_t c);

// The invisible format characters: see IsInvisibleFormatChar in utf8.h
// (declared there, not here). CleanText drops them from the
// Korean source; the writers drop them from curated English too, so no output
// carries them.

// `s` without the characters XML 1.0 forbids (C0 controls other than tab, LF
// and CR; U+FFFE, U+FFFF; ill-formed UTF-8, reported as U+FFFD) and without
// the invisible format characters (IsInvisibleFormatChar). Each dropped
// character is appended to *dropped when it is not null.
std::string DropXmlForbidden(std::string_view s, std::vector<char32_t>* dropped);

// True if DropXmlForbidden(s) would drop nothing (returns `s` itself): a
// writer can then use `s` without the copy.
bool IsXmlClean(std::string_view s);

// Escapes & < > (and, when `attribute`, " and the whitespace characters tab,
// LF and CR, which attribute normalisation would otherwise turn into spaces).
// CR in element content is written as &#13; so it survives parsing.
std::string XmlEscape(std::string_view s, bool attribute);

// XmlEscape(s, attribute) appended to *out (no string of its own).
void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out);

// `s` appended to *out with & < > alone escaped (&amp; &lt; &gt;): the
// escapes WebVTT cue text shares with XML.
void AppendMarkupEscaped(std::string_view s, std::string* out);

// Text for display formats (subtitles, Markdown): well-formed UTF-8 with no
// control characters. Tabs become spaces, CR/CRLF become LF, other C0/C1
// controls, DEL, U+FFFE/U+FFFF, the invisible format characters
// (IsInvisibleFormatChar) and ill-formed bytes are dropped (and appended to
// *dropped when it is not null).
std::string DisplayText(std::string_view s, std::vector<char32_t>* dropped);

// Collapses all whitespace (spaces, tabs, newlines) into single spaces and
// trims both ends: one subtitle or Markdown line of text.
std::string CollapseSpaces(std::string_view s);

// CollapseSpaces(s) into *out, replacing its contents (its capacity is
// reused). `s` must not view *out.
void AssignCollapsedSpaces(std::string_view s, std::string* out);

// True if CollapseSpaces(DisplayText(s, nullptr)) == s, i.e. `s` is already
// one clean display line (text the writers made with those two, such as the
// lines of a Cue): a writer can then use `s` without the copies.
bool IsDisplayClean(std::string_view s);

// One line of display text: CollapseSpaces(DisplayText(s, nullptr)), always.
// When `s` is already such a line (IsDisplayClean) it is returned as it is,
// without making the two intermediate strings; nothing dropped is reported.
std::string DisplayLine(std::string_view s);

// DisplayLine(s) into *out, replacing its contents (its capacity is reused).
// `s` must not view *out.
void AssignDisplayLine(std::string_view s, std::string* out);

// DisplayLine(s) without a copy where none is needed: `s` itself if it is a
// display line already (IsDisplayClean), else the cleaned line, made in
// *scratch. The view lives as long as `s` and *scratch.
std::string_view DisplayLineView(std::string_view s, std::string* scratch);

}  // namespace bitext

#endif  // BITEXT_XML_TEXT_H_
