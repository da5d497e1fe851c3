// Tests for utf8.h: well-formed and ill-formed sequences, table-driven.
#include "utf8.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "random_text.h"

using bitext::DecodeUtf8;
using bitext::NextCodePoint;

TEST_CASE("DecodeUtf8, CodePointAt, NextCodePoint and CodePointBefore", "[utf8]") {
  struct Row {
    const char* name;
    std::string in;
    size_t len;     // DecodeUtf8's length (0: ill-formed)
    char32_t next;  // NextCodePoint's code point
  };
  const Row rows[] = {
      {"ASCII", "A", 1, U'A'},
      {"two bytes", "\xC3\xA9", 2, U'é'},
      {"Hangul syllable", "한", 3, U'한'},
      {"four bytes", "😊", 4, U'😊'},
      {"lone continuation byte", "\x80", 0, 0xFFFD},
      {"overlong two bytes", "\xC0\xAF", 0, 0xFFFD},
      {"overlong three bytes", "\xE0\x80\xAF", 0, 0xFFFD},
      {"surrogate", "\xED\xA0\x80", 0, 0xFFFD},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0, 0xFFFD},
      {"lead byte F5", "\xF5\x80\x80\x80", 0, 0xFFFD},
      {"truncated", "\xEA\xB0", 0, 0xFFFD},
      {"bad continuation", "\xEA\x41\x80", 0, 0xFFFD},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    char32_t cp = 0;
    CHECK(DecodeUtf8(r.in, 0, &cp) == r.len);
    if (r.len > 0) CHECK(cp == r.next);
    size_t i = 0;
    CHECK(NextCodePoint(r.in, &i) == r.next);
    CHECK(i == (r.len > 0 ? r.len : 1));  // an ill-formed byte is skipped alone
    cp = 0;
    CHECK(bitext::CodePointAt(r.in, 0, &cp) == i);
    CHECK(cp == r.next);
    CHECK(bitext::CodePointBefore(r.in, r.len > 0 ? r.len : r.in.size()) ==
          (r.len > 0 ? r.next : 0xFFFD));
  }
}

TEST_CASE("IsHangulSyllable", "[utf8]") {
  CHECK(bitext::IsHangulSyllable(U'가'));
  CHECK(bitext::IsHangulSyllable(U'힣'));
  CHECK_FALSE(bitext::IsHangulSyllable(0xABFF));
  CHECK_FALSE(bitext::IsHangulSyllable(0xD7A4));
  CHECK_FALSE(bitext::IsHangulSyllable(U'ㅋ'));  // compatibility jamo
}

TEST_CASE("HangulSyllableAt reads a syllable where DecodeUtf8 reads one", "[utf8]") {
  struct Row {
    const char* name;
    std::string s;
    size_t i;
    char32_t want;  // 0: none there
  };
  const Row rows[] = {
      {"first syllable", "가", 0, U'가'},
      {"last syllable", "힣", 0, U'힣'},
      {"after ASCII", "a한", 1, U'한'},
      {"ASCII", "ab", 0, 0},
      {"compatibility jamo (E3 lead byte)", "ㅋ", 0, 0},
      {"just below the block", "\xEA\xAF\xBF", 0, 0},
      {"just above the block", "\xED\x9E\xA4", 0, 0},
      {"surrogate (ED A0 80)", "\xED\xA0\x80", 0, 0},
      {"truncated", "\xEA\xB0", 0, 0},
      {"bad continuation", "\xEA\x41\x80", 0, 0},
      {"inside a syllable", "가", 1, 0},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    const auto* p = reinterpret_cast<const unsigned char*>(r.s.data());
    CHECK(bitext::HangulSyllableAt(p, r.i, r.s.size()) == r.want);
    CHECK(bitext::IsHangulSyllableAt(p, r.i, r.s.size()) == (r.want != 0));
    // The same answer as a full decode followed by IsHangulSyllable.
    char32_t cp = 0;
    const bool decoded = DecodeUtf8(r.s, r.i, &cp) != 0 && bitext::IsHangulSyllable(cp);
    CHECK(decoded == (r.want != 0));
  }
}

