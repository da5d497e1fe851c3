// Tests for tmx_writer.h: golden file with escaping, dropped characters with
// warnings, DTD validation (xmllint) and reading by translate-toolkit.
#include "tmx_writer.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "file_io.h"

using namespace bitext;

namespace {

MergedUnit MU(const std::string& id, int paragraph, UnitKind kind, const std::string& ko,
              const std::string& en, TranslationState state = TranslationState::kTranslated,
              const std::string& speaker = "") {
  MergedUnit mu;
  mu.unit.id = id;
  mu.unit.paragraph = paragraph;
  mu.unit.kind = kind;
  mu.unit.speaker = speaker;
  mu.unit.text = ko;
  mu.unit.line = paragraph;
  mu.unit.col = 1;
  mu.english = en;
  mu.state = state;
  mu.po_line = 10 * paragraph;
  return mu;
}

// The writers' shared fixture: every kind and the escaping cases.
MergedDocument WriterDoc() {
  MergedDocument d;
  d.name = "writer-sample";
  d.dir = "tests/data/writer-sample";
  d.source_path = d.dir + "/ko.txt";
  d.po_path = d.dir + "/en.po";
  using K = UnitKind;
  using S = TranslationState;
  d.units = {
      MU("u000000000001", 1, K::kTitle, "제목 & <테스트>", "Title & <Test> ]]>"),
      MU("u000000000002", 2, K::kDek, "부제 \"따옴표\"", "Dek with \"quotes\" and 'apostrophes'"),
      MU("u000000000003", 3, K::kCaption, "사진 설명 /사진=제공", "A caption / Photo: provided"),
      MU("u000000000003-2", 4, K::kCaption, "사진 설명 /사진=제공", "A caption / Photo: provided"),
      MU("u000000000005", 5, K::kBody, "본문 | 파이프 --> 화살표",
         "Body | pipe --> arrow & a <tag>"),
      MU("u000000000006", 5, K::kBody, "제어\x01 문자",
         "\xEF\xBB\xBF"
         "Con\xE2\x80\x8Btrol\x01 char\x0B and\x7F DEL\xEF\xBF\xBF"
         "\xE2\x81\xA0."),
      MU("u000000000007", 6, K::kQuestion, "Q. 질문인가?", "Q. A question?"),
      MU("u000000000008", 7, K::kSpeech, "샘 알트만: 답이다.", "Sam Altman: An answer.",
         S::kTranslated, "샘 알트만"),
      MU("u000000000009", 7, K::kSpeech, "계속이다.",
         "It goes on * with _stars_ and [links](x) \\ `code` ~~strike~~ #tag.", S::kTranslated,
         "샘 알트만"),
      MU("u000000000010", 8, K::kListItem, "△첫째", "\xE2\x96\xB3 First"),
      MU("u000000000011", 8, K::kListItem, "△둘째", "- Second"),
      MU("u000000000012", 9, K::kBody, "1. 숫자로 시작", "1. Starts with a number\nand a newline"),
      MU("u000000000013", 9, K::kBody, "퍼지", "Fuzzy English", S::kFuzzy),
      MU("u000000000014", 9, K::kBody, "미번역", "", S::kUntranslated),
      MU("u000000000015", 10, K::kByline, "김기자 기자 kim@example.com",
         "Reporter Kim kim@example.com"),
      MU("u000000000016", 11, K::kBoilerplate, "관련기사", "Related articles"),
  };
  return d;
}

void CheckGolden(const std::string& name, const std::string& got) {
  std::string path = std::string(BITEXT_SOURCE_DIR) + "/tests/golden/writers/" + name;
  if (std::getenv("BITEXT_UPDATE_GOLDEN")) REQUIRE(WriteFileAtomic(path, got).ok());
  Result<std::string> want = ReadFile(path);
  REQUIRE(want.ok());
  CHECK(got == *want);
}

bool HaveTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string Python() { return FileExists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

std::string TempFile(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("bitext_tmx_" + std::to_string(getpid()) + "_" + name))
                         .string();
  REQUIRE(WriteFileAtomic(path, content).ok());
  return path;
}

std::string Run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[512];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace

TEST_CASE("TMX matches the golden file", "[tmx_writer]") {
  TmxResult r = WriteTmx(WriterDoc(), TmxOptions());
  CheckGolden("writer-sample.tmx", r.content);
  CHECK(r.content.find("]]>") == std::string::npos);
  CHECK(r.content.find("&lt;Test&gt; ]]&gt;") != std::string::npos);
  CHECK(r.content.find('\x01') == std::string::npos);
  CHECK(r.content.find('\x0B') == std::string::npos);
  CHECK(r.content.find("\xEF\xBF\xBF") == std::string::npos);
  // Fuzzy and untranslated units are not in the memory.
  CHECK(r.content.find("u000000000013") == std::string::npos);
  CHECK(r.content.find("u000000000014") == std::string::npos);
  CHECK(r.content.find("creationdate=\"20230609T000000Z\"") != std::string::npos);
}

TEST_CASE("TMX drops characters XML forbids and warns, naming the input", "[tmx_writer]") {
  TmxResult r = WriteTmx(WriterDoc(), TmxOptions());
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].ToString() ==
        "tests/data/writer-sample/ko.txt:5:1: warning: unit u000000000006 Korean: dropped 1 "
        "character(s) XML 1.0 forbids or invisible (U+0001)");
  CHECK(r.warnings[1].ToString() ==
        "tests/data/writer-sample/en.po:50: warning: unit u000000000006 English: dropped 6 "
        "character(s) XML 1.0 forbids or invisible (U+FEFF, U+200B, U+0001, U+000B, U+FFFF, "
        "U+2060)");
}

