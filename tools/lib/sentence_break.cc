#include "sentence_break.h"

#include <unicode/uchar.h>

#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "simd_hangul.h"
#include "utf8.h"

namespace bitext {
namespace {

// Sentence_Break values, as ICU numbers them (USentenceBreak).
using Sb = int;

// Class of every ASCII character, read from ICU once.
struct AsciiTable {
  uint8_t sb[128];
  // Whether a boundary may follow the character: STerm, ATerm, CR, LF, Sep.
  bool stop[128];
  bool simd_ok = true;
  AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      sb[c] = static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
      stop[c] = sb[c] == U_SB_STERM || sb[c] == U_SB_ATERM || sb[c] == U_SB_CR ||
                sb[c] == U_SB_LF || sb[c] == U_SB_SEP;
    }
    // SkipPlain flags exactly these ASCII characters; if some future Unicode
    // made another one a terminator, fall back to the byte loop.
    for (int c = 0; c < 128; ++c) {
      if (stop[c] && std::strchr(".?!\r\n", c) == nullptr) simd_ok = false;
    }
  }
};
const AsciiTable kAsciiTable;  // ICU's data is built in: safe at start-up
inline const AsciiTable& Ascii() { return kAsciiTable; }

inline Sb ClassOf(char32_t c) {
  if (c < 0x80) return Ascii().sb[c];
  if (IsHangulSyllable(c)) return U_SB_OLETTER;
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK);
}

inline bool IsParaSep(Sb sb) { return sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF; }
inline bool IsSATerm(Sb sb) { return sb == U_SB_STERM || sb == U_SB_ATERM; }
inline bool IsIgnored(Sb sb) { return sb == U_SB_EXTEND || sb == U_SB_FORMAT; }

// The code point at p[i] (i < n) and its length; an ill-formed byte is one
// U+FFFD.
inline char32_t Decode(const unsigned char* p, size_t i, size_t n, size_t* len) {
  size_t j = i;
  char32_t c = NextCodePoint(std::string_view(reinterpret_cast<const char*>(p), n), &j);
  *len = j - i;
  return c;
}

struct Text {
  const unsigned char* p;
  size_t n;

  // Class of the code point at i (< n), its length in *len.
  Sb At(size_t i, size_t* len) const { return ClassOf(Decode(p, i, n, len)); }
  // Past any Extend and Format characters from i (rule SB5).
  size_t SkipIgnored(size_t i) const {
    size_t len;
    while (i < n && IsIgnored(At(i, &len))) i += len;
    return i;
  }
  // Class of the character before byte i, Extend and Format skipped (SB5);
  // Other at the start of the text or after a paragraph separator.
  Sb Before(size_t i) const {
    while (i > 0) {
      size_t b = PrevCodePointStart(std::string_view(reinterpret_cast<const char*>(p), n), i);
      size_t len;
      Sb sb = At(b, &len);
      if (IsParaSep(sb)) return U_SB_OTHER;
      if (!IsIgnored(sb)) return sb;
      i = b;
    }
    return U_SB_OTHER;
  }
  // The first character from i that may end a sentence (STerm, ATerm or a
  // paragraph separator), or n. Hangul syllables and other characters are
  // skipped byte-wise where their bytes say enough.
  size_t NextStop(size_t i, Sb* sb, size_t* len) const {
    const AsciiTable& ascii = Ascii();
    while (i < n) {
      i = SkipPlain(i);
      if (i >= n) break;
      unsigned char b = p[i];
      if (b < 0x80) {
        if (ascii.stop[b]) {
          *sb = ascii.sb[b];
          *len = 1;
          return i;
        }
        ++i;
        continue;
      }
      // Continuation bytes, and lead bytes EB/EC (U+B000..U+CFFF, all
      // Hangul syllables).
      if (b < 0xC0 || b == 0xEB || b == 0xEC) {
        ++i;
        continue;
      }
      char32_t c = Decode(p, i, n, len);
      if (!IsHangulSyllable(c)) {
        Sb cls = ClassOf(c);
        if (IsSATerm(cls) || IsParaSep(cls)) {
          *sb = cls;
          return i;
        }
      }
      i += *len;
    }
    return n;
  }
  // Skips, 16 bytes at a time, bytes that cannot start an STerm, ATerm or
  // separator: ASCII other than . ? ! CR LF, continuation bytes, and the lead
  // bytes of Hangul syllables. Returns where NextStop must look (or n).
  size_t SkipPlain(size_t i) const {
#if defined(__SSE2__)
    if (!Ascii().simd_ok) return i;
    // An ASCII byte is also flagged when its class says it may stop (the
    // table is ICU's, so check it covers no more than . ? ! CR LF).
    const __m128i dot = _mm_set1_epi8('.'), qm = _mm_set1_epi8('?'), ex = _mm_set1_epi8('!');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    const __m128i below_c0 = _mm_set1_epi8(static_cast<char>(0xBF));
    // i + 17 <= n: the byte after each of the 16 is read too.
    while (i + 17 <= n) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      __m128i nx = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
      __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, qm)),
                               _mm_or_si128(_mm_cmpeq_epi8(x, ex), _mm_cmpeq_epi8(x, lf)));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(x, cr));
      // Lead bytes (C0..FF) other than EA..ED.
      __m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(x, below_c0), x);
      lead = _mm_andnot_si128(_mm_cmpeq_epi8(x, below_c0), lead);
      m = _mm_or_si128(m, _mm_andnot_si128(HangulRangeLeads(x), lead));
      m = _mm_or_si128(m, NonSyllableLeads(x, nx));
      int bits = _mm_movemask_epi8(m);
      if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
      i += 16;
    }
