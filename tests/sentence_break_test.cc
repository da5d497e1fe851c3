// Tests for sentence_break.h: UAX #29 sentence boundaries, rule by rule, and
// the same boundaries as ICU's sentence BreakIterator (the oracle) on the KSS
// test sets, the seed documents and random text over every Sentence_Break
// class.
#include "sentence_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "korean_texts.h"
#include "random_text.h"

using bitext::SentenceBoundaries;

namespace {

std::vector<uint32_t> Ours(const std::string& s) {
  std::vector<uint32_t> out;
  SentenceBoundaries(s, &out);
  return out;
}

// ICU's boundaries on the same UTF-8, start and end left out.
std::vector<uint32_t> Icu(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), err));
  REQUIRE(U_SUCCESS(err));
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &err);
  REQUIRE(U_SUCCESS(err));
  bi->setText(ut, err);
  REQUIRE(U_SUCCESS(err));
  std::vector<uint32_t> out;
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
    if (b > 0 && static_cast<size_t>(b) < s.size()) out.push_back(static_cast<uint32_t>(b));
  }
  utext_close(ut);
  return out;
}

}  // namespace

TEST_CASE("SentenceBoundaries: the rules of UAX #29", "[sentence_break]") {
  using V = std::vector<uint32_t>;
  struct Row {
    const char* rule;
    std::string in;
    V want;
  };
  const Row rows[] = {
      {"empty", "", V{}},
      {"no terminator", "행사가 열렸다", V{}},
      {"SB11: after the terminator and its spaces", "열렸다. 행사다.", V{11}},
      {"terminator at the end only", "열렸다.", V{}},
      {"SB4: after a line feed", "가\n나", V{4}},
      {"SB3: CR LF together", "가\r\n나", V{5}},
      {"SB6: ATerm before a digit", "3.5 배다", V{}},
      {"SB7: U.S", "U.S 정부", V{}},
      {"SB7 needs a letter before", "1.S 정부", V{2}},
      {"SB8: a lowercase word follows", "etc. and so", V{}},
      {"SB8: lowercase after brackets and spaces", "etc. (see it", V{}},
      {"SB8 not across a Hangul letter", "끝. 다음 a", V{5}},
      {"SB8a: a comma follows", "예. , 그렇다", V{}},
      {"SB8a: ?! is one terminator", "정말?! 그래", V{9}},
      {"SB9: closing quote stays", "“끝났다.” 그리고", V{17}},
      {"SB10: spaces stay, a quote after them starts anew", "끝. ”다음", V{5}},
      {"STerm beyond ASCII: ideographic full stop", "終わり。次", V{12}},
      {"fullwidth question mark", "정말？ 그래", V{10}},
      {"SB5: a format character after the terminator", "끝.\xC2\xAD 다음", V{7}},
      {"ill-formed bytes count as characters", "끝. \xFF다음", V{5}},
  };
  for (const Row& r : rows) {
    INFO(r.rule);
    CHECK(Ours(r.in) == r.want);
    CHECK(Icu(r.in) == r.want);
  }
}

TEST_CASE("SentenceBoundaries: same as ICU on the KSS test sets and the seeds",
          "[sentence_break][icu]") {
  const std::vector<std::string> files = KssAndSeedFiles();

  size_t checked = 0;
  for (const std::string& f : files) {
    std::string text = ReadTextOrEmpty(f);
    if (text.empty()) continue;  // ../shared not present: nothing to compare
    INFO(f);
    // The whole file (line feeds are separators), then line by line with the
    // line feeds removed, as the segmenter calls it.
    CHECK(Ours(text) == Icu(text));
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      if (Ours(line) != Icu(line)) {
        INFO(line);
        CHECK(Ours(line) == Icu(line));
      }
      ++checked;
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("SentenceBoundaries: same as ICU on random text", "[sentence_break][icu]") {
  // One or more characters of every Sentence_Break class, and the spaces,
  // quotes and terminators Korean text has.
  const std::vector<std::string> alphabet = {
      "가",
      "다",
      "요",
      "中",
      "ん",  // OLetter
      "a",
      "b",
      "x",
      "ß",  // Lower
      "A",
      "S",
      "Ω",
      "Ａ",  // Upper
      "0",
      "7",
      "٣",  // Numeric
      ".",
      "\xEF\xBC\x8E",
      "\xE2\x80\xA4",  // ATerm: . ． ․
      "?",
      "!",
      "\xE3\x80\x82",
      "\xEF\xBC\x9F",
      "‼",  // STerm: ? ! 。 ？ ‼
      ",",
      ";",
      ":",
      "-",
      "、",  // SContinue
      "\"",
      "'",
      "(",
      ")",
      "“",
      "”",
      "‘",
      "’",
      "「",
      "」",
      "《",
      "》",  // Close
      " ",
      " ",
      "\xC2\xA0",
      "\xE3\x80\x80",
      "\t",  // Sp
      "\n",
      "\r",
      "\xC2\x85",
      "\xE2\x80\xA9",  // Sep, CR, LF
      "\xCC\x81",
      "\xE2\x80\x8D",  // Extend: U+0301, ZWJ
      "\xC2\xAD",
      "\xE2\x80\x8B",  // Format: soft hyphen, ZWSP
      "·",
      "…",
      "~",
      "%",
      "@",
      "△",
      "▲",
      "😊",  // Other
  };
  CheckSameOnRandomTexts({alphabet, 20230609, 1, 24}, Ours, Icu);
}
