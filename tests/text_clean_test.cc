// Tests for text_clean.h: table-driven, one row per cleaning rule.
#include "text_clean.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "random_text.h"
#include "utf8.h"

using bitext::CleanText;
using bitext::ToNfc;

TEST_CASE("CleanText normalises text", "[text_clean]") {
  struct Row {
    const char* name;
    std::string in;
    std::string want;
  };
  const Row rows[] = {
      {"plain text unchanged", "안녕하세요.\n", "안녕하세요.\n"},
      {"BOM stripped", "\xEF\xBB\xBF가나", "가나"},
      {"CRLF to LF", "가\r\n나\r\n", "가\n나\n"},
      {"lone CR to LF", "가\r나", "가\n나"},
      {"NFD Hangul to NFC", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "한"},
      {"NFD Hangul inside NFC text", "가 \xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB 다", "가 한 다"},
      {"syllable plus trailing jamo composes", "하\xE1\x86\xAB", "한"},
      {"combining accent after a Latin letter", "cafe\xCC\x81 가", "café 가"},
      {"kana and voicing mark", "か\xE3\x82\x99", "が"},
      {"NFC Greek and kana stay", "ύ が α 가", "ύ が α 가"},
      {"no-break space to space", "가\xC2\xA0나", "가 나"},
      {"ideographic space to space", "가\xE3\x80\x80나", "가 나"},
      {"zero-width space dropped", "가\xE2\x80\x8B나", "가나"},
      {"BOM inside text dropped", "가\xEF\xBB\xBF나", "가나"},
      {"tab to space", "가\t나", "가 나"},
      {"control characters dropped", "가\x01\x1F나\x7F", "가나"},
      {"C1 control dropped", "가\xC2\x85나", "가나"},
      {"space runs collapsed", "가   나  다", "가 나 다"},
      {"leading and trailing spaces trimmed", "  가 나  \n  다 ", "가 나\n다"},
      {"whitespace-only line becomes empty", "가\n \t \n나", "가\n\n나"},
      {"line separator to newline", "가\xE2\x80\xA8나", "가\n나"},
      {"empty input", "", ""},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      auto got = CleanText(row.in, "in.txt");
      REQUIRE(got.ok());
      CHECK(*got == row.want);
    }
  }
}

TEST_CASE("CleanText rejects bad input with FILE:LINE:COL", "[text_clean]") {
  struct Row {
    const char* name;
    std::string in;
    const char* want;
  };
  const Row rows[] = {
      {"invalid byte", "가나\n다\xFF",
       "in.txt:2:2: invalid UTF-8 (byte 0xFF); the file must be UTF-8"},
      {"truncated sequence", "가\xEA\xB0",
       "in.txt:1:2: invalid UTF-8 (byte 0xEA); the file must be UTF-8"},
      {"overlong encoding", "\xC0\xAF",
       "in.txt:1:1: invalid UTF-8 (byte 0xC0); the file must be UTF-8"},
      {"surrogate", "a\xED\xA0\x80",
       "in.txt:1:2: invalid UTF-8 (byte 0xED); the file must be UTF-8"},
      {"NUL byte", std::string("ab\0c", 4),
       "in.txt:1:3: binary data (NUL byte); expected UTF-8 text"},
      {"position after CRLF", "가\r\n\xFE",
       "in.txt:2:1: invalid UTF-8 (byte 0xFE); the file must be UTF-8"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      auto got = CleanText(row.in, "in.txt");
      REQUIRE_FALSE(got.ok());
      CHECK(got.status().ToString() == row.want);
    }
  }
}

TEST_CASE("CleanText gives the NFC of the text wherever a character is not inert", "[text_clean]") {
  // CleanText checks NFC only around characters that may interact with a
  // neighbour; the result must equal ICU's NFC of the whole text.
  const std::vector<std::string> alphabet = {
      "가",
      "하",
      "한",
      " ",
      "a",
      "e",
      "E",
      "ß",
      ".",
      "“",
      "”",
      "\xE1\x84\x92",
      "\xE1\x85\xA1",
      "\xE1\x86\xAB",  // conjoining jamo L, V, T
      "\xCC\x81",
      "\xCC\x88",
      "\xCC\xA3",  // combining acute, diaeresis, dot below
      "か",
      "\xE3\x82\x99",
      "α",
      "ύ",
      "Å",
      "\xE2\x84\xAB",  // kana, voicing mark, Greek, Å, Angstrom
      "ㅋ",
      "…",
      "中",
  };
  RandomTexts texts{alphabet, 6092023, 1, 16};
  texts.shape = [](std::string s) {
    // No leading or trailing space to trim, no space runs to collapse.
    std::string t = "x";
    for (char c : s) {
      if (c == ' ' && t.back() == ' ') continue;
      t += c;
    }
    if (t.back() == ' ') t += "x";
    return t;
  };
  CheckSameOnRandomTexts(
      texts,
      [](const std::string& s) {
        auto got = CleanText(s, "in.txt");
        REQUIRE(got.ok());
        return *got;
      },
      [](const std::string& s) { return ToNfc(s); });
}

