// OutputSink (output_sink.h) and the writers' sink overloads: the text comes
// out the same whole or in chunks of any size, a failing chunk function is
// reported once, and AtomicFileSet's Begin/Append/End writes it to a file.
#include "output_sink.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "file_io.h"
#include "markdown_writer.h"
#include "srt_writer.h"
#include "subtitle_timing.h"
#include "temp_dir.h"
#include "tmx_writer.h"
#include "vtt_writer.h"
#include "writer_fixture.h"

using namespace bitext;

namespace {

// Runs `produce` with a sink passing chunks of `chunk_bytes`; returns the
// chunks joined, and how many there were in *count.
template <typename Produce>
std::string Chunked(size_t chunk_bytes, const Produce& produce, int* count) {
  std::string joined;
  *count = 0;
  OutputSink sink(
      [&](std::string_view bytes) {
        joined.append(bytes);
        ++*count;
        return Status::Ok();
      },
      chunk_bytes);
  produce(&sink);
  REQUIRE(sink.Finish().ok());
  return joined;
}

}  // namespace

TEST_CASE("OutputSink passes on the same text whatever the chunk size", "[output_sink]") {
  struct Case {
    size_t chunk_bytes;
    int min_chunks;  // at least this many calls for the 26 pieces below
  };
  const Case cases[] = {{1, 26}, {3, 9}, {100, 1}, {OutputSink::kDefaultChunkBytes, 1}};
  auto produce = [](OutputSink* sink) {
    for (char c = 'a'; c <= 'z'; ++c) {
      sink->text() += c;
      sink->Poll();
    }
  };
  for (const Case& c : cases) {
    INFO(c.chunk_bytes);
    int count = 0;
    CHECK(Chunked(c.chunk_bytes, produce, &count) == "abcdefghijklmnopqrstuvwxyz");
    CHECK(count >= c.min_chunks);
  }
  OutputSink whole;  // no chunk function: everything stays
  produce(&whole);
  CHECK(whole.Finish().ok());
  CHECK(whole.text() == "abcdefghijklmnopqrstuvwxyz");
}

TEST_CASE("OutputSink reports the first failing chunk and drops the rest", "[output_sink]") {
  int calls = 0;
  OutputSink sink(
      [&](std::string_view) {
        ++calls;
        return calls == 2 ? Status::IoError({"out.txt"}, "disk full") : Status::Ok();
      },
      1);
  for (int i = 0; i < 5; ++i) {
    sink.text() += "x";
    sink.Poll();
  }
  Status s = sink.Finish();
  CHECK(calls == 2);
  CHECK(!s.ok());
  CHECK(s.ToString() == "out.txt: disk full");
}

TEST_CASE("The writers' sink overloads give the strings the writers return", "[output_sink]") {
  const MergedDocument doc = writer_test::WriterDoc();
  const std::vector<Cue> cues = MakeCues(doc, TimingOptions());
  const TmxResult tmx = WriteTmx(doc, TmxOptions());
  struct Case {
    const char* name;
    std::string whole;
    std::function<void(OutputSink*)> produce;
  };
  std::vector<WriterWarning> warnings;
  const Case cases[] = {
      {"bilingual SRT", WriteSrt(cues, SrtMode::kBilingual),
       [&](OutputSink* s) { WriteSrt(cues, SrtMode::kBilingual, s); }},
      {"English SRT", WriteSrt(cues, SrtMode::kEnglish),
       [&](OutputSink* s) { WriteSrt(cues, SrtMode::kEnglish, s); }},
      {"WebVTT", WriteVtt(cues), [&](OutputSink* s) { WriteVtt(cues, s); }},
      {"TMX", tmx.content, [&](OutputSink* s) { warnings = WriteTmx(doc, TmxOptions(), s); }},
      {"review Markdown", WriteReviewMarkdown(doc),
       [&](OutputSink* s) { WriteReviewMarkdown(doc, s); }},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    REQUIRE(!c.whole.empty());
    for (size_t chunk_bytes : {size_t{1}, size_t{64}, OutputSink::kDefaultChunkBytes}) {
      int count = 0;
      CHECK(Chunked(chunk_bytes, c.produce, &count) == c.whole);
    }
  }
  REQUIRE(warnings.size() == tmx.warnings.size());
  for (size_t i = 0; i < warnings.size(); ++i) {
    CHECK(warnings[i].ToString() == tmx.warnings[i].ToString());
  }
}

TEST_CASE("AtomicFileSet writes a file in pieces with Open, Append and Close",
          "[output_sink][file_io]") {
  namespace fs = std::filesystem;
  fs::path dir = FreshTempPath("bitext_sink_", "pieces");
  fs::create_directories(dir);
  const std::string a = (dir / "a.txt").string(), b = (dir / "b.txt").string();
  REQUIRE(WriteFileAtomic(a, "old").ok());
  {
    AtomicFileSet set;
    bitext::Result<int> file = set.Open(a);
    REQUIRE(file.ok());
    OutputSink sink([&](std::string_view bytes) { return set.Append(*file, bytes); }, 2);
    for (const char* piece : {"new ", "content ", "in ", "pieces"}) {
      sink.text() += piece;
      sink.Poll();
    }
    REQUIRE(sink.Finish().ok());
    REQUIRE(set.Close(*file).ok());
    REQUIRE(set.Add(b, "whole").ok());
    CHECK(*ReadFile(a) == "old");  // nothing replaced before Commit
    CHECK(set.size() == 2);
    REQUIRE(set.Commit().ok());
  }
  CHECK(*ReadFile(a) == "new content in pieces");
  CHECK(*ReadFile(b) == "whole");
  {
    AtomicFileSet set;  // opened, never closed nor committed: no trace
    bitext::Result<int> file = set.Open(a);
    REQUIRE(file.ok());
    REQUIRE(set.Append(*file, "dropped").ok());
  }
  CHECK(*ReadFile(a) == "new content in pieces");
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 2);
  CHECK(!AtomicFileSet().Append(0, "x").ok());  // nothing opened
  fs::remove_all(dir);
}
