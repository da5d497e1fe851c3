// libFuzzer target: the writers (TMX, SRT, WebVTT, Markdown), subtitle
// timing and the number comparison of `check`, on documents made from the
// fuzz input.
//
// The input is read as lines: pairs of a Korean line (cleaned with CleanText,
// as a source would be) and an English line ("\n" in it stands for a line
// break; it must be UTF-8, as en.po guarantees, but may hold anything else).
// The first byte of each Korean line picks the unit kind and state. Then:
//  - the TMX is well-formed XML without characters XML 1.0 forbids;
//  - the SRT files parse again with ParseSrt, cues in order, never overlapping,
//    with no text line holding "-->", and the bilingual and English files have
//    the same cue count;
//  - the WebVTT starts with "WEBVTT";
//  - every row of the review Markdown table has as many cells as its header;
//  - every output is valid UTF-8 without CR;
//  - number mentions lie inside the text they were found in.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "document.h"
#include "markdown_writer.h"
#include "numbers.h"
#include "segmenter.h"
#include "srt_reader.h"
#include "srt_writer.h"
#include "subtitle_timing.h"
#include "text_clean.h"
#include "tmx_writer.h"
#include "vtt_writer.h"
#include "xml_text.h"

namespace {

void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "invariant violated: %s:\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

void CheckText(const char* what, const std::string& s) {
  if (!bitext::IsValidUtf8(s)) Fail(what, "not valid UTF-8");
  if (s.find('\r') != std::string::npos) Fail(what, "holds CR");
  if (s.find('\0') != std::string::npos) Fail(what, "holds NUL");
}

void CheckSrt(const char* what, const std::string& srt, size_t* count) {
  CheckText(what, srt);
  bitext::Result<std::vector<bitext::SrtCue>> cues = bitext::ParseSrt(srt, what);
  if (!cues.ok()) Fail(what, cues.status().ToString() + "\n" + srt);
  int64_t last_end = 0;
  for (const bitext::SrtCue& c : *cues) {
    if (c.start_ms < last_end) Fail("SRT cues overlap", srt);
    if (c.text.find("-->") != std::string::npos) Fail("SRT text holds -->", srt);
    last_end = c.end_ms;
  }
  *count = cues->size();
}

void CheckTable(const std::string& md) {
  std::istringstream in(md);
  std::string line;
  int header = -1;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != '|') {
      header = -1;
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
    if (header < 0) header = cells;
    if (cells != header) Fail("Markdown table row breaks", md);
  }
}

void CheckMentions(std::string_view text, const std::vector<bitext::NumberMention>& ms) {
  for (const bitext::NumberMention& m : ms) {
    if (m.begin > m.end || m.end > text.size()) Fail("number mention out of bounds", text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= raw.size();) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string_view::npos) nl = raw.size();
    lines.push_back(raw.substr(pos, nl - pos));
    pos = nl + 1;
  }
  bitext::MergedDocument doc;
  doc.name = "fuzz";
  doc.dir = "translations/fuzz";
  doc.source_path = "translations/fuzz/ko.txt";
  doc.po_path = "translations/fuzz/en.po";
  std::vector<bitext::Unit> units;
  std::vector<std::pair<std::string, uint8_t>> english;
  for (size_t i = 0; i + 1 < lines.size() && units.size() < 64; i += 2) {
    std::string_view ko = lines[i];
    uint8_t pick = ko.empty() ? 0 : static_cast<uint8_t>(ko[0]);
    if (!ko.empty()) ko.remove_prefix(1);
    bitext::Result<std::string> clean = bitext::CleanText(ko, "ko.txt");
    if (!clean.ok() || clean->empty()) continue;
    if (!bitext::IsValidUtf8(lines[i + 1])) continue;
    std::string en;
    std::string_view e = lines[i + 1];
    for (size_t k = 0; k < e.size(); ++k) {
      if (e[k] == '\\' && k + 1 < e.size() && e[k + 1] == 'n') {
        en += '\n';
        ++k;
      } else {
        en += e[k];
      }
    }
    bitext::Unit u;
    u.text = *clean;
    u.kind = static_cast<bitext::UnitKind>(pick % 9);
    if (u.kind == bitext::UnitKind::kSpeech) u.speaker = "샘 알트만";
    u.paragraph = static_cast<int>(units.size() / 2) + 1;
    u.line = static_cast<int>(i) + 1;
    u.col = 1;
    units.push_back(std::move(u));
    english.emplace_back(std::move(en), pick);
  }
  bitext::AssignIds(&units);
  for (size_t i = 0; i < units.size(); ++i) {
    bitext::MergedUnit mu;
    mu.unit = units[i];
    mu.english = english[i].first;
    uint8_t state = (english[i].second / 9) % 4;
    mu.state = mu.english.empty() ? bitext::TranslationState::kUntranslated
               : state == 1       ? bitext::TranslationState::kFuzzy
                                  : bitext::TranslationState::kTranslated;
    mu.po_line = static_cast<int>(i) * 5 + 10;
    doc.units.push_back(std::move(mu));
  }

  bitext::TmxResult tmx = bitext::WriteTmx(doc, bitext::TmxOptions());
  CheckText("TMX", tmx.content);
  for (size_t i = 0; i < tmx.content.size();) {
    char32_t c = bitext::NextCodePoint(tmx.content, &i);
    if (!bitext::IsXmlChar(c)) Fail("TMX holds a character XML forbids", tmx.content);
  }
  pugi::xml_document xml;
  if (!xml.load_buffer(tmx.content.data(), tmx.content.size()))
    Fail("TMX not well-formed", tmx.content);

  std::vector<bitext::Cue> cues = bitext::MakeCues(doc, bitext::TimingOptions());
  size_t bilingual = 0;
  size_t english_only = 0;
  CheckSrt("bilingual.srt", bitext::WriteSrt(cues, bitext::SrtMode::kBilingual), &bilingual);
  CheckSrt("english.srt", bitext::WriteSrt(cues, bitext::SrtMode::kEnglish), &english_only);
  std::string vtt = bitext::WriteVtt(cues);
  CheckText("VTT", vtt);
  if (vtt.rfind("WEBVTT", 0) != 0) Fail("VTT header", vtt);
  std::string review = bitext::WriteReviewMarkdown(doc);
  CheckText("review Markdown", review);
  CheckTable(review);
  CheckText("article Markdown", bitext::WriteArticleMarkdown(doc));

  for (const bitext::MergedUnit& mu : doc.units) {
    CheckMentions(mu.unit.text, bitext::ExtractKoreanNumbers(mu.unit.text));
    CheckMentions(mu.english, bitext::ExtractEnglishNumbers(mu.english));
    for (const bitext::NumberIssue& issue : bitext::CompareNumbers(mu.unit.text, mu.english))
      CheckText("number issue", issue.message);
  }
  return 0;
}