namespace {

// The cleaning rules of text_clean.h, written the plain way: character by
// character into a new string. CleanText must give the same.
std::string ReferenceClean(const std::string& in) {
  std::u32string cps;
  for (size_t i = 0; i < in.size();) cps.push_back(bitext::NextCodePoint(in, &i));
  if (!cps.empty() && cps[0] == 0xFEFF) cps.erase(0, 1);
  std::string out;
  bool pending = false, text = false;
  auto put = [&out](char32_t c) { bitext::AppendUtf8(c, &out); };
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == '\r' && i + 1 < cps.size() && cps[i + 1] == '\n') continue;  // CRLF: the LF counts
    bool newline = c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
    bool space = c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0xA0 || c == 0x1680 ||
                 c == 0x202F || c == 0x205F || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
    bool drop = (c < 0x20 && !newline && !space) || c == 0x7F || (c >= 0x80 && c < 0xA0) ||
                c == 0xAD || c == 0x180E || (c >= 0x200B && c <= 0x200D) || c == 0x2060 ||
                c == 0xFEFF;
    if (newline) {
      out += '\n';
      pending = text = false;
    } else if (space) {
      if (text) pending = true;
    } else if (!drop) {
      if (pending) out += ' ';
      pending = false;
      text = true;
      put(c);
    }
  }
  return ToNfc(out);
}

}  // namespace

TEST_CASE("CleanText agrees with the plain reading of its rules on random text", "[text_clean]") {
  // Long enough for the 16-byte fast path, with every kind of character it
  // must stop at: spaces of all sorts, line ends, dropped characters.
  const std::vector<std::string> alphabet = {
      "가",
      "힣",
      "갛",
      "한",
      "다",
      "뷁",
      "a",
      "Z",
      "1",
      ".",
      "\"",
      " ",
      " ",
      " ",
      "  ",
      "\t",
      "\n",
      "\n",
      "\r\n",
      "\r",
      "\xC2\xA0",
      "\xE3\x80\x80",
      "\xE2\x80\x8B",
      "\xEF\xBB\xBF",
      "\x01",
      "\x7F",
      "\xC2\x85",
      "\xE2\x80\xA8",
      "“",
      "”",
      "中",
      "ㅋ",
      "\xEA\xA5\xA0",
      "\xED\x9E\xA4",
      "\xE1\x84\x92\xE1\x85\xA1",
      "e\xCC\x81",
      "😊",
  };
  CheckSameOnRandomTexts(
      {alphabet, 29112026, 0, 80},
      [](const std::string& s) {
        auto got = CleanText(s, "in.txt");
        REQUIRE(got.ok());
        return *got;
      },
      ReferenceClean);
}

TEST_CASE("CleanText reports the line and column of bad bytes past the fast path", "[text_clean]") {
  // Long clean stretches (read 16 bytes at a time) before the bad byte.
  std::string line(40, 'a');
  std::string hangul;
  for (int k = 0; k < 20; ++k) hangul += "한글";
  std::string in = line + "\n" + hangul + " " + hangul + "\n" + "가나 다라 \xFF";
  auto got = CleanText(in, "in.txt");
  REQUIRE_FALSE(got.ok());
  CHECK(got.status().ToString() == "in.txt:3:7: invalid UTF-8 (byte 0xFF); the file must be UTF-8");
  auto owned = bitext::CleanOwnedText(in, "in.txt");
  REQUIRE_FALSE(owned.ok());
  CHECK(owned.status().ToString() == got.status().ToString());
}

namespace {
// IsValidUtf8 as its contract reads: decode every code point from the start;
// the first that does not decode is the bad offset.
std::pair<bool, size_t> ValidByDecoding(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const size_t n = bitext::DecodeUtf8(s, i, &cp);
    if (n == 0) return {false, i};
    i += n;
  }
  return {true, 0};
}
std::pair<bool, size_t> ValidByIsValidUtf8(const std::string& s) {
  size_t bad = 0;
  const bool ok = bitext::IsValidUtf8(s, &bad);
  return {ok, ok ? 0 : bad};
}
}  // namespace

TEST_CASE("IsValidUtf8 finds the first ill-formed byte past ASCII and Hangul runs",
          "[text_clean]") {
  struct Row {
    const char* name;
    std::string s;
    bool ok;
    size_t bad;
  };
  const Row rows[] = {
      {"empty", "", true, 0},
      {"eight ASCII", "abcdefgh", true, 0},
      {"a bad byte at the end of an ASCII block", "abcdefg\xFF", false, 7},
      {"a bad byte after a block", "abcdefgh\x80", false, 8},
      {"Hangul", "\xED\x95\x9C\xEA\xB5\xAD", true, 0},
      {"U+D7A4 (after the syllables, valid)", "\xED\x9E\xA4", true, 0},
      {"a surrogate's bytes", "ab\xED\xA0\x80", false, 2},
      {"a syllable cut short", "\xEA\xB0\x80\xEA\xB0", false, 3},
      {"an overlong form", "abc\xC0\xAF", false, 3},
      {"four bytes", "\xF0\x9F\x98\x8A", true, 0},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    size_t bad = 0;
    CHECK(bitext::IsValidUtf8(r.s, &bad) == r.ok);
    if (!r.ok) CHECK(bad == r.bad);
    CHECK(ValidByDecoding(r.s) == std::make_pair(r.ok, r.bad));
  }
  CheckSameOnRandomTexts(
      {{"a", " ", "abc", "defg", "abcdefgh", "\xEA\xB0\x80", "\xED\x9E\xA3", "\xED\x9E\xA4",
        "\xED\xA0\x80", "\xEA\xB0", "\xC3\xA9", "\xF0\x9F\x98\x8A"},
       /*seed=*/30112026,
       0,
       24,
       // Mostly valid: the rare bad pieces come late.
       5000},
      ValidByIsValidUtf8, ValidByDecoding);
}
