// Tests for checks.h: each check on MergedDocuments built in memory.
#include "checks.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "glossary.h"
#include "term_matcher.h"
#include "text_clean.h"

using namespace bitext;

namespace {

struct U {
  std::string ko;
  std::string en;
  TranslationState state = TranslationState::kTranslated;
};

MergedDocument Doc(const std::string& name, const std::vector<U>& units) {
  MergedDocument doc;
  doc.name = name;
  doc.dir = "translations/" + name;
  doc.source_path = doc.dir + "/ko.txt";
  doc.po_path = doc.dir + "/en.po";
  int line = 10;
  int n = 0;
  for (const U& u : units) {
    MergedUnit mu;
    mu.unit.id = "u" + std::string(11, '0') + std::to_string(++n % 10);
    mu.unit.text = u.ko;
    mu.unit.line = n;
    mu.unit.paragraph = n;
    mu.english = u.en;
    mu.state = u.en.empty() ? TranslationState::kUntranslated : u.state;
    mu.po_line = line;
    line += 5;
    doc.units.push_back(mu);
  }
  return doc;
}

std::vector<std::string> Checks(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const Finding& f : fs) out.push_back(f.check + "/" + FindingSeverityName(f.severity));
  return out;
}

std::string Dump(const std::vector<Finding>& fs) {
  std::string s;
  for (const Finding& f : fs) s += FormatFinding(f) + "\n";
  return s;
}

}  // namespace

TEST_CASE("untranslated and fuzzy units are errors", "[checks]") {
  MergedDocument doc =
      Doc("d", {{"가.", "A."}, {"나.", ""}, {"다.", "C.", TranslationState::kFuzzy}});
  doc.units.push_back(doc.units[1]);
  doc.units.back().po_line = 0;  // no entry at all: points at the source
  doc.units.back().unit.line = 7;
  std::vector<Finding> fs = CheckStates(doc);
  REQUIRE(fs.size() == 3);
  CHECK(fs[0].check == "untranslated");
  CHECK(fs[0].file == "translations/d/en.po");
  CHECK(fs[0].line == 15);
  CHECK(fs[0].unit == doc.units[1].unit.id);
  CHECK(fs[1].check == "fuzzy");
  CHECK(fs[1].severity == FindingSeverity::kError);
  CHECK(fs[2].file == "translations/d/ko.txt");
  CHECK(fs[2].line == 7);
}

TEST_CASE("findings format as FILE:LINE: severity: [check] message", "[checks]") {
  Finding f;
  f.doc = "d";
  f.unit = "u000000000001";
  f.file = "translations/d/en.po";
  f.line = 12;
  f.check = "numbers";
  f.severity = FindingSeverity::kError;
  f.message = "Korean number \"9\" not found";
  CHECK(FormatFinding(f) ==
        "translations/d/en.po:12: error: [numbers] u000000000001: Korean number \"9\" not found");
  CHECK(FormatFindingJson(f) ==
        "{\"doc\":\"d\",\"unit\":\"u000000000001\",\"file\":\"translations/d/en.po\",\"line\":12,"
        "\"check\":\"numbers\",\"severity\":\"error\",\"message\":\"Korean number \\\"9\\\" not "
        "found\"}");
  f.line = 0;
  f.unit = "";
  f.severity = FindingSeverity::kInfo;
  CHECK(FormatFinding(f) == "translations/d/en.po: info: [numbers] Korean number \"9\" not found");
  CHECK(FormatFindingJson(f).find("\"unit\":null") != std::string::npos);
}

TEST_CASE("quotes and brackets balance in English", "[checks]") {
  struct Row {
    const char* en;
    bool balanced;
  };
  const Row rows[] = {
      {"He said, “We will invest.”", true},
      {"He said, “We will invest.", false},
      {"He said, We will invest.”", false},
      {"He said, \"We will invest.\"", true},
      {"He said, \"We will invest.", false},
      {"It's Korea's chance, and it’s OpenAI’s too.", true},
      {"The startups’ plans and the founders' views", true},
      {"the ‘Speak’ app", true},
      {"the 'Speak' app", true},
      {"the 'Speak app", false},
      {"in the ’90s and the '90s", true},
      {"artificial intelligence (AI)", true},
      {"artificial intelligence (AI", false},
      {"artificial intelligence AI)", false},
      {"a [b (c) d] e", true},
      {"a [b (c] d) e", false},
      {"“He said ‘yes’ to it”", true},
      {"“He said ‘yes to it”", false},
      {"1) first, 2) second", true},
      {"He asked: “Why?” and left.", true},
  };
  for (const Row& row : rows) {
    std::vector<std::string> problems = QuoteProblems(row.en);
    std::string all;
    for (const std::string& p : problems) all += p + "\n";
    INFO(row.en << "\n" << all);
    CHECK(problems.empty() == row.balanced);
  }
}

