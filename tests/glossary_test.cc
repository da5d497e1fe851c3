// Tests for glossary.h: parsing (bad lines), serializing, adding, lint,
// unused terms, candidates, exports (golden files in tests/data/glossary/).
#include "glossary.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "file_io.h"

namespace {

using bitext::AddOutcome;
using bitext::CorpusText;
using bitext::Glossary;
using bitext::GlossaryFinding;
using bitext::Term;
using bitext::TermKind;

const std::string kDir = std::string(BITEXT_SOURCE_DIR) + "/tests/data/glossary/";

std::string Read(const std::string& path) {
  bitext::Result<std::string> r = bitext::ReadFile(path);
  REQUIRE(r.ok());
  return *r;
}

Glossary Small() {
  bitext::Result<Glossary> g = bitext::LoadGlossary(kDir + "small.tsv");
  REQUIRE(g.ok());
  return *g;
}

Term MakeTerm(std::string ko, std::string en, TermKind kind = TermKind::kTerm,
              std::vector<std::string> variants = {}, std::string note = "") {
  Term t;
  t.ko = std::move(ko);
  t.en = std::move(en);
  t.kind = kind;
  t.variants = std::move(variants);
  t.note = std::move(note);
  return t;
}

}  // namespace

TEST_CASE("ParseGlossary reads the fixture", "[glossary]") {
  Glossary g = Small();
  REQUIRE(g.terms.size() == 7);
  CHECK(g.comments.size() == 2);
  CHECK(g.terms[0].ko == "GPT-5");
  CHECK(g.terms[0].variants == std::vector<std::string>{"GPT5"});
  CHECK(g.terms[0].kind == TermKind::kProduct);
  CHECK(g.terms[0].line == 4);
  CHECK(g.terms[3].ko == "샘 알트만");
  CHECK(g.terms[3].variants == std::vector<std::string>{"샘 올트먼", "샘 알트먼"});
  CHECK(g.terms[3].note == "CEO of OpenAI, \"Sam\"");
  CHECK(g.terms[4].variants.empty());
  CHECK(g.terms[4].note.empty());
}

TEST_CASE("ParseGlossary rejects malformed lines with FILE:LINE", "[glossary]") {
  const std::string head = "ko\ten\tkind\tvariants\tnote\n네이버\tNaver\torg\t\t\n";
  struct Row {
    const char* name;
    std::string line;  // appended as line 3
    std::string want;
  };
  const Row rows[] = {
      {"too few fields", "오픈AI\tOpenAI\torg\n",
       "bad.tsv:3: expected 5 TAB-separated fields (ko, en, kind, variants, note), found 3"},
      {"too many fields", "오픈AI\tOpenAI\torg\t\t\tx\n",
       "bad.tsv:3: expected 5 TAB-separated fields (ko, en, kind, variants, note), found 6"},
      {"unknown kind", "오픈AI\tOpenAI\tcompany\t\t\n",
       "bad.tsv:3: unknown kind 'company' (expected person, org, place, product, event, title or "
       "term)"},
      {"empty ko", "\tOpenAI\torg\t\t\n", "bad.tsv:3: empty ko"},
      {"empty en", "오픈AI\t\torg\t\t\n", "bad.tsv:3: empty en"},
      {"invalid UTF-8", "오픈\xFF\tOpenAI\torg\t\t\n", "bad.tsv:3:3: invalid UTF-8"},
      {"empty variant", "오픈AI\tOpenAI\torg\t오픈에이아이||오픈 AI\t\n",
       "bad.tsv:3: empty variant in '오픈에이아이||오픈 AI'"},
      {"trailing space", "오픈AI \tOpenAI\torg\t\t\n",
       "bad.tsv:3: ko '오픈AI ' has leading, trailing or doubled spaces"},
      {"doubled space in variant", "샘 알트만\tSam Altman\tperson\t샘  올트먼\t\n",
       "bad.tsv:3: variant '샘  올트먼' has leading, trailing or doubled spaces"},
      {"control character", "오픈AI\tOpenAI\torg\t\tx\x01y\n",
       "bad.tsv:3: control character in note"},
      {"carriage return in a comment", "# a\rb\r\n",
       "bad.tsv:3:4: carriage return inside a comment line"},
      {"duplicate term", "네이버\tNaver\torg\t\t\n",
       "bad.tsv:3: duplicate term '네이버' (also at line 2)"},
      {"two English", "네이버\tNaver Corp.\torg\t\t\n",
       "bad.tsv:3: '네이버' has two English renderings: 'Naver' at line 2 and 'Naver Corp.' here"},
      {"variant is another term", "네이버웹툰\tNaver Webtoon\torg\t네이버\t\n",
       "bad.tsv:3: variant '네이버' is already the term at line 2 ('네이버' = 'Naver') with "
       "different "
       "English"},
      {"variant repeats the term", "오픈AI\tOpenAI\torg\t오픈AI\t\n",
       "bad.tsv:3: variant '오픈AI' repeats the term"},
      {"variant twice", "오픈AI\tOpenAI\torg\tA|A\t\n", "bad.tsv:3: variant 'A' is listed twice"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      bitext::Result<Glossary> g = bitext::ParseGlossary(head + row.line, "bad.tsv");
      REQUIRE_FALSE(g.ok());
      CHECK(g.status().code() == bitext::Status::Code::kInvalidInput);
      CHECK(g.status().ToString() == row.want);
    }
  }
}

