// libFuzzer target: the SRT reader (srt_reader.h) and timed sources
// (LoadSource on a ko.srt, document.h).
//
// Arbitrary bytes go to ParseSrt. A failure must carry a location in the
// file. When parsing succeeds, every cue has 0 <= start <= end, a timing line,
// and text without CR or blank lines; writing the cues out as canonical SRT
// and parsing that again gives the same cues. The same bytes are then loaded
// as a ko.srt source: units must have non-empty NFC text on one line, valid
// timings and unique ids.
#include <unistd.h>

#include <cinttypes>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "document.h"
#include "srt_reader.h"
#include "text_clean.h"

namespace {

void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "invariant violated: %s:\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

std::string Time(int64_t ms) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02" PRId64 ":%02" PRId64 ":%02" PRId64 ",%03" PRId64,
                ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
  return buf;
}

std::string Canonical(const std::vector<bitext::SrtCue>& cues) {
  std::string out;
  int n = 0;
  for (const bitext::SrtCue& c : cues) {
    out += std::to_string(++n) + "\n" + Time(c.start_ms) + " --> " + Time(c.end_ms) + "\n";
    if (!c.text.empty()) out += c.text + "\n";
    out += "\n";
  }
  return out;
}

// A scratch file for LoadSource, in a fresh folder of this process's own
// (mkdtemp, as the tests' TempDir), removed with the file when it exits.
const std::string& ScratchPath() {
  static const std::string path = [] {
    static std::string dir =
        (std::filesystem::temp_directory_path() / "bitext-srt-fuzz.XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr) {
      std::perror(dir.c_str());
      std::abort();
    }
    std::atexit([] {
      ::unlink((dir + "/ko.srt").c_str());
      ::rmdir(dir.c_str());
    });
    return dir + "/ko.srt";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  {
    int64_t ms = 0;
    (void)bitext::ParseSrtTime(raw.substr(0, raw.find('\n')), &ms);
  }
  bitext::Result<std::vector<bitext::SrtCue>> cues = bitext::ParseSrt(raw, "fuzz.srt");
  if (!cues.ok()) {
    const bitext::Location& where = cues.status().location();
    if (where.file != "fuzz.srt" || where.line < 1 || where.col < 1)
      Fail("error location", cues.status().ToString());
  } else {
    int last_line = 0;
    for (const bitext::SrtCue& c : *cues) {
      if (c.start_ms < 0 || c.end_ms < c.start_ms) Fail("cue times", Time(c.start_ms));
      if (c.timing_line <= last_line) Fail("timing lines out of order", c.text);
      if (c.text_line != 0 && c.text_line <= c.timing_line) Fail("text line before timing", c.text);
      if (c.text.find('\r') != std::string::npos) Fail("cue text holds CR", c.text);
      if (c.text.find("\n\n") != std::string::npos) Fail("cue text holds a blank line", c.text);
      if (!c.text.empty() && (c.text.front() == '\n' || c.text.back() == '\n'))
        Fail("cue text starts or ends with a newline", c.text);
      if (!bitext::IsValidUtf8(c.text)) Fail("cue text not UTF-8", c.text);
      last_line = c.timing_line;
    }
    std::string canonical = Canonical(*cues);
    bitext::Result<std::vector<bitext::SrtCue>> again =
        bitext::ParseSrt(canonical, "canonical.srt");
    if (!again.ok())
      Fail("canonical SRT does not parse", again.status().ToString() + "\n" + canonical);
    if (again->size() != cues->size()) Fail("cue count changed by a round trip", canonical);
    for (size_t i = 0; i < cues->size(); ++i) {
      const bitext::SrtCue& a = (*cues)[i];
      const bitext::SrtCue& b = (*again)[i];
      if (a.start_ms != b.start_ms || a.end_ms != b.end_ms || a.text != b.text)
        Fail("cue changed by a round trip", a.text + "\n----\n" + canonical);
    }
  }

  // The same bytes as a timed document source.
  // A plain write: the fuzzer's scratch file needs no fsync.
  std::FILE* f = std::fopen(ScratchPath().c_str(), "wb");
  if (f == nullptr) return 0;
  bool written = std::fwrite(raw.data(), 1, raw.size(), f) == raw.size();
  if (std::fclose(f) != 0 || !written) return 0;
  bitext::Result<std::vector<bitext::Unit>> units = bitext::LoadSource(ScratchPath());
  if (!units.ok()) {
    if (units.status().location().file != ScratchPath())
      Fail("LoadSource error", units.status().ToString());
    return 0;
  }
  std::set<std::string> ids;
  for (const bitext::Unit& u : *units) {
    if (u.text.empty()) Fail("empty unit", u.id);
    if (!bitext::IsValidUtf8(u.text) || bitext::ToNfc(u.text) != u.text)
      Fail("unit not NFC UTF-8", u.text);
    if (u.text.find_first_of("\r\n") != std::string::npos)
      Fail("unit text holds a line end", u.text);
    if (!u.timing.valid()) Fail("timed unit without valid timing", u.text);
    if (!ids.insert(u.id).second) Fail("duplicate unit id", u.id);
    if (u.paragraph < 1 || u.line < 1) Fail("unit position", u.text);
  }
  return 0;
}
