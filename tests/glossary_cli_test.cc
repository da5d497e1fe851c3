// End-to-end tests of `bitext glossary ...`: output and exit codes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_shell.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(BITEXT_SOURCE_DIR) + "/tests/data/glossary";

// Runs `bitext ARGS` in folder `cwd`; ARGS is shell text.
RunResult Bitext(const std::string& args, const std::string& cwd = kData) {
  return RunShell(cwd, BitextCommand() + " " + args);
}

}  // namespace

TEST_CASE("glossary list", "[glossary_cli]") {
  RunResult r = Bitext("glossary --glossary small.tsv list");
  CHECK(r.code == 0);
  std::string all = ReadBytes(kData + "/small.tsv");
  CHECK(r.out == all.substr(all.find("ko\t")));  // without the comments
  r = Bitext("glossary --glossary small.tsv list --kind person");
  CHECK(r.code == 0);
  CHECK(r.out ==
        "ko\ten\tkind\tvariants\tnote\n"
        "샘 알트만\tSam Altman\tperson\t샘 올트먼|샘 알트먼\tCEO of OpenAI, \"Sam\"\n"
        "이영\tLee Young\tperson\t\tMinister\n");
  CHECK(Bitext("glossary --glossary small.tsv list --kind persons").code == 2);
  r = Bitext("glossary --glossary missing.tsv list");
  CHECK(r.code == 1);
  CHECK(r.err.find("missing.tsv") != std::string::npos);
}

TEST_CASE("glossary add", "[glossary_cli]") {
  TempDir s("bitext-glossary-cli-");
  fs::path g = fs::path(s.path()) / "terms.tsv";
  fs::copy_file(kData + "/small.tsv", g);
  const std::string before = ReadBytes(g);
  const std::string opt = "glossary --glossary '" + g.string() + "' ";

  SECTION("adds sorted, atomically") {
    RunResult r = Bitext(opt +
                         "add 마이크로소프트 Microsoft --kind org --variant MS --variant 마소 "
                         "--note 'US software company'");
    CHECK(r.code == 0);
    std::string after = ReadBytes(g);
    CHECK(after.find("네이버웹툰\t") < after.find("마이크로소프트\tMicrosoft\torg\tMS|마소\tUS "
                                                  "software company\n"));
    CHECK(after.find("마이크로소프트\t") < after.find("샘 알트만\t"));
    // No temporary file is left behind.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(s.path())) names.push_back(e.path().filename());
    CHECK(names == std::vector<std::string>{"terms.tsv"});
    // Default kind is term.
    CHECK(Bitext(opt + "add 거대언어모델 'large language model'").code == 0);
    CHECK(ReadBytes(g).find("거대언어모델\tlarge language model\tterm\t\t\n") != std::string::npos);
  }
  SECTION("identical re-add is a no-op") {
    RunResult r = Bitext(opt + "add 네이버 Naver --kind org");
    CHECK(r.code == 0);
    CHECK(ReadBytes(g) == before);
  }
  SECTION("refuses Korean that means something else") {
    RunResult r = Bitext(opt + "add 네이버 Never");
    CHECK(r.code == 1);
    CHECK(r.err == g.string() + ":5: '네이버' is already the Korean of 'Naver' (org)\n");
    CHECK(ReadBytes(g) == before);
    r = Bitext(opt + "add 챗GPT ChatGPT --variant GPT5");
    CHECK(r.code == 1);
    CHECK(r.err == g.string() + ":4: 'GPT5' is already a variant of 'GPT-5' = 'GPT-5' (product)\n");
    CHECK(ReadBytes(g) == before);
  }
  SECTION("a malformed file is left untouched") {
    std::string bad = before + "깨진\tbroken\tnonsense\t\t\n";
    { std::ofstream(g, std::ios::binary) << bad; }
    RunResult r = Bitext(opt + "add 새말 neologism");
    CHECK(r.code == 1);
    CHECK(r.err.find(g.string() + ":11: unknown kind 'nonsense'") == 0);
    CHECK(ReadBytes(g) == bad);
  }
  SECTION("usage errors exit 2") {
    CHECK(Bitext(opt + "add 새말").code == 2);
    CHECK(Bitext(opt + "add 새말 neologism --kind nonsense").code == 2);
    CHECK(ReadBytes(g) == before);
  }
}

