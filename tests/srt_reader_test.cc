// Tests for srt_reader.h: well-formed and sloppy SRT files, timestamps, and
// malformed timings reported at FILE:LINE:COL.
#include "srt_reader.h"

#include <catch2/catch.hpp>
#include <string>

using bitext::ParseSrt;
using bitext::ParseSrtTime;
using bitext::SrtCue;

namespace {
const std::string kData = std::string(BITEXT_SOURCE_DIR) + "/tests/data/srt/";
}

TEST_CASE("SRT timestamps", "[srt_reader]") {
  struct Row {
    const char* text;
    bool ok;
    int64_t ms;
  };
  const Row rows[] = {
      {"00:00:00,000", true, 0},
      {"00:00:01,000", true, 1000},
      {"01:02:03,456", true, 3723456},
      {"01:02:03.456", true, 3723456},
      {"1:02:03,456", true, 3723456},
      {"100:00:00,000", true, 360000000},
      {"00:00:01,5", true, 1500},
      {"00:00:01,25", true, 1250},
      {"00:00:01", true, 1000},
      {"02:03,400", true, 123400},
      {"00:60:00,000", false, 0},
      {"00:00:60,000", false, 0},
      {"00:00:01,0000", false, 0},
      {"00:00:01,", false, 0},
      {"00:00:01;000", false, 0},
      {"aa:00:01,000", false, 0},
      {"00:00:01,000x", false, 0},
      {"00:00:00:01,000", false, 0},
      {"5", false, 0},
      {"", false, 0},
  };
  for (const Row& row : rows) {
    SECTION(row.text) {
      int64_t ms = -1;
      CHECK(ParseSrtTime(row.text, &ms) == row.ok);
      if (row.ok) CHECK(ms == row.ms);
    }
  }
}

TEST_CASE("SRT reader reads a well-formed file", "[srt_reader]") {
  auto cues = bitext::ReadSrt(kData + "doc/ko.srt");
  INFO(cues.status().ToString());
  REQUIRE(cues.ok());
  REQUIRE(cues->size() == 4);
  const SrtCue& c = (*cues)[0];
  CHECK(c.number == 1);
  CHECK(c.start_ms == 1000);
  CHECK(c.end_ms == 4000);
  CHECK(c.text == "샘 알트만: 한국에 와서 기쁘다.\n여러분을 만나 반갑다.");
  CHECK(c.timing_line == 2);
  CHECK(c.text_line == 3);
  CHECK((*cues)[1].text == "<i>한국은 기술과 혁신의 나라다.</i>");  // markup kept
  CHECK((*cues)[3].number == 4);
  CHECK((*cues)[3].start_ms == 12600);
  CHECK((*cues)[3].text_line == 17);
}

TEST_CASE("SRT reader tolerates BOM, CRLF and sloppy layout", "[srt_reader]") {
  auto cues = bitext::ReadSrt(kData + "tolerant.srt");
  INFO(cues.status().ToString());
  REQUIRE(cues.ok());
  REQUIRE(cues->size() == 4);
  CHECK((*cues)[0].number == 1);
  CHECK((*cues)[0].start_ms == 1500);  // "." and one digit of milliseconds
  CHECK((*cues)[0].end_ms == 2250);    // position after the timing ignored
  CHECK((*cues)[0].text == "첫 자막");
  CHECK((*cues)[1].number == 0);  // no cue number
  CHECK((*cues)[1].text == "번호 없는 자막");
  CHECK((*cues)[1].timing_line == 5);
  CHECK((*cues)[2].text == "빈 줄이\n들어간 자막");  // blank line inside the text
  CHECK((*cues)[3].number == 4);                     // no blank line before it
  CHECK((*cues)[3].start_ms == 3607000);
  CHECK((*cues)[3].text == "빈 줄 없이 이어진 자막");  // no final newline
}

TEST_CASE("SRT reader: small cases", "[srt_reader]") {
  struct Row {
    const char* name;
    std::string text;
    size_t cues;
    std::string first_text;
  };
  const Row rows[] = {
      {"empty file", "", 0, ""},
      {"blank lines only", "\n\n  \n", 0, ""},
      {"leading blank lines", "\n\n1\n00:00:01,000 --> 00:00:02,000\n가\n", 1, "가"},
      {"empty cue", "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n나\n", 2,
       ""},
      {"lone CR line ends", "1\r00:00:01,000 --> 00:00:02,000\r가\r", 1, "가"},
      {"WebVTT-style settings", "00:00:01.000 --> 00:00:02.000 align:start line:0\n가\n", 1, "가"},
      {"no spaces around arrow", "1\n00:00:01,000-->00:00:02,000\n가\n", 1, "가"},
      {"text line that is a number", "1\n00:00:01,000 --> 00:00:02,000\n2023\n", 1, "2023"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      auto cues = ParseSrt(row.text, "t.srt");
      INFO(cues.status().ToString());
      REQUIRE(cues.ok());
      CHECK(cues->size() == row.cues);
      if (!cues->empty()) CHECK((*cues)[0].text == row.first_text);
    }
  }
}

TEST_CASE("SRT reader rejects malformed timings with FILE:LINE:COL", "[srt_reader]") {
  struct Row {
    const char* name;
    std::string text;
    const char* want;
  };
  const Row rows[] = {
      {"bad start time", "1\n00:00:0x,000 --> 00:00:02,000\n가\n",
       "bad.srt:2:1: bad start time '00:00:0x,000'; expected HH:MM:SS,mmm"},
      {"bad end time", "1\n00:00:01,000 --> 00:61:02,000\n가\n",
       "bad.srt:2:18: bad end time '00:61:02,000'; expected HH:MM:SS,mmm"},
      {"missing arrow", "1\n00:00:01,000 00:00:02,000\n가\n",
       "bad.srt:2:1: expected a cue timing 'HH:MM:SS,mmm --> HH:MM:SS,mmm'"},
      {"single dash arrow", "1\n00:00:01,000 -> 00:00:02,000\n가\n",
       "bad.srt:2:1: expected a cue timing 'HH:MM:SS,mmm --> HH:MM:SS,mmm'"},
      {"end before start", "00:00:05,000 --> 00:00:02,000\n가\n",
       "bad.srt:1:18: cue ends before it starts"},
      {"second cue malformed",
       "1\n00:00:01,000 --> 00:00:02,000\n가\n\n2\n00:00:03,000 --> 00:00:0,4000\n나\n",
       "bad.srt:6:18: bad end time '00:00:0,4000'; expected HH:MM:SS,mmm"},
      {"text where a cue should start", "자막만 있다\n",
       "bad.srt:1:1: expected a cue number or timing"},
      {"number without timing", "1\n\n",
       "bad.srt:2:1: expected a cue timing 'HH:MM:SS,mmm --> HH:MM:SS,mmm'"},
      {"invalid UTF-8", "1\n00:00:01,000 --> 00:00:02,000\n가\xFF\n",
       "bad.srt:3:2: invalid UTF-8 (byte 0xFF); the file must be UTF-8"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      auto cues = ParseSrt(row.text, "bad.srt");
      REQUIRE(!cues.ok());
      CHECK(cues.status().code() == bitext::Status::Code::kInvalidInput);
      CHECK(cues.status().ToString() == row.want);
    }
  }
}
