// Robustness: bad input end to end, through the built `bitext` binary.
//
// Every command is fed the inputs people really send -- invalid UTF-8,
// binary data, NFD Hangul, a BOM with CRLF, empty and whitespace-only files,
// control characters, XML specials, `-->`, blank lines and `|` in text, a
// 1 MB line without punctuation -- and malformed curated files, missing
// files and output folders that cannot be written. Each must give either a
// valid result (NFC UTF-8 without BOM or CR, TMX valid against the DTD, SRT
// that python-srt parses, Markdown tables intact) or a non-zero exit with
// "FILE:LINE:COL: message" naming the file; never a crash or a hang, never a
// partial output, and a malformed curated file is left byte for byte.
//
// Odd bytes are generated here, into a fresh temporary folder per test, not
// committed as fixtures.
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "glossary.h"
#include "po_store.h"
#include "run_shell.h"
#include "temp_dir.h"
#include "text_clean.h"

namespace fs = std::filesystem;

namespace {

// --- Helpers -------------------------------------------------------------

// Runs `bitext ARGS...` in `cwd`.
RunResult Bitext(const std::string& cwd, const std::vector<std::string>& args) {
  std::string line = BitextCommand();
  for (const std::string& a : args) line += " " + ShellQuote(a);
  return RunShell(cwd, line);
}

bool NotImplemented(const RunResult& r) {
  return r.err.find("not implemented yet") != std::string::npos;
}

// Catch2 2.x has no SKIP: a command still a placeholder passes with a warning.
#define SKIP_IF_NOT_IMPLEMENTED(r, command)                  \
  do {                                                       \
    if (NotImplemented(r)) {                                 \
      WARN(command " is not implemented yet: test skipped"); \
      return;                                                \
    }                                                        \
  } while (0)

// A command's outcome is never a crash: no signal, no sanitizer report, no
// uncaught exception, and 0, 1 or 2 as the exit code.
void CheckNoCrash(const RunResult& r) {
  INFO("stderr: " << r.err.substr(0, 2000));
  CHECK(r.code >= 0);
  CHECK(r.code <= 2);
  CHECK(r.err.find("Sanitizer") == std::string::npos);
  CHECK(r.err.find("runtime error") == std::string::npos);
  CHECK(r.err.find("terminate called") == std::string::npos);
}

// Text bitext writes: UTF-8, NFC, no byte-order mark, no CR, no NUL, no C0
// control other than LF (and TAB, which TSV exports use); and, unless `xml`
// (XML 1.0 allows DEL and U+0080-U+009F, so TMX may keep them), no DEL or C1
// control.
void CheckCleanOutput(const std::string& what, const std::string& s, bool xml = false) {
  INFO(what);
  REQUIRE(bitext::IsValidUtf8(s));
  CHECK(bitext::ToNfc(s) == s);
  CHECK(s.rfind("\xEF\xBB\xBF", 0) != 0);
  CHECK(s.find('\r') == std::string::npos);
  bool control = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\t') control = true;
    if (!xml && c == 0x7F) control = true;
    if (!xml && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) < 0xA0)
      control = true;
  }
  CHECK_FALSE(control);
}

// The error names `file` as FILE:LINE:COL (or FILE:LINE when `col` < 0, or
// just FILE when `line` < 0) at the start of a line of stderr.
// Unless `must_fail`, a zero exit is accepted (the problem reported as a
// warning, as `glossary lint` does for a bad document).
void CheckErrorNames(const RunResult& r, const std::string& file, int line = -1, int col = -1,
                     bool must_fail = true) {
  INFO("stderr: " << r.err);
  if (must_fail) CHECK(r.code != 0);
  std::string want = file;
  if (line >= 0) want += ":" + std::to_string(line) + ":";
  if (line >= 0 && col >= 0) want += std::to_string(col) + ":";
  // With a line but no column, FILE:LINE: and FILE:LINE:COL: both do.
  bool found = false;
  for (size_t at = r.err.find(want); at != std::string::npos; at = r.err.find(want, at + 1)) {
    if (at != 0 && r.err[at - 1] != '\n') continue;
    char next = at + want.size() < r.err.size() ? r.err[at + want.size()] : '\0';
    if (line < 0 || next == ' ' || (col < 0 && next >= '0' && next <= '9')) found = true;
  }
  CHECK(found);
}

// Every regular file under `dir` with its bytes.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[e.path().string()] = ReadBytes(e.path().string());
  }
  return files;
}

bool HasTempFiles(const std::string& dir) {
  if (!fs::is_directory(dir)) return false;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp.") != std::string::npos) return true;
  }
  return false;
}

