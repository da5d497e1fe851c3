#include "segmenter.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <utility>

#include "segment_rules.h"
#include "sentence_break.h"
#include "structure.h"
#include "utf8.h"

namespace bitext {
namespace {

// A quote or bracket pair longer than this (in bytes; about 300 Hangul
// syllables) does not protect its inside: it is more likely a stray or
// mismatched mark than a quotation.
constexpr size_t kMaxQuoteBytes = 900;
constexpr size_t kMaxOpen = 32;  // open quotes/brackets remembered

inline bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Bytes the scanner must look at: spaces, ASCII quotes and brackets, and the
// lead bytes of NBSP (C2 A0), “ ” ‘ ’ (E2 80 xx) and 「 」 《 》 ... / ideographic
// space (E3 80 xx). Everything else (Hangul, Latin, digits) is skipped.
struct ByteTable {
  bool interesting[256] = {};
  ByteTable() {
    for (unsigned char c : std::string_view(" \t\"'()[]{}<>\xC2\xE2\xE3")) interesting[c] = true;
  }
};
const ByteTable kBytes;

// Length of the space character at p[i] (' ', tab, NBSP, ideographic
// space), 0 if there is none.
inline size_t SpaceLen(const unsigned char* p, size_t i, size_t n) {
  unsigned char b = p[i];
  if (b == ' ' || b == '\t') return 1;
  if (b == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) return 2;
  if (b == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) return 3;
  return 0;
}

// Per-thread scratch space, so that splitting allocates nothing per call
// once warmed up.
struct Scratch {
  struct Mark {
    uint32_t at;   // byte offset
    uint32_t len;  // bytes
    char32_t c;
  };
  std::vector<Mark> marks;     // quote and bracket characters
  std::vector<uint32_t> gaps;  // word gaps (next word's byte offset) where a break rule may apply
  struct Open {
    char32_t closer;
    uint32_t at;
  };
  std::vector<Open> open;
  std::vector<std::pair<uint32_t, uint32_t>> quoted;  // (opener, closer) byte offsets
  std::vector<uint32_t> boundaries;                   // UAX #29 sentence boundaries
};

Scratch& GetScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// One pass over the bytes: notes the quote and bracket characters and the
// word gaps after a character some break rule may end with.
void Scan(std::string_view s, const SegmentRules& rules, Scratch* sc) {
  sc->marks.clear();
  sc->gaps.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Jump eight bytes at a time to the next byte that may matter: an ASCII
    // byte or a lead byte of NBSP (C2), curly quotes (E2) or CJK brackets
    // and the ideographic space (E3). Hangul bytes are skipped.
    while (i + 8 <= n) {
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      constexpr uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
      auto eq = [x](uint64_t v) {  // high bit set in each byte equal to v
        uint64_t y = x ^ (kOnes * v);
        return (y - kOnes) & ~y & kHigh;
      };
      uint64_t m = (~x & kHigh) | eq(0xE2) | eq(0xE3) | eq(0xC2);
      if (m == 0) {
        i += 8;
        continue;
      }
      // Little-endian: the lowest set bit is the first such byte. (The eq
      // trick may flag a byte after a true match too; that only costs a look.)
      i += static_cast<size_t>(__builtin_ctzll(m)) / 8;
      if (kBytes.interesting[p[i]]) break;
      ++i;
    }
    while (i < n && !kBytes.interesting[p[i]]) ++i;
    if (i >= n) break;
    if (size_t sl = SpaceLen(p, i, n)) {
      size_t run = i;
      i += sl;
      while (i < n && (sl = SpaceLen(p, i, n)) != 0) i += sl;
      if (run > 0 && i < n) {
        char32_t c1;
        const size_t b1 = PrevCodePoint(s, run, &c1);
        if (rules.MayBreakAfter(c1)) {
          char32_t c2 = b1 > 0 ? CodePointBefore(s, b1) : 0;
          char32_t a;
          CodePointAt(s, i, &a);
          if (rules.MayBreakAtGap(c2, c1, a)) sc->gaps.push_back(static_cast<uint32_t>(i));
        }
      }
      continue;
    }
    unsigned char b = p[i];
    if (b < 0x80) {
      sc->marks.push_back({static_cast<uint32_t>(i), 1, b});
      ++i;
      continue;
    }
    // E2 80 98..9D: ‘ ’ ‚ ‛ “ ”; E3 80 88..95: 〈 〉 《 》 「 」 『 』 【 】 ...
    if (i + 2 < n && p[i + 1] == 0x80) {
      unsigned char t = p[i + 2];
      if ((b == 0xE2 && t >= 0x98 && t <= 0x9D) || (b == 0xE3 && t >= 0x88 && t <= 0x95)) {
        char32_t c = (char32_t(b & 0x0F) << 12) | (char32_t(0x80 & 0x3F) << 6) | (t & 0x3F);
        sc->marks.push_back({static_cast<uint32_t>(i), 3, c});
        i += 3;
        continue;
      }
    }
    ++i;
  }
}

// What a quote or bracket character does.
enum class MarkKind { kNone, kOpen, kClose, kSymmetric };
MarkKind KindOf(char32_t c, char32_t* closer) {
  switch (c) {
    case U'“':
      *closer = U'”';
      return MarkKind::kOpen;
    case U'‘':
      *closer = U'’';
      return MarkKind::kOpen;
    case U'(':
      *closer = U')';
      return MarkKind::kOpen;
    case U'[':
      *closer = U']';
      return MarkKind::kOpen;
    case U'{':
      *closer = U'}';
      return MarkKind::kOpen;
    case U'<':
      *closer = U'>';
      return MarkKind::kOpen;
    case U'「':
      *closer = U'」';
      return MarkKind::kOpen;
    case U'『':
      *closer = U'』';
      return MarkKind::kOpen;
    case U'《':
      *closer = U'》';
      return MarkKind::kOpen;
    case U'〈':
      *closer = U'〉';
      return MarkKind::kOpen;
    case U'【':
      *closer = U'】';
      return MarkKind::kOpen;
    case U'〔':
      *closer = U'〕';
      return MarkKind::kOpen;
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
      return MarkKind::kClose;
    case U'”':
    case U'’':
    case U'"':
    case U'\'':
      *closer = c;
      return MarkKind::kSymmetric;
    default:
      return MarkKind::kNone;
  }
}

// Finds the quoted and bracketed stretches (matched pairs of at most
// kMaxQuoteBytes) and leaves in sc->quoted the outermost ones, sorted.
// Sentences are never split inside them: KSS and news style keep
// “…다. …다”고 as one sentence.
void FindQuoted(std::string_view s, Scratch* sc) {
  sc->open.clear();
  sc->quoted.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (const Scratch::Mark& m : sc->marks) {
    char32_t closer = 0;
    MarkKind kind = KindOf(m.c, &closer);
    if (kind == MarkKind::kNone) continue;
    bool prev_latin = m.at > 0 && IsAsciiLetter(p[m.at - 1]);
    bool next_latin = m.at + m.len < s.size() && IsAsciiLetter(p[m.at + m.len]);
    if ((m.c == U'\'' || m.c == U'’') && prev_latin && (next_latin || m.c == U'’')) {
      continue;  // an apostrophe: don't, OpenAI’s
    }
    if (kind == MarkKind::kOpen) {
      if (sc->open.size() == kMaxOpen) sc->open.erase(sc->open.begin());
      sc->open.push_back({closer, m.at});
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
      if (kind == MarkKind::kSymmetric) {
        if (sc->open.size() == kMaxOpen) sc->open.erase(sc->open.begin());
        sc->open.push_back({closer, m.at});
      }
      continue;
    }
    uint32_t at = sc->open[found].at;
    sc->open.resize(found);
    if (m.at - at <= kMaxQuoteBytes) sc->quoted.emplace_back(at, m.at);
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

// Appends the byte span [from, to) trimmed of spaces, if not empty.
void Emit(std::string_view s, size_t from, size_t to, std::vector<std::pair<size_t, size_t>>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (from < to) {
    size_t sl = SpaceLen(p, from, to);
    if (sl == 0) break;
    from += sl;
  }
  while (to > from) {
    if (p[to - 1] == ' ' || p[to - 1] == '\t') {
      --to;
    } else if (to - from >= 2 && p[to - 2] == 0xC2 && p[to - 1] == 0xA0) {
      to -= 2;
    } else if (to - from >= 3 && p[to - 3] == 0xE3 && p[to - 2] == 0x80 && p[to - 1] == 0x80) {
      to -= 3;
    } else {
      break;
    }
  }
  if (from < to) out->emplace_back(from, to);
}

}  // namespace

void SplitSentenceSpans(std::string_view paragraph, std::vector<std::pair<size_t, size_t>>* out) {
  if (paragraph.empty()) return;
  if (paragraph.size() >= static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    out->emplace_back(0, paragraph.size());
    return;
  }
  Scratch& sc = GetScratch();
  const SegmentRules& rules = SegmentRules::Default();
  Scan(paragraph, rules, &sc);
  sc.quoted.clear();
  if (!sc.marks.empty()) FindQuoted(paragraph, &sc);
  const size_t n = paragraph.size();

  // Unicode's default boundaries (what ICU's sentence iterator gives).
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  sc.boundaries.clear();
  SentenceBoundaries(paragraph, &sc.boundaries);
  size_t u = 0;  // next of them
  auto next_uax = [&]() -> size_t { return u < sc.boundaries.size() ? sc.boundaries[u++] : kNone; };

  size_t uax = next_uax();
  size_t g = 0;      // next gap
  size_t q = 0;      // next quoted stretch that may contain the candidate
  size_t start = 0;  // start of the current sentence
  for (;;) {
    size_t gap = g < sc.gaps.size() ? sc.gaps[g] : kNone;
    size_t i = std::min(uax, gap);
    if (i == kNone) break;
    const bool at_uax = i == uax;
    if (at_uax) uax = next_uax();
    if (i == gap) ++g;
    if (i == 0) continue;
    while (q < sc.quoted.size() && sc.quoted[q].second < i) ++q;
    if (q < sc.quoted.size() && sc.quoted[q].first < i) continue;  // inside quotes
    int r = rules.MatchUtf8(paragraph, i, start);
    bool brk = r >= 0 ? rules.action(r) == BreakAction::kBreak : at_uax;
    if (brk) {
      Emit(paragraph, start, i, out);
      start = i;
    }
  }
  Emit(paragraph, start, n, out);
}

std::vector<std::string_view> SplitSentences(std::string_view paragraph) {
  std::vector<std::pair<size_t, size_t>> spans;
  SplitSentenceSpans(paragraph, &spans);
  std::vector<std::string_view> out;
  out.reserve(spans.size());
  for (const auto& s : spans) out.push_back(paragraph.substr(s.first, s.second - s.first));
  return out;
}

namespace {

// A document's line with its text trimmed of spaces (and '\r').
struct Line {
  std::string_view text;
  int no;         // 1-based line number
  int paragraph;  // filled in when kept
  int lead;       // spaces trimmed before the line's text
};

// The line of `text` starting at *pos (which moves past it), trimmed.
Line NextLine(std::string_view text, size_t* pos, int no) {
  size_t nl = text.find('\n', *pos);
  if (nl == std::string_view::npos) nl = text.size();
  std::string_view line = text.substr(*pos, nl - *pos);
  *pos = nl + 1;
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  int lead = 0;
  while (!line.empty() && line.front() == ' ') {
    line.remove_prefix(1);
    ++lead;
  }
  return {line, no, 0, lead};
}

// Whether blank lines separate paragraphs at all: some blank line lies
// between two non-empty ones. (Where none does, every line is a paragraph.)
bool BlankLinesSeparate(std::string_view text) {
  size_t pos = 0;
  bool seen_text = false, blank_pending = false;
  for (int no = 1; pos <= text.size(); ++no) {
    Line l = NextLine(text, &pos, no);
    if (l.text.empty()) {
      blank_pending = seen_text;
    } else {
      if (blank_pending) return true;
      seen_text = true;
    }
  }
  return false;
}

// Stable ids across batches: occurrences per 48-bit key of the text hash in
// a flat open-addressing table (no allocation per unit) that grows as
// needed.
class IdAssigner {
 public:
  void Assign(std::vector<Unit>* units, size_t from);

 private:
  struct Slot {
    uint64_t key1;  // key + 1; 0 = empty
    int count;
  };
  size_t Home(uint64_t key) const {
    return static_cast<size_t>(key * 0x9E3779B97F4A7C15ULL >> 20) & (table_.size() - 1);
  }
  void Grow(size_t want);

  std::vector<Slot> table_;
  size_t used_ = 0;
  std::vector<uint64_t> hashes_;  // scratch
};

void IdAssigner::Grow(size_t want) {
  size_t cap = table_.empty() ? 16 : table_.size();
  while (cap < want * 2) cap <<= 1;
  if (cap == table_.size()) return;
  std::vector<Slot> old;
  old.swap(table_);
  table_.assign(cap, Slot{0, 0});
  for (const Slot& s : old) {
    if (s.key1 == 0) continue;
    size_t slot = Home(s.key1 - 1);
    while (table_[slot].key1 != 0) slot = (slot + 1) & (cap - 1);
    table_[slot] = s;
  }
}

void IdAssigner::Assign(std::vector<Unit>* units, size_t from) {
  const size_t count = units->size() - from;
  Grow(used_ + count);
  // FNV-1a 64 of each text. A hash is a chain of dependent multiplies, so
  // four texts are hashed side by side (four lanes, each taking the next
  // text when its own is done) to keep the multiplier busy.
  constexpr uint64_t kBasis = 1469598103934665603ULL, kPrime = 1099511628211ULL;
  std::vector<uint64_t>& hashes = hashes_;
  hashes.assign(count, 0);
  {
    constexpr int kLanes = 4;
    const unsigned char* d[kLanes] = {};
    size_t left[kLanes] = {};  // bytes left in the lane's text
    size_t which[kLanes] = {};
    uint64_t h[kLanes] = {};
    bool busy[kLanes] = {};
    size_t next = 0;
    auto refill = [&](int j) {
      busy[j] = false;
      while (next < count) {
        const std::string& t = (*units)[from + next].text;
        which[j] = next++;
        if (t.empty()) {
          hashes[which[j]] = kBasis;
          continue;
        }
        d[j] = reinterpret_cast<const unsigned char*>(t.data());
        left[j] = t.size();
        h[j] = kBasis;
        busy[j] = true;
        return;
      }
    };
    for (int j = 0; j < kLanes; ++j) refill(j);
    while (busy[0] && busy[1] && busy[2] && busy[3]) {
      const size_t step = std::min(std::min(left[0], left[1]), std::min(left[2], left[3]));
      uint64_t h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3];  // in registers
      const unsigned char *d0 = d[0], *d1 = d[1], *d2 = d[2], *d3 = d[3];
      for (size_t b = 0; b < step; ++b) {
        h0 = (h0 ^ d0[b]) * kPrime;
        h1 = (h1 ^ d1[b]) * kPrime;
        h2 = (h2 ^ d2[b]) * kPrime;
        h3 = (h3 ^ d3[b]) * kPrime;
      }
      h[0] = h0;
      h[1] = h1;
      h[2] = h2;
      h[3] = h3;
      for (int j = 0; j < kLanes; ++j) {
        d[j] += step;
        left[j] -= step;
        if (left[j] == 0) {
          hashes[which[j]] = h[j];
          refill(j);
        }
      }
    }
    for (int j = 0; j < kLanes; ++j) {  // the lanes still busy finish alone
      if (!busy[j]) continue;
      for (size_t b = 0; b < left[j]; ++b) h[j] = (h[j] ^ d[j][b]) * kPrime;
      hashes[which[j]] = h[j];
    }
  }
  const size_t mask = table_.size() - 1;
  constexpr size_t kAhead = 8;  // prefetch distance, in units
  for (size_t idx = 0; idx < count; ++idx) {
    if (idx + kAhead < count) __builtin_prefetch(&table_[Home(hashes[idx + kAhead] >> 16)], 1);
    Unit& u = (*units)[from + idx];
    const uint64_t key = hashes[idx] >> 16;  // 48 bits: 12 hex digits
    size_t slot = Home(key);
    while (table_[slot].key1 != 0 && table_[slot].key1 != key + 1) slot = (slot + 1) & mask;
    if (table_[slot].key1 == 0) ++used_;
    table_[slot].key1 = key + 1;
    const int n = ++table_[slot].count;
    char buf[13];
    buf[0] = 'u';
    for (int dgt = 0; dgt < 12; ++dgt) buf[12 - dgt] = "0123456789abcdef"[(key >> (4 * dgt)) & 0xF];
    u.id.assign(buf, sizeof buf);
    if (n > 1) u.id += "-" + std::to_string(n);
  }
}

// The segmenter proper: lines in, units out, a batch of lines at a time.
// Everything that crosses batches (paragraph numbers, the previous line, the
// current speaker, the headline state, the ids given so far) is kept here.
class LineSegmenter {
 public:
  explicit LineSegmenter(bool blank_between) : blank_between_(blank_between) {}

  // Appends to *units the units of `lines` (the next non-empty lines of the
  // document, in order), ids assigned.
  void Add(const std::vector<Line>& lines, std::vector<Unit>* units);

 private:
  const bool blank_between_;
  int paragraph_ = 0;
  std::string_view prev_text_;
  int prev_no_ = -1;
  std::string_view speaker_;
  int speaker_paragraph_ = 0;
  HeadlineState headlines_;
  IdAssigner ids_;
  // Scratch, reused across batches.
  std::vector<Line> kept_;
  std::vector<LineInfo> info_;
  struct Piece {
    size_t line;  // index into kept_
    size_t from, to;
  };
  std::vector<Piece> pieces_;
  std::vector<std::pair<size_t, size_t>> spans_;
};

void LineSegmenter::Add(const std::vector<Line>& lines, std::vector<Unit>* units) {
  // Paragraph numbers; a line repeated right after itself is dropped.
  kept_.clear();
  for (const Line& l : lines) {
    bool adjacent = prev_no_ == l.no - 1;
    bool repeat = adjacent && prev_text_ == l.text;
    prev_no_ = l.no;
    prev_text_ = l.text;
    if (repeat) continue;
    if (!blank_between_ || !adjacent) ++paragraph_;
    kept_.push_back({l.text, l.no, paragraph_, l.lead});
  }
  info_.clear();
  for (const Line& l : kept_) info_.push_back(ClassifyLine(l.text));
  MarkHeadlines(&info_, &headlines_);

  // Each line's final kind and speaker (in info_), and the spans of its
  // units; then the units, allocated once.
  pieces_.clear();
  for (size_t k = 0; k < kept_.size(); ++k) {
    const Line& l = kept_[k];
    UnitKind kind = info_[k].kind;
    if (kind == UnitKind::kSpeech) {
      speaker_ = info_[k].speaker;
      speaker_paragraph_ = l.paragraph;
    } else if (kind == UnitKind::kBody && !speaker_.empty() && speaker_paragraph_ == l.paragraph) {
      kind = UnitKind::kSpeech;
    } else {
      speaker_ = {};
    }
    info_[k].kind = kind;
    info_[k].speaker = kind == UnitKind::kSpeech ? speaker_ : std::string_view();
    switch (kind) {
      case UnitKind::kTitle:
      case UnitKind::kDek:
      case UnitKind::kCaption:
      case UnitKind::kByline:
      case UnitKind::kBoilerplate:
        pieces_.push_back({k, 0, l.text.size()});  // never split
        break;
      default:
        spans_.clear();
        SplitSentenceSpans(l.text, &spans_);
        for (const auto& sp : spans_) pieces_.push_back({k, sp.first, sp.second});
    }
  }
  const size_t first = units->size();
  units->reserve(first + pieces_.size());
  size_t col = 1, col_at = 0;
  for (size_t p = 0; p < pieces_.size(); ++p) {
    const Piece& pc = pieces_[p];
    const Line& l = kept_[pc.line];
    if (p == 0 || pieces_[p - 1].line != pc.line) {  // a new line
      col = 1;
      col_at = 0;
    }
    col += WellFormedCodePointCount(l.text.substr(col_at, pc.from - col_at));
    col_at = pc.from;
    Unit& u = units->emplace_back();
    u.paragraph = l.paragraph;
    u.kind = info_[pc.line].kind;
    if (u.kind == UnitKind::kSpeech) {
      u.speaker.assign(info_[pc.line].speaker.data(), info_[pc.line].speaker.size());
    }
    u.text.assign(l.text.data() + pc.from, pc.to - pc.from);
    u.line = l.no;
    u.col = static_cast<int>(col) + l.lead;
  }
  ids_.Assign(units, first);
}

// Runs the segmenter over `text`, calling flush(units) whenever `units`
// holds the units of at least `batch_lines` lines (and at the end).
template <typename Flush>
void SegmentLines(std::string_view text, size_t batch_lines, std::vector<Unit>* units,
                  Flush flush) {
  LineSegmenter seg(BlankLinesSeparate(text));
  std::vector<Line> lines;
  size_t pos = 0;
  for (int no = 1; pos <= text.size(); ++no) {
    Line l = NextLine(text, &pos, no);
    if (l.text.empty()) continue;
    lines.push_back(l);
    if (lines.size() >= batch_lines) {
      seg.Add(lines, units);
      lines.clear();
      flush(units);
    }
  }
  seg.Add(lines, units);
  flush(units);
}

}  // namespace

std::vector<Unit> Segment(std::string_view text) {
  std::vector<Unit> units;
  units.reserve(text.size() / 64 + 1);
  SegmentLines(text, std::numeric_limits<size_t>::max(), &units, [](std::vector<Unit>*) {});
  return units;
}

void SegmentInBatches(std::string_view text, const std::function<void(std::vector<Unit>*)>& sink) {
  constexpr size_t kBatchLines = 512;
  std::vector<Unit> units;
  SegmentLines(text, kBatchLines, &units, [&](std::vector<Unit>* batch) {
    if (batch->empty()) return;
    sink(batch);
    batch->clear();
  });
}

void AssignIds(std::vector<Unit>* units) {
  IdAssigner ids;
  ids.Assign(units, 0);
}

}  // namespace bitext
