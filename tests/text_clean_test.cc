// Tests for text_clean.h: table-driven, one row per cleaning rule.
#include "text_clean.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

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
  std::mt19937 rng(6092023);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, 16);
  int mismatches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s = "x";  // no leading space to trim
    int len = length(rng);
    for (int k = 0; k < len; ++k) {
      std::string c = alphabet[pick(rng)];
      if (c == " " && s.back() == ' ') continue;  // no space runs to collapse
      s += c;
    }
    if (s.back() == ' ') s += "x";
    auto got = CleanText(s, "in.txt");
    REQUIRE(got.ok());
    if (*got != ToNfc(s)) {
      ++mismatches;
      if (mismatches <= 5) {
        INFO(s);
        CHECK(*got == ToNfc(s));
      }
    }
  }
  CHECK(mismatches == 0);
}