bool ToolWorks(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// --- The bad inputs --------------------------------------------------------

struct BadInput {
  const char* name;
  std::string bytes;
  bool valid;  // a valid result is expected; otherwise an error at line:col
  int line = 0;
  int col = 0;
};

std::string MegabyteLine() {
  std::string s;
  s.reserve(1 << 20);
  while (s.size() < (1u << 20)) s += "가나다라마 바사아자차 ";
  return s + "\n";
}

// NFD (decomposed jamo) for "한국어 문장입니다. 두 번째 문장입니다."
std::string NfdHangul() {
  return "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86"
         "\xA8\xE1\x84\x8B\xE1\x85\xA5 \xE1\x84\x86\xE1\x85\xAE\xE1\x86\xAB\xE1"
         "\x84\x8C\xE1\x85\xA1\xE1\x86\xBC\xE1\x84\x8B\xE1\x85\xB5\xE1\x86\xB8"
         "\xE1\x84\x82\xE1\x85\xB5\xE1\x84\x83\xE1\x85\xA1. "
         "\xE1\x84\x83\xE1\x85"
         "\xAE \xE1\x84\x87\xE1\x85\xA5\xE1\x86\xAB\xE1\x84\x8D\xE1\x85\xA2 "
         "\xE1"
         "\x84\x86\xE1\x85\xAE\xE1\x86\xAB\xE1\x84\x8C\xE1\x85\xA1\xE1\x86\xBC"
         "\xE1\x84\x8B\xE1\x85\xB5\xE1\x86\xB8\xE1\x84\x82\xE1\x85\xB5\xE1\x84"
         "\x83\xE1\x85\xA1.\n";
}

std::vector<BadInput> BadInputs() {
  return {
      {"invalid UTF-8", "첫 문장이다.\n둘째 \xFF 문장이다.\n", false, 2, 4},
      {"binary data with NUL", std::string("가나\0다라.\n", 14), false, 1, 3},
      {"NFD Hangul", NfdHangul(), true},
      {"BOM with CRLF", "\xEF\xBB\xBF첫 문장이다.\r\n둘째 문장이다.\r\n\r\n셋째 문단이다.\r\n",
       true},
      {"empty file", "", true},
      {"whitespace-only file", " \t\n  \n\xC2\xA0\xE3\x80\x80\n\n", true},
      {"control characters", "가\x01나\x1B[31m다\x7F라.\x0B 마\x0C바\xC2\x85사.\n", true},
      {"XML specials", "A & B < C > D \"E\" 'F' ]]> <tu> &amp; 끝이다.\n", true},
      {"--> and blank lines", "첫 문장 --> 화살표다.\n\n\n\n-->\n\n둘째 문단이다 -->\n\n", true},
      {"pipes", "A | B | C 표다. \\| 이스케이프 | 끝.\n|첫|둘|\n", true},
      {"1 MB line without punctuation", MegabyteLine(), true},
  };
}

// Makes translations/<name>/ko.txt under `root`.
std::string MakeDoc(const std::string& root, const std::string& name, const std::string& ko) {
  std::string dir = root + "/translations/" + name;
  WriteBytes(dir + "/ko.txt", ko);
  return dir;
}

// Fills every empty msgstr of `po_path` with English that holds the same
// awkward characters as the tests' Korean.
void TranslateAll(const std::string& po_path) {
  bitext::Result<bitext::PoFile> po = bitext::ReadPo(po_path);
  REQUIRE(po.ok());
  int n = 0;
  for (bitext::PoEntry& e : po->entries) {
    if (e.obsolete) continue;
    e.msgstr = {"Sentence " + std::to_string(++n) + ": A & B < C > \"D\" 'E' ]]> | F --> G."};
  }
  REQUIRE(bitext::WritePo(po_path, *po).ok());
}

// Markdown: every table row has as many cells as the header row.
void CheckMarkdownTables(const std::string& md) {
  std::istringstream in(md);
  std::string line;
  int header_cells = -1;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != '|') {
      header_cells = -1;
      continue;
    }
    int cells = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
        continue;
      }
      if (line[i] == '|') ++cells;
    }
    if (header_cells < 0) {
      header_cells = cells;
    } else {
      INFO("row: " << line.substr(0, 300));
      CHECK(cells == header_cells);
    }
  }
}