TEST_CASE("PrevCodePointStart steps back over one code point as NextCodePoint reads it", "[utf8]") {
  struct Row {
    const char* name;
    std::string s;
    size_t end;
    size_t want;
  };
  const Row rows[] = {
      {"ASCII", "ab", 2, 1},
      {"Hangul", "a\xEA\xB0\x80", 4, 1},
      {"four bytes", "\xF0\x9F\x98\x80", 4, 0},
      {"at the start", "\xEA\xB0\x80", 3, 0},
      {"lone continuation byte", "a\x80", 2, 1},
      {"truncated sequence: the last byte alone", "a\xEA\xB0", 3, 2},
      {"five continuation bytes: the last alone", "\x80\x80\x80\x80\x80", 5, 4},
      {"end inside a string", "\xEA\xB0\x80\xEA\xB0\x81", 3, 0},
      {"syllable after a lone lead byte", "\xF0\xEA\xB0\x80", 4, 1},
      {"syllable after a truncated sequence", "\xE0\xA0\xEA\xB0\x80", 5, 2},
      {"not a syllable: surrogate bytes alone", "a\xED\xA0\x80", 4, 3},
      {"two-byte character", "a\xC3\xA9", 3, 1},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    CHECK(bitext::PrevCodePointStart(r.s, r.end) == r.want);
    // Reading forwards from the answer ends exactly at `end`.
    size_t i = r.want;
    const char32_t forwards = bitext::NextCodePoint(std::string_view(r.s).substr(0, r.end), &i);
    CHECK(i == r.end);
    // PrevCodePoint (with its ASCII and Hangul short paths) agrees.
    char32_t cp = 0;
    CHECK(bitext::PrevCodePoint(r.s, r.end, &cp) == r.want);
    CHECK(cp == forwards);
    CHECK(bitext::CodePointBefore(r.s, r.end) == forwards);
  }
}

// CodePointCount's fast paths (eight ASCII bytes, a Hangul syllable) count
// what the plain NextCodePoint loop counts.
namespace {
size_t CountByDecoding(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) NextCodePoint(s, &i);
  return n;
}
}  // namespace

namespace {
// WellFormedRunEnd as its contract reads: decode from `from` until
// DecodeUtf8 rejects a byte.
std::pair<size_t, size_t> RunEndByDecoding(const std::string& s, size_t from) {
  size_t i = from, n = 0;
  char32_t cp;
  for (size_t len; i < s.size() && (len = bitext::DecodeUtf8(s, i, &cp)) != 0; i += len) ++n;
  return {i, n};
}
}  // namespace

TEST_CASE("WellFormedRunEnd stops at the first ill-formed byte and counts what it passed",
          "[utf8]") {
  struct Row {
    const char* name;
    std::string s;
    size_t from;
    size_t end;
    size_t count;
  };
  const Row rows[] = {
      {"empty", "", 0, 0, 0},
      {"from the end", "abc", 3, 3, 0},
      {"all ASCII, over a block", "abcdefghij", 0, 10, 10},
      {"ASCII then Hangul", "abcdefgh\xEA\xB0\x80x", 0, 12, 10},
      {"from the middle", "abcdefgh\xEA\xB0\x80x", 8, 12, 2},
      {"a lone continuation byte",
       "ab\x80"
       "cd",
       0, 2, 2},
      {"at an ill-formed byte",
       "ab\x80"
       "cd",
       2, 2, 0},
      {"after it",
       "ab\x80"
       "cd",
       3, 5, 2},
      {"a surrogate", "\xEA\xB0\x80\xED\xA0\x80", 0, 3, 1},
      {"U+D7A4 is decoded, not taken as a syllable",
       "\xED\x9E\xA4"
       "a",
       0, 4, 2},
      {"an overlong form", "a\xC0\xAF", 0, 1, 1},
      {"a syllable cut at the end", "a\xEA\xB0", 0, 1, 1},
      {"four bytes",
       "\xF0\x9F\x98\x8A"
       "a",
       0, 5, 2},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    size_t count = 100;  // added to, not set
    CHECK(bitext::WellFormedRunEnd(r.s, r.from, &count) == r.end);
    CHECK(count == 100 + r.count);
    CHECK(RunEndByDecoding(r.s, r.from) == std::make_pair(r.end, r.count));
  }
  CheckSameOnRandomTexts(
      {{"a", " ", "abcdefgh", "\xEA\xB0\x80", "\xED\x9E\xA3", "\xED\x9E\xA4", "\xED\xA0\x80",
        "\xEA\xB0", "\x80", "\xC3\xA9", "\xF0\x9F\x98\x8A", "\xFF"},
       /*seed=*/13,
       0,
       24},
      [](const std::string& s) {
        size_t n = 0;
        const size_t end = bitext::WellFormedRunEnd(s, 0, &n);
        return std::make_pair(end, n);
      },
      [](const std::string& s) { return RunEndByDecoding(s, 0); });
}

