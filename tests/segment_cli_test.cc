// End-to-end tests of `bitext segment FILE [--format text|jsonl]`: golden
// output of the bundled documents, the text format, and bad input.
//
// The golden files are the CLI's output byte for byte. After an intended
// change of the segmenter, regenerate them from the repository root with
//   build/bitext segment translations/openai-fireside-chat-seoul/ko.txt --format jsonl
//       > tests/golden/openai-fireside-chat-seoul.segment.jsonl
//   build/bitext segment translations/openai-startup-meeting-seoul/ko.txt --format jsonl
//       > tests/golden/openai-startup-meeting-seoul.segment.jsonl
// (one command per document) and review the diff: every changed line is a
// changed unit (and id).

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "file_io.h"
#include "run_shell.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

namespace {

// Runs the bitext binary from the repository root.
RunResult Bitext(const std::string& args) {
  return RunShell(BITEXT_SOURCE_DIR, BitextCommand() + " " + args);
}

// Writes `content` to a fresh temporary file and returns its path.
std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = FreshTempPath("bitext_segment_", name);
  WriteBytes(path, content);
  return path;
}

}  // namespace

TEST_CASE("segment: golden jsonl of the bundled documents", "[segment_cli]") {
  for (const char* doc : {"openai-fireside-chat-seoul", "openai-startup-meeting-seoul"}) {
    INFO(doc);
    RunResult r = Bitext(std::string("segment translations/") + doc + "/ko.txt --format jsonl");
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    auto golden = bitext::ReadFile(std::string(BITEXT_SOURCE_DIR) + "/tests/golden/" + doc +
                                   ".segment.jsonl");
    REQUIRE(golden.ok());
    CHECK(r.out == *golden);
  }
}

TEST_CASE("segment: text format", "[segment_cli]") {
  std::string path = WriteTemp(
      "text.txt", "Q. 투자 계획은?\n\n샘 알트만:   한국은   훌륭하다. 협력을 기대한다.\n");
  RunResult r = Bitext("segment '" + path + "'");
  CHECK(r.code == 0);
  CHECK(r.out == "Q. 투자 계획은?\n\n샘 알트만: 한국은 훌륭하다.\n협력을 기대한다.\n");
  RunResult j = Bitext("segment '" + path + "' --format jsonl");
  CHECK(j.code == 0);
  CHECK(j.out.find(R"("kind":"speech","speaker":"샘 알트만")") != std::string::npos);
  CHECK(j.out.find(R"("kind":"question","speaker":null)") != std::string::npos);
  fs::remove(path);
}

TEST_CASE("segment: bad input", "[segment_cli]") {
  SECTION("invalid UTF-8: exit 1 and FILE:LINE:COL on stderr") {
    std::string path = WriteTemp("bad.txt", "첫 줄이다.\n둘째 \xFF 줄\n");
    RunResult r = Bitext("segment '" + path + "'");
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.rfind(path + ":2:", 0) == 0);
    fs::remove(path);
  }
  SECTION("missing file: exit 1, the file named") {
    RunResult r = Bitext("segment /nonexistent/ko.txt");
    CHECK(r.code == 1);
    CHECK(r.err.find("/nonexistent/ko.txt") != std::string::npos);
  }
  SECTION("empty file: no output, exit 0") {
    std::string path = WriteTemp("empty.txt", "");
    RunResult r = Bitext("segment '" + path + "' --format jsonl");
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    fs::remove(path);
  }
  SECTION("unknown format: usage error, exit 2") {
    RunResult r = Bitext("segment translations/openai-fireside-chat-seoul/ko.txt --format xml");
    CHECK(r.code == 2);
  }
  SECTION("NFD input gives NFC output") {
    // 한국 in decomposed jamo (macOS file names and text).
    std::string path = WriteTemp("nfd.txt",
                                 "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80"
                                 "\xE1\x85\xAE\xE1\x86\xA8\xEC\x9D\xB4\xEB\x8B\xA4.\n");
    RunResult r = Bitext("segment '" + path + "'");
    CHECK(r.code == 0);
    CHECK(r.out == "한국이다.\n");
    fs::remove(path);
  }
  SECTION("a 1 MB line without punctuation finishes and keeps every character") {
    std::string line;
    while (line.size() < (1u << 20)) line += "가나다라 마바사 아자차 카타파하 ";
    std::string path = WriteTemp("long.txt", line + "\n");
    RunResult r = Bitext("segment '" + path + "'");
    CHECK(r.code == 0);
    size_t non_space_in = 0, non_space_out = 0;
    for (char c : line) non_space_in += c != ' ' && c != '\n';
    for (char c : r.out) non_space_out += c != ' ' && c != '\n';
    CHECK(non_space_out == non_space_in);
    fs::remove(path);
  }
  SECTION("binary data: exit 1 with a position") {
    std::string path = WriteTemp("bin.txt", std::string("abc\0def", 7));
    RunResult r = Bitext("segment '" + path + "'");
    CHECK(r.code == 1);
    CHECK(r.err.rfind(path + ":1:", 0) == 0);
    fs::remove(path);
  }
}