TEST_CASE("ParseGlossary requires the header", "[glossary]") {
  struct Row {
    const char* name;
    std::string text;
    std::string want;
  };
  const Row rows[] = {
      {"no header", "네이버\tNaver\torg\t\t\n",
       "g.tsv:1: missing header: the first line must be "
       "'ko<TAB>en<TAB>kind<TAB>variants<TAB>note'"},
      {"wrong header", "# c\nko\ten\tkind\n",
       "g.tsv:2: bad header: expected 'ko<TAB>en<TAB>kind<TAB>variants<TAB>note'"},
      {"empty file", "",
       "g.tsv:1: missing header: the first line must be "
       "'ko<TAB>en<TAB>kind<TAB>variants<TAB>note'"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      bitext::Result<Glossary> g = bitext::ParseGlossary(row.text, "g.tsv");
      REQUIRE_FALSE(g.ok());
      CHECK(g.status().ToString() == row.want);
    }
  }
  CHECK(bitext::ParseGlossary("ko\ten\tkind\tvariants\tnote\n", "g.tsv").ok());
  CHECK(bitext::ParseGlossary("\xEF\xBB\xBFko\ten\tkind\tvariants\tnote\n", "g.tsv").ok());
  CHECK(bitext::ParseGlossary("ko\ten\tkind\tvariants\tnote\r\n네이버\tNaver\torg\t\t\r\n", "g.tsv")
            .ok());
}

TEST_CASE("LoadGlossary names a missing file", "[glossary]") {
  bitext::Result<Glossary> g = bitext::LoadGlossary(kDir + "no-such.tsv");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == bitext::Status::Code::kNotFound);
  CHECK(g.status().ToString().find("no-such.tsv") != std::string::npos);
}

TEST_CASE("SerializeGlossary is canonical", "[glossary]") {
  // The fixture is canonical: it round-trips byte for byte.
  CHECK(bitext::SerializeGlossary(Small()) == Read(kDir + "small.tsv"));
  // Unsorted rows, blank lines and comments anywhere: comments move to the
  // top, blank lines go, rows are sorted by ko.
  const std::string messy =
      "# top\n\nko\ten\tkind\tvariants\tnote\n이영\tLee Young\tperson\t\t\n# middle\n\n"
      "AI\tAI\tterm\t\t\n네이버\tNaver\torg\t\t\n";
  bitext::Result<Glossary> g = bitext::ParseGlossary(messy, "m.tsv");
  REQUIRE(g.ok());
  CHECK(bitext::SerializeGlossary(*g) ==
        "# top\n# middle\nko\ten\tkind\tvariants\tnote\nAI\tAI\tterm\t\t\n"
        "네이버\tNaver\torg\t\t\n이영\tLee Young\tperson\t\t\n");
}

