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
#include "writer_fixture.h"

using namespace bitext;

using namespace bitext::writer_test;

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

TEST_CASE("TMX skips a unit whose English is all dropped characters, without warnings",
          "[tmx_writer]") {
  MergedDocument d = WriterDoc();
  d.units = {MU("u000000000001", 1, UnitKind::kBody, "제어\x01 문자", "\x01\xE2\x80\x8B"),
             MU("u000000000002", 2, UnitKind::kBody, "제어\x02 문자", "Kept\x02.")};
  TmxResult r = WriteTmx(d, TmxOptions());
  CHECK(r.content.find("u000000000001") == std::string::npos);
  CHECK(r.content.find("<seg>Kept.</seg>") != std::string::npos);
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].ToString() ==
        "tests/data/writer-sample/ko.txt:2:1: warning: unit u000000000002 Korean: dropped 1 "
        "character(s) XML 1.0 forbids or invisible (U+0002)");
  CHECK(r.warnings[1].ToString() ==
        "tests/data/writer-sample/en.po:20: warning: unit u000000000002 English: dropped 1 "
        "character(s) XML 1.0 forbids or invisible (U+0002)");
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
