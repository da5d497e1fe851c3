// Tests for segmenter.h: sentence splitting on the tricky cases of news and
// unpunctuated speech, paragraphs, kinds and speakers, duplicate lines,
// positions and ids.
#include "segmenter.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using bitext::Segment;
using bitext::SplitSentences;
using bitext::Unit;
using bitext::UnitKind;

namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (std::string_view s : SplitSentences(text)) out.emplace_back(s);
  return out;
}

std::vector<std::string> Texts(const std::vector<Unit>& units) {
  std::vector<std::string> out;
  for (const Unit& u : units) out.push_back(u.text);
  return out;
}

}  // namespace

TEST_CASE("SplitSentences: tricky cases", "[segmenter]") {
  using V = std::vector<std::string>;
  struct Row {
    const char* name;
    std::string in;
    V want;
  };
  const Row rows[] = {
      {"plain sentences", "행사가 열렸다. 공동 주관한 행사다.",
       V{"행사가 열렸다.", "공동 주관한 행사다."}},
      {"question and exclamation", "정말인가? 놀랍다! 그렇다.",
       V{"정말인가?", "놀랍다!", "그렇다."}},
      {"?! and !!! stay with their sentence", "진짜?! 대박!!! 끝.", V{"진짜?!", "대박!!!", "끝."}},
      {"quote then 고 stays one sentence", "그는 “투자를 하겠다.”고 말했다. 이어 떠났다.",
       V{"그는 “투자를 하겠다.”고 말했다.", "이어 떠났다."}},
      {"quote then 라며", "“좋다. 아주 좋다.”라며 웃었다.", V{"“좋다. 아주 좋다.”라며 웃었다."}},
      {"quote then 이라고", "그것은 ‘기본소득’이라고 답했다.",
       V{"그것은 ‘기본소득’이라고 답했다."}},
      {"two quotes joined by 며", "“속도가 중요하다”며 “효율도 중요하다”고 말했다.",
       V{"“속도가 중요하다”며 “효율도 중요하다”고 말했다."}},
      {"closing quote after the period ends the sentence", "그는 “끝났다.” 그리고 떠났다.",
       V{"그는 “끝났다.”", "그리고 떠났다."}},
      {"closing bracket after the period", "(이것은 예시다.) 다음 문장이다.",
       V{"(이것은 예시다.)", "다음 문장이다."}},
      {"date", "2023. 6. 9. 오후 행사가 열렸다.", V{"2023. 6. 9. 오후 행사가 열렸다."}},
      {"U.S.", "U.S. 정부는 J.P. 모건과 협의했다.", V{"U.S. 정부는 J.P. 모건과 협의했다."}},
      {"list number", "1. 첫째 항목이다.", V{"1. 첫째 항목이다."}},
      {"Q. label", "Q. 한국 스타트업 투자 계획이 궁금하다.",
       V{"Q. 한국 스타트업 투자 계획이 궁금하다."}},
      {"Q. label without a space", "Q.오픈AI가 겪었던 실패는? 많다.",
       V{"Q.오픈AI가 겪었던 실패는?", "많다."}},
      {"△ list stays in its sentence",
       "세 가지를 요청했다. △AI를 활성하기 위한 능력을 늘릴 것 △둘째, 규제를 없앨 것 △셋째, 규범을 "
       "만들 것 등이다.",
       V{"세 가지를 요청했다.",
         "△AI를 활성하기 위한 능력을 늘릴 것 △둘째, 규제를 없앨 것 △셋째, 규범을 만들 것 등이다."}},
      {"unpunctuated speech",
       "오늘 날씨가 좋네요 산책을 가야겠다 같이 갈래요 좋죠 그럼 나갈까 ㅋㅋㅋ 신난다",
       V{"오늘 날씨가 좋네요", "산책을 가야겠다", "같이 갈래요", "좋죠", "그럼 나갈까", "ㅋㅋㅋ",
         "신난다"}},
      {"laughter closes a sentence", "정말 웃겼어요ㅋㅋ 다음에 또 봐요",
       V{"정말 웃겼어요ㅋㅋ", "다음에 또 봐요"}},
      {"ellipsis at the end of a clause", "조명이 너무 어두웠던… 저희는 3층에 앉았습니다.",
       V{"조명이 너무 어두웠던…", "저희는 3층에 앉았습니다."}},
      {"two-dot ellipsis", "모르겠지만.. 다들 잘 드셨습니다.",
       V{"모르겠지만..", "다들 잘 드셨습니다."}},
      {"ellipsis inside a title", "오픈AI 방한 간담회…스타트업 100社 대담",
       V{"오픈AI 방한 간담회…스타트업 100社 대담"}},
      {"not an ending: 보다 (than)", "생각보다 천천히 진행될 것이다.",
       V{"생각보다 천천히 진행될 것이다."}},
      {"not an ending: 필요", "필요 없다고 했다.", V{"필요 없다고 했다."}},
      {"decimal and domain", "1.5배 늘었다. 자세한 내용은 techm.kr 참고.",
       V{"1.5배 늘었다.", "자세한 내용은 techm.kr 참고."}},
      {"spaces trimmed", "  가다.   나다.  ", V{"가다.", "나다."}},
      {"empty", "", V{}},
      {"only spaces", "   ", V{}},
  };
  for (const Row& row : rows) {
    SECTION(row.name) { CHECK(Split(row.in) == row.want); }
  }
}