// Checks every deliverable of `doc` in `out` with the tools users have.
void CheckBuildOutputs(const std::string& out, const std::string& doc) {
  for (const char* ext : {".tmx", ".srt", ".en.srt", ".en.vtt", ".md", ".en.md"}) {
    std::string path = out + "/" + doc + ext;
    REQUIRE(fs::is_regular_file(path));
    CheckCleanOutput(path, ReadBytes(path), std::string(ext) == ".tmx");
  }
  const std::string dtd = std::string(BITEXT_SHARED_DIR) + "/schemas/tmx14.dtd";
  if (fs::exists(dtd) && ToolWorks("xmllint --version")) {
    INFO("TMX not DTD-valid: " << out + "/" + doc + ".tmx");
    CHECK(ToolWorks("xmllint --noout --dtdvalid " + ShellQuote(dtd) + " " +
                    ShellQuote(out + "/" + doc + ".tmx")));
  }
  if (ToolWorks("python3 -c 'import srt'")) {
    for (const char* ext : {".srt", ".en.srt"}) {
      INFO("SRT does not parse: " << ext);
      CHECK(
          ToolWorks("python3 -c 'import srt,sys; "
                    "list(srt.parse(open(sys.argv[1]).read()))' " +
                    ShellQuote(out + "/" + doc + ext)));
    }
  }
  // No cue text line of the subtitles holds the timing arrow.
  for (const char* ext : {".srt", ".en.srt", ".en.vtt"}) {
    std::istringstream in(ReadBytes(out + "/" + doc + ext));
    std::string line;
    while (std::getline(in, line)) {
      if (line.find("-->") == std::string::npos) continue;
      INFO(ext << " line: " << line);
      CHECK(line.find(" --> ") != std::string::npos);
      CHECK((line[0] >= '0' && line[0] <= '9'));
    }
  }
  CheckMarkdownTables(ReadBytes(out + "/" + doc + ".md"));
}

const char kGlossaryHeader[] = "ko\ten\tkind\tvariants\tnote\n";

}  // namespace

// --- segment ---------------------------------------------------------------

TEST_CASE("segment: bad input gives a valid result or FILE:LINE:COL", "[robustness][segment]") {
  for (const BadInput& in : BadInputs()) {
    SECTION(in.name) {
      TempDir tmp;
      WriteBytes(tmp / "ko.txt", in.bytes);
      for (const char* format : {"text", "jsonl"}) {
        RunResult r = Bitext(tmp.path(), {"segment", tmp / "ko.txt", "--format", format});
        CheckNoCrash(r);
        if (in.valid) {
          INFO("stderr: " << r.err);
          REQUIRE(r.code == 0);
          CheckCleanOutput(std::string("segment --format ") + format, r.out);
          if (std::string(format) == "jsonl" && !r.out.empty()) {
            WriteBytes(tmp / "out.jsonl", r.out);
            CHECK(
                ToolWorks("python3 -c 'import json,sys; [json.loads(l) for l in "
                          "open(sys.argv[1], encoding=\"utf-8\")]' " +
                          ShellQuote(tmp / "out.jsonl")));
          }
        } else {
          CheckErrorNames(r, tmp / "ko.txt", in.line, in.col);
          CHECK(r.out.empty());
        }
      }
    }
  }
}

TEST_CASE("segment: NFD, BOM and CRLF come out clean", "[robustness][segment]") {
  TempDir tmp;
  WriteBytes(tmp / "nfd.txt", NfdHangul());
  RunResult r = Bitext(tmp.path(), {"segment", tmp / "nfd.txt"});
  REQUIRE(r.code == 0);
  CHECK(r.out == "한국어 문장입니다.\n두 번째 문장입니다.\n");
  WriteBytes(tmp / "bom.txt", "\xEF\xBB\xBF첫 문장이다.\r\n");
  r = Bitext(tmp.path(), {"segment", tmp / "bom.txt"});
  REQUIRE(r.code == 0);
  CHECK(r.out == "첫 문장이다.\n");
}

TEST_CASE("segment: missing or unreadable file names it", "[robustness][segment]") {
  TempDir tmp;
  WriteBytes(tmp / "regular", "x");
  fs::create_directories(tmp / "folder.txt");
  // Section names must not change between runs (the temp folder does).
  const std::pair<const char*, std::string> cases[] = {
      {"missing file", tmp / "missing.txt"},
      {"a folder where the file should be", tmp / "folder.txt"},
      {"a path under a regular file", tmp / "regular/ko.txt"},
      {"an endless device", "/dev/zero"},
  };
  for (const auto& [name, path] : cases) {
    SECTION(name) {
      RunResult r = Bitext(tmp.path(), {"segment", path});
      CheckNoCrash(r);
      CheckErrorNames(r, path);
      CHECK(r.out.empty());
    }
  }
}

// --- update ----------------------------------------------------------------

