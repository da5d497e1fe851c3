// SSE2 masks for the 16-byte scans that pass runs of Hangul syllables
// (cleaning, sentence boundaries): which bytes lead a Hangul syllable's
// three-byte UTF-8 sequence. Available only where __SSE2__ is defined.
#ifndef BITEXT_SIMD_HANGUL_H_
#define BITEXT_SIMD_HANGUL_H_

#if defined(__SSE2__)
#include <emmintrin.h>

#include <cstdint>

namespace bitext {

// 0xFF where a byte of `x` is 0xEA..0xED: the lead bytes of U+A000..U+DFFF,
// the range holding the Hangul syllables U+AC00..U+D7A3.
inline __m128i HangulRangeLeads(__m128i x) {
  const __m128i ea = _mm_set1_epi8(static_cast<char>(0xEA));
  const __m128i three = _mm_set1_epi8(3);
  return _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8(x, ea), three), three);
}

// 0xFF where a lead byte of that range does not start a Hangul syllable, as
// far as its next byte tells: EA followed by a byte below B0 (U+A000..
// U+ABFF) and ED followed by 9E or more (U+D780.., past U+D7A3 or
// surrogates). `next` holds the 16 bytes after those of `x` (x shifted by
// one). ED 9E 80..A3 (U+D780..U+D7A3) are syllables flagged all the same:
// callers check those one at a time.
inline __m128i NonSyllableLeads(__m128i x, __m128i next) {
  const __m128i ea = _mm_set1_epi8(static_cast<char>(0xEA));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED));
  const __m128i af = _mm_set1_epi8(static_cast<char>(0xAF));
  const __m128i x9e = _mm_set1_epi8(static_cast<char>(0x9E));
  return _mm_or_si128(
      _mm_and_si128(_mm_cmpeq_epi8(x, ea), _mm_cmpeq_epi8(_mm_max_epu8(next, af), af)),
      _mm_and_si128(_mm_cmpeq_epi8(x, ed), _mm_cmpeq_epi8(_mm_min_epu8(next, x9e), x9e)));
}

// The bytes of a 16-byte block of text, by class (bit k for byte k), for
// the scans that pass printable ASCII, spaces and Hangul syllables at once.
struct TextBlockMasks {
  uint32_t ascii;  // printable ASCII but the space: 0x21..0x7E
  uint32_t space;  // ' '
  uint32_t lead;   // HangulRangeLeads
  uint32_t cont;   // continuation bytes 0x80..0xBF
  uint32_t odd;    // NonSyllableLeads
};

// The masks of block `x`; `next` holds the 16 bytes after those of `x` (x
// shifted by one).
inline TextBlockMasks ClassifyTextBlock(__m128i x, __m128i next) {
  const __m128i sp = _mm_set1_epi8(' ');
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0));
  auto mask = [](__m128i v) { return static_cast<uint32_t>(_mm_movemask_epi8(v)); };
  TextBlockMasks m;
  // Signed compares: bytes from 0x80 are negative.
  m.ascii = mask(_mm_and_si128(_mm_cmpgt_epi8(x, sp), _mm_cmplt_epi8(x, del)));
  m.space = mask(_mm_cmpeq_epi8(x, sp));
  m.lead = mask(HangulRangeLeads(x));
  m.cont = mask(_mm_cmplt_epi8(x, c0));
  m.odd = mask(NonSyllableLeads(x, next));
  return m;
}

// The bytes where a block that starts on a character boundary breaks the
// three-byte shape of the syllables: a continuation byte not one or two
// after a lead, or a byte there that is not one. (A lead in the last two
// bytes expects its continuations in the next block: not checked here.)
inline uint32_t BrokenSequences(const TextBlockMasks& m) {
  return m.cont ^ (((m.lead << 1) | (m.lead << 2)) & 0xFFFF);
}

// `cut` (a byte count into the block) moved back to the lead of a syllable
// it would split.
inline uint32_t BackToCharBoundary(uint32_t cut, uint32_t lead) {
  if (cut > 0 && ((lead >> (cut - 1)) & 1)) return cut - 1;
  if (cut > 1 && ((lead >> (cut - 2)) & 1)) return cut - 2;
  return cut;
}

// The bytes of a block, starting on a character boundary, that a clean
// stretch of text may not hold: anything but printable ASCII, spaces, whole
// Hangul syllables and the bytes of `also_ok` (line feeds, for cleaning),
// and the second of two spaces in a row.
inline uint32_t UncleanBytes(const TextBlockMasks& m, uint32_t also_ok) {
  uint32_t bad = ~(m.ascii | m.space | also_ok | m.lead | m.cont) & 0xFFFF;
  bad |= m.odd;                     // not a syllable
  bad |= BrokenSequences(m);        // not a whole one
  bad |= m.space & (m.space >> 1);  // two spaces
  return bad;
}

// How many bytes of the block a clean stretch takes when `bad` flags the
// bytes it may not hold (UncleanBytes and the caller's own): up to the first
// of them, moved back to a character boundary and off a space (the byte
// after a space decides whether it stays). 16 when none is flagged and the
// block ends on a boundary, not on a space.
inline uint32_t CleanPrefix(const TextBlockMasks& m, uint32_t bad) {
  uint32_t cut = BackToCharBoundary(bad == 0 ? 16 : __builtin_ctz(bad), m.lead);
  if (cut > 0 && ((m.space >> (cut - 1)) & 1)) cut -= 1;
  return cut;
}

}  // namespace bitext

#endif  // __SSE2__
#endif  // BITEXT_SIMD_HANGUL_H_