TEST_CASE("quoted and bracketed passages pair as in the Korean", "[checks]") {
  struct Row {
    const char* ko;
    const char* en;
    int findings;
  };
  const Row rows[] = {
      {"'파이어사이드 챗 위드 오픈AI' 행사가 열렸다.", "The “Fireside Chat with OpenAI” was held.",
       0},
      {"'파이어사이드 챗 위드 오픈AI' 행사가 열렸다.", "The Fireside Chat with OpenAI was held.",
       1},
      {"“AI는 중요하다”고 말했다.", "He said, \"AI matters.\"", 0},
      {"‘반도체 분야’라고 답했다.", "He answered: ‘semiconductors’.", 0},
      {"인공지능(AI) 관련 동향", "trends in artificial intelligence (AI)", 0},
      {"인공지능(AI) 관련 동향", "trends in AI", 1},
      {"'스픽'을 운영하는 '스픽이지랩스'", "Speakeasy Labs, which runs “Speak”", 1},
      {"“칩 개발", "“Chip development", 0},  // unbalanced as the Korean is
      {"“칩 개발", "Chip development", 1},
      {"“칩 개발", "“Chip development”", 0},  // balanced English is fine
      {"그는 말했다.", "He said, “Yes.", 1},  // English unbalanced
  };
  for (const Row& row : rows) {
    MergedDocument doc = Doc("d", {{row.ko, row.en}});
    std::vector<Finding> fs = CheckQuotes(doc);
    INFO(row.ko << " | " << row.en << "\n" << Dump(fs));
    CHECK(static_cast<int>(fs.size()) == row.findings);
    for (const Finding& f : fs) {
      bool bracket_count = f.message.find("bracketed") != std::string::npos;
      CHECK(f.severity == (bracket_count ? FindingSeverity::kWarning : FindingSeverity::kError));
    }
  }
}

TEST_CASE("Korean questions", "[checks]") {
  struct Row {
    const char* ko;
    bool question;
  };
  const Row rows[] = {
      {"Q.오픈AI가 겪었던 실패 중 가장 아팠던 것은?", true},
      {"Q. 기술의 불확실성은 어떻게 해소해야할까.", true},
      {"Q. AI가 일자리를 위협하지 않을까.", true},
      {"어떻게 생각하시나요?", true},
      {"무엇이 중요한가.", true},
      {"Q. 한국 스타트업 투자 계획이 궁금하다.", false},
      {"행사가 열렸다.", false},
      {"“왜 그런가?”라고 물었다.", false},
      {"“정말 그런가?”", true},
  };
  for (const Row& row : rows) {
    INFO(row.ko);
    CHECK(IsKoreanQuestion(row.ko) == row.question);
  }
}

TEST_CASE("end punctuation", "[checks]") {
  MergedDocument doc = Doc("d", {{"Q. 기술의 불확실성은 어떻게 해소해야할까.",
                                  "Q. How should uncertainty about the technology be resolved?"},
                                 {"Q. 기술의 불확실성은 어떻게 해소해야할까.",
                                  "Q. How uncertainty about the technology should be resolved."},
                                 {"행사가 열렸다.", "The event was held"},
                                 {"“기대한다”", "“We look forward to it”"},
                                 {"샘 알트만 오픈AI 최고경영자", "Sam Altman, CEO of OpenAI"}});
  std::vector<Finding> fs = CheckPunctuation(doc);
  INFO(Dump(fs));
  REQUIRE(fs.size() == 2);
  CHECK(fs[0].unit == doc.units[1].unit.id);
  CHECK(fs[0].severity == FindingSeverity::kWarning);
  CHECK(fs[1].unit == doc.units[2].unit.id);
}

