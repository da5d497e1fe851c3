#include "xml_text.h"

#include <cstdint>
#include <cstdio>

#include "byte_scan.h"
#include "simd_hangul.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bitext {

std::string WriterWarning::ToString() const {
  std::string loc = where.ToString();
  return (loc.empty() ? std::string() : loc + ": ") + "warning: " + message;
}

std::string CodePointName(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

namespace {

// NextCodePoint(s, i) that also tells whether the bytes at s[*i] were
// ill-formed (they decode as U+FFFD, which is how the writers report them; a
// well-formed U+FFFD is kept).
inline char32_t NextChar(std::string_view s, size_t* i, bool* ill_formed) {
  char32_t c;
  size_t n = DecodeUtf8(s, *i, &c);
  *ill_formed = n == 0;
  if (n == 0) {
    *i += 1;
    return 0xFFFD;
  }
  *i += n;
  return c;
}

// True for what DropXmlForbidden drops: ill-formed bytes, the characters XML
// 1.0 forbids and the invisible format characters.
inline bool XmlDrops(char32_t c, bool ill_formed) {
  return ill_formed || !IsXmlChar(c) || IsInvisibleFormatChar(c);
}

// End of the run of characters DropXmlForbidden keeps that starts at s[i]:
// the offset of the first character it drops, or s.size().
inline size_t XmlKeptRunEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80) {  // fast path: printable ASCII (and DEL)
      ++i;
      continue;
    }
    size_t start = i;
    bool ill_formed;
    char32_t c = NextChar(s, &i, &ill_formed);
    if (XmlDrops(c, ill_formed)) return start;
  }
  return s.size();
}

// True for what DisplayText drops: ill-formed bytes, C0 controls other than
// tab, LF and CR (which it converts), DEL, C1 controls, U+FFFE, U+FFFF and the
// invisible format characters.
inline bool DisplayDrops(char32_t c, bool ill_formed) {
  return ill_formed || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
         (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF || IsInvisibleFormatChar(c);
}

// End of the run that starts at s[i] of characters DisplayText keeps as they
// are and finds without a full decode: printable ASCII (0x20..0x7E) and
// Hangul syllables.
inline size_t DisplayRunEnd(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned char b = p[i];
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      continue;
    }
    // A Hangul syllable (checked without DecodeUtf8, which made DisplayText
    // about 13% slower).
    if (!IsHangulSyllableAt(p, i, s.size())) break;
    i += 3;
  }
  return i;
}

}  // namespace

std::string DropXmlForbidden(std::string_view s, std::vector<char32_t>* dropped) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t end = XmlKeptRunEnd(s, i);
    out.append(s.data() + i, end - i);
    if (end == s.size()) break;
    i = end;
    bool ill_formed;
    char32_t c = NextChar(s, &i, &ill_formed);
    if (dropped) dropped->push_back(c);
  }
  return out;
}

bool IsXmlClean(std::string_view s) { return XmlKeptRunEnd(s, 0) == s.size(); }

std::string XmlEscape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  AppendXmlEscaped(s, attribute, &out);
  return out;
}

namespace {

// The entity that stands for byte `c`, one of & < > CR " TAB LF.
const char* XmlEntity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '\r':
      return "&#13;";
    case '"':
      return "&quot;";
    case '\t':
      return "&#9;";
    default:  // '\n'
      return "&#10;";
  }
}

// `s` appended to *out with every byte of kEscaped written as XmlEntity.
template <char... kEscaped>
void AppendWithEntities(std::string_view s, std::string* out) {
  size_t run = 0;  // start of the bytes not yet appended
  for (size_t i = FindAnyByte<kEscaped...>(s, 0); i < s.size();
       i = FindAnyByte<kEscaped...>(s, i + 1)) {
    out->append(s.data() + run, i - run);
    out->append(XmlEntity(s[i]));
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
}

}  // namespace

void AppendMarkupEscaped(std::string_view s, std::string* out) {
  AppendWithEntities<'&', '<', '>'>(s, out);
}

void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out) {
  if (attribute) {
    AppendWithEntities<'&', '<', '>', '\r', '"', '\t', '\n'>(s, out);
  } else {
    AppendWithEntities<'&', '<', '>', '\r'>(s, out);
  }
}

std::string DisplayText(std::string_view s, std::vector<char32_t>* dropped) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t run = DisplayRunEnd(s, i);
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    size_t start = i;
    bool ill_formed;
    char32_t c = NextChar(s, &i, &ill_formed);
    if (c == '\t') {
      out += ' ';
    } else if (c == '\r') {
      if (i < s.size() && s[i] == '\n') continue;  // CRLF: the LF follows
      out += '\n';
    } else if (c == '\n') {
      out += '\n';
    } else if (DisplayDrops(c, ill_formed)) {
      if (dropped) dropped->push_back(c);
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  AssignCollapsedSpaces(s, &out);
  return out;
}

