// Tests for numbers.h: the Korean/English number rules, table-driven.
#include "numbers.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using bitext::CompareNumbers;
using bitext::ExtractEnglishNumbers;
using bitext::ExtractKoreanNumbers;
using bitext::NumberIssue;

namespace {

int Count(const std::vector<NumberIssue>& issues, NumberIssue::Kind kind) {
  int n = 0;
  for (const NumberIssue& i : issues) n += i.kind == kind;
  return n;
}

std::string Dump(const std::vector<NumberIssue>& issues) {
  std::string s;
  for (const NumberIssue& i : issues) s += i.message + "\n";
  return s;
}

}  // namespace

// One row per rule: the Korean, an English rendering, and whether every
// Korean number is found in it (right) or not (wrong).
TEST_CASE("Korean numbers are found in the English", "[numbers]") {
  struct Row {
    const char* ko;
    const char* en;
    bool right;
  };
  const Row rows[] = {
      // digits, thousands separators, decimals
      {"약 1000명이 참석했다.", "About 1,000 people attended.", true},
      {"1,000명이 참석했다.", "1000 people attended.", true},
      {"1,000명이 참석했다.", "100 people attended.", false},
      {"성장률은 3.5%다.", "Growth was 3.5%.", true},
      {"성장률은 3.5%다.", "Growth was 35%.", false},
      // percentages
      {"30%가 찬성했다.", "30 percent were in favour.", true},
      {"30%가 찬성했다.", "Some 30 per cent were in favour.", true},
      {"30퍼센트가 찬성했다.", "30% were in favour.", true},
      {"30%가 찬성했다.", "Thirteen percent were in favour.", false},
      // years, months, days
      {"2016년 출시했다.", "It was launched in 2016.", true},
      {"2016년 출시했다.", "It was launched in 2015.", false},
      {"3월 공개된 API", "the API released in March", true},
      {"3월 공개된 API", "the API released in May", false},
      {"9일 행사가 열렸다.", "The event was held on June 9.", true},
      {"지난 9일 행사가 열렸다.", "The event was held on the 9th.", true},
      {"지난 9일 행사가 열렸다.", "The event was held on the 19th.", false},
      {"2023. 6. 9. 서울", "Seoul, June 9, 2023", true},
      {"2023.6.9 서울", "Seoul, 9 June 2023", true},
      // 만 / 억 / 조
      {"1000만 달러를 투자한다.", "It invests $10 million.", true},
      {"1000만 달러를 투자한다.", "It invests 10 million dollars.", true},
      {"1000만 달러를 투자한다.", "It invests US$10 million.", true},
      {"1000만 달러를 투자한다.", "It invests $10m.", true},
      {"1000만 달러를 투자한다.", "It invests $10,000,000.", true},
      {"1000만 달러를 투자한다.", "It invests $1 million.", false},
      {"1000만 달러를 투자한다.", "It invests $100 million.", false},
      {"130억원 규모다.", "It is worth 13 billion won.", true},
      {"130억 원 규모다.", "It is worth KRW 13 billion.", true},
      {"130억원 규모다.", "It is worth ₩13 billion.", true},
      {"130억원 규모다.", "It is worth 13bn won.", true},
      {"130억원 규모다.", "It is worth 130 million won.", false},
      {"1000만 달러(130억원)", "$10 million (13 billion won)", true},
      {"1000만 달러(130억원)", "$10 million (1.3 billion won)", false},
      {"1조 2000억 원", "1.2 trillion won", true},
      {"1조 2000억 원", "1 trillion won", false},
      {"5천만 원", "50 million won", true},
      {"3천 명", "3,000 people", true},
      {"1만 2000명", "12,000 people", true},
      {"2억5000만 달러", "$250 million", true},
      // approximate numbers
      {"개발자 30여 명", "about 30 developers", true},
      {"개발자 30여 명", "some 30 developers", true},
      {"개발자 30여 명", "more than 30 developers", true},
      {"개발자 30여 명", "about 40 developers", false},
      // 1 and spelled-out English
      {"약 1시간 동안 대화했다.", "They talked for about an hour.", true},
      {"1시간 동안 대화했다.", "They talked for one hour.", true},
      {"1시간 동안 대화했다.", "They talked for two hours.", false},
      {"12명이 왔다.", "A dozen came.", true},
      {"20명이 왔다.", "Twenty came.", true},
      {"25명이 왔다.", "Twenty-five came.", true},
      {"100명이 왔다.", "A hundred came.", true},
      {"10년 만에 이뤄지면", "if it happens within a decade", true},
      {"10년 만에 이뤄지면", "if it happens in 10 years", true},
      {"10년 만에 이뤄지면", "if it happens in five years", false},
      // fractions
      {"3분의 1이 찬성했다.", "One-third were in favour.", true},
      {"3분의 2가 찬성했다.", "Two thirds were in favour.", true},
      {"4분의 1이 찬성했다.", "A quarter were in favour.", true},
      {"2분의 1이 찬성했다.", "Half were in favour.", true},
      {"0.5%p 올랐다.", "It rose half a percentage point.", true},
      {"3분의 1이 찬성했다.", "A quarter were in favour.", false},
      // native Korean numerals with counters, ordinals
      {"세 가지를 요청했다.", "He made three requests.", true},
      {"세 가지를 요청했다.", "He made two requests.", false},
      {"두 번 만났다.", "They met twice.", true},
      {"열두 명이 왔다.", "Twelve came.", true},
      {"한 가지 확실한 것은", "One thing is certain:", true},
      {"△둘째, 규제를 없앨 것", "△Second, remove regulations", true},
      {"△셋째, 국제 규범을 만들 것", "△Third, shape international norms", true},
      {"△셋째, 국제 규범을 만들 것", "△Second, shape international norms", false},
      {"첫 번째 질문", "the first question", true},
      // counters that are not part of the value
      {"스타트업 100社 대담", "Talks with 100 startups", true},
      {"스타트업 100개사가 참석했다.", "100 startups attended.", true},
      {"스타트업 100개사가 참석했다.", "10 startups attended.", false},
      {"63빌딩에서 열렸다.", "It was held at the 63 Building.", true},
      {"GPT5 계획", "plans for GPT-5", true},
      {"GPT5 계획", "plans for GPT-4", false},
      {"오후 3시에 시작한다.", "It starts at 3 p.m.", true},
      {"15시에 시작한다.", "It starts at 3 p.m.", true},
      // not numbers: e-mail addresses, unit ids, words that look like numerals
      {"이영아 기자 twenty_ah@techm.kr", "Lee Young-ah, reporter (twenty_ah@techm.kr)", true},
      {"u1234567890ab 참고", "see u1234567890ab", true},
      {"세계 각국의 한국 세대", "countries of the world", true},
  };
  for (const Row& row : rows) {
    std::vector<NumberIssue> issues = CompareNumbers(row.ko, row.en);
    INFO(row.ko << " | " << row.en << "\n" << Dump(issues));
    CHECK((Count(issues, NumberIssue::Kind::kMissing) == 0) == row.right);
  }
}

