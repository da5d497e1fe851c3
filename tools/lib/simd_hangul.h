// SSE2 masks for the 16-byte scans that pass runs of Hangul syllables
// (cleaning, sentence boundaries): which bytes lead a Hangul syllable's
// three-byte UTF-8 sequence. Available only where __SSE2__ is defined.
#ifndef BITEXT_SIMD_HANGUL_H_
#define BITEXT_SIMD_HANGUL_H_

#if defined(__SSE2__)
#include <emmintrin.h>

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

}  // namespace bitext

#endif  // __SSE2__
#endif  // BITEXT_SIMD_HANGUL_H_