TEST_CASE("SplitSentences: views point into the paragraph", "[segmenter]") {
  std::string p = "가다. 나다.";
  auto s = SplitSentences(p);
  REQUIRE(s.size() == 2);
  CHECK(s[0].data() == p.data());
  CHECK(s[1].data() == p.data() + p.find("나다"));
}

TEST_CASE("SplitSentences: a long line without punctuation", "[segmenter]") {
  std::string line;
  while (line.size() < (1u << 20)) line += "가나다라마바사 아자차카 ";
  auto s = SplitSentences(line);
  REQUIRE(s.size() >= 1);
  size_t total = 0;
  for (auto v : s) total += v.size();
  CHECK(total <= line.size());
}

TEST_CASE("SplitSentences: arbitrary bytes do not crash", "[segmenter]") {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
  junk += "\xE2\x80\x9C\xE2\x80\x9D\xEA\xB0";  // quotes, then a cut-off syllable
  CHECK_NOTHROW(SplitSentences(junk));
}

TEST_CASE("Segment: paragraphs", "[segmenter]") {
  SECTION("blank lines separate paragraphs; lines of one paragraph share its number") {
    auto u = Segment("첫 문장이다. 둘째 문장이다.\n셋째 줄이다.\n\n새 문단이다.\n");
    REQUIRE(u.size() == 4);
    CHECK(u[0].paragraph == 1);
    CHECK(u[1].paragraph == 1);
    CHECK(u[2].paragraph == 1);
    CHECK(u[3].paragraph == 2);
  }
  SECTION("without blank lines every line is a paragraph") {
    auto u = Segment("첫 줄이다.\n둘째 줄이다.\n셋째 줄이다.");
    REQUIRE(u.size() == 3);
    CHECK(u[0].paragraph == 1);
    CHECK(u[1].paragraph == 2);
    CHECK(u[2].paragraph == 3);
  }
  SECTION("empty text gives no units") {
    CHECK(Segment("").empty());
    CHECK(Segment("\n\n\n").empty());
  }
}

TEST_CASE("Segment: a line repeated right after itself gives one unit", "[segmenter]") {
  auto u = Segment(
      "샘 알트만 오픈AI 최고경영자 /사진=소프트뱅크벤처스 제공\n"
      "샘 알트만 오픈AI 최고경영자 /사진=소프트뱅크벤처스 제공\n\n"
      "본문이다.\n");
  REQUIRE(u.size() == 2);
  CHECK(u[0].kind == UnitKind::kCaption);
  CHECK(u[0].id.find('-') == std::string::npos);
  CHECK(u[1].paragraph == 2);
  SECTION("but not when something comes between") {
    auto v = Segment("같은 줄이다.\n\n같은 줄이다.\n");
    REQUIRE(v.size() == 2);
    CHECK(v[1].id == v[0].id + "-2");
  }
}

