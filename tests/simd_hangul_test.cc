// Tests for simd_hangul.h: how much of a 16-byte block a clean stretch takes
// (UncleanBytes + CleanPrefix, the step that cleaning's FastStretch and the
// writers' CleanDisplayStretch share). Whole texts are checked against plain
// loops in text_clean_test and xml_text_test.
#include "simd_hangul.h"

#include <catch2/catch.hpp>

#include <string>

#if defined(__SSE2__)

namespace {

// CleanPrefix(UncleanBytes) of the block at the start of `s` (17 bytes or
// more: a block reads the byte after it), with line feeds allowed if `lf`.
uint32_t Prefix(const std::string& s, bool lf) {
  REQUIRE(s.size() >= 17);
  const auto* p = reinterpret_cast<const __m128i*>(s.data());
  const __m128i x = _mm_loadu_si128(p);
  const bitext::TextBlockMasks m =
      bitext::ClassifyTextBlock(x, _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + 1)));
  const uint32_t lfs =
      lf ? static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')))) : 0;
  return bitext::CleanPrefix(m, bitext::UncleanBytes(m, lfs));
}

}  // namespace

TEST_CASE("CleanPrefix takes clean text up to the first byte that needs a look", "[simd_hangul]") {
  struct Row {
    const char* name;
    std::string s;
    bool lf;
    uint32_t want;
  };
  const Row rows[] = {
      {"printable ASCII", "abcdefghijklmnopq", false, 16},
      {"single spaces", "ab cd ef gh ij klm", false, 16},
      {"two spaces: before the pair", "abc  defghijklmnop", false, 3},
      {"a tab", "abc\tdefghijklmnopq", false, 3},
      {"a line feed, not allowed", "abc\ndefghijklmnopq", false, 3},
      {"a line feed, allowed", "abc\ndefghijklmnopq", true, 16},
      {"ends on a space: off it", "abcdefghijklmno pq", false, 15},
      {"a syllable cut by the block: back to its lead",
       "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80", false, 15},
      {"a lone continuation byte",
       "ab\x80"
       "cdefghijklmnopq",
       false, 2},
      {"EA AF BF (U+ABFF) is no syllable",
       "\xEA\xAF\xBF"
       "abcdefghijklmnop",
       false, 0},
      {"DEL",
       "abcdefg\x7F"
       "hijklmnopq",
       false, 7},
      {"two-byte e-acute",
       "ab\xC3\xA9"
       "cdefghijklmnop",
       false, 2},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    CHECK(Prefix(r.s, r.lf) == r.want);
  }
}

#endif  // __SSE2__
