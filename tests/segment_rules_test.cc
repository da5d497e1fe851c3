// Tests for segment_rules.h: the pattern language, rule compilation, and a
// table of must-split / must-not-split cases for every built-in rule.
#include "segment_rules.h"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "korean_texts.h"
#include "random_text.h"
#include "segmenter.h"

using bitext::BreakAction;
using bitext::DefaultSegmentRuleSpecs;
using bitext::SegmentRules;
using bitext::SegmentRuleSpec;

namespace {

// Index of the rule of a one-rule set matching `text` at the boundary marked
// by '|' (the marker is removed), or -1.
int MatchOne(const std::string& before, const std::string& after, const std::u32string& marked) {
  auto rules = SegmentRules::Compile({{"r", BreakAction::kBreak, before, after}});
  REQUIRE(rules.ok());
  size_t pos = marked.find(U'|');
  REQUIRE(pos != std::u32string::npos);
  std::u32string text = marked.substr(0, pos) + marked.substr(pos + 1);
  return rules->Match(text.data(), text.size(), pos);
}

// "A다. |B다." -> input "A다. B다." and sentences {"A다.", "B다."}.
struct Split {
  std::string input;
  std::vector<std::string> want;
};
Split Parse(const std::string& marked) {
  Split s;
  std::string cur;
  for (char c : marked) {
    if (c == '|') {
      s.want.push_back(cur);
      cur.clear();
    } else {
      cur += c;
      s.input += c;
    }
  }
  s.want.push_back(cur);
  for (std::string& w : s.want) {
    while (!w.empty() && w.back() == ' ') w.pop_back();
    while (!w.empty() && w.front() == ' ') w.erase(0, 1);
  }
  return s;
}

std::vector<std::string> SplitText(const std::string& text) {
  std::vector<std::string> out;
  for (std::string_view s : bitext::SplitSentences(text)) out.emplace_back(s);
  return out;
}

}  // namespace

TEST_CASE("segment rules: pattern language", "[segment_rules]") {
  struct Row {
    const char* name;
    const char* before;
    const char* after;
    std::u32string text;  // '|' marks the boundary
    bool match;
  };
  const Row rows[] = {
      {"literal", "다", "", U"했다|", true},
      {"literal mismatch", "요", "", U"했다|", false},
      {"before is read right to left", "했다", "", U"했다|", true},
      {"after is read left to right", "", "그는", U"했다|그는", true},
      {"class", "[다요]", "", U"해요|", true},
      {"negated class", "[^다요]", "", U"해요|", false},
      {"range", "[0-9]", "", U"12|", true},
      {"named classes", R"(\h\d\L\U\l)", "", U"가1xAb|", true},
      {"jamo", R"(\j+)", "", U"좋아ㅋㅋ|", true},
      {"space and non-space", R"(\S\s+)", "", U"다  |", true},
      {"opening and closing marks", R"(\o\c)", "", U"“”|", true},
      {"terminator", R"(\t)", "", U"다…|", true},
      {"star", R"(다\s*)", "", U"다|", true},
      {"plus needs one", R"(다\s+)", "", U"다|", false},
      {"bounded repeat", R"(\d{2,3}\.)", "", U"2023.|", true},
      {"bounded repeat too short", R"(\d{2,3}\.)", "", U"1.|", false},
      {"bounded repeat with context", R"((^|\s)\d{2,3}\.)", "", U"x 12345.|", false},
      {"group alternatives", R"((보|마)다)", "", U"마다|", true},
      {"optional group", R"(다(요)?)", "", U"다|", true},
      {"repeated group", R"((\[\d\])+)", "", U"[1][2]|", true},
      {"edge before", R"(^\d\.)", "", U"1.|", true},
      {"edge before fails inside", R"(^\d\.)", "", U"x1.|", false},
      {"edge after", "", R"(다$)", U"|다", true},
      {"edge after fails", "", R"(다$)", U"|다요", false},
      {"escaped metacharacter", R"(\.\(\))", "", U".()|", true},
      {"dot is any", "..", "", U"ab|", true},
      {"empty patterns match", "", "", U"|", true},
      {"astral characters", "[🌀-🫿]", "", U"좋아😊|", true},
  };
  for (const Row& row : rows) {
    SECTION(row.name) { CHECK((MatchOne(row.before, row.after, row.text) == 0) == row.match); }
  }
}

TEST_CASE("segment rules: malformed patterns are rejected with the rule's name",
          "[segment_rules]") {
  const char* bad[] = {"(다", "다)", "[다", "*다", R"(\q)", "다{3,2}", "^*", R"(다\)"};
  for (const char* p : bad) {
    auto r = SegmentRules::Compile({{"broken-rule", BreakAction::kBreak, p, ""}});
    INFO(p);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().ToString().find("broken-rule") != std::string::npos);
  }
}