TEST_CASE("Segment: speakers carry over within their paragraph", "[segmenter]") {
  auto u = Segment(
      "Q. 투자 계획은?\n\n"
      "샘 알트만: 한국은 훌륭하다. 협력을 기대한다.\n"
      "투자를 늘릴 것이다.\n\n"
      "다음 문단은 본문이다.\n\n"
      "그레그 브록먼: 우리도 실패했다.\n");
  REQUIRE(u.size() == 6);
  CHECK(u[0].kind == UnitKind::kQuestion);
  CHECK(u[0].speaker.empty());
  for (int i = 1; i <= 3; ++i) {
    INFO(u[i].text);
    CHECK(u[i].kind == UnitKind::kSpeech);
    CHECK(u[i].speaker == "샘 알트만");
  }
  CHECK(u[1].text == "샘 알트만: 한국은 훌륭하다.");  // the label stays in the text
  CHECK(u[4].kind == UnitKind::kBody);
  CHECK(u[4].speaker.empty());
  CHECK(u[5].speaker == "그레그 브록먼");
}

TEST_CASE("Segment: kinds of a news page", "[segmenter]") {
  auto u = Segment(
      "오픈AI 대표와 공동 창업자는 간담회에 참여했다. 기술의 발전을 주장했다.\n"
      "▲오픈AI 샘 알트만 대표\n"
      "오픈AI 방한 간담회…스타트업 100社 대담\n"
      "샘 알트만 “칩 개발 등 한국 스타트업 투자”\n"
      "지난 9일 간담회가 열렸다.\n"
      "대화에서 세 가지를 요청했다.\n"
      "△반도체 생산 능력을 늘릴 것\n"
      "1. 규제를 없앨 것\n"
      "- 규범을 만들 것\n"
      "이영아 기자 twenty_ah@techm.kr\n"
      "저작권자 © 테크M 무단전재 및 재배포 금지\n"
      "관련기사\n"
      "=====\n");
  std::vector<std::pair<std::string, UnitKind>> want = {
      {"오픈AI 대표와 공동 창업자는 간담회에 참여했다.", UnitKind::kBody},
      {"기술의 발전을 주장했다.", UnitKind::kBody},
      {"▲오픈AI 샘 알트만 대표", UnitKind::kCaption},
      {"오픈AI 방한 간담회…스타트업 100社 대담", UnitKind::kTitle},
      {"샘 알트만 “칩 개발 등 한국 스타트업 투자”", UnitKind::kDek},
      {"지난 9일 간담회가 열렸다.", UnitKind::kBody},
      {"대화에서 세 가지를 요청했다.", UnitKind::kBody},
      {"△반도체 생산 능력을 늘릴 것", UnitKind::kListItem},
      {"1. 규제를 없앨 것", UnitKind::kListItem},
      {"- 규범을 만들 것", UnitKind::kListItem},
      {"이영아 기자 twenty_ah@techm.kr", UnitKind::kByline},
      {"저작권자 © 테크M 무단전재 및 재배포 금지", UnitKind::kBoilerplate},
      {"관련기사", UnitKind::kBoilerplate},
      {"=====", UnitKind::kBoilerplate},
  };
  REQUIRE(u.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    INFO(i << ": " << u[i].text);
    CHECK(u[i].text == want[i].first);
    CHECK(u[i].kind == want[i].second);
  }
}

TEST_CASE("Segment: captions, titles and bylines are never split", "[segmenter]") {
  auto u = Segment("조광현 교수. 이준표 대표 /사진=소프트뱅크벤처스 제공\n");
  REQUIRE(u.size() == 1);
  CHECK(u[0].kind == UnitKind::kCaption);
}

TEST_CASE("Segment: positions point to the source", "[segmenter]") {
  auto u = Segment("\n첫째다. 둘째다.\n\n  가나다 셋째다.");
  REQUIRE(u.size() == 3);
  CHECK(u[0].line == 2);
  CHECK(u[0].col == 1);
  CHECK(u[1].line == 2);
  CHECK(u[1].col == 6);  // code points, not bytes
  CHECK(u[2].line == 4);
  CHECK(u[2].col == 3);  // leading spaces counted
}

