#include "segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <memory>
#include <unordered_map>
#include <utility>

#include "segment_rules.h"
#include "structure.h"

namespace bitext {
namespace {

// A quote or bracket pair longer than this (in code points) does not protect
// its inside: it is more likely a stray or mismatched mark than a quotation.
constexpr uint32_t kMaxQuoteSpan = 300;
constexpr size_t kMaxOpen = 32;  // open quotes/brackets remembered

inline bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }
inline bool IsLatin(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Per-thread scratch space, so that splitting allocates nothing per call
// once warmed up.
struct Scratch {
  std::vector<char32_t> cps;
  std::vector<uint32_t> offs;  // offs[i]: byte offset of cps[i]; offs[n] = size
  struct Open {
    char32_t closer;
    uint32_t at;
  };
  std::vector<Open> open;
  std::vector<std::pair<uint32_t, uint32_t>> quoted;  // (open, close) code point indexes
  std::unique_ptr<icu::BreakIterator> bi;
  UText* ut = nullptr;

  Scratch() {
    UErrorCode err = U_ZERO_ERROR;
    bi.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), err));
    if (U_FAILURE(err)) bi.reset();
  }
  ~Scratch() {
    if (ut != nullptr) utext_close(ut);
  }
};

Scratch& GetScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Decodes `s` into code points; an ill-formed byte becomes U+FFFD.
void Decode(std::string_view s, Scratch* sc) {
  sc->cps.clear();
  sc->offs.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    sc->offs.push_back(static_cast<uint32_t>(i));
    unsigned char b = p[i];
    if (b < 0x80) {
      sc->cps.push_back(b);
      ++i;
      continue;
    }
    size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    char32_t c = len == 4 ? (b & 0x07) : len == 3 ? (b & 0x0F) : (b & 0x1F);
    bool ok = len != 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (p[i + k] & 0x3F);
    }
    if (!ok) {
      sc->cps.push_back(0xFFFD);
      ++i;
      continue;
    }
    sc->cps.push_back(c);
    i += len;
  }
  sc->offs.push_back(static_cast<uint32_t>(n));
}

// What a quote or bracket character does.
enum class Mark { kNone, kOpen, kClose, kSymmetric };
Mark MarkOf(char32_t c, char32_t* closer) {
  switch (c) {
    case U'“':
      *closer = U'”';
      return Mark::kOpen;
    case U'‘':
      *closer = U'’';
      return Mark::kOpen;
    case U'(':
      *closer = U')';
      return Mark::kOpen;
    case U'[':
      *closer = U']';
      return Mark::kOpen;
    case U'{':
      *closer = U'}';
      return Mark::kOpen;
    case U'<':
      *closer = U'>';
      return Mark::kOpen;
    case U'「':
      *closer = U'」';
      return Mark::kOpen;
    case U'『':
      *closer = U'』';
      return Mark::kOpen;
    case U'《':
      *closer = U'》';
      return Mark::kOpen;
    case U'〈':
      *closer = U'〉';
      return Mark::kOpen;
    case U'【':
      *closer = U'】';
      return Mark::kOpen;
    case U'〔':
      *closer = U'〕';
      return Mark::kOpen;
    case U')':
    case U']':
    case U'}':
    case U'>':
    case U'」':
    case U'』':
    case U'》':
    case U'〉':
    case U'】':
    case U'〕':
      *closer = c;
      return Mark::kClose;
    case U'”':
    case U'’':
    case U'"':
    case U'\'':
      *closer = c;
      return Mark::kSymmetric;
    default:
      return Mark::kNone;
  }
}

