// Placeholder segmenter (bare ICU); replaced by the rule-based one.
#include "segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>

namespace bitext {

std::vector<std::string_view> SplitSentences(std::string_view paragraph) {
  std::vector<std::string_view> out;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), err));
  UText* ut = utext_openUTF8(nullptr, paragraph.data(), static_cast<int64_t>(paragraph.size()), &err);
  if (U_FAILURE(err)) return {paragraph};
  bi->setText(ut, err);
  int32_t start = 0;
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; end = bi->next()) {
    std::string_view s = paragraph.substr(start, end - start);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (!s.empty()) out.push_back(s);
    start = end;
  }
  utext_close(ut);
  return out;
}

std::vector<Unit> Segment(std::string_view text) {
  std::vector<Unit> units;
  int paragraph = 0;
  bool in_paragraph = false;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    if (line.empty()) {
      in_paragraph = false;
    } else {
      if (!in_paragraph) ++paragraph;
      in_paragraph = true;
      for (std::string_view s : SplitSentences(line)) {
        Unit u;
        u.paragraph = paragraph;
        u.text = std::string(s);
        u.line = line_no;
        u.col = static_cast<int>(s.data() - line.data()) + 1;
        units.push_back(std::move(u));
      }
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  AssignIds(&units);
  return units;
}

void AssignIds(std::vector<Unit>* units) {
  std::map<std::string, int> seen;
  for (Unit& u : *units) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a 64
    for (unsigned char c : u.text) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "u%012llx", static_cast<unsigned long long>(h >> 16));
    int n = ++seen[buf];
    u.id = buf;
    if (n > 1) u.id += "-" + std::to_string(n);
  }
}

}  // namespace bitext