namespace {

#if defined(__SSE2__)
// For the 16-byte block at p + i whose space bytes are the bits of `spaces`:
// true if it holds two spaces in a row, or starts with a space right after
// one (p[i - 1]).
inline bool DoubleSpaceInBlock(int spaces, const unsigned char* p, size_t i) {
  return (spaces & (spaces >> 1)) != 0 || ((spaces & 1) != 0 && i > 0 && p[i - 1] == ' ');
}

// How many bytes from p[i] (a character boundary) whole 16-byte blocks show
// to be clean display text: printable ASCII, Hangul syllables and single
// spaces. The stretch ends on a character boundary and never on a space
// (the byte after a space decides whether it stays). Each block reads the
// byte after it too, so blocks are taken while i + 17 <= n. 0 when the
// first character needs a closer look. ED 9E 80..A3 (U+D780..U+D7A3) are
// syllables left to that closer look (see NonSyllableLeads).
size_t CleanDisplayStretch(const unsigned char* p, size_t i, size_t n) {
  const size_t start = i;
  while (i + 17 <= n) {
    const TextBlockMasks m =
        ClassifyTextBlock(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)),
                          _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1)));
    const uint32_t cut = CleanPrefix(m, UncleanBytes(m, 0));
    i += cut;
    if (cut < 16) break;
  }
  return i - start;
}
#endif

// The whitespace CollapseSpaces collapses: space, tab, LF, VT, FF, CR.
inline bool IsCollapsibleSpace(unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

// True if CollapseSpaces(s) == s: no space at either end, no two spaces in a
// row, and no other whitespace (tab, LF, VT, FF, CR). By 16-byte blocks where
// SSE2 is there, then byte by byte.
bool IsCollapsed(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i four = _mm_set1_epi8(4);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // IsCollapsibleSpace: tab, LF, VT, FF, CR are 0x09..0x0D, v - 0x09 at
    // most 4 (unsigned); spaces are checked for pairs below.
    const __m128i t = _mm_sub_epi8(v, tab);
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(t, four), t)) != 0) return false;
    const int spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(v, space));
    if (DoubleSpaceInBlock(spaces, p, i)) return false;
  }
  if (i > 0 && i < n && p[i - 1] == ' ' && p[i] == ' ') return false;
#endif
  for (; i < n; ++i) {
    const unsigned char b = p[i];
    if (b > ' ') continue;
    if (b == ' ') {
      if (p[i + 1] == ' ') return false;  // s does not end in a space: i + 1 < n
    } else if (IsCollapsibleSpace(b)) {
      return false;
    }
  }
  return true;
}

}  // namespace

void AssignCollapsedSpaces(std::string_view s, std::string* out) {
  auto is_space = [](char ch) { return IsCollapsibleSpace(static_cast<unsigned char>(ch)); };
  // Text already collapsed (as the line breaker's usually is: display lines)
  // is copied whole.
  if (IsCollapsed(s)) {
    out->assign(s.data(), s.size());
    return;
  }
  out->clear();
  out->reserve(s.size());
  // Runs of non-space bytes, copied at once, one space between runs.
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i == s.size()) break;
    size_t end = i;
    while (end < s.size() && !is_space(s[end])) ++end;
    if (!out->empty()) *out += ' ';
    out->append(s.data() + i, end - i);
    i = end;
  }
}

bool IsDisplayClean(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
#if defined(__SSE2__)
  size_t blocks_from = 0;  // no stretch is tried before this offset (one just failed)
#endif
  for (size_t i = 0; i < n;) {
#if defined(__SSE2__)
    // Clean stretches (English, Korean) sixteen bytes at a time; the
    // character that ends one, and the short tail, one at a time below.
    // Where a stretch fails at once (text the blocks do not cover: CJK,
    // Cyrillic, runs of quotes), the next sixteen bytes go one at a time.
    if (i >= blocks_from) {
      const size_t stretch = CleanDisplayStretch(p, i, n);
      if (stretch == 0) blocks_from = i + 16;
      i += stretch;
      if (i == n) break;
    }
#endif
    const unsigned char b = p[i];
    if (b > 0x20 && b < 0x7F) {
      ++i;
    } else if (b == ' ') {
      // CollapseSpaces changes a double space (s does not end in a space: i + 1 < n).
      if (p[i + 1] == ' ') return false;
      ++i;
    } else if (IsHangulSyllableAt(p, i, n)) {
      i += 3;  // the common case in Korean text, without a full decode
    } else if (b < 0x80) {
      // Any other ASCII byte (a control, tab, newline or DEL) is changed by
      // DisplayText or CollapseSpaces.
      return false;
    } else {
      // Other characters are kept unless dropped.
      bool ill_formed;
      char32_t c = NextChar(s, &i, &ill_formed);
      if (DisplayDrops(c, ill_formed)) return false;
    }
  }
  return true;
}

std::string DisplayLine(std::string_view s) {
  std::string out;
  AssignDisplayLine(s, &out);
  return out;
}

void AssignDisplayLine(std::string_view s, std::string* out) {
  if (IsDisplayClean(s)) {
    out->assign(s.data(), s.size());
  } else {
    AssignCollapsedSpaces(DisplayText(s, nullptr), out);
  }
}

std::string_view DisplayLineView(std::string_view s, std::string* scratch) {
  if (IsDisplayClean(s)) return s;
  AssignCollapsedSpaces(DisplayText(s, nullptr), scratch);
  return *scratch;
}

}  // namespace bitext