TEST_CASE("spacing", "[checks]") {
  struct Row {
    const char* en;
    int findings;
  };
  const Row rows[] = {
      {"Fine text.", 0},
      {" Leading.", 1},
      {"Trailing. ", 1},
      {"Double  space.", 1},
      {"Space before comma , here.", 1},
      {"Q. A question?", 0},
      {"Tab\there.", 1},
      {"“가나다라마바사아자차카타파하”  here.", 1},
  };
  for (const Row& row : rows) {
    MergedDocument doc = Doc("d", {{"가.", row.en}});
    std::vector<Finding> fs = CheckSpacing(doc);
    INFO(row.en << "\n" << Dump(fs));
    CHECK(static_cast<int>(fs.size()) == row.findings);
    for (const Finding& f : fs) CHECK(IsValidUtf8(f.message));
  }
}

TEST_CASE("glossary English must appear as a whole word", "[checks]") {
  struct Row {
    const char* en;
    const char* term;
    bool found;
  };
  const Row rows[] = {
      {"Sam Altman said", "Sam Altman", true},
      {"Sam Altmann said", "Sam Altman", false},
      {"Sam Altman’s plan", "Sam Altman", true},
      {"two developers", "developer", true},
      {"Developers came", "developer", true},
      {"President Yoon", "president", true},
      {"the naver site", "Naver", false},
      {"OpenAI's models", "AI", false},
      {"AI-based models", "AI", true},
      {"a GPT-5 model", "GPT", true},
      {"NaverWebtoon", "Naver", false},
      {"high-tech industries", "high-tech industry", true},
      {"High-tech industries", "high-tech industry", true},
      {"two days", "day", true},
  };
  for (const Row& row : rows) {
    INFO(row.en << " / " << row.term);
    CHECK(ContainsTerm(row.en, row.term) == row.found);
  }
  CHECK(ContainsTerm("Korean startups", "Korea", true));
  CHECK(ContainsTerm("Taiwanese chips", "Taiwan", true));
  CHECK_FALSE(ContainsTerm("Korean startups", "Korea"));
  CHECK_FALSE(ContainsTerm("Koreanic", "Korea", true));
}

TEST_CASE("glossary check names the term and the expected English", "[checks]") {
  Result<Glossary> g = ParseGlossary(
      "ko\ten\tkind\tvariants\tnote\n"
      "그레그 브록먼\tGreg Brockman\tperson\t그렉 브록만\t\n"
      "네이버\tNaver\torg\t\t\n"
      "네이버웹툰\tNaver Webtoon\torg\t\t\n",
      "terms.tsv");
  REQUIRE(g.ok());
  TermMatcher matcher(*g);
  MergedDocument doc =
      Doc("d", {{"그렉 브록만이 말했다.", "Greg Brockman said."},
                {"그렉 브록만이 말했다.", "Greg Brockmann said."},
                {"네이버웹툰과 네이버가 참석했다.", "Naver Webtoon and Naver came."},
                {"네이버웹툰이 참석했다.", "Webtoon came."},
                {"그레그 브록먼은", ""}});
  std::vector<Finding> fs = CheckGlossary(doc, *g, matcher);
  INFO(Dump(fs));
  REQUIRE(fs.size() == 2);
  CHECK(fs[0].unit == doc.units[1].unit.id);
  CHECK(fs[0].check == "glossary");
  CHECK(fs[0].severity == FindingSeverity::kError);
  CHECK(fs[0].message.find("그렉 브록만") != std::string::npos);
  CHECK(fs[0].message.find("그레그 브록먼") != std::string::npos);
  CHECK(fs[0].message.find("“Greg Brockman”") != std::string::npos);
  CHECK(fs[1].unit == doc.units[3].unit.id);
  CHECK(fs[1].message.find("Naver Webtoon") != std::string::npos);
}