// Finds the quoted and bracketed stretches of the text (matched pairs of at
// most kMaxQuoteSpan code points) and leaves in sc->quoted the outermost ones,
// sorted. Sentences are never split inside them: KSS and news style keep
// “…다. …다”고 as one sentence.
void FindQuoted(Scratch* sc) {
  sc->open.clear();
  sc->quoted.clear();
  const std::vector<char32_t>& t = sc->cps;
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    char32_t closer = 0;
    Mark m = MarkOf(t[i], &closer);
    if (m == Mark::kNone) continue;
    bool prev_latin = i > 0 && IsLatin(t[i - 1]);
    bool next_latin = i + 1 < n && IsLatin(t[i + 1]);
    if ((t[i] == U'\'' || t[i] == U'’') && prev_latin && (next_latin || t[i] == U'’')) {
      continue;  // an apostrophe: don't, OpenAI’s
    }
    if (m == Mark::kOpen) {
      if (sc->open.size() == kMaxOpen) sc->open.erase(sc->open.begin());
      sc->open.push_back({closer, static_cast<uint32_t>(i)});
      continue;
    }
    // A closer: look for its opener among the three innermost open marks.
    size_t depth = sc->open.size();
    size_t found = depth;
    for (size_t d = 0; d < 3 && d < depth; ++d) {
      if (sc->open[depth - 1 - d].closer == closer) {
        found = depth - 1 - d;
        break;
      }
    }
    if (found == depth) {
      if (m == Mark::kSymmetric) {
        if (sc->open.size() == kMaxOpen) sc->open.erase(sc->open.begin());
        sc->open.push_back({closer, static_cast<uint32_t>(i)});
      }
      continue;
    }
    uint32_t at = sc->open[found].at;
    sc->open.resize(found);
    if (i - at <= kMaxQuoteSpan) sc->quoted.emplace_back(at, static_cast<uint32_t>(i));
  }
  auto& q = sc->quoted;
  if (q.size() < 2) return;
  std::sort(q.begin(), q.end());
  size_t w = 0;
  for (size_t r = 1; r < q.size(); ++r) {
    if (q[r].first <= q[w].second) {
      q[w].second = std::max(q[w].second, q[r].second);
    } else {
      q[++w] = q[r];
    }
  }
  q.resize(w + 1);
}

// Appends the trimmed byte span of code points [from, to) if not empty.
void Emit(const Scratch& sc, size_t from, size_t to, std::vector<std::pair<size_t, size_t>>* out) {
  while (from < to && IsSpace(sc.cps[from])) ++from;
  while (to > from && IsSpace(sc.cps[to - 1])) --to;
  if (from < to) out->emplace_back(sc.offs[from], sc.offs[to]);
}

}  // namespace

void SplitSentenceSpans(std::string_view paragraph, std::vector<std::pair<size_t, size_t>>* out) {
  if (paragraph.empty()) return;
  Scratch& sc = GetScratch();
  Decode(paragraph, &sc);
  FindQuoted(&sc);
  const SegmentRules& rules = SegmentRules::Default();
  const char32_t* t = sc.cps.data();
  const size_t n = sc.cps.size();

  // ICU's boundaries, read lazily as byte offsets.
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  size_t icu = kNone;
  if (sc.bi && paragraph.size() <= static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    UErrorCode err = U_ZERO_ERROR;
    sc.ut = utext_openUTF8(sc.ut, paragraph.data(), static_cast<int64_t>(paragraph.size()), &err);
    if (U_SUCCESS(err)) sc.bi->setText(sc.ut, err);
    if (U_SUCCESS(err)) {
      int32_t b = sc.bi->next();
      icu = b == icu::BreakIterator::DONE ? kNone : static_cast<size_t>(b);
    }
  }

  size_t q = 0;      // next quoted stretch that may contain i
  size_t start = 0;  // start of the current sentence
  for (size_t i = 1; i < n; ++i) {
    bool at_icu = false;
    if (icu != kNone && icu <= sc.offs[i]) {
      while (icu != kNone && icu < sc.offs[i]) {
        int32_t b = sc.bi->next();
        icu = b == icu::BreakIterator::DONE ? kNone : static_cast<size_t>(b);
      }
      at_icu = icu == sc.offs[i];
    }
    bool gap = IsSpace(t[i - 1]) && !IsSpace(t[i]);
    if (!at_icu && !gap) continue;
    while (q < sc.quoted.size() && sc.quoted[q].second < i) ++q;
    if (q < sc.quoted.size() && sc.quoted[q].first < i) continue;  // inside quotes
    if (!at_icu) {
      size_t j = i - 1;
      while (j > 0 && IsSpace(t[j])) --j;
      if (IsSpace(t[j]) || !rules.MayBreakAfter(t[j])) continue;
    }
    int r = rules.Match(t, n, i, start);
    bool brk = r >= 0 ? rules.action(r) == BreakAction::kBreak : at_icu;
    if (brk) {
      Emit(sc, start, i, out);
      start = i;
    }
  }
  Emit(sc, start, n, out);
}