TEST_CASE("Korean number values", "[numbers]") {
  struct Row {
    const char* ko;
    std::vector<double> values;  // main value of each mention, in order
  };
  const Row rows[] = {
      {"1000만 달러(130억원)", {1e7, 1.3e10}},
      {"1조 2000억 원", {1.2e12}},
      {"1조 원과 2000억 원", {1e12, 2e11}},
      {"1000만 30명", {1e7, 30}},
      {"3억 5000만", {3.5e8}},
      {"30여 명", {30}},
      {"1,234.5", {1234.5}},
      {"2023.6.9", {2023, 6, 9}},
      {"세 가지, 한 번, 스물다섯 살", {3, 1, 25}},
      {"세계 한국 세대 네이버 열린 한편", {}},
      {"둘째, 셋째", {2, 3}},
      {"10년 만에", {10}},
      {"메일 a1@b2.com 과 http://x.kr/3 과 u0123456789ab-2", {}},
      {"100社", {100}},
  };
  for (const Row& row : rows) {
    std::vector<bitext::NumberMention> got = ExtractKoreanNumbers(row.ko);
    std::vector<double> values;
    for (const auto& m : got) values.push_back(m.values.at(0));
    INFO(row.ko);
    REQUIRE(values.size() == row.values.size());
    for (size_t i = 0; i < values.size(); ++i) CHECK(values[i] == Approx(row.values[i]));
  }
}