TEST_CASE("TMX is the same for the same input and honours the creation date", "[tmx_writer]") {
  CHECK(WriteTmx(WriterDoc(), TmxOptions()).content == WriteTmx(WriterDoc(), TmxOptions()).content);
  TmxOptions o;
  o.creation_date = "20240101T120000Z";
  CHECK(WriteTmx(WriterDoc(), o).content.find("creationdate=\"20240101T120000Z\"") !=
        std::string::npos);
  MergedDocument empty;
  empty.name = "empty";
  std::string e = WriteTmx(empty, TmxOptions()).content;
  CHECK(e.find("<body>\n  </body>") != std::string::npos);
}

TEST_CASE("TMX validates against the TMX 1.4b DTD", "[tmx_writer][external]") {
  if (!HaveTool("xmllint")) {
    WARN("xmllint not installed; skipped");
    return;
  }
  std::string dtd = std::string(BITEXT_SHARED_DIR) + "/schemas/tmx14.dtd";
  REQUIRE(FileExists(dtd));
  MergedDocument empty;
  empty.name = "empty";
  for (const auto& [name, doc] :
       {std::make_pair("full", WriterDoc()), std::make_pair("empty", empty)}) {
    std::string path = TempFile(std::string(name) + ".tmx", WriteTmx(doc, TmxOptions()).content);
    INFO(name);
    CHECK(std::system(("xmllint --noout --dtdvalid '" + dtd + "' '" + path + "'").c_str()) == 0);
    std::filesystem::remove(path);
  }
}

TEST_CASE("translate-toolkit reads every unit with source and target", "[tmx_writer][external]") {
  if (std::system((Python() + " -c 'import translate.storage.tmx' 2>/dev/null").c_str()) != 0) {
    WARN("translate-toolkit not installed; skipped");
    return;
  }
  std::string path = TempFile("tt.tmx", WriteTmx(WriterDoc(), TmxOptions()).content);
  std::string out =
      Run(Python() +
          " -c \"import sys\nfrom translate.storage import tmx\n"
          "s = tmx.tmxfile.parsefile(sys.argv[1])\n"
          "print(len(s.units), sum(1 for u in s.units if u.source and u.target))\" '" +
          path + "'");
  CHECK(out == "14 14\n");
  std::filesystem::remove(path);
}