TEST_CASE("segment rules: the first matching rule decides", "[segment_rules]") {
  auto rules = SegmentRules::Compile({
      {"exception", BreakAction::kNoBreak, R"(보다\s+)", ""},
      {"general", BreakAction::kBreak, R"(\h다\s+)", ""},
  });
  REQUIRE(rules.ok());
  std::u32string a = U"생각보다 빠르다";
  std::u32string b = U"생각했다 빠르다";
  CHECK(rules->Match(a.data(), a.size(), 5) == 0);
  CHECK(rules->Match(b.data(), b.size(), 5) == 1);
  CHECK(rules->action(0) == BreakAction::kNoBreak);
  // The UTF-8 entry point agrees (byte offsets).
  std::string u = "생각했다 빠르다";
  CHECK(rules->MatchUtf8(u, 13) == 1);
}

TEST_CASE("segment rules: the built-in rules compile, have unique names and fit the prefilter",
          "[segment_rules]") {
  auto rules = SegmentRules::Compile(DefaultSegmentRuleSpecs());
  REQUIRE(rules.ok());
  CHECK(rules->size() <= 64);
  std::set<std::string> names;
  for (const SegmentRuleSpec& s : DefaultSegmentRuleSpecs()) {
    CHECK(names.insert(s.name).second);
  }
}

// The prefilter (per-character rule masks, built for at most 64 rules) must
// only skip rules that cannot match: the built-in rules give the same rule
// at every boundary as the same rules padded past 64, which try every rule
// in order.
TEST_CASE("segment rules: the prefilter changes no match", "[segment_rules]") {
  auto filtered = SegmentRules::Compile(DefaultSegmentRuleSpecs());
  std::vector<SegmentRuleSpec> padded_specs = DefaultSegmentRuleSpecs();
  while (padded_specs.size() <= 64) {
    // A private-use character no text below holds: never matches.
    padded_specs.push_back(
        {"pad" + std::to_string(padded_specs.size()), BreakAction::kBreak, "\xEE\x80\x80", ""});
  }
  auto unfiltered = SegmentRules::Compile(padded_specs);
  REQUIRE(filtered.ok());
  REQUIRE(unfiltered.ok());
  // Every rule at every character boundary of `text` (sentence start 0).
  auto matches = [](const SegmentRules& rules, const std::string& text) {
    std::vector<int> out;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      out.push_back(rules.MatchUtf8(text, i));
    }
    return out;
  };
  size_t boundaries = 0, matched = 0;
  for (const std::string& f : KssAndSeedFiles()) {
    std::istringstream lines(ReadTextOrEmpty(f));
    std::string line;
    while (std::getline(lines, line)) {
      std::vector<int> a = matches(*filtered, line);
      std::vector<int> b = matches(*unfiltered, line);
      boundaries += a.size();
      for (int r : a) matched += r >= 0 ? 1 : 0;
      if (a != b) {
        INFO(f << ": " << line);
        CHECK(a == b);
      }
    }
  }
  // The KSS sets give most of the boundaries (the seeds about 5,000).
  const bool have_kss = !ReadTextOrEmpty(KssAndSeedFiles().front()).empty();
  CHECK(boundaries > (have_kss ? 50000 : 4000));
  CHECK(matched > (have_kss ? 500 : 50));
  // Characters from every block the rules name, in random order.
  CheckSameOnRandomTexts(
      {{"가",
        "다",
        "요",
        "까",
        "ㅋ",
        "ㅎ",
        "ㄴ",
        ".",
        "?",
        "!",
        "~",
        "…",
        "^",
        "\xE2\x80\x9D",
        "\"",
        "(",
        ")",
        "[",
        "1",
        "23",
        "Mr",
        "U",
        "S",
        "a",
        "@",
        "_",
        "\xE2\x96\xB3",
        "\xF0\x9F\x98\x8A",
        "\xE4\xB8\xAD",
        " ",
        "  ",
        "\t",
        "\xC2\xA0",
        "\xE3\x80\x80"},
       /*seed=*/64,
       1,
       16,
       5000},
      [&](const std::string& s) { return matches(*filtered, s); },
      [&](const std::string& s) { return matches(*unfiltered, s); });
}