TEST_CASE("numbers check: missing numbers are errors, approximations warnings", "[checks]") {
  MergedDocument doc =
      Doc("d", {{"1000만 달러(130억원)를 투자한다.", "It invests $10 million (13 billion won)."},
                {"1000만 달러(130억원)를 투자한다.", "It invests $10 million (14 billion won)."},
                {"개발자 30여 명", "30 developers"}});
  std::vector<Finding> fs = CheckNumbers(doc);
  INFO(Dump(fs));
  std::vector<std::string> want = {"numbers/error", "numbers/warning", "numbers/warning"};
  CHECK(Checks(fs) == want);
  CHECK(fs[0].unit == doc.units[1].unit.id);
  CHECK(fs[0].message.find("130억") != std::string::npos);
}

TEST_CASE("consistency within and across documents", "[checks]") {
  std::vector<MergedDocument> docs = {
      Doc("a", {{"/사진=소프트뱅크벤처스 제공", "Photo: SoftBank Ventures Asia"},
                {"/사진=소프트뱅크벤처스 제공", "Photo: SoftBank Ventures Asia"},
                {"같은 문장.", "The same sentence."}}),
      Doc("b", {{"같은 문장.", "An identical sentence."},
                {"/사진=소프트뱅크벤처스 제공", "Photo courtesy of SoftBank Ventures Asia"}})};
  std::vector<Finding> fs = CheckConsistency(docs);
  INFO(Dump(fs));
  REQUIRE(fs.size() == 2);
  CHECK(fs[0].doc == "b");
  CHECK(fs[0].unit == docs[1].units[0].unit.id);
  CHECK(fs[0].severity == FindingSeverity::kWarning);
  CHECK(fs[0].message.find("a unit") != std::string::npos);
  CHECK(fs[1].unit == docs[1].units[1].unit.id);
}

TEST_CASE("subtitle limits", "[checks]") {
  MergedDocument doc = Doc("d", {{"가.", "A."}});
  TimingOptions opt;
  Cue ok;
  ok.unit_id = doc.units[0].unit.id;
  ok.start_ms = 0;
  ok.end_ms = 2000;
  ok.ko_lines = {"가."};
  ok.en_lines = {"A."};
  Cue long_line = ok;
  long_line.en_lines = {std::string(43, 'x')};
  long_line.end_ms = 3000;
  Cue wide_ko = ok;
  wide_ko.ko_lines = {"가나다라마바사아자차카타파하가나다"};  // 17 wide
  Cue three = ok;
  three.en_lines = {"a", "b", "c"};
  Cue short_cue = ok;
  short_cue.end_ms = 500;
  Cue long_cue = ok;
  long_cue.end_ms = 8000;
  Cue fast = ok;
  fast.end_ms = 1000;
  fast.en_lines = {"twenty-one characters"};  // 21 cps
  std::vector<Finding> fs =
      CheckSubtitles(doc, {ok, long_line, wide_ko, three, short_cue, long_cue, fast}, opt);
  INFO(Dump(fs));
  REQUIRE(fs.size() == 6);
  CHECK(fs[0].message.rfind("cue 2: English line 1 has 43 characters", 0) == 0);
  CHECK(fs[1].message.rfind("cue 3: Korean line 1 is 17 wide", 0) == 0);
  CHECK(fs[2].message.rfind("cue 4: 3 English lines", 0) == 0);
  CHECK(fs[3].message.rfind("cue 5: lasts 500 ms", 0) == 0);
  CHECK(fs[4].message.rfind("cue 6: lasts 8000 ms", 0) == 0);
  CHECK(fs[5].message.rfind("cue 7: English reads at 21.0", 0) == 0);
  for (const Finding& f : fs) CHECK(f.severity == FindingSeverity::kWarning);
}

TEST_CASE("RunChecks orders findings by document, line and check", "[checks]") {
  std::vector<MergedDocument> docs = {
      Doc("a", {{"9일 열렸다.", "It was held on the 8th"}, {"나.", ""}}),
      Doc("b", {{"가.", " A."}})};
  CheckOptions opt;
  opt.subtitles = false;
  std::vector<Finding> fs = RunChecks(docs, opt);
  INFO(Dump(fs));
  std::vector<std::string> want = {"numbers/error", "numbers/warning", "punctuation/warning",
                                   "untranslated/error", "spacing/warning"};
  CHECK(Checks(fs) == want);
  CHECK(fs[0].doc == "a");
  CHECK(fs[4].doc == "b");
}