TEST_CASE("ParseGlossary normalises to NFC", "[glossary]") {
  // 한국 decomposed.
  const std::string nfd =
      "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86\xA8";
  bitext::Result<Glossary> g = bitext::ParseGlossary(
      "ko\ten\tkind\tvariants\tnote\n" + nfd + "\tKorea\tplace\t\t\n", "n.tsv");
  REQUIRE(g.ok());
  CHECK(g->terms[0].ko == "한국");
}

TEST_CASE("AddTerm inserts sorted and refuses conflicts", "[glossary]") {
  Glossary g = Small();
  SECTION("new term goes in sorted order") {
    bitext::Result<AddOutcome> r =
        AddTerm(&g, MakeTerm("마이크로소프트", "Microsoft", TermKind::kOrg, {"MS"}), true);
    REQUIRE(r.ok());
    CHECK(*r == AddOutcome::kAdded);
    std::string text = bitext::SerializeGlossary(g);
    size_t a = text.find("네이버웹툰\t");
    size_t b = text.find("마이크로소프트\tMicrosoft\torg\tMS\t\n");
    size_t c = text.find("샘 알트만\t");
    CHECK(a < b);
    CHECK(b < c);
    CHECK(c != std::string::npos);
  }
  SECTION("identical re-add is unchanged") {
    bitext::Result<AddOutcome> r = AddTerm(&g, MakeTerm("네이버", "Naver"), false);
    REQUIRE(r.ok());
    CHECK(*r == AddOutcome::kUnchanged);
  }
  SECTION("re-add with a new variant updates the row") {
    bitext::Result<AddOutcome> r =
        AddTerm(&g, MakeTerm("네이버", "Naver", TermKind::kOrg, {"네이바"}), true);
    REQUIRE(r.ok());
    CHECK(*r == AddOutcome::kUpdated);
    CHECK(g.terms[1].variants == std::vector<std::string>{"네이바"});
  }
  SECTION("same Korean, other English") {
    bitext::Result<AddOutcome> r = AddTerm(&g, MakeTerm("네이버", "Never"), false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == bitext::Status::Code::kConflict);
    CHECK(r.status().ToString() ==
          kDir + "small.tsv:5: '네이버' is already the Korean of 'Naver' (org)");
  }
  SECTION("variant already a variant of another row") {
    bitext::Result<AddOutcome> r = AddTerm(
        &g, MakeTerm("오픈에이아이 재단", "OpenAI Foundation", TermKind::kOrg, {"GPT5"}), true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().ToString() ==
          kDir + "small.tsv:4: 'GPT5' is already a variant of 'GPT-5' = 'GPT-5' (product)");
  }
  SECTION("different kind for an existing row") {
    bitext::Result<AddOutcome> r =
        AddTerm(&g, MakeTerm("네이버", "Naver", TermKind::kPerson), true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().ToString() ==
          kDir + "small.tsv:5: '네이버' is already there as org, not person");
  }
  SECTION("bad input is a usage error") {
    CHECK(AddTerm(&g, MakeTerm("", "x"), false).status().code() == bitext::Status::Code::kUsage);
    CHECK(AddTerm(&g, MakeTerm("가\t나", "x"), false).status().code() ==
          bitext::Status::Code::kUsage);
    CHECK(AddTerm(&g, MakeTerm("가|나", "x"), false).status().code() ==
          bitext::Status::Code::kUsage);
    CHECK(AddTerm(&g, MakeTerm("#태그", "hashtag"), false).status().code() ==
          bitext::Status::Code::kUsage);
  }
  SECTION("byte-order marks and zero-width characters are dropped") {
    REQUIRE(AddTerm(&g, MakeTerm("\xEF\xBB\xBF사\xE2\x80\x8B아", "Saa"), false).ok());
    CHECK(bitext::SerializeGlossary(g).find("\n사아\tSaa\tterm\t\t\n") != std::string::npos);
  }
  SECTION("spaces are collapsed") {
    REQUIRE(AddTerm(&g, MakeTerm("  한국   정부 ", " Korean  government"), false).ok());
    CHECK(bitext::SerializeGlossary(g).find("한국 정부\tKorean government\tterm\t\t\n") !=
          std::string::npos);
  }
}