// One table for all built-in rules: every rule has cases that must split
// ('|' marks the expected boundaries) and cases that must not.
TEST_CASE("segment rules: every built-in rule splits and keeps as it should", "[segment_rules]") {
  struct Row {
    const char* rule;
    const char* marked;
  };
  const Row rows[] = {
      {"dot-in-token", "메일은 twenty_ah@techm.kr로 보내라."},
      {"dot-in-token", "버전 2.0이 나왔다. |1.5배 빠르다."},
      {"initial", "U.S. 정부가 발표했다."},
      {"initial", "J.P. 모건이 투자했다. |다음 소식이다."},
      {"initial", "Q. 한국 스타트업 투자 계획이 궁금하다."},
      {"initial", "Q.오픈AI가 겪었던 실패 중 가장 아팠던 것은?"},
      {"abbreviation", "Mr. 김이 왔다. |Dr. 이도 왔다."},
      {"date", "행사는 2023. 6. 9. 서울에서 열렸다. |참석자는 많았다."},
      {"date-part", "2023. 6. 9. 발표"},
      {"list-number", "1. 첫째 항목"},
      {"list-number", "순서는 다음과 같다. |2. 둘째 항목"},
      {"terminal-emoticon", "역시 토끼정 본 점 답죠?ㅎㅅㅎ |건물은 크다."},
      {"terminal-emoticon", "좋아요!^^ |또 올게요."},
      {"footnote", "로마 제국의 초대 황제이다.[1] |또한 첫 황조이다.[2][3]"},
      {"footnote-end", "이것이 정설이다.[참고 2] |그 뒤 이주했다."},
      {"emoji", "들러보세요~ 🙂"},
      {"emoji-end", "맛있답니다😊 |다음에 또 와요"},
      {"quote-particle", "그는 “한국은 중요하다. 협력하겠다.”고 말했다."},
      {"quote-particle", "“AI는 기반이 될 수 있다”며 “적응해야 한다”고 강조했다."},
      {"quote-particle", "그 과정(국채를 매입한다. 이자율은 하락한다)이라고도 한다."},
      {"quote-verb", "\"문제없어. 가서 살펴보는 거야.\" 하며 어깨를 으쓱거렸다."},
      {"quote-verb", "이게 뭐지?? 하고 검색을 해봅니다."},
      {"bullet", "세 가지를 요청했다. |△반도체를 늘릴 것 △규제를 없앨 것 △규범을 만들 것 등이다."},
      {"bullet", "능력을 늘린다 △둘째, 규제를 없앤다 △셋째, 규범을 만든다"},
      {"ellipsis-pause", "물론... 영화만 보면 재미있다."},
      {"ellipsis-after-particle", "해가… 나야 하는데."},
      {"stutter", "ㄴ..날 좋아할리 없잖아요"},
      {"ellipsis-particle", "긴장이 감돌았다…는 것은 과장이다."},
      {"ellipsis-end", "눈이 침침했던… |저희는 3층에 자리를 잡았습니다."},
      {"tilde-end", "떡잎마을 방범대 친구들~ |신촌에 포토존이 있었어요"},
      {"paren-sentence",
       "맛이 크.. |(물론 전 안 먹었지만… 그렇다고 하더라구요ㅋㅋ) |마지막 메뉴입니다."},
      {"paren-sentence", "끝마치기를(할머니가 몰랐다. 요컨대 흔한 일이다) 기다리고 있었다."},
      {"emoticon-end", "다들 잘 드셨습니다ㅋㅋ |이건 제가 시킨 고로케."},
      {"emoticon-end", "웃겨 ㅋㅋㅋ |진짜"},
      {"noun-da", "생각보다 천천히 진행될 것이다."},
      {"noun-da", "날마다 바다 보러 간다."},
      {"connective-da", "끌려 내려가다 반대로 튕겨 올라갔다."},
      {"connective-da", "메뉴부터 가져다 주더라구요."},
      {"noun-yo", "인내가 필요 없다고 한다."},
      {"connective-kka", "비싸니까 안 샀다."},
      {"da-continues", "이야기를 하다 보니 늦었다."},
      {"da-continues", "좋겠다 싶었다."},
      {"kka-continues", "갈까 생각 중이다."},
      {"ending", "검색엔진은 네이버 아니면 구글일 것이다 |물론 다음도 있지만 드물다."},
      {"ending", "분위기도 좋고 음식도 맛있었어요 |다만 골목길로 올라가야 해요"},
      {"ending", "정말 그렇죠 |저도 그래요"},
      {"ending", "이걸 어떻게 해야 할까 |정말 모르겠다"},
      {"ending-ne", "벌써 다 했네 |이제 가자"},
      {"ending-gun", "그래서 그랬군 |이제 알겠다"},
      {"ending-casual", "나도 거기 갔었거든 |정말 좋았어"},
      {"ending-casual", "어제 영화 봤어 |재밌더라"},
      {"ending-nominal", "결국 라면 2개나 먹음 |맛있었다"},
      {"ending-nominal", "나중에 쓸 것이기 때문임 |기다려라"},
  };
  std::set<std::string> covered;
  for (const Row& row : rows) {
    covered.insert(row.rule);
    Split s = Parse(row.marked);
    INFO(row.rule << ": " << row.marked);
    CHECK(SplitText(s.input) == s.want);
  }
  for (const SegmentRuleSpec& spec : DefaultSegmentRuleSpecs()) {
    INFO("rule without a test case: " << spec.name);
    CHECK(covered.count(spec.name) == 1);
  }
}
