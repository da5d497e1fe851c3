// libFuzzer target: text cleaning + segmentation.
//
// Feeds arbitrary bytes to CleanText; when they are accepted, segments the
// clean text and checks the invariants later stages rely on:
//  - clean text is valid UTF-8, NFC, and holds no CR, BOM or NUL;
//  - every unit has non-empty text that is valid UTF-8, NFC and free of
//    newlines, CR, BOM and NUL, with no leading or trailing space;
//  - unit ids are unique, paragraphs and lines are positive and never
//    decrease;
//  - SplitSentences on a valid UTF-8 line returns non-empty views inside it,
//    in order and non-overlapping.
// Cleaning the clean text again must change nothing (idempotence).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "segmenter.h"
#include "text_clean.h"

namespace {

void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "invariant violated: %s: [%.*s]\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

void CheckText(const char* what, std::string_view s) {
  if (!bitext::IsValidUtf8(s)) Fail(what, "not valid UTF-8");
  if (s.find('\r') != std::string_view::npos) Fail(what, "holds CR");
  if (s.find('\0') != std::string_view::npos) Fail(what, "holds NUL");
  if (s.find("\xEF\xBB\xBF") != std::string_view::npos) Fail(what, "holds a BOM");
  if (bitext::ToNfc(s) != s) Fail(what, "not NFC");
}

void CheckSplit(std::string_view line) {
  const char* prev_end = line.data();
  for (std::string_view s : bitext::SplitSentences(line)) {
    if (s.empty()) Fail("SplitSentences", "empty sentence");
    if (s.data() < prev_end || s.data() + s.size() > line.data() + line.size())
      Fail("SplitSentences", "view out of order or out of bounds");
    if (s.front() == ' ' || s.back() == ' ') Fail("SplitSentences", s);
    prev_end = s.data() + s.size();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);

  // The sentence splitter alone, on any valid UTF-8 line.
  if (bitext::IsValidUtf8(raw) && raw.find('\n') == std::string_view::npos) CheckSplit(raw);

  bitext::Result<std::string> clean = bitext::CleanText(raw, "fuzz.txt");
  if (!clean.ok()) {
    const bitext::Location& where = clean.status().location();
    if (where.file != "fuzz.txt" || where.line < 1 || where.col < 1)
      Fail("CleanText error location", clean.status().ToString());
    return 0;
  }
  CheckText("clean text", *clean);
  bitext::Result<std::string> again = bitext::CleanText(*clean, "fuzz.txt");
  if (!again.ok() || *again != *clean) Fail("CleanText not idempotent", *clean);

  std::vector<bitext::Unit> units = bitext::Segment(*clean);
  std::set<std::string> ids;
  int paragraph = 0;
  int line = 0;
  for (const bitext::Unit& u : units) {
    if (u.text.empty()) Fail("unit", "empty text");
    CheckText("unit text", u.text);
    if (u.text.find('\n') != std::string::npos) Fail("unit text holds a newline", u.text);
    if (u.text.front() == ' ' || u.text.back() == ' ') Fail("unit text not trimmed", u.text);
    if (u.id.empty() || !ids.insert(u.id).second) Fail("unit id empty or repeated", u.id);
    if (u.paragraph < 1 || u.paragraph < paragraph) Fail("paragraph numbers", u.text);
    if (u.line < 1 || u.line < line || u.col < 1) Fail("line/col", u.text);
    if (!u.speaker.empty()) CheckText("speaker", u.speaker);
    paragraph = u.paragraph;
    line = u.line;
  }

  // Segmenting is deterministic.
  std::vector<bitext::Unit> twice = bitext::Segment(*clean);
  if (twice.size() != units.size()) Fail("Segment not deterministic", *clean);
  for (size_t i = 0; i < units.size(); ++i)
    if (twice[i].id != units[i].id || twice[i].text != units[i].text)
      Fail("Segment not deterministic", units[i].text);

  // Every line of the clean text through the splitter alone.
  std::string_view rest = *clean;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    CheckSplit(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return 0;
}