TEST_CASE("Segment: ids", "[segmenter]") {
  SECTION("u + 12 hex digits, -2 for a repeated text") {
    auto u = Segment("같다.\n\n다르다.\n\n같다.\n");
    REQUIRE(u.size() == 3);
    CHECK(u[0].id.size() == 13);
    CHECK(u[0].id[0] == 'u');
    CHECK(u[0].id.find_first_not_of("0123456789abcdef", 1) == std::string::npos);
    CHECK(u[2].id == u[0].id + "-2");
    CHECK(u[1].id != u[0].id);
  }
  SECTION("changing one paragraph leaves the other ids unchanged") {
    const std::string a =
        "첫 문단이다. 그대로다.\n\n둘째 문단이다.\n\n셋째 문단이다. 역시 그대로다.\n";
    const std::string b =
        "첫 문단이다. 그대로다.\n\n둘째 문단을 완전히 고쳐 썼다. 문장도 늘었다.\n\n"
        "셋째 문단이다. 역시 그대로다.\n";
    std::map<std::string, std::string> ids_a, ids_b;
    for (const Unit& x : Segment(a)) ids_a[x.text] = x.id;
    for (const Unit& x : Segment(b)) ids_b[x.text] = x.id;
    for (const char* kept : {"첫 문단이다.", "그대로다.", "셋째 문단이다.", "역시 그대로다."}) {
      INFO(kept);
      REQUIRE(ids_a.count(kept) == 1);
      CHECK(ids_a[kept] == ids_b[kept]);
    }
  }
  SECTION("same text, same id, across documents") {
    CHECK(Segment("같은 문장이다.")[0].id == Segment("앞 문장이다. 같은 문장이다.")[1].id);
  }
}

TEST_CASE("Segment: deterministic", "[segmenter]") {
  const std::string t = "샘 알트만: 좋다. 아주 좋다.\n\nQ. 왜?\n";
  auto a = Segment(t), b = Segment(t);
  CHECK(Texts(a) == Texts(b));
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].id == b[i].id);
}

TEST_CASE("SegmentInBatches: the same units as Segment, across batch boundaries", "[segmenter]") {
  // Enough lines for several batches, with what crosses a boundary: speakers
  // carried within a paragraph, a line repeated right after itself, the same
  // sentence again far away (id "-2", "-3"...), paragraphs of many lines.
  std::string text = "오픈AI 방한 간담회\n한국 스타트업 투자 약속\n\n";
  for (int k = 0; k < 3000; ++k) {
    switch (k % 6) {
      case 0:
        text += "샘 알트만: 한국에 왔다. 반갑다.\n그리고 감사하다.\n\n";
        break;
      case 1:
        text += "반복되는 줄이다.\n반복되는 줄이다.\n\n";
        break;
      case 2:
        text += "Q. 질문 " + std::to_string(k) + "이다?\n\n";
        break;
      default:
        text += "본문 " + std::to_string(k) + "이다. 같은 문장이다.\n";
    }
  }
  std::vector<Unit> whole = Segment(text);
  std::vector<Unit> streamed;
  int batches = 0;
  bitext::SegmentInBatches(text, [&](std::vector<Unit>* batch) {
    ++batches;
    for (Unit& u : *batch) streamed.push_back(std::move(u));
  });
  CHECK(batches > 1);
  REQUIRE(streamed.size() == whole.size());
  for (size_t k = 0; k < whole.size(); ++k) {
    INFO("unit " << k << ": " << whole[k].text);
    CHECK(streamed[k].id == whole[k].id);
    CHECK(streamed[k].text == whole[k].text);
    CHECK(streamed[k].kind == whole[k].kind);
    CHECK(streamed[k].speaker == whole[k].speaker);
    CHECK(streamed[k].paragraph == whole[k].paragraph);
    CHECK(streamed[k].line == whole[k].line);
    CHECK(streamed[k].col == whole[k].col);
  }
}