std::vector<std::string_view> SplitSentences(std::string_view paragraph) {
  std::vector<std::pair<size_t, size_t>> spans;
  SplitSentenceSpans(paragraph, &spans);
  std::vector<std::string_view> out;
  out.reserve(spans.size());
  for (const auto& s : spans) out.push_back(paragraph.substr(s.first, s.second - s.first));
  return out;
}

std::vector<Unit> Segment(std::string_view text) {
  struct Line {
    std::string_view text;
    int no;
    int paragraph;
    int lead;  // spaces trimmed before the line's text
  };
  // Lines, and whether blank lines separate paragraphs at all.
  std::vector<Line> lines;
  bool blank_between = false, blank_pending = false;
  {
    size_t pos = 0;
    int no = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      ++no;
      std::string_view line = text.substr(pos, nl - pos);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
      int lead = 0;
      while (!line.empty() && line.front() == ' ') {
        line.remove_prefix(1);
        ++lead;
      }
      if (line.empty()) {
        blank_pending = !lines.empty();
      } else {
        if (blank_pending) blank_between = true;
        blank_pending = false;
        lines.push_back({line, no, 0, lead});
      }
      if (nl == text.size()) break;
      pos = nl + 1;
    }
  }
  // Paragraph numbers; a line repeated right after itself is dropped.
  std::vector<Line> kept;
  kept.reserve(lines.size());
  int paragraph = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& l = lines[k];
    bool adjacent = k > 0 && lines[k - 1].no == l.no - 1;
    if (adjacent && lines[k - 1].text == l.text) continue;
    if (!blank_between || !adjacent) ++paragraph;
    kept.push_back({l.text, l.no, paragraph, l.lead});
  }
  std::vector<LineInfo> info;
  info.reserve(kept.size());
  for (const Line& l : kept) info.push_back(ClassifyLine(l.text));
  MarkHeadlines(&info);

  std::vector<Unit> units;
  std::vector<std::pair<size_t, size_t>> spans;
  std::string_view speaker;
  int speaker_paragraph = 0;
  for (size_t k = 0; k < kept.size(); ++k) {
    const Line& l = kept[k];
    UnitKind kind = info[k].kind;
    if (kind == UnitKind::kSpeech) {
      speaker = info[k].speaker;
      speaker_paragraph = l.paragraph;
    } else if (kind == UnitKind::kBody && !speaker.empty() && speaker_paragraph == l.paragraph) {
      kind = UnitKind::kSpeech;
    } else {
      speaker = {};
    }
    spans.clear();
    switch (kind) {
      case UnitKind::kTitle:
      case UnitKind::kDek:
      case UnitKind::kCaption:
      case UnitKind::kByline:
      case UnitKind::kBoilerplate:
        spans.emplace_back(0, l.text.size());  // never split
        break;
      default:
        SplitSentenceSpans(l.text, &spans);
    }
    size_t col = 1, col_at = 0;
    for (const auto& s : spans) {
      col += CountCodePoints(l.text.substr(col_at, s.first - col_at));
      col_at = s.first;
      Unit u;
      u.paragraph = l.paragraph;
      u.kind = kind;
      if (kind == UnitKind::kSpeech) u.speaker = std::string(speaker);
      u.text = std::string(l.text.substr(s.first, s.second - s.first));
      u.line = l.no;
      u.col = static_cast<int>(col) + l.lead;
      units.push_back(std::move(u));
    }
  }
  AssignIds(&units);
  return units;
}

void AssignIds(std::vector<Unit>* units) {
  std::unordered_map<uint64_t, int> seen;
  seen.reserve(units->size());
  for (Unit& u : *units) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a 64
    for (unsigned char c : u.text) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    uint64_t key = h >> 16;
    char buf[32];
    std::snprintf(buf, sizeof buf, "u%012llx", static_cast<unsigned long long>(key));
    int n = ++seen[key];
    u.id = buf;
    if (n > 1) u.id += "-" + std::to_string(n);
  }
}

}  // namespace bitext
