// Tests for srt_writer.h: golden files (bilingual and English) with
// escaping, the SRT rules players expect, and parsing by python-srt, pysrt,
// aeidon and ffmpeg with the same cue count.
#include "srt_writer.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "file_io.h"
#include "subtitle_timing.h"
#include "writer_fixture.h"
#include "xml_text.h"

using namespace bitext;

namespace {

using namespace bitext::writer_test;

int CountTimingLines(const std::string& srt) {
  int n = 0;
  size_t start = 0;
  while (start < srt.size()) {
    size_t nl = srt.find('\n', start);
    if (nl == std::string::npos) nl = srt.size();
    std::string line = srt.substr(start, nl - start);
    if (line.size() == 29 && line.substr(12, 5) == " --> ") ++n;
    start = nl + 1;
  }
  return n;
}

}  // namespace

TEST_CASE("SRT matches the golden files", "[srt_writer]") {
  std::vector<Cue> cues = MakeCues(WriterDoc(), TimingOptions());
  CheckGolden("writer-sample.srt", WriteSrt(cues, SrtMode::kBilingual));
  CheckGolden("writer-sample.en.srt", WriteSrt(cues, SrtMode::kEnglish));
}

TEST_CASE("FormatSrtTime", "[srt_writer]") {
  struct Row {
    int64_t ms;
    const char* want;
  };
  const Row rows[] = {{0, "00:00:00,000"},       {1, "00:00:00,001"},
                      {83, "00:00:00,083"},      {61001, "00:01:01,001"},
                      {3600000, "01:00:00,000"}, {360000000, "100:00:00,000"},
                      {-5, "00:00:00,000"},      {INT64_MAX, "2562047788015:12:55,807"}};
  for (const Row& r : rows) {
    CHECK(FormatSrtTime(r.ms) == r.want);
    std::string out = "prefix";
    AppendSrtTime(r.ms, &out);
    CHECK(out == std::string("prefix") + r.want);
  }
}

TEST_CASE("SRT text is made safe", "[srt_writer]") {
  Cue c;
  c.start_ms = 0;
  c.end_ms = 1000;
  c.ko_lines = {"가 --> 나", "", "  "};
  c.en_lines = {"a\r\nb", "x\x01y", "ok"};
  Cue empty;
  empty.start_ms = 2000;
  empty.end_ms = 3000;
  empty.en_lines = {" "};
  Cue last;
  last.start_ms = 4000;
  last.end_ms = 5000;
  last.en_lines = {"last"};
  std::string srt = WriteSrt({c, empty, last}, SrtMode::kBilingual);
  CHECK(srt ==
        "1\n00:00:00,000 --> 00:00:01,000\n가 \xE2\x86\x92 나\na b\nxy\nok\n\n"
        "2\n00:00:04,000 --> 00:00:05,000\nlast\n\n");
  CHECK(WriteSrt({c}, SrtMode::kEnglish) == "1\n00:00:00,000 --> 00:00:01,000\na b\nxy\nok\n\n");
  CHECK(WriteSrt({}, SrtMode::kEnglish).empty());
}

TEST_CASE("A cue's clean lines are written as they are, unchecked", "[srt_writer]") {
  // Cue::lines_clean skips the check, not the arrows: clean lines give the
  // bytes AppendSubtitleLine gives.
  const char* clean[] = {"가 --> 나", "a-->b", "-->", "plain", "끝 -->", "", "→ 이미"};
  for (const char* line : clean) {
    INFO(line);
    REQUIRE(IsDisplayClean(line));
    Cue c;
    c.lines_clean = true;
    std::string fast, checked;
    AppendCueLine(c, line, &fast);
    AppendSubtitleLine(line, &checked);
    CHECK(fast == checked);
  }
  // Without the flag a line is cleaned (the default: cues made by hand).
  Cue by_hand;
  std::string out;
  AppendCueLine(by_hand, "x\x01y  -->\tz", &out);
  CHECK(out == "xy \xE2\x86\x92 z");
}