TEST_CASE("English number values", "[numbers]") {
  struct Row {
    const char* en;
    std::vector<double> values;
  };
  const Row rows[] = {
      {"$10 million (13 billion won)", {1e7, 1.3e10}},
      {"1.2 trillion won", {1.2e12}},
      {"two hundred thousand", {2e5}},
      {"one hundred and five", {105}},
      {"twenty-first", {21}},
      {"one-third", {1, 3}},
      {"a dozen, a decade", {12, 10}},
      {"June 9, 2023", {6, 9, 2023}},
      {"It's Korea's turn", {}},
      {"GPT-5", {5}},
      {"5k", {5000}},
      {"mail twenty_ah@techm.kr", {}},
  };
  for (const Row& row : rows) {
    std::vector<bitext::NumberMention> got = ExtractEnglishNumbers(row.en);
    std::vector<double> values;
    for (const auto& m : got) values.push_back(m.values.at(0));
    INFO(row.en);
    REQUIRE(values.size() == row.values.size());
    for (size_t i = 0; i < values.size(); ++i) CHECK(values[i] == Approx(row.values[i]));
  }
}

TEST_CASE("Approximate Korean numbers need an approximation in the English", "[numbers]") {
  struct Row {
    const char* ko;
    const char* en;
    int approx_issues;
  };
  const Row rows[] = {
      {"개발자 30여 명", "about 30 developers", 0}, {"개발자 30여 명", "30-odd developers", 0},
      {"개발자 30여 명", "30+ developers", 0},      {"개발자 30여 명", "30 developers", 1},
      {"약 1000여명", "around 1,000 people", 0},    {"약 1000명", "1,000 people", 1},
      {"1000명 가량", "nearly 1,000 people", 0},    {"1000명", "1,000 people", 0},
  };
  for (const Row& row : rows) {
    std::vector<NumberIssue> issues = CompareNumbers(row.ko, row.en);
    INFO(row.ko << " | " << row.en << "\n" << Dump(issues));
    CHECK(Count(issues, NumberIssue::Kind::kMissing) == 0);
    CHECK(Count(issues, NumberIssue::Kind::kApproximation) == row.approx_issues);
  }
}

TEST_CASE("English digit numbers without a Korean source", "[numbers]") {
  struct Row {
    const char* ko;
    const char* en;
    int extra;
  };
  const Row rows[] = {
      {"9일 열렸다.", "It was held on June 9.", 0},
      {"9일 열렸다.", "It was held on June 9, 2023.", 1},
      {"1000만 달러", "$10 million", 0},
      {"한 가지", "one thing", 0},  // spelled-out English is not checked
      {"행사가 열렸다.", "One event was held.", 0},
      {"63빌딩", "the 63 Building", 0},
  };
  for (const Row& row : rows) {
    std::vector<NumberIssue> issues = CompareNumbers(row.ko, row.en);
    INFO(row.ko << " | " << row.en << "\n" << Dump(issues));
    CHECK(Count(issues, NumberIssue::Kind::kExtra) == row.extra);
  }
}

TEST_CASE("Issue messages name the Korean number and its value", "[numbers]") {
  std::vector<NumberIssue> issues = CompareNumbers("1000만 달러", "$1 million");
  REQUIRE(Count(issues, NumberIssue::Kind::kMissing) == 1);
  CHECK(issues[0].message == "Korean number \"1000만\" (10,000,000) not found in the English");
  CHECK(bitext::FormatNumber(1.2e12) == "1,200,000,000,000");
  CHECK(bitext::FormatNumber(3.5) == "3.5");
}