#endif
    return i;
  }
  // Past a paragraph separator of class `sb` at i (CR LF together, SB3).
  size_t PastParaSep(size_t i, Sb sb, size_t len) const {
    i += len;
    if (sb == U_SB_CR && i < n && p[i] == '\n') ++i;
    return i;
  }
};

}  // namespace

void SentenceBoundaries(std::string_view text, std::vector<uint32_t>* out) {
  const Text t{reinterpret_cast<const unsigned char*>(text.data()), text.size()};
  const size_t n = t.n;
  auto emit = [&](size_t at) {
    if (at > 0 && at < n) out->push_back(static_cast<uint32_t>(at));
  };
  size_t i = 0;
  while (i < n) {
    Sb term;
    size_t len;
    size_t s = t.NextStop(i, &term, &len);
    if (s >= n) break;
    if (IsParaSep(term)) {  // SB4: a break after every paragraph separator
      i = t.PastParaSep(s, term, len);
      emit(i);
      continue;
    }
    // An STerm or ATerm at s.
    size_t j = t.SkipIgnored(s + len);
    size_t next_len = 0;
    Sb next = j < n ? t.At(j, &next_len) : U_SB_OTHER;
    if (term == U_SB_ATERM && j < n) {
      if (next == U_SB_NUMERIC) {  // SB6: 3.5
        i = j;
        continue;
      }
      if (next == U_SB_UPPER) {  // SB7: U.S
        Sb before = t.Before(s);
        if (before == U_SB_UPPER || before == U_SB_LOWER) {
          i = j;
          continue;
        }
      }
    }
    // SB9, SB10: Close* then Sp* stay with the sentence.
    while (j < n && next == U_SB_CLOSE) {
      j = t.SkipIgnored(j + next_len);
      if (j < n) next = t.At(j, &next_len);
    }
    while (j < n && next == U_SB_SP) {
      j = t.SkipIgnored(j + next_len);
      if (j < n) next = t.At(j, &next_len);
    }
    if (j >= n) break;  // the end of the text is a boundary anyway
    if (term == U_SB_ATERM) {
      // SB8: no break if a lowercase letter follows before any other letter,
      // separator or terminator ("etc. (see ...").
      size_t k = j;
      bool lower = false;
      while (k < n) {
        size_t l;
        Sb c = t.At(k, &l);
        if (c == U_SB_LOWER) {
          lower = true;
          break;
        }
        if (c == U_SB_OLETTER || c == U_SB_UPPER || IsParaSep(c) || IsSATerm(c)) break;
        k += l;
      }
      if (lower) {
        i = k;
        continue;
      }
    }
    if (next == U_SB_SCONTINUE || IsSATerm(next)) {  // SB8a
      i = j;
      continue;
    }
    if (IsParaSep(next)) {  // SB9-SB11: the separator ends the sentence
      i = t.PastParaSep(j, next, next_len);
      emit(i);
      continue;
    }
    emit(j);  // SB11
    i = j;
  }
}

}  // namespace bitext