TEST_CASE("update: bad source gives a valid en.po or an error and no en.po",
          "[robustness][update]") {
  for (const BadInput& in : BadInputs()) {
    SECTION(in.name) {
      TempDir tmp;
      std::string dir = MakeDoc(tmp.path(), "doc", in.bytes);
      RunResult r = Bitext(tmp.path(), {"update", dir});
      CheckNoCrash(r);
      if (in.valid) {
        INFO("stderr: " << r.err);
        REQUIRE(r.code == 0);
        REQUIRE(fs::is_regular_file(dir + "/en.po"));
        std::string po = ReadBytes(dir + "/en.po");
        CheckCleanOutput("en.po", po);
        CHECK(bitext::ParsePo(po, "en.po").ok());
        if (ToolWorks("msgfmt --version")) {
          INFO("msgfmt --check-format rejects en.po:\n" << po.substr(0, 3000));
          CHECK(ToolWorks("msgfmt --check-format -o /dev/null " + ShellQuote(dir + "/en.po")));
        }
        // A second run changes nothing.
        RunResult again = Bitext(tmp.path(), {"update", dir});
        CHECK(again.code == 0);
        CHECK(ReadBytes(dir + "/en.po") == po);
      } else {
        CheckErrorNames(r, dir + "/ko.txt", in.line, in.col);
        CHECK_FALSE(fs::exists(dir + "/en.po"));
        CHECK_FALSE(HasTempFiles(dir));
      }
    }
  }
}

TEST_CASE("update: a bad source leaves an existing en.po untouched", "[robustness][update]") {
  TempDir tmp;
  std::string dir = MakeDoc(tmp.path(), "doc", "첫 문장이다. 둘째 문장이다.\n");
  REQUIRE(Bitext(tmp.path(), {"update", dir}).code == 0);
  TranslateAll(dir + "/en.po");
  const std::string before = ReadBytes(dir + "/en.po");
  WriteBytes(dir + "/ko.txt", "첫 문장이다. \xC0\xAF 둘째.\n");
  RunResult r = Bitext(tmp.path(), {"update", dir});
  CheckNoCrash(r);
  CheckErrorNames(r, dir + "/ko.txt", 1, 9);
  CHECK(ReadBytes(dir + "/en.po") == before);
  CHECK_FALSE(HasTempFiles(dir));
}

TEST_CASE(
    "update: a malformed en.po is an error at FILE:LINE and stays byte "
    "for byte",
    "[robustness][update]") {
  struct Row {
    const char* name;
    std::string po;
    int line;
  };
  const Row rows[] = {
      {"unterminated string", "msgctxt \"a\"\nmsgid \"가\nmsgstr \"\"\n", 2},
      {"unknown escape", "msgid \"x\"\nmsgstr \"a\\qb\"\n", 2},
      {"msgstr missing",
       "msgctxt \"a\"\nmsgid \"가\"\n\nmsgctxt \"b\"\nmsgid \"나\"\nmsgstr "
       "\"\"\n",
       4},
      {"invalid UTF-8", "msgid \"x\"\nmsgstr \"\xFF\"\n", 2},
      {"NUL byte", std::string("msgid \"x\"\nmsgstr \"a\0\"\n", 21), 2},
      {"string without keyword", "# c\n\"orphan\"\n", 2},
      {"keyword out of order", "msgstr \"x\"\nmsgid \"y\"\n", 1},
      {"duplicate entry",
       "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid "
       "\"x\"\nmsgstr \"\"\n",
       6},
      {"text after a string", "msgid \"a\" junk\nmsgstr \"\"\n", 1},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      TempDir tmp;
      std::string dir = MakeDoc(tmp.path(), "doc", "첫 문장이다.\n");
      WriteBytes(dir + "/en.po", row.po);
      for (const char* flag : {"", "--dry-run"}) {
        std::vector<std::string> args = {"update", dir};
        if (*flag) args.push_back(flag);
        RunResult r = Bitext(tmp.path(), args);
        CheckNoCrash(r);
        CheckErrorNames(r, dir + "/en.po", row.line);
        CHECK(ReadBytes(dir + "/en.po") == row.po);
        CHECK_FALSE(HasTempFiles(dir));
      }
    }
  }
}

TEST_CASE("update: missing folder or unwritable en.po", "[robustness][update]") {
  TempDir tmp;
  SECTION("missing folder") {
    RunResult r = Bitext(tmp.path(), {"update", tmp / "nowhere"});
    CheckNoCrash(r);
    CheckErrorNames(r, tmp / "nowhere");
  }
  SECTION("folder without a source") {
    fs::create_directories(tmp / "empty");
    RunResult r = Bitext(tmp.path(), {"update", tmp / "empty"});
    CheckNoCrash(r);
    CheckErrorNames(r, tmp / "empty");
  }
  SECTION("ko.txt is a folder") {
    fs::create_directories(tmp / "doc/ko.txt");
    RunResult r = Bitext(tmp.path(), {"update", tmp / "doc"});
    CheckNoCrash(r);
    CHECK(r.code != 0);
    CHECK(r.err.find(tmp / "doc") != std::string::npos);
  }
  SECTION("en.po is a folder") {
    std::string dir = MakeDoc(tmp.path(), "doc", "첫 문장이다.\n");
    fs::create_directories(dir + "/en.po");
    RunResult r = Bitext(tmp.path(), {"update", dir});
    CheckNoCrash(r);
    CheckErrorNames(r, dir + "/en.po");
    CHECK(fs::is_directory(dir + "/en.po"));
    CHECK_FALSE(HasTempFiles(dir));
  }
}