TEST_CASE("Invisible format characters in English reach no output", "[srt_writer][xml_text]") {
  struct Row {
    const char* name;
    const char* utf8;
    char32_t cp;
  };
  const Row rows[] = {
      {"byte-order mark", "\xEF\xBB\xBF", 0xFEFF},
      {"zero-width space", "\xE2\x80\x8B", 0x200B},
      {"zero-width non-joiner", "\xE2\x80\x8C", 0x200C},
      {"zero-width joiner", "\xE2\x80\x8D", 0x200D},
      {"word joiner", "\xE2\x81\xA0", 0x2060},
      {"soft hyphen", "\xC2\xAD", 0x00AD},
      {"Mongolian vowel separator", "\xE1\xA0\x8E", 0x180E},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      std::string en = std::string(row.utf8) + "Hel" + row.utf8 + "lo" + row.utf8;
      CHECK(IsInvisibleFormatChar(row.cp));
      std::vector<char32_t> dropped;
      CHECK(DisplayText(en, &dropped) == "Hello");
      CHECK(dropped == std::vector<char32_t>{row.cp, row.cp, row.cp});
      dropped.clear();
      CHECK(DropXmlForbidden(en, &dropped) == "Hello");
      CHECK(dropped.size() == 3);
      Cue c;
      c.start_ms = 0;
      c.end_ms = 1000;
      c.ko_lines = {"안녕"};
      c.en_lines = {en};
      CHECK(WriteSrt({c}, SrtMode::kBilingual) ==
            "1\n00:00:00,000 --> 00:00:01,000\n안녕\nHello\n\n");
    }
  }
  // Visible neighbours are kept.
  CHECK_FALSE(IsInvisibleFormatChar(0x200A));
  CHECK_FALSE(IsInvisibleFormatChar(0x200E));
  CHECK_FALSE(IsInvisibleFormatChar(0xFEFE));
  CHECK(DisplayText("a\xE2\x80\x8A"
                    "b",
                    nullptr) ==
        "a\xE2\x80\x8A"
        "b");
}

TEST_CASE("SRT keeps the rules players expect", "[srt_writer]") {
  std::vector<Cue> cues = MakeCues(WriterDoc(), TimingOptions());
  for (SrtMode mode : {SrtMode::kBilingual, SrtMode::kEnglish}) {
    std::string srt = WriteSrt(cues, mode);
    CHECK(srt.compare(0, 3, "\xEF\xBB\xBF") != 0);
    CHECK(srt.find('\r') == std::string::npos);
    CHECK(srt.find("\n\n\n") == std::string::npos);
    CHECK(CountTimingLines(srt) == static_cast<int>(cues.size()));
    // "-->" only in timing lines.
    size_t arrows = 0;
    for (size_t p = srt.find("-->"); p != std::string::npos; p = srt.find("-->", p + 1)) ++arrows;
    CHECK(arrows == cues.size());
    CHECK(srt.compare(0, 2, "1\n") == 0);
    CHECK(srt.substr(srt.size() - 2) == "\n\n");
  }
}

TEST_CASE("python-srt, pysrt, aeidon and ffmpeg read every cue", "[srt_writer][external]") {
  std::vector<Cue> cues = MakeCues(WriterDoc(), TimingOptions());
  for (SrtMode mode : {SrtMode::kBilingual, SrtMode::kEnglish}) {
    std::string path =
        TempFile(mode == SrtMode::kBilingual ? "bi.srt" : "en.srt", WriteSrt(cues, mode));
    std::string want = std::to_string(cues.size()) + "\n";
    struct Reader {
      const char* module;
      const char* code;
    };
    const Reader readers[] = {
        {"srt",
         "import srt,sys; print(len(list(srt.parse(open(sys.argv[1], encoding='utf-8').read()))))"},
        {"pysrt",
         "import pysrt,sys; print(len(pysrt.from_string(open(sys.argv[1], "
         "encoding='utf-8').read())))"},
        {"aeidon",
         "import aeidon,sys; p = aeidon.Project(); p.open_main(sys.argv[1], 'utf-8'); "
         "print(len(p.subtitles))"},
    };
    for (const Reader& r : readers) {
      if (std::system((Python() + " -c 'import " + r.module + "' 2>/dev/null").c_str()) != 0) {
        WARN(r.module << " not installed; skipped");
        continue;
      }
      INFO(r.module);
      CHECK(Run(Python() + " -c \"" + r.code + "\" '" + path + "'") == want);
    }
    if (HaveTool("ffprobe")) {
      CHECK(Run("ffprobe -v error -count_packets -show_entries stream=nb_read_packets -of "
                "csv=p=0 '" +
                path + "'") == want);
    }
    std::filesystem::remove(path);
  }
}
