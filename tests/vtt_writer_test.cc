// Tests for vtt_writer.h: golden file with voices and escaping, and parsing
// by ffmpeg.
#include "vtt_writer.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "file_io.h"
#include "subtitle_timing.h"
#include "writer_fixture.h"

using namespace bitext;

using namespace bitext::writer_test;

TEST_CASE("WebVTT matches the golden file", "[vtt_writer]") {
  std::string vtt = WriteVtt(MakeCues(WriterDoc(), TimingOptions()));
  CheckGolden("writer-sample.en.vtt", vtt);
  CHECK(vtt.compare(0, 8, "WEBVTT\n\n") == 0);
  CHECK(vtt.find("<v Sam Altman>An answer.") != std::string::npos);
  CHECK(vtt.find("&lt;Test&gt;") != std::string::npos);
}

TEST_CASE("WebVTT escapes text and uses voices", "[vtt_writer]") {
  Cue c;
  c.unit_id = "u1";
  c.start_ms = 1500;
  c.end_ms = 3000;
  c.speaker = "샘 알트만";
  c.en_speaker = "Sam Altman";
  c.en_lines = {"Sam Altman: A & B <c>", "x --> y"};
  Cue k;  // Korean speaker only
  k.unit_id = "u2";
  k.start_ms = 3100;
  k.end_ms = 4000;
  k.speaker = "미상 <x>";
  k.en_lines = {"Hi."};
  k.part = 2;
  k.parts = 3;
  CHECK(WriteVtt({c, k}) ==
        "WEBVTT\n\n"
        "u1\n00:00:01.500 --> 00:00:03.000\n<v Sam Altman>A &amp; B &lt;c&gt;\nx \xE2\x86\x92 y\n\n"
        "u2/2\n00:00:03.100 --> 00:00:04.000\n<v 미상 &lt;x&gt;>Hi.\n\n");
  CHECK(FormatVttTime(3723004) == "01:02:03.004");
  CHECK(FormatVttTime(360000000) == "100:00:00.000");
}

TEST_CASE("ffmpeg reads every WebVTT cue", "[vtt_writer][external]") {
  if (!HaveTool("ffprobe")) {
    WARN("ffprobe not installed; skipped");
    return;
  }
  std::vector<Cue> cues = MakeCues(WriterDoc(), TimingOptions());
  std::string path = TempFile("en.vtt", WriteVtt(cues));
  CHECK(Run("ffprobe -v error -count_packets -show_entries stream=nb_read_packets -of csv=p=0 '" +
            path + "'") == std::to_string(cues.size()) + "\n");
  std::filesystem::remove(path);
}