// --- build -----------------------------------------------------------------

TEST_CASE("build: bad source text gives valid deliverables or an error and no output",
          "[robustness][build]") {
  for (const BadInput& in : BadInputs()) {
    SECTION(in.name) {
      TempDir tmp;
      std::string dir = MakeDoc(tmp.path(), "doc", in.valid ? in.bytes : "첫 문장이다.\n");
      REQUIRE(Bitext(tmp.path(), {"update", dir}).code == 0);
      TranslateAll(dir + "/en.po");
      if (!in.valid) WriteBytes(dir + "/ko.txt", in.bytes);
      const std::string po = ReadBytes(dir + "/en.po");
      RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out"});
      CheckNoCrash(r);
      SKIP_IF_NOT_IMPLEMENTED(r, "build");
      if (in.valid) {
        INFO("stderr: " << r.err);
        REQUIRE(r.code == 0);
        CheckBuildOutputs(tmp / "out", "doc");
      } else {
        CheckErrorNames(r, "translations/doc/ko.txt", in.line, in.col);
        CHECK(Snapshot(tmp / "out").empty());
      }
      CHECK(ReadBytes(dir + "/en.po") == po);
      CHECK_FALSE(HasTempFiles(tmp / "out"));
    }
  }
}

TEST_CASE("build: awkward English (controls, XML, -->, |) still gives valid files",
          "[robustness][build]") {
  TempDir tmp;
  std::string dir = MakeDoc(tmp.path(), "doc",
                            "첫 문장이다.\n\nQ. 질문인가?\n\n샘 알트만: 대답이다. 또 대답한다.\n");
  REQUIRE(Bitext(tmp.path(), {"update", dir}).code == 0);
  bitext::Result<bitext::PoFile> po = bitext::ReadPo(dir + "/en.po");
  REQUIRE(po.ok());
  const std::string english[] = {
      "Bell\x07 and escape\x1B[0m, form\x0C feed and DEL\x7F.",
      "A line\nbreak | pipe \\| and <b>tag</b> & ]]> \"quotes\".",
      "--> arrow --> and\n\nblank lines\n-->",
      "Tab\tand \xC2\x85 C1, U+FFFE \xEF\xBF\xBE and \xEF\xBB\xBF BOM.",
  };
  size_t i = 0;
  for (bitext::PoEntry& e : po->entries) e.msgstr = {english[i++ % 4]};
  REQUIRE(bitext::WritePo(dir + "/en.po", *po).ok());
  RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out"});
  CheckNoCrash(r);
  SKIP_IF_NOT_IMPLEMENTED(r, "build");
  INFO("stderr: " << r.err);
  REQUIRE(r.code == 0);
  CheckBuildOutputs(tmp / "out", "doc");
}

TEST_CASE("build: a malformed en.po is an error at FILE:LINE; nothing changes",
          "[robustness][build]") {
  TempDir tmp;
  std::string dir = MakeDoc(tmp.path(), "doc", "첫 문장이다.\n");
  const std::string po = "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"u1\"\nmsgid \"첫 문장이다.\n";
  WriteBytes(dir + "/en.po", po);
  WriteBytes(tmp / "out/doc.tmx", "old tmx\n");
  WriteBytes(tmp / "out/doc.md", "old md\n");
  auto before = Snapshot(tmp / "out");
  RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out"});
  CheckNoCrash(r);
  SKIP_IF_NOT_IMPLEMENTED(r, "build");
  CheckErrorNames(r, "translations/doc/en.po", 5);
  CHECK(ReadBytes(dir + "/en.po") == po);
  CHECK(Snapshot(tmp / "out") == before);
}

