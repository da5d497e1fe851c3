// libFuzzer target: the glossary reader (glossary.h) and the matching engine
// (term_matcher.h).
//
// Arbitrary bytes go to ParseGlossary and LintGlossaryText: parsing succeeds
// exactly when lint reports no error, and a failure carries the file and a
// line. When parsing succeeds, SerializeGlossary's output parses again into
// the same terms and comments, and serializing that gives the same bytes; the
// exports run, and the TBX is well-formed XML. The bytes (NFC, if valid
// UTF-8) are then searched with a small fixed glossary and, when it parsed,
// with the fuzzed one: every match lies inside the text on code point
// boundaries, names a real term whose key (or, for keys with spaces, the key
// without them) is the matched surface, and matches are sorted and never
// overlap. Korean word helpers (StripParticles, PositionAt) run on the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "glossary.h"
#include "term_matcher.h"
#include "text_clean.h"

namespace {

void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "invariant violated: %s:\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

bool SameTerm(const bitext::Term& a, const bitext::Term& b) {
  return a.ko == b.ko && a.en == b.en && a.kind == b.kind && a.variants == b.variants &&
         a.note == b.note;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

bool IsBoundary(std::string_view text, size_t i) {
  return i == 0 || i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

void CheckMatches(const bitext::Glossary& g, std::string_view text) {
  bitext::TermMatcher matcher(g);
  size_t last_end = 0;
  for (const bitext::TermMatch& m : matcher.FindAll(text)) {
    if (m.begin >= m.end || m.end > text.size()) Fail("match out of bounds", text);
    if (m.begin < last_end) Fail("matches overlap or are unsorted", text);
    if (!IsBoundary(text, m.begin) || !IsBoundary(text, m.end))
      Fail("match splits a code point", text);
    if (m.term >= g.terms.size()) Fail("match names no term", text);
    std::string_view surface = text.substr(m.begin, m.end - m.begin);
    const bitext::Term& t = g.terms[m.term];
    bool found = false;
    auto check_key = [&](const std::string& key) {
      if (surface == key || surface == WithoutSpaces(key)) found = true;
    };
    if (m.variant) {
      for (const std::string& v : t.variants) check_key(v);
    } else {
      check_key(t.ko);
    }
    if (!found)
      Fail("matched surface is not a key of its term", std::string(surface) + " / " + t.ko);
    last_end = m.end;
  }
}

const bitext::Glossary& FixedGlossary() {
  static const bitext::Glossary g = [] {
    bitext::Result<bitext::Glossary> r = bitext::ParseGlossary(
        "ko\ten\tkind\tvariants\tnote\n"
        "네이버\tNaver\torg\t\t\n"
        "네이버웹툰\tNaver Webtoon\torg\t\t\n"
        "샘 알트만\tSam Altman\tperson\t샘 올트먼|알트만\t\n"
        "오픈AI\tOpenAI\torg\t오픈에이아이\t\n"
        "이영\tLee Young\tperson\t\t\n"
        "AI\tAI\tterm\t에이아이\t\n"
        "GPT\tGPT\tproduct\t\t\n",
        "fixed.tsv");
    if (!r.ok()) Fail("fixed glossary", r.status().ToString());
    return *r;
  }();
  return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);

  bitext::Glossary linted;
  std::vector<bitext::GlossaryFinding> findings =
      bitext::LintGlossaryText(raw, "fuzz.tsv", &linted);
  bool lint_error = false;
  for (const bitext::GlossaryFinding& f : findings) {
    if (f.where.file != "fuzz.tsv" || f.where.line < 1) Fail("lint finding location", f.ToString());
    lint_error |= f.severity == bitext::Severity::kError;
  }

  bitext::Result<bitext::Glossary> g = bitext::ParseGlossary(raw, "fuzz.tsv");
  if (g.ok() == lint_error) Fail("ParseGlossary and LintGlossaryText disagree", raw);
  if (!g.ok()) {
    const bitext::Location& where = g.status().location();
    if (where.file != "fuzz.tsv" || where.line < 1) Fail("error location", g.status().ToString());
  } else {
    std::string text = bitext::SerializeGlossary(*g);
    bitext::Result<bitext::Glossary> again = bitext::ParseGlossary(text, "canonical.tsv");
    if (!again.ok())
      Fail("serialized glossary does not parse", again.status().ToString() + "\n" + text);
    if (again->comments != g->comments) Fail("comments changed by a round trip", text);
    if (again->terms.size() != g->terms.size()) Fail("term count changed by a round trip", text);
    // Serialization sorts; compare against the reparsed order.
    std::string twice = bitext::SerializeGlossary(*again);
    if (twice != text) Fail("SerializeGlossary not stable", text + "\n----\n" + twice);
    for (const bitext::Term& t : g->terms) {
      bool found = false;
      for (const bitext::Term& u : again->terms) found |= SameTerm(t, u);
      if (!found) Fail("term changed by a round trip", t.ko + "\n----\n" + text);
    }
    (void)bitext::ExportOmegaT(*g);
    (void)bitext::ExportCsv(*g);
    std::string tbx = bitext::ExportTbx(*g);
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(tbx.data(), tbx.size());
    if (!parsed) Fail("TBX export is not well-formed XML", tbx);
  }

  if (!bitext::IsValidUtf8(raw)) return 0;
  std::string nfc = bitext::ToNfc(raw);
  CheckMatches(FixedGlossary(), nfc);
  if (g.ok()) CheckMatches(*g, nfc);

  for (size_t i = 0; i < nfc.size();) {
    size_t sp = nfc.find_first_of(" \n", i);
    if (sp == std::string::npos) sp = nfc.size();
    std::string_view word(nfc.data() + i, sp - i);
    std::string_view stem = bitext::StripParticles(word);
    if (stem.size() > word.size() || stem.data() != word.data()) Fail("StripParticles", word);
    i = sp + 1;
  }
  bitext::TextPosition pos = bitext::PositionAt(nfc, nfc.size());
  if (pos.line < 1 || pos.col < 1) Fail("PositionAt", nfc);
  return 0;
}