TEST_CASE("glossary lookup", "[glossary_cli]") {
  RunResult r = Bitext(
      "glossary --glossary small.tsv lookup '샘 알트만 오픈AI 대표가\n이영아 기자와 이영 장관, "
      "GPT5도'");
  CHECK(r.code == 0);
  CHECK(r.out ==
        "1:1-5\t샘 알트만\t샘 알트만\tSam Altman\n"
        "1:7-10\t오픈AI\t오픈AI\tOpenAI\n"
        "2:9-10\t이영\t이영\tLee Young\n"
        "2:16-19\tGPT5\tGPT-5\tGPT-5\n");
  r = Bitext("glossary --glossary small.tsv lookup --file translations/doc-b/ko.txt");
  CHECK(r.code == 0);
  CHECK(r.out ==
        "translations/doc-b/ko.txt:1:1-2\t이영\t이영\tLee Young\n"
        "translations/doc-b/ko.txt:1:8-12\t네이버웹툰\t네이버웹툰\tNaver Webtoon\n");
  CHECK(Bitext("glossary --glossary small.tsv lookup").code == 2);
  CHECK(Bitext("glossary --glossary small.tsv lookup --file nope.txt").code == 1);
}

TEST_CASE("glossary lint", "[glossary_cli]") {
  RunResult r = Bitext("glossary --glossary small.tsv lint --translations translations");
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "small.tsv:5: warning: '네이버' (Naver) occurs in no document\n"
        "small.tsv: 7 terms, 0 errors, 1 warnings\n");
  r = Bitext("glossary --glossary small.tsv lint --translations nowhere");
  CHECK(r.code == 0);
  CHECK(r.err ==
        "nowhere: warning: no such folder; unused terms not checked\n"
        "small.tsv: 7 terms, 0 errors, 1 warnings\n");

  TempDir s("bitext-glossary-cli-");
  fs::path g = fs::path(s.path()) / "bad.tsv";
  {
    std::ofstream(g, std::ios::binary) << "ko\ten\tkind\tvariants\tnote\n"
                                          "이영\tLee Young\tperson\t\t\n"
                                          "이영\tYoung Lee\tperson\t\t\n"
                                          "오픈AI\tOpenAI\torg\t이영\t\n";
  }
  r = Bitext("glossary --glossary '" + g.string() + "' lint --translations translations");
  CHECK(r.code == 1);
  CHECK(r.err == g.string() +
                     ":3: error: '이영' has two English renderings: 'Lee Young' at line 2 and "
                     "'Young Lee' here\n" +
                     g.string() +
                     ":4: error: variant '이영' is already the term at line 2 ('이영' = 'Lee "
                     "Young') with different English\n" +
                     g.string() + ": 1 terms, 2 errors, 0 warnings\n");
}

TEST_CASE("glossary candidates", "[glossary_cli]") {
  RunResult r = Bitext("glossary --glossary small.tsv candidates --translations translations");
  CHECK(r.code == 0);
  CHECK(r.out ==
        "2\tLLM\tlatin\ttranslations/doc-a/ko.txt:5:4\n"
        "2\t소프트뱅크벤처스\tparticles\ttranslations/doc-b/ko.txt:1:21\n"
        "2\t스픽\tparticles,quoted\ttranslations/doc-a/ko.txt:3:8\n"
        "1\tAI\tlatin\ttranslations/doc-b/ko.txt:3:29\n"
        "1\t인공지능\tglossed\ttranslations/doc-b/ko.txt:3:24\n"
        "1\t콜라보 사업\tquoted\ttranslations/doc-a/ko.txt:3:14\n");
}

TEST_CASE("glossary export", "[glossary_cli]") {
  RunResult r = Bitext("glossary --glossary small.tsv export --format omegat");
  CHECK(r.code == 0);
  CHECK(r.out == ReadBytes(kData + "/small.omegat.txt"));
  r = Bitext("glossary --glossary small.tsv export --format csv");
  CHECK(r.code == 0);
  CHECK(r.out == ReadBytes(kData + "/small.csv"));
  r = Bitext("glossary --glossary small.tsv export --format tbx");
  CHECK(r.code == 0);
  CHECK(r.out == ReadBytes(kData + "/small.tbx"));
  CHECK(Bitext("glossary --glossary small.tsv export --format tbx | xmllint --noout -").code == 0);
  CHECK(Bitext("glossary --glossary small.tsv export --format xlsx").code == 2);
  CHECK(Bitext("glossary --glossary small.tsv export").code == 2);
  CHECK(Bitext("glossary").code == 2);
}