TEST_CASE("CodePointCount counts what NextCodePoint reads", "[utf8]") {
  struct Row {
    const char* name;
    std::string s;
    size_t want;
  };
  const Row rows[] = {
      {"empty", "", 0},
      {"seven ASCII", "abcdefg", 7},
      {"eight ASCII", "abcdefgh", 8},
      {"seventeen ASCII", "abcdefghijklmnopq", 17},
      {"seven ASCII, then a syllable", "abcdefg\xEA\xB0\x80", 8},
      {"a syllable inside an ASCII block",
       "abc\xEA\xB0\x80"
       "defgh",
       9},
      {"Hangul", "\xED\x95\x9C\xEA\xB5\xAD", 2},
      {"U+D7A4 (after the syllables)", "\xED\x9E\xA4", 1},
      {"a surrogate's bytes: one each", "\xED\xA0\x80", 3},
      {"truncated syllable at the end", "ab\xEA\xB0", 4},
      {"lone continuation bytes",
       "\x80\x80"
       "abcdefgh",
       10},
      {"four bytes",
       "\xF0\x9F\x98\x8A"
       "a",
       2},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    CHECK(bitext::CodePointCount(r.s) == r.want);
    CHECK(CountByDecoding(r.s) == r.want);
  }
  CheckSameOnRandomTexts(
      {{"a", " ", "abc", "defg", "abcdefgh", "\xEA\xB0\x80", "\xED\x9E\xA3", "\xED\x9E\xA4",
        "\xED\xA0\x80", "\xEA\xB0", "\x80", "\xC3\xA9", "\xF0\x9F\x98\x8A", "\xFF"},
       /*seed=*/11,
       0,
       24},
      [](const std::string& s) { return bitext::CodePointCount(s); }, CountByDecoding);
}

TEST_CASE("WellFormedCodePointCount counts CodePointCount's on well-formed text", "[utf8]") {
  CHECK(bitext::WellFormedCodePointCount("") == 0);
  CHECK(bitext::WellFormedCodePointCount("abcdefg\xEA\xB0\x80") == 8);
  CHECK(bitext::WellFormedCodePointCount("\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80") == 3);
  CHECK(bitext::WellFormedCodePointCount("\x80") == 0);  // ill-formed: no code point starts here
  CheckSameOnRandomTexts(
      {{"a", " ", "abc", "defg", "abcdefgh", "\xEA\xB0\x80", "\xED\x9E\xA3", "\xC3\xA9",
        "\xF0\x9F\x98\x8A", "\xE2\x80\x9C"},
       /*seed=*/12,
       0,
       24},
      [](const std::string& s) { return bitext::WellFormedCodePointCount(s); },
      [](const std::string& s) { return bitext::CodePointCount(s); });
}

TEST_CASE("ColumnOf counts code points before a byte offset, from 1", "[utf8]") {
  struct Row {
    const char* name;
    std::string line;
    size_t off;
    int want;
  };
  const Row rows[] = {
      {"empty line", "", 0, 1},
      {"start", "abc", 0, 1},
      {"after ASCII", "abc", 2, 3},
      {"after a syllable", "\xEA\xB0\x80\xEB\x82\x98", 3, 2},
      {"at the end", "\xEA\xB0\x80\xEB\x82\x98", 6, 3},
      {"mixed",
       "a\xEA\xB0\x80"
       "b",
       4, 3},
      {"past the end: the end", "ab", 10, 3},
      {"long line (the eight-byte count)", std::string(20, 'x') + "\xEA\xB0\x80" + "y", 23, 22},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    CHECK(bitext::ColumnOf(r.line, r.off) == r.want);
  }
}
