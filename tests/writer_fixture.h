// The writers' shared test fixture: a MergedDocument with every unit kind and
// the escaping cases, golden-file comparison, and helpers to run the external
// tools (xmllint, python-srt, ffmpeg, cmark-gfm) that check the outputs.
#ifndef BITEXT_TESTS_WRITER_FIXTURE_H_
#define BITEXT_TESTS_WRITER_FIXTURE_H_

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "document.h"
#include "file_io.h"
#include "run_shell.h"
#include "temp_dir.h"

namespace bitext::writer_test {

inline MergedUnit MU(const std::string& id, int paragraph, UnitKind kind, const std::string& ko,
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
inline MergedDocument WriterDoc() {
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

inline void CheckGolden(const std::string& name, const std::string& got) {
  std::string path = std::string(BITEXT_SOURCE_DIR) + "/tests/golden/writers/" + name;
  if (std::getenv("BITEXT_UPDATE_GOLDEN")) REQUIRE(WriteFileAtomic(path, got).ok());
  Result<std::string> want = ReadFile(path);
  REQUIRE(want.ok());
  CHECK(got == *want);
}

inline std::string TempFile(const std::string& name, const std::string& content) {
  std::string path = FreshTempPath("bitext_writer_test_", name);
  WriteBytes(path, content);
  return path;
}

inline std::string Run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[512];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace bitext::writer_test

#endif  // BITEXT_TESTS_WRITER_FIXTURE_H_