TEST_CASE("build: an output folder that cannot be written", "[robustness][build]") {
  TempDir tmp;
  std::string dir = MakeDoc(tmp.path(), "doc", "첫 문장이다. 둘째 문장이다.\n");
  REQUIRE(Bitext(tmp.path(), {"update", dir}).code == 0);
  TranslateAll(dir + "/en.po");
  WriteBytes(tmp / "file", "a regular file\n");

  SECTION("--out is a regular file") {
    RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "file"});
    CheckNoCrash(r);
    SKIP_IF_NOT_IMPLEMENTED(r, "build");
    CHECK(r.code != 0);
    CHECK(r.err.find(tmp / "file") != std::string::npos);
    CHECK(ReadBytes(tmp / "file") == "a regular file\n");
    CHECK_FALSE(HasTempFiles(tmp.path()));
  }
  SECTION("--out is under a regular file") {
    RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "file/out"});
    CheckNoCrash(r);
    SKIP_IF_NOT_IMPLEMENTED(r, "build");
    CHECK(r.code != 0);
    CHECK(r.err.find(tmp / "file/out") != std::string::npos);
    CHECK(ReadBytes(tmp / "file") == "a regular file\n");
  }
  SECTION("one deliverable's path is a folder: earlier files stay as they were") {
    WriteBytes(tmp / "out/doc.tmx", "old tmx\n");
    WriteBytes(tmp / "out/doc.en.md", "old article\n");
    fs::create_directories(tmp / "out/doc.en.vtt");
    auto before = Snapshot(tmp / "out");
    RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out"});
    CheckNoCrash(r);
    SKIP_IF_NOT_IMPLEMENTED(r, "build");
    CHECK(r.code != 0);
    CHECK(r.err.find(tmp / "out/doc.en.vtt") != std::string::npos);
    CHECK(Snapshot(tmp / "out") == before);
    CHECK_FALSE(HasTempFiles(tmp / "out"));
  }
  SECTION("a second build over a good one changes nothing") {
    REQUIRE(Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out"}).code == 0);
    auto first = Snapshot(tmp / "out");
    REQUIRE(Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out"}).code == 0);
    CHECK(Snapshot(tmp / "out") == first);
  }
}

TEST_CASE("build: missing documents are named", "[robustness][build]") {
  TempDir tmp;
  SECTION("no translations folder") {
    RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out"});
    CheckNoCrash(r);
    SKIP_IF_NOT_IMPLEMENTED(r, "build");
    CHECK(r.code != 0);
    CHECK(r.err.find("translations") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "out/doc.tmx"));
  }
  SECTION("unknown document") {
    MakeDoc(tmp.path(), "doc", "첫 문장이다.\n");
    RunResult r = Bitext(tmp.path(), {"build", "--quiet", "--out", tmp / "out", "nosuchdoc"});
    CheckNoCrash(r);
    SKIP_IF_NOT_IMPLEMENTED(r, "build");
    CHECK(r.code != 0);
    CHECK(r.err.find("nosuchdoc") != std::string::npos);
    CHECK(Snapshot(tmp / "out").empty());
  }
}

// --- glossary --------------------------------------------------------------

TEST_CASE(
    "glossary: a malformed terms.tsv is an error at FILE:LINE and stays "
    "byte for byte",
    "[robustness][glossary]") {
  struct Row {
    const char* name;
    std::string tsv;
    int line;
  };
  const std::string h = kGlossaryHeader;
  const Row rows[] = {
      {"too few fields", h + "가나\tGana\tterm\n", 2},
      {"unknown kind", h + "# c\n가나\tGana\tpeson\t\t\n", 3},
      {"invalid UTF-8", h + "가나\tGa\xFFna\tterm\t\t\n", 2},
      {"NUL byte", h + std::string("가나\tGa\0na\tterm\t\t\n", 19), 2},
      {"control character", h + "가나\tGa\x01na\tterm\t\t\n", 2},
      {"empty variant", h + "가나\tGana\tterm\t다라||마바\t\n", 2},
      {"no header", "가나\tGana\tterm\t\t\n", 1},
      {"Korean listed twice", h + "가나\tGana\tterm\t\t\n다라\tDara\tterm\t가나\t\n", 3},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      TempDir tmp;
      WriteBytes(tmp / "glossary/terms.tsv", row.tsv);
      const std::vector<std::vector<std::string>> commands = {
          {"glossary", "list"},
          {"glossary", "add", "새말", "New word", "--kind", "term"},
          {"glossary", "lookup", "가나다라"},
          {"glossary", "export", "--format", "tbx"},
          {"glossary", "lint"},
      };
      for (const auto& args : commands) {
        INFO(args[1]);
        RunResult r = Bitext(tmp.path(), args);
        CheckNoCrash(r);
        CHECK(r.code != 0);
        CheckErrorNames(r, "glossary/terms.tsv", row.line);
        CHECK(ReadBytes(tmp / "glossary/terms.tsv") == row.tsv);
        CHECK_FALSE(HasTempFiles(tmp / "glossary"));
      }
    }
  }
}

TEST_CASE("glossary lookup --file: bad input gives matches or FILE:LINE:COL",
          "[robustness][glossary]") {
  for (const BadInput& in : BadInputs()) {
    SECTION(in.name) {
      TempDir tmp;
      WriteBytes(
          tmp / "glossary/terms.tsv",
          std::string(kGlossaryHeader) + "문장\tsentence\tterm\t\t\n한국어\tKorean\tterm\t\t\n");
      WriteBytes(tmp / "in.txt", in.bytes);
      RunResult r = Bitext(tmp.path(), {"glossary", "lookup", "--file", tmp / "in.txt"});
      CheckNoCrash(r);
      if (in.valid) {
        INFO("stderr: " << r.err);
        CHECK(r.code == 0);
        CheckCleanOutput("lookup output", r.out);
      } else {
        CheckErrorNames(r, tmp / "in.txt", in.line, in.col);
      }
    }
  }
  SECTION("missing file") {
    TempDir tmp;
    WriteBytes(tmp / "glossary/terms.tsv", kGlossaryHeader);
    RunResult r = Bitext(tmp.path(), {"glossary", "lookup", "--file", tmp / "missing.txt"});
    CheckNoCrash(r);
    CheckErrorNames(r, tmp / "missing.txt");
  }
}

