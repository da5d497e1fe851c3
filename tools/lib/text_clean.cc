#include "text_clean.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cstdio>
#include <vector>

namespace bitext {
namespace {

// Decodes one code point at s[i]; returns its length in bytes, or 0 if the
// bytes there are not well-formed UTF-8 (overlong forms, surrogates and values
// above U+10FFFF are rejected).
inline size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t left = s.size() - i;
  unsigned char b0 = p[0];
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

enum class Class { kKeep, kSpace, kDrop, kNewline };

inline Class Classify(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return c == ' ' ? Class::kSpace : Class::kKeep;
  if (c == '\n') return Class::kNewline;
  if (c == '\t' || c == '\v' || c == '\f') return Class::kSpace;
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return Class::kDrop;
  switch (c) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Class::kSpace;
    case 0x00AD:
    case 0x180E:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return Class::kDrop;
    case 0x2028:
    case 0x2029:
      return Class::kNewline;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Class::kSpace;
  return Class::kKeep;
}

// Whether valid UTF-8 `s` is NFC, given the offsets of all its characters
// that are not NFC-inert (see CleanText). A text is NFC when each of its
// normalisation segments is; a segment runs from a character with a
// boundary before it to the next such character, and only segments holding
// a non-inert character can be changed. So each of those segments is
// checked alone.
bool IsNfcAround(const icu::Normalizer2& nfc, std::string_view s,
                 const std::vector<size_t>& not_inert) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  auto start_before = [p](size_t end) {  // start of the character ending at `end`
    size_t b = end - 1;
    while (b > 0 && (p[b] & 0xC0) == 0x80) --b;
    return b;
  };
  auto boundary_before = [&](size_t at) {
    char32_t cp = 0;
    DecodeUtf8(s, at, &cp);
    return nfc.hasBoundaryBefore(static_cast<UChar32>(cp));
  };
  size_t checked_to = 0;  // segments before this offset are known to be NFC
  for (size_t at : not_inert) {
    if (at < checked_to) continue;
    size_t from = at;
    while (from > checked_to && !boundary_before(from)) from = start_before(from);
    size_t to = at;
    char32_t cp = 0;
    to += DecodeUtf8(s, to, &cp);
    while (to < s.size() && !boundary_before(to)) {
      size_t n = DecodeUtf8(s, to, &cp);
      to += n;
    }
    UErrorCode err = U_ZERO_ERROR;
    icu::StringPiece piece(s.data() + from, static_cast<int32_t>(to - from));
    if (!nfc.isNormalizedUTF8(piece, err) || U_FAILURE(err)) return false;
    checked_to = to;
  }
  return true;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) {
      if (bad_offset != nullptr) *bad_offset = i;
      return false;
    }
    i += n;
  }
  return true;
}

std::string ToNfc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(s);
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return std::string(s);
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_FAILURE(err)) return std::string(s);
  return out;
}

Result<std::string> CleanText(std::string_view raw, const std::string& file) {
  UErrorCode nfc_err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(nfc_err);
  if (U_FAILURE(nfc_err)) nfc = nullptr;
  // Where the output holds a character that NFC may change or that may
  // combine with a neighbour (not ICU's "inert"; Hangul syllables only
  // combine with a following trailing jamo, itself not inert). Only the text
  // around these needs checking: the rest is NFC already.
  std::vector<size_t> not_inert;
  std::string out;
  out.reserve(raw.size());
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t size = raw.size();
  size_t i = 0;
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  int line = 1;
  int col = 1;  // column of the next input character, in characters
  bool pending_space = false;
  bool line_has_text = false;
  while (i < size) {
    // Fast path: a run of printable ASCII (no space) and Hangul syllables
    // (U+AC00..U+D7A3, EA B0 80..ED 9E A3), all kept as they are.
    size_t run = i;
    int chars = 0;
    for (;;) {
      unsigned char b = p[run];
      if (b > 0x20 && b < 0x7F) {
        ++run;
      } else if (b >= 0xEA && b <= 0xED && run + 2 < size && (p[run + 1] & 0xC0) == 0x80 &&
                 (p[run + 2] & 0xC0) == 0x80) {
        unsigned cp =
            (unsigned(b & 0x0F) << 12) | (unsigned(p[run + 1] & 0x3F) << 6) | (p[run + 2] & 0x3F);
        if (cp < 0xAC00 || cp > 0xD7A3) break;
        run += 3;
      } else {
        break;
      }
      ++chars;
      if (run >= size) break;
    }
    if (run > i) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      line_has_text = true;
      out.append(raw.data() + i, run - i);
      col += chars;
      i = run;
      continue;
    }
    unsigned char b = p[i];
    char32_t cp;
    size_t n;
    if (b < 0x80) {
      cp = b;
      n = 1;
    } else {
      n = DecodeUtf8(raw, i, &cp);
      if (n == 0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02X); the file must be UTF-8", b);
        return Status::InvalidInput({file, line, col}, buf);
      }
    }
    if (cp == 0) {
      return Status::InvalidInput({file, line, col}, "binary data (NUL byte); expected UTF-8 text");
    }
    if (cp == '\r') {
      // CRLF or a lone CR: one line end.
      cp = '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++n;
    }
    i += n;
    switch (Classify(cp)) {
      case Class::kNewline:
        out.push_back('\n');
        pending_space = false;
        line_has_text = false;
        ++line;
        col = 1;
        continue;
      case Class::kSpace:
        if (line_has_text) pending_space = true;
        break;
      case Class::kDrop:
        break;
      case Class::kKeep:
        if (pending_space) out.push_back(' ');
        pending_space = false;
        line_has_text = true;
        if (cp >= 0x300 && !(cp >= 0xAC00 && cp <= 0xD7A3) &&
            (nfc == nullptr || !nfc->isInert(static_cast<UChar32>(cp)))) {
          not_inert.push_back(out.size());
        }
        out.append(raw.data() + i - n, n);
        break;
    }
    ++col;
  }
  if (not_inert.empty() || nfc == nullptr || IsNfcAround(*nfc, out, not_inert)) return out;
  return ToNfc(out);
}

}  // namespace bitext
