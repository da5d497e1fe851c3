// UTF-8 decoding shared by the stages that read text byte by byte (cleaning,
// sentence boundaries, the writers' XML and display checks), encoding, and
// the character classes those stages share.
//
//   size_t i = 0;
//   while (i < s.size()) {
//     char32_t c = bitext::NextCodePoint(s, &i);  // U+FFFD for a bad byte
//     ...
//   }
//
// DecodeUtf8 accepts only well-formed UTF-8 (overlong forms, surrogates and
// values above U+10FFFF are ill-formed); the readers built on it
// (CodePointAt, NextCodePoint, PrevCodePoint) read an ill-formed byte as
// U+FFFD, one byte at a time.
#ifndef BITEXT_UTF8_H_
#define BITEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace bitext {

// True for the precomposed Hangul syllables U+AC00..U+D7A3.
inline bool IsHangulSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

// The Hangul syllable at p[i] of the n bytes at p, or 0 if there is none
// there: lead byte 0xEA..0xED, two continuation bytes and a value in the
// Hangul range (so never overlong or a surrogate). Cheaper than DecodeUtf8
// for the scans that pass runs of Hangul (cleaning, the writers' display
// check, the line breaker).
inline char32_t HangulSyllableAt(const unsigned char* p, size_t i, size_t n) {
  if (i + 2 >= n) return 0;
  const unsigned char b = p[i];
  if (b < 0xEA || b > 0xED || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) {
    return 0;
  }
  const char32_t c =
      (char32_t(b & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  return IsHangulSyllable(c) ? c : 0;
}

// True if HangulSyllableAt finds a syllable at p[i].
inline bool IsHangulSyllableAt(const unsigned char* p, size_t i, size_t n) {
  return HangulSyllableAt(p, i, n) != 0;
}

// Decodes the code point at s[i] (i < s.size()) into *cp and returns its
// length in bytes, or 0 if the bytes there are not well-formed UTF-8 (*cp is
// then unspecified).
inline size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t left = s.size() - i;
  const unsigned char b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if (b0 < 0xC2) return 0;
  if (b0 < 0xE0) {
    if (left < 2 || (p[1] & 0xC0) != 0x80) return 0;
    *cp = (char32_t(b0 & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (b0 < 0xF0) {
    if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return 3;
  }
  if (b0 < 0xF5) {
    if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return 0;
    char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
                 (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return 0;
    *cp = c;
    return 4;
  }
  return 0;
}

// Decodes the code point at s[i] (i < s.size()) into *cp and returns its
// length in bytes. An ill-formed byte decodes as U+FFFD of length 1, so a
// loop that adds the length always advances.
inline size_t CodePointAt(std::string_view s, size_t i, char32_t* cp) {
  const size_t n = DecodeUtf8(s, i, cp);
  if (n != 0) return n;
  *cp = 0xFFFD;
  return 1;
}

// Decodes the code point at s[*i] (*i < s.size()) and advances *i past it,
// as CodePointAt reads it: ill-formed bytes are U+FFFD, one byte at a time,
// so every input terminates.
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  char32_t c;
  *i += CodePointAt(s, *i, &c);
  return c;
}

// The code point that ends at byte `end` (0 < end <= s.size()), as
// NextCodePoint would have read it going forwards (U+FFFD for an ill-formed
// byte), into *cp; returns where it starts (PrevCodePointStart). ASCII and
// Hangul syllables, most of the text before a space, take a short path: a
// lead byte is never part of the sequence before it.
inline size_t PrevCodePoint(std::string_view s, size_t end, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[end - 1] < 0x80) {
    *cp = p[end - 1];
    return end - 1;
  }
  if (end >= 3) {
    if (const char32_t h = HangulSyllableAt(p, end - 3, end)) {
      *cp = h;
      return end - 3;
    }
  }
  // Back over at most three continuation bytes to a lead byte, and one
  // decode from there; an ill-formed byte stands alone (U+FFFD).
  size_t b = end - 1;
  while (b > 0 && end - b < 4 && (p[b] & 0xC0) == 0x80) --b;
  const size_t len = DecodeUtf8(s.substr(0, end), b, cp);
  if (len != 0 && b + len == end) return b;
  *cp = 0xFFFD;  // p[end - 1] is not ASCII here
  return end - 1;
}

// The start of the code point that ends at byte `end` (0 < end <= s.size()),
// as NextCodePoint would have read it going forwards: an ill-formed byte
// stands alone.
inline size_t PrevCodePointStart(std::string_view s, size_t end) {
  char32_t c;
  return PrevCodePoint(s, end, &c);
}

// PrevCodePoint's code point alone.
inline char32_t CodePointBefore(std::string_view s, size_t end) {
  char32_t c;
  PrevCodePoint(s, end, &c);
  return c;
}

// Appends the UTF-8 encoding of `c` (a Unicode scalar value) to *out.
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// True for the invisible format characters CleanText drops from the source
// and the writers from curated English: U+00AD soft hyphen, U+180E, U+200B
// zero-width space, U+200C/U+200D zero-width (non-)joiner, U+2060 word
// joiner and U+FEFF byte-order mark.
inline bool IsInvisibleFormatChar(char32_t c) {
  switch (c) {
    case 0x00AD:
    case 0x180E:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return true;
    default:
      return false;
  }
}

// The end of the run of ASCII bytes (< 0x80) that starts at p[i] (i <= n;
// i itself if p[i] is not ASCII), eight bytes at a time.
inline size_t AsciiRunEnd(const unsigned char* p, size_t i, size_t n) {
  uint64_t block;
  while (i + 8 <= n && (std::memcpy(&block, p + i, 8), (block & 0x8080808080808080ULL) == 0)) {
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

// The end of the well-formed UTF-8 that starts at s[i] (i <= s.size()):
// the offset of the first byte that DecodeUtf8 rejects, or s.size(). Adds
// the number of code points passed to *count. Runs of ASCII go eight bytes
// at a time and Hangul syllables without a full decode (en.po and the source
// are mostly one or the other). IsValidUtf8 and CodePointCount are this walk.
inline size_t WellFormedRunEnd(std::string_view s, size_t i, size_t* count) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t size = s.size();
  size_t n = 0;
  while (i < size) {
    if (p[i] < 0x80) {
      const size_t end = AsciiRunEnd(p, i, size);
      n += end - i;
      i = end;
    } else if (IsHangulSyllableAt(p, i, size)) {
      n += 1;
      i += 3;
    } else {
      char32_t cp;
      const size_t len = DecodeUtf8(s, i, &cp);
      if (len == 0) break;
      n += 1;
      i += len;
    }
  }
  *count += n;
  return i;
}

// The number of code points NextCodePoint reads in `s` (an ill-formed byte
// counts one), for text that may be ill-formed (cue lines, line widths).
// For text known to be well-formed, WellFormedCodePointCount is faster.
inline size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  size_t i = WellFormedRunEnd(s, 0, &n);
  while (i < s.size()) {
    ++n;  // the ill-formed byte at s[i], read as U+FFFD
    i = WellFormedRunEnd(s, i + 1, &n);
  }
  return n;
}

// The number of code points in well-formed UTF-8 `s` (cleaned text: the
// source after CleanText; a line's text before an error's column), counted
// as the bytes that are not continuation bytes, eight at a time. For ill-formed `s` the count may
// differ from CodePointCount's (a lone continuation byte counts none).
inline size_t WellFormedCodePointCount(std::string_view s) {
  size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // Bit 7 of each byte: set for a continuation byte (10xxxxxx).
    uint64_t cont = x & ~(x << 1) & 0x8080808080808080ULL;
    // Add the flags up with one multiply.
    n += 8 - static_cast<size_t>(((cont >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// The 1-based column, in code points, of byte offset `off` of `line` (an
// offset past the end counts as the end): what FILE:LINE:COL reports. The
// bytes before `off` must be well-formed (WellFormedCodePointCount), as they
// are before the first ill-formed byte of a line.
inline int ColumnOf(std::string_view line, size_t off) {
  return static_cast<int>(WellFormedCodePointCount(line.substr(0, off))) + 1;
}

}  // namespace bitext

#endif  // BITEXT_UTF8_H_
