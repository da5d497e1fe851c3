// End-to-end tests of `bitext check` on the fixture document
// tests/data/check/mini-report (ko.txt + en.po) with tests/data/check/terms.tsv:
// the pristine copy passes; a copy with four planted errors fails with one
// error naming each planted unit.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "document.h"
#include "run_shell.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(BITEXT_SOURCE_DIR) + "/tests/data/check";

RunResult Bitext(const std::string& args) {
  return RunShell(BITEXT_SOURCE_DIR, BitextCommand() + " " + args);
}

// Replaces the one occurrence of `from` in `s`.
void ReplaceOnce(std::string* s, const std::string& from, const std::string& to) {
  size_t pos = s->find(from);
  REQUIRE(pos != std::string::npos);
  REQUIRE(s->find(from, pos + 1) == std::string::npos);
  s->replace(pos, from.size(), to);
}

// A fresh copy of the fixture in a temporary folder.
struct TempCopy : TempDir {
  TempCopy() : TempDir("bitext-check-cli-") {
    fs::copy(kFixture, path(), fs::copy_options::recursive);
    for (const auto& e : fs::recursive_directory_iterator(path())) {
      fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
    }
  }
  std::string doc() const { return *this / "mini-report"; }
  std::string glossary() const { return *this / "terms.tsv"; }
};

// The unit id whose English contains `needle`.
std::string UnitWithEnglish(const std::string& doc_dir, const std::string& needle) {
  bitext::Result<bitext::MergedDocument> doc = bitext::LoadDocument(doc_dir);
  REQUIRE(doc.ok());
  for (const bitext::MergedUnit& mu : doc->units) {
    if (mu.english.find(needle) != std::string::npos) return mu.unit.id;
  }
  FAIL("no unit with English containing " << needle);
  return "";
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("bitext check passes the pristine fixture", "[check_cli]") {
  TempCopy t;
  RunResult r = Bitext("check " + t.doc() + " --glossary " + t.glossary() + " --strict");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("bitext check finds one error for each planted error", "[check_cli]") {
  TempCopy t;
  std::string po_path = t.doc() + "/en.po";
  std::string misspelt = UnitWithEnglish(t.doc(), "Greg Brockman attended");
  std::string number = UnitWithEnglish(t.doc(), "$10 million");
  std::string quote = UnitWithEnglish(t.doc(), "leading role");
  std::string emptied = UnitWithEnglish(t.doc(), "threaten jobs");

  std::string po = ReadBytes(po_path);
  ReplaceOnce(&po, "co-founder Greg Brockman attended", "co-founder Greg Brokman attended");
  ReplaceOnce(&po, "$10 million (13 billion won)", "$20 million (13 billion won)");
  ReplaceOnce(&po, "AI technology.”", "AI technology.");
  ReplaceOnce(&po, "msgstr \"Q. Won't AI threaten jobs?\"", "msgstr \"\"");
  WriteBytes(po_path, po);

  RunResult r = Bitext("check " + t.doc() + " --glossary " + t.glossary() + " --format jsonl");
  INFO(r.out);
  CHECK(r.code == 1);
  std::map<std::string, std::vector<std::string>> errors;  // unit -> checks
  for (const std::string& line : Lines(r.out)) {
    REQUIRE(line.front() == '{');
    REQUIRE(line.back() == '}');
    CHECK(line.find("\"doc\":\"mini-report\"") != std::string::npos);
    if (line.find("\"severity\":\"error\"") == std::string::npos) continue;
    size_t u = line.find("\"unit\":\"");
    REQUIRE(u != std::string::npos);
    std::string unit = line.substr(u + 8, line.find('"', u + 8) - (u + 8));
    size_t c = line.find("\"check\":\"");
    std::string check = line.substr(c + 9, line.find('"', c + 9) - (c + 9));
    errors[unit].push_back(check);
  }
  std::map<std::string, std::vector<std::string>> want = {
      {misspelt, {"glossary"}},
      {number, {"numbers"}},
      {quote, {"quotes"}},
      {emptied, {"untranslated"}},
  };
  CHECK(errors == want);

  // The text format names en.po and the entry's line, and the term.
  RunResult text = Bitext("check " + t.doc() + " --glossary " + t.glossary());
  CHECK(text.code == 1);
  INFO(text.out);
  CHECK(text.out.find(po_path + ":") != std::string::npos);
  CHECK(text.out.find(": error: [glossary] " + misspelt +
                      ": “그렉 브록만” (그레그 브록먼) should be translated “Greg "
                      "Brockman”") != std::string::npos);
  CHECK(text.out.find(": error: [numbers] " + number +
                      ": Korean number \"1000만\" (10,000,000) not found") != std::string::npos);
  CHECK(text.out.find(": error: [untranslated] " + emptied + ": ") != std::string::npos);
}

TEST_CASE("bitext check: warnings fail only with --strict", "[check_cli]") {
  TempCopy t;
  std::string po_path = t.doc() + "/en.po";
  std::string po = ReadBytes(po_path);
  ReplaceOnce(&po, "took part in a roundtable.", "took part in a roundtable. ");  // trailing space
  WriteBytes(po_path, po);
  RunResult plain = Bitext("check " + t.doc() + " --glossary " + t.glossary());
  INFO(plain.out);
  CHECK(plain.code == 0);
  CHECK(plain.out.find(": warning: [spacing] ") != std::string::npos);
  CHECK(plain.out.find(": trailing space in the English") != std::string::npos);
  RunResult strict = Bitext("check " + t.doc() + " --glossary " + t.glossary() + " --strict");
  CHECK(strict.code == 1);
}

TEST_CASE("bitext check: obsolete entries are info", "[check_cli]") {
  TempCopy t;
  std::string po_path = t.doc() + "/en.po";
  std::string po = ReadBytes(po_path);
  po +=
      "\n#~ msgctxt \"u0123456789ab\"\n#~ msgid \"지워진 문장.\"\n#~ msgstr \"A deleted "
      "sentence.\"\n";
  WriteBytes(po_path, po);
  int line = 0;
  for (const std::string& l : Lines(po)) {
    ++line;
    if (l.rfind("#~ msgid", 0) == 0) break;
  }
  RunResult r = Bitext("check " + t.doc() + " --glossary " + t.glossary() + " --strict");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out == po_path + ":" + std::to_string(line) +
                     ": info: [obsolete] u0123456789ab: obsolete entry kept (#~) for “지워진 "
                     "문장.”\n");
}

TEST_CASE("bitext check: usage and missing files", "[check_cli]") {
  TempCopy t;
  CHECK(Bitext("check " + t.doc() + " --format xml").code == 2);
  CHECK(Bitext("check " + t.doc() + " --no-such-flag").code == 2);
  RunResult missing_glossary = Bitext("check " + t.doc() + " --glossary " + t.doc() + "/nope.tsv");
  CHECK(missing_glossary.code == 1);
  RunResult missing_doc = Bitext("check " + t.doc() + "-nope --glossary " + t.glossary());
  CHECK(missing_doc.code == 1);
}