TEST_CASE("glossary lint and candidates: bad documents give results or FILE:LINE:COL",
          "[robustness][glossary]") {
  for (const BadInput& in : BadInputs()) {
    SECTION(in.name) {
      TempDir tmp;
      const std::string tsv = std::string(kGlossaryHeader) + "문장\tsentence\tterm\t\t\n";
      WriteBytes(tmp / "glossary/terms.tsv", tsv);
      MakeDoc(tmp.path(), "doc", in.bytes);
      for (const char* command : {"lint", "candidates"}) {
        INFO(command);
        RunResult r = Bitext(tmp.path(), {"glossary", command});
        CheckNoCrash(r);
        if (in.valid) {
          CheckCleanOutput(command, r.out);
        } else {
          // lint reports a bad document as a warning; candidates fails.
          CheckErrorNames(r, "translations/doc/ko.txt", in.line, in.col,
                          std::string(command) == "candidates");
        }
        CHECK(ReadBytes(tmp / "glossary/terms.tsv") == tsv);
      }
    }
  }
}

TEST_CASE("glossary add: awkward arguments never corrupt terms.tsv", "[robustness][glossary]") {
  const std::string start = std::string(kGlossaryHeader) + "가나\tGana\tterm\t\t\n";
  struct Row {
    const char* name;
    std::vector<std::string> args;
  };
  const Row rows[] = {
      {"invalid UTF-8 Korean", {"\xFF\xFE", "Bad"}},
      {"invalid UTF-8 English", {"다라", "B\xC0\xAF"}},
      {"tab in English", {"다라", "A\tB"}},
      {"newline in Korean", {"다\n라", "Dara"}},
      {"control character", {"다라", "Da\x01ra"}},
      {"pipe in Korean", {"다|라", "Dara"}},
      {"XML specials", {"마바", "A & B <c> \"d\" ]]>", "--note", "x & <y>"}},
      {"NFD Hangul", {"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "Han"}},
      {"whitespace only", {"  ", " "}},
      {"existing Korean", {"가나", "Other"}},
      {"BOM", {"\xEF\xBB\xBF사아", "Saa"}},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      TempDir tmp;
      WriteBytes(tmp / "glossary/terms.tsv", start);
      std::vector<std::string> args = {"glossary", "add"};
      args.insert(args.end(), row.args.begin(), row.args.end());
      RunResult r = Bitext(tmp.path(), args);
      CheckNoCrash(r);
      std::string after = ReadBytes(tmp / "glossary/terms.tsv");
      if (r.code != 0) {
        CHECK(after == start);
      } else {
        CheckCleanOutput("terms.tsv", after);
        bitext::Result<bitext::Glossary> g = bitext::ParseGlossary(after, "terms.tsv");
        INFO(after);
        CHECK(g.ok());
        // Whatever was added is still listed and exported well-formed.
        RunResult tbx = Bitext(tmp.path(), {"glossary", "export", "--format", "tbx"});
        CHECK(tbx.code == 0);
        WriteBytes(tmp / "g.tbx", tbx.out);
        if (ToolWorks("xmllint --version"))
          CHECK(ToolWorks("xmllint --noout " + ShellQuote(tmp / "g.tbx")));
      }
      CHECK_FALSE(HasTempFiles(tmp / "glossary"));
    }
  }
}

TEST_CASE("glossary add: a glossary that cannot be written", "[robustness][glossary]") {
  TempDir tmp;
  WriteBytes(tmp / "regular", "x\n");
  SECTION("terms.tsv is a folder") {
    fs::create_directories(tmp / "glossary/terms.tsv");
    RunResult r = Bitext(tmp.path(), {"glossary", "add", "가나", "Gana"});
    CheckNoCrash(r);
    CheckErrorNames(r, "glossary/terms.tsv");
    CHECK(fs::is_directory(tmp / "glossary/terms.tsv"));
  }
  SECTION("its folder is a regular file") {
    RunResult r = Bitext(
        tmp.path(), {"glossary", "--glossary", tmp / "regular/terms.tsv", "add", "가나", "Gana"});
    CheckNoCrash(r);
    CHECK(r.code != 0);
    CHECK(r.err.find(tmp / "regular/terms.tsv") != std::string::npos);
    CHECK(ReadBytes(tmp / "regular") == "x\n");
  }
  SECTION("missing glossary for list") {
    RunResult r = Bitext(tmp.path(), {"glossary", "list"});
    CheckNoCrash(r);
    CheckErrorNames(r, "glossary/terms.tsv");
  }
}

TEST_CASE("glossary export: XML specials and controls give well-formed TBX",
          "[robustness][glossary]") {
  TempDir tmp;
  WriteBytes(tmp / "glossary/terms.tsv",
             std::string(kGlossaryHeader) +
                 "가나\tA & B <c> \"d\" 'e' ]]>\tterm\t가나다\tnote & <x> ]]> -->\n"
                 "라마\tR | M\tperson\t\t|pipe|\n");
  for (const char* format : {"tbx", "omegat", "csv"}) {
    SECTION(format) {
      RunResult r = Bitext(tmp.path(), {"glossary", "export", "--format", format});
      CheckNoCrash(r);
      REQUIRE(r.code == 0);
      REQUIRE(bitext::IsValidUtf8(r.out));
      if (std::string(format) == "tbx" && ToolWorks("xmllint --version")) {
        WriteBytes(tmp / "g.tbx", r.out);
        CHECK(ToolWorks("xmllint --noout " + ShellQuote(tmp / "g.tbx")));
      }
    }
  }
}

// --- check -----------------------------------------------------------------

TEST_CASE("check: bad source or en.po gives findings or FILE:LINE:COL, never a crash",
          "[robustness][check]") {
  for (const BadInput& in : BadInputs()) {
    SECTION(in.name) {
      TempDir tmp;
      WriteBytes(tmp / "glossary/terms.tsv",
                 std::string(kGlossaryHeader) + "문장\tsentence\tterm\t\t\n");
      std::string dir = MakeDoc(tmp.path(), "doc", in.valid ? in.bytes : "첫 문장이다.\n");
      REQUIRE(Bitext(tmp.path(), {"update", dir}).code == 0);
      TranslateAll(dir + "/en.po");
      if (!in.valid) WriteBytes(dir + "/ko.txt", in.bytes);
      const std::string po = ReadBytes(dir + "/en.po");
      RunResult r = Bitext(tmp.path(), {"check", "doc"});
      CheckNoCrash(r);
      SKIP_IF_NOT_IMPLEMENTED(r, "check");
      if (in.valid) {
        CheckCleanOutput("check output", r.out);
        RunResult j = Bitext(tmp.path(), {"check", "doc", "--format", "jsonl"});
        CheckNoCrash(j);
        CheckCleanOutput("check --format jsonl", j.out);
        if (!j.out.empty()) {
          WriteBytes(tmp / "check.jsonl", j.out);
          INFO(j.out.substr(0, 2000));
          CHECK(
              ToolWorks("python3 -c 'import json,sys; [json.loads(l) for l in "
                        "open(sys.argv[1], encoding=\"utf-8\")]' " +
                        ShellQuote(tmp / "check.jsonl")));
        }
      } else {
        CheckErrorNames(r, "translations/doc/ko.txt", in.line, in.col);
      }
      CHECK(ReadBytes(dir + "/en.po") == po);
    }
  }
}

TEST_CASE("check: a malformed en.po or terms.tsv names the file and stays untouched",
          "[robustness][check]") {
  TempDir tmp;
  const std::string tsv = std::string(kGlossaryHeader) + "문장\tsentence\tterm\t\t\n";
  WriteBytes(tmp / "glossary/terms.tsv", tsv);
  std::string dir = MakeDoc(tmp.path(), "doc", "첫 문장이다.\n");
  REQUIRE(Bitext(tmp.path(), {"update", dir}).code == 0);
  TranslateAll(dir + "/en.po");
  SECTION("malformed en.po") {
    const std::string po = ReadBytes(dir + "/en.po") + "\nmsgid \"broken\n";
    WriteBytes(dir + "/en.po", po);
    int line = static_cast<int>(std::count(po.begin(), po.end(), '\n'));
    RunResult r = Bitext(tmp.path(), {"check", "doc"});
    CheckNoCrash(r);
    SKIP_IF_NOT_IMPLEMENTED(r, "check");
    CheckErrorNames(r, "translations/doc/en.po", line);
    CHECK(ReadBytes(dir + "/en.po") == po);
  }
  SECTION("malformed terms.tsv") {
    const std::string bad = tsv + "가나\tGana\tpeson\t\t\n";
    WriteBytes(tmp / "glossary/terms.tsv", bad);
    RunResult r = Bitext(tmp.path(), {"check", "doc"});
    CheckNoCrash(r);
    SKIP_IF_NOT_IMPLEMENTED(r, "check");
    CHECK(r.code != 0);
    CHECK(r.err.find("terms.tsv:3") != std::string::npos);
    CHECK(ReadBytes(tmp / "glossary/terms.tsv") == bad);
  }
}
