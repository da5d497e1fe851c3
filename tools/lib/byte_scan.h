// Finding the next of a few given bytes: what ends a run of text an escaper
// copies as it is (the XML, WebVTT and Markdown writers' specials, a PO
// string literal's quote and backslash).
//
//   size_t run = 0;
//   for (size_t i = FindAnyByte<'&', '<'>(s, 0); i < s.size();
//        i = FindAnyByte<'&', '<'>(s, i + 1)) {
//     out->append(s.data() + run, i - run);  // the plain run
//     ...                                    // s[i], escaped
//     run = i + 1;
//   }
//
// The bytes are ASCII, so a match never falls inside a multi-byte UTF-8
// character.
#ifndef BITEXT_BYTE_SCAN_H_
#define BITEXT_BYTE_SCAN_H_

#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bitext {

namespace byte_scan_internal {

// The scan both finders are: the first byte at or after `from` that is one
// of `Bytes` or, with kControls, an ASCII control (0x00..0x1F, 0x7F).
template <bool kControls, char... Bytes>
size_t Find(std::string_view s, size_t from) {
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i hit = _mm_setzero_si128();
    if constexpr (kControls) {
      // Unsigned: min(v, 0x1F) == v for the bytes up to 0x1F.
      hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    }
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Bytes)))), ...);
    const int bits = _mm_movemask_epi8(hit);
    if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  for (; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (kControls && (b < 0x20 || b == 0x7F)) return i;
    if (((s[i] == Bytes) || ...)) return i;
  }
  return s.size();
}

}  // namespace byte_scan_internal

// The offset of the first byte of `s` at or after `from` that is one of
// `Bytes` (s.size() if none; `from` may be s.size()). Sixteen bytes at a
// time where SSE2 is there.
template <char... Bytes>
size_t FindAnyByte(std::string_view s, size_t from) {
  static_assert(sizeof...(Bytes) > 0, "FindAnyByte needs at least one byte");
  return byte_scan_internal::Find<false, Bytes...>(s, from);
}

// FindAnyByte that also stops at an ASCII control (0x00..0x1F, 0x7F): what
// a PO string escapes.
template <char... Bytes>
size_t FindAnyByteOrControl(std::string_view s, size_t from) {
  return byte_scan_internal::Find<true, Bytes...>(s, from);
}

}  // namespace bitext

#endif  // BITEXT_BYTE_SCAN_H_