TEST_CASE("LintGlossaryText reports every problem", "[glossary]") {
  const std::string text =
      "ko\ten\tkind\tvariants\tnote\n"
      "네이버\tNaver\torg\t\t\n"
      "가나\tGana\tplace\t\t\n"      // out of order: warning
      "네이버\tNever\torg\t\t\n"     // two English
      "다라\tDara\tbad\t\t\n"        // unknown kind
      "마바\tMaba\tterm\t가나\t\n";  // variant collides
  std::vector<GlossaryFinding> f = bitext::LintGlossaryText(text, "l.tsv");
  std::vector<std::string> got;
  for (const GlossaryFinding& x : f) got.push_back(x.ToString());
  CHECK(got == std::vector<std::string>{
                   "l.tsv:3: warning: '가나' is out of order (after '네이버' at line 2); rows "
                   "should be sorted by ko",
                   "l.tsv:4: error: '네이버' has two English renderings: 'Naver' at line 2 and "
                   "'Never' here",
                   "l.tsv:5: error: unknown kind 'bad' (expected person, org, place, product, "
                   "event, title or term)",
                   "l.tsv:6: error: variant '가나' is already the term at line 3 ('가나' = "
                   "'Gana') with different English",
               });
}

TEST_CASE("FindUnusedTerms and FindCandidates scan the documents", "[glossary]") {
  Glossary g = Small();
  bitext::Result<std::vector<CorpusText>> corpus = bitext::LoadCorpus(kDir + "translations");
  REQUIRE(corpus.ok());
  REQUIRE(corpus->size() >= 4);
  std::vector<GlossaryFinding> unused = bitext::FindUnusedTerms(g, *corpus);
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].ToString() ==
        kDir + "small.tsv:5: warning: '네이버' (Naver) occurs in no document");

  std::vector<bitext::Candidate> c = bitext::FindCandidates(g, *corpus);
  std::vector<std::string> got;
  for (const bitext::Candidate& x : c) {
    std::string reasons;
    for (const std::string& r : x.reasons) reasons += (reasons.empty() ? "" : ",") + r;
    got.push_back(std::to_string(x.count) + " " + x.text + " " + reasons);
  }
  CHECK(got == std::vector<std::string>{
                   "2 LLM latin",
                   "2 소프트뱅크벤처스 particles",
                   "2 스픽 particles,quoted",
                   "1 AI latin",
                   "1 인공지능 glossed",
                   "1 콜라보 사업 quoted",
               });
  CHECK(c[0].first.ToString() == kDir + "translations/doc-a/ko.txt:5:4");
}

TEST_CASE("Exports match the golden files", "[glossary]") {
  Glossary g = Small();
  g.path = "small.tsv";
  CHECK(bitext::ExportOmegaT(g) == Read(kDir + "small.omegat.txt"));
  CHECK(bitext::ExportCsv(g) == Read(kDir + "small.csv"));
  CHECK(bitext::ExportTbx(g) == Read(kDir + "small.tbx"));
}

TEST_CASE("TBX export is well-formed XML (xmllint)", "[glossary]") {
  Glossary g = Small();
  std::string path = (std::filesystem::temp_directory_path() / "bitext-glossary-test.tbx").string();
  REQUIRE(bitext::WriteFileAtomic(path, bitext::ExportTbx(g)).ok());
  int rc = std::system(("xmllint --noout '" + path + "'").c_str());
  std::remove(path.c_str());
  CHECK(rc == 0);
}
