// Tests for structure.h: the kind of a line, and titles/deks at the top.
#include "structure.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using bitext::ClassifyLine;
using bitext::LineInfo;
using bitext::MarkHeadlines;
using bitext::UnitKind;

TEST_CASE("ClassifyLine", "[structure]") {
  struct Row {
    const char* line;
    UnitKind kind;
    const char* speaker;
  };
  const Row rows[] = {
      // captions
      {"▲오픈AI 샘 알트만 대표", UnitKind::kCaption, ""},
      {"샘 알트만 오픈AI 최고경영자 /사진=소프트뱅크벤처스 제공", UnitKind::kCaption, ""},
      {"/사진=소프트뱅크벤처스 제공", UnitKind::kCaption, ""},
      {"행사 현장 모습 (사진=연합뉴스)", UnitKind::kCaption, ""},
      // questions
      {"Q. 한국 스타트업 투자 계획이 궁금하다.", UnitKind::kQuestion, ""},
      {"Q.오픈AI가 겪었던 실패 중 가장 아팠던 것은?", UnitKind::kQuestion, ""},
      {"Q1. 첫 질문", UnitKind::kQuestion, ""},
      {"Quantum 컴퓨터가 뜬다.", UnitKind::kBody, ""},
      // speech
      {"샘 알트만: 한국이라고 하면 기술과 혁신이 먼저 떠오른다.", UnitKind::kSpeech, "샘 알트만"},
      {"그레그 브록먼:  우리가 여러 실패들을 겪었다.", UnitKind::kSpeech, "그레그 브록먼"},
      {"출처: 연합뉴스", UnitKind::kBody, ""},
      {"10:30 회의가 시작됐다.", UnitKind::kBody, ""},
      {"그는 이렇게 말했다. 결론: 좋다", UnitKind::kBody, ""},
      {"아주 긴 이름이라서 화자일 리가 없는 문구: 내용", UnitKind::kBody, ""},
      // list items
      {"△AI를 활성하기 위한 시스템 반도체 생산 능력을 늘릴 것", UnitKind::kListItem, ""},
      {"1. 첫째 항목", UnitKind::kListItem, ""},
      {"2) 둘째 항목", UnitKind::kListItem, ""},
      {"- 셋째 항목", UnitKind::kListItem, ""},
      {"• 넷째 항목", UnitKind::kListItem, ""},
      {"2023년에 열렸다.", UnitKind::kBody, ""},
      // bylines
      {"이영아 기자 twenty_ah@techm.kr", UnitKind::kByline, ""},
      {"홍길동 기자", UnitKind::kByline, ""},
      {"[서울=뉴시스] 홍길동 기자 = ", UnitKind::kByline, ""},
      {"김철수 특파원 kim@example.com", UnitKind::kByline, ""},
      {"홍길동 기자가 현장을 취재했다.", UnitKind::kBody, ""},
      // boilerplate
      {"관련기사", UnitKind::kBoilerplate, ""},
      {"저작권자 © 테크M 무단전재 및 재배포 금지", UnitKind::kBoilerplate, ""},
      {"<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", UnitKind::kBoilerplate, ""},
      {"==========", UnitKind::kBoilerplate, ""},
      {"- - - -", UnitKind::kBoilerplate, ""},
      // body
      {"9일 서울 여의도에 있는 63빌딩에서 행사가 열렸다.", UnitKind::kBody, ""},
  };
  for (const Row& row : rows) {
    INFO(row.line);
    LineInfo info = ClassifyLine(row.line);
    CHECK(info.kind == row.kind);
    CHECK(std::string(info.speaker) == row.speaker);
  }
}

TEST_CASE("ClassifyLine: headline-like lines", "[structure]") {
  CHECK(ClassifyLine("오픈AI 방한 간담회…스타트업 100社 대담").headline_like);
  CHECK(ClassifyLine("샘 알트만 “칩 개발 등 한국 스타트업 투자”").headline_like);
  CHECK_FALSE(ClassifyLine("행사가 열렸다.").headline_like);
  CHECK_FALSE(ClassifyLine("행사가 열렸다").headline_like);  // a sentence ending
  CHECK_FALSE(ClassifyLine("“규제는 필요하다. 협력을 기대한다”").headline_like);
}

TEST_CASE("MarkHeadlines", "[structure]") {
  auto kinds = [](std::vector<const char*> lines) {
    std::vector<LineInfo> info;
    for (const char* l : lines) info.push_back(ClassifyLine(l));
    MarkHeadlines(&info);
    std::vector<UnitKind> k;
    for (const LineInfo& i : info) k.push_back(i.kind);
    return k;
  };
  using K = UnitKind;
  SECTION("title and dek at the very top") {
    CHECK(kinds({"방한 간담회 열려", "한국 스타트업 투자 약속", "본문이 시작된다.", "짧은 줄"}) ==
          std::vector<K>{K::kTitle, K::kDek, K::kBody, K::kBody});
  }
  SECTION("after a lead paragraph and a caption (seed 001)") {
    CHECK(kinds({"임원진은 간담회에 참여했다. 기술을 주장했다.", "▲오픈AI 샘 알트만 대표",
                 "오픈AI 방한 간담회…스타트업 100社 대담", "샘 알트만 “칩 개발 등 투자”",
                 "“규제는 필요하다. 협력을 기대한다”", "지난 9일 열렸다."}) ==
          std::vector<K>{K::kBody, K::kCaption, K::kTitle, K::kDek, K::kBody, K::kBody});
  }
  SECTION("no headlines once the body has begun") {
    CHECK(kinds({"첫 문단이다.", "둘째 문단이다.", "소제목 같은 줄"}) ==
          std::vector<K>{K::kBody, K::kBody, K::kBody});
  }
  SECTION("at most two deks") {
    CHECK(kinds({"제목", "부제 하나", "부제 둘", "부제 셋", "본문이다."}) ==
          std::vector<K>{K::kTitle, K::kDek, K::kDek, K::kBody, K::kBody});
  }
}

TEST_CASE("MarkHeadlines in batches gives the same kinds as in one go", "[structure]") {
  const std::vector<const char*> lines = {"첫 문단이다.", "▲사진 설명",    "오픈AI 방한 간담회",
                                          "투자 약속",    "부제 둘",       "부제 셋",
                                          "본문이다.",    "소제목 같은 줄"};
  std::vector<LineInfo> whole;
  for (const char* l : lines) whole.push_back(ClassifyLine(l));
  MarkHeadlines(&whole);
  for (size_t cut = 0; cut <= lines.size(); ++cut) {
    INFO("batch boundary before line " << cut);
    bitext::HeadlineState state;
    std::vector<LineInfo> a, b;
    for (size_t k = 0; k < lines.size(); ++k) (k < cut ? a : b).push_back(ClassifyLine(lines[k]));
    MarkHeadlines(&a, &state);
    MarkHeadlines(&b, &state);
    a.insert(a.end(), b.begin(), b.end());
    for (size_t k = 0; k < lines.size(); ++k) CHECK(a[k].kind == whole[k].kind);
  }
}
