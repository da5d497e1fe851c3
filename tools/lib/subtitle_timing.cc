#include "subtitle_timing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "affix.h"
#include "xml_text.h"

namespace bitext {
namespace {

// Piece-boundary scores (lower is better), added to the balance score.
constexpr double kCutSentence = 0;
constexpr double kCutClause = 1;       // after , ; :
constexpr double kCutConjunction = 2;  // before an English conjunction / Korean clause ending
constexpr double kCutWord = 6;
constexpr double kCutTight = 12;  // inside a Korean predicate or after a determiner
constexpr double kCutInsideWord = 30;
constexpr double kBalanceWeight = 10;
// Weight of the difference between the Korean and English cut positions
// (each as a fraction of its text's length).
constexpr double kCorrespondenceWeight = 30;

// A piece of a text: byte offsets [first, second).
using Range = std::pair<size_t, size_t>;

// Splits one language's text of a unit into pieces that fit a cue. One
// splitter serves the units in turn (Reset), keeping its buffers.
class PieceSplitter {
 public:
  // Prepares `piece_text` (CollapseSpaces is applied; text() is the result, and all
  // offsets index it; `piece_text` must not view text()). `lb` is copied.
  void Reset(std::string_view piece_text, const LineBreakOptions& lb, int max_lines,
             size_t max_chars) {
    breaker_.Reset(piece_text, lb);
    max_width_ = lb.max_width;
    max_lines_ = max_lines;
    max_chars_ = std::max<size_t>(1, max_chars);
    chars_ = &breaker_.CodePointsBefore();
    cands_ready_ = false;
    cands_.clear();
    frontier_.clear();
  }

  const std::string& text() const { return breaker_.text(); }

  bool Fits(size_t from, size_t to) const {
    const std::string& t = text();
    while (from < to && t[from] == ' ') ++from;
    while (to > from && t[to - 1] == ' ') --to;
    if ((*chars_)[to] - (*chars_)[from] > max_chars_) return false;
    double w = breaker_.Width(from, to);
    if (w <= max_width_) return true;
    if (w > max_width_ * max_lines_) return false;
    return breaker_.CountLines(from, to) <= max_lines_;
  }

  // Fewest pieces a greedy cut needs (a lower bound for Split).
  int MinPieces() const {
    double by_width = breaker_.Width(0, text().size()) / (max_width_ * max_lines_);
    double by_chars = static_cast<double>(chars_->back()) / static_cast<double>(max_chars_);
    return std::max(1, static_cast<int>(std::ceil(std::max(by_width, by_chars) - 1e-9)));
  }

  // A possible end of the piece that starts at `start`, for r pieces left.
  struct Option {
    size_t pos;
    double score;  // cut score + balance
    double frac;   // share of the whole text before the cut
  };

  // The cuts after `start` that leave a fitting piece and a rest that can
  // still fill r - 1 pieces, into *out.
  void Options(size_t start, int r, std::vector<Option>* out) const {
    out->clear();
    const std::vector<Cand>& cands = Cands();
    auto [first, last] = Fitting(start);
    const size_t size = text().size();
    double remaining = static_cast<double>(chars_->back() - (*chars_)[start]);
    double target = remaining / r;
    double total = std::max<double>(1, static_cast<double>(chars_->back()));
    for (size_t c = first; c < last; ++c) {
      size_t b = cands[c].pos;
      double rest_chars = static_cast<double>(chars_->back() - (*chars_)[b]);
      double rest_width = breaker_.Width(b, size);
      if (rest_chars > static_cast<double>(max_chars_) * (r - 1) ||
          rest_width > max_width_ * max_lines_ * (r - 1)) {
        continue;
      }
      double piece = static_cast<double>((*chars_)[b] - (*chars_)[start]);
      out->push_back(
          {b, cands[c].score + kBalanceWeight * std::fabs(piece - target) / std::max(1.0, target),
           static_cast<double>((*chars_)[b]) / total});
    }
  }

  bool FitsRest(size_t start) const { return start < text().size() && Fits(start, text().size()); }
  Range Piece(size_t from, size_t to) const { return {from, to}; }
  std::vector<std::string> Lines(Range r) const { return breaker_.BreakLines(r.first, r.second); }
  size_t size() const { return text().size(); }

  // Cuts alone into exactly k fitting pieces; false if none found.
  bool Split(int k, std::vector<Range>* out) const {
    out->clear();
    size_t start = 0;
    std::vector<Option>& opts = options_;
    for (int r = k; r > 1; --r) {
      Options(start, r, &opts);
      if (opts.empty()) return false;
      const Option* best = &opts[0];
      for (const Option& o : opts) {
        if (o.score < best->score) best = &o;
      }
      out->push_back(Piece(start, best->pos));
      start = best->pos;
    }
    if (!FitsRest(start)) return false;
    out->push_back(Piece(start, text().size()));
    return true;
  }

  // Cuts greedily, never failing and never losing text: each piece ends at
  // the fitting cut with the best cut score, less a bonus for length (the
  // longest fitting piece scores best among equal cuts). Where no cut fits
  // (cannot happen for text KoreanLineWidth/code points measure, kept as a
  // guard) the first cut is taken so that the loop always advances. Linear
  // in the text: each piece looks only at the cuts inside it.
  void Greedy(std::vector<Range>* out) const {
    out->clear();
    const std::vector<Cand>& cands = Cands();
    const size_t size = text().size();
    size_t start = 0;
    auto it = cands.begin();
    std::vector<std::pair<size_t, double>> fitting;  // (pos, cut score)
    while (start < size) {
      if (Fits(start, size)) break;
      while (it != cands.end() && it->pos <= start) ++it;
      if (it == cands.end()) break;
      fitting.clear();
      for (auto j = it; j != cands.end() && Fits(start, j->pos); ++j) {
        fitting.push_back({j->pos, j->score});
      }
      size_t cut = it->pos;
      if (!fitting.empty()) {
        double longest = static_cast<double>((*chars_)[fitting.back().first] - (*chars_)[start]);
        double best = std::numeric_limits<double>::infinity();
        for (const auto& f : fitting) {
          double len = static_cast<double>((*chars_)[f.first] - (*chars_)[start]);
          double sc = f.second + kBalanceWeight * (longest - len) / std::max(1.0, longest);
          if (sc < best) {
            best = sc;
            cut = f.first;
          }
        }
      }
      out->push_back(Piece(start, cut));
      start = cut;
    }
    if (start < size || out->empty()) out->push_back(Piece(start, size));
  }

 private:
  struct Cand {
    size_t pos;  // the next piece starts here
    double score;
  };

  // Cut candidates, made on first need (a unit that fits one cue needs
  // none): after every space; inside a word too long for a cue, after every
  // code point. In order of position.
  const std::vector<Cand>& Cands() const {
    if (cands_ready_) return cands_;
    cands_ready_ = true;
    const std::string& t = text();
    size_t word_start = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
      if (i == t.size() || t[i] == ' ') {
        if (i > word_start && !Fits(word_start, i)) {
          for (size_t k = word_start; k < i;) {
            NextCodePoint(t, &k);
            if (k < i) cands_.push_back({k, kCutInsideWord});
          }
        }
        if (i < t.size()) cands_.push_back({i + 1, Score(i + 1)});
        word_start = i + 1;
      }
    }
    std::sort(cands_.begin(), cands_.end(),
              [](const Cand& a, const Cand& b) { return a.pos < b.pos; });
    return cands_;
  }

  // The candidates [first, last) a piece starting at `start` may end at:
  // those after `start` up to the first that leaves a piece too long. The
  // same for every count of pieces, so worked out once per start.
  std::pair<size_t, size_t> Fitting(size_t start) const {
    for (const auto& [s, range] : frontier_) {
      if (s == start) return range;
    }
    const std::vector<Cand>& cands = Cands();
    auto first =
        static_cast<size_t>(std::upper_bound(cands.begin(), cands.end(), start,
                                             [](size_t v, const Cand& c) { return v < c.pos; }) -
                            cands.begin());
    size_t last = first;
    while (last < cands.size() && Fits(start, cands[last].pos)) ++last;
    frontier_.push_back({start, {first, last}});
    return {first, last};
  }

  // Score of a cut before byte `pos` (which follows a space), from the
  // words the line breaker classified.
  double Score(size_t pos) const {
    const WordBreak& w = breaker_.WordsAt(pos);
    if (w.end == WordBreak::End::kSentence) return kCutSentence;
    if (w.end == WordBreak::End::kClause) return kCutClause;
    // English conjunctions and Korean clause endings (each set only for
    // its language).
    if (w.conjunction || w.korean_clause) return kCutConjunction;
    if (w.korean_tight) return kCutTight;
    return kCutWord;
  }

  LineBreaker breaker_;  // holds the text
  double max_width_ = 1;
  int max_lines_ = 1;
  size_t max_chars_ = 1;
  const std::vector<size_t>* chars_ = nullptr;  // the breaker's code points before each offset
  mutable bool cands_ready_ = false;
  mutable std::vector<Cand> cands_;
  // Fitting() per piece start already asked for.
  mutable std::vector<std::pair<size_t, std::pair<size_t, size_t>>> frontier_;
  mutable std::vector<Option> options_;  // Split's scratch
};

// Cuts `ko` and `en` into exactly k pieces each, choosing cut pairs that
// are good cuts in both languages and correspond (similar share of length).
// (*ko_opts and *en_opts are scratch.)
bool SplitJoint(const PieceSplitter& ko, const PieceSplitter& en, int k,
                std::vector<Range>* ko_pieces, std::vector<Range>* en_pieces,
                std::vector<PieceSplitter::Option>* ko_opts,
                std::vector<PieceSplitter::Option>* en_opts) {
  ko_pieces->clear();
  en_pieces->clear();
  size_t ks = 0, es = 0;
  for (int r = k; r > 1; --r) {
    ko.Options(ks, r, ko_opts);
    en.Options(es, r, en_opts);
    if (ko_opts->empty() || en_opts->empty()) return false;
    double best = std::numeric_limits<double>::infinity();
    size_t bk = 0, be = 0;
    for (const auto& a : *ko_opts) {
      for (const auto& b : *en_opts) {
        double sc = a.score + b.score + kCorrespondenceWeight * std::fabs(a.frac - b.frac);
        if (sc < best) {
          best = sc;
          bk = a.pos;
          be = b.pos;
        }
      }
    }
    ko_pieces->push_back(ko.Piece(ks, bk));
    en_pieces->push_back(en.Piece(es, be));
    ks = bk;
    es = be;
  }
  if (!ko.FitsRest(ks) || !en.FitsRest(es)) return false;
  ko_pieces->push_back(ko.Piece(ks, ko.size()));
  en_pieces->push_back(en.Piece(es, en.size()));
  return true;
}

// Cuts `ko` and `en` into the same number of pieces.
void SplitUnit(const PieceSplitter& ko, const PieceSplitter& en, std::vector<Range>* ko_pieces,
               std::vector<Range>* en_pieces) {
  std::vector<PieceSplitter::Option> ko_opts, en_opts;
  int k0 = std::max(ko.MinPieces(), en.MinPieces());
  for (int k = k0; k < k0 + 40; ++k) {
    if (SplitJoint(ko, en, k, ko_pieces, en_pieces, &ko_opts, &en_opts)) return;
  }
  // No common count (one side has too few cut points): cut each side on its
  // own, balanced where a few counts near the minimum work, else greedily
  // (which always succeeds, so no text is lost), and pad the shorter with
  // empty pieces.
  auto own = [](const PieceSplitter& s, std::vector<Range>* out) {
    int k = s.MinPieces();
    for (int tries = 0; tries < 4; ++tries, ++k) {
      if (s.Split(k, out)) return;
    }
    s.Greedy(out);
  };
  own(ko, ko_pieces);
  own(en, en_pieces);
  size_t n = std::max(ko_pieces->size(), en_pieces->size());
  ko_pieces->resize(n, Range{ko.size(), ko.size()});
  en_pieces->resize(n, Range{en.size(), en.size()});
}

int64_t CeilMs(double ms) { return static_cast<int64_t>(std::ceil(ms - 1e-9)); }

// Reading time of a cue at the given rates (ms, not clamped).
int64_t ReadingMs(const Cue& c, double ko_cps, double en_cps) {
  double ko = static_cast<double>(ReadingChars(c.ko_lines)) * 1000.0 / ko_cps;
  double en = static_cast<double>(ReadingChars(c.en_lines)) * 1000.0 / en_cps;
  return CeilMs(std::max(ko, en));
}

}  // namespace

Status ValidateTimingOptions(const TimingOptions& opt) {
  auto bad = [](const std::string& m) { return Status::Usage(m); };
  if (!(opt.ko_cps > 0) || !std::isfinite(opt.ko_cps)) return bad("--ko-cps must be positive");
  if (!(opt.en_cps > 0) || !std::isfinite(opt.en_cps)) return bad("--en-cps must be positive");
  if (opt.max_ms <= 0) return bad("--max-duration must be positive");
  if (opt.min_ms < 0 || opt.min_ms > opt.max_ms)
    return bad("--min-duration must be between 0 and --max-duration");
  if (opt.gap_ms < 0) return bad("--gap must not be negative");
  if (opt.paragraph_gap_ms < 0) return bad("--paragraph-gap must not be negative");
  if (opt.en_max_line < 1) return bad("--en-max-line must be at least 1");
  if (!(opt.ko_max_line >= 1) || !std::isfinite(opt.ko_max_line))
    return bad("--ko-max-line must be at least 1");
  if (opt.max_lines < 1) return bad("--max-lines must be at least 1");
  return Status::Ok();
}

size_t ReadingChars(const std::vector<std::string>& lines) {
  size_t n = 0;
  for (size_t i = 0; i < lines.size(); ++i) n += CodePointCount(lines[i]) + (i > 0 ? 1 : 0);
  return n;
}

size_t EnglishSpeakerLabel(std::string_view english, std::string* name) {
  size_t colon = english.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return 0;
  std::string_view n = english.substr(0, colon);
  if (!(n[0] >= 'A' && n[0] <= 'Z')) return 0;
  int words = 1;
  for (size_t i = 0; i < n.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(n[i]);
    if (c == ' ') {
      ++words;
      if (i + 1 < n.size() && n[i + 1] == ' ') return 0;
      continue;
    }
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '\'' ||
              c == '-' || c >= 0x80;
    if (!ok) return 0;
  }
  if (words > 5 || n.back() == ' ') return 0;
  if (name) *name = std::string(n);
  return colon + 2;
}

// MakeCues in three stages over a window of cues: Add lays out a unit's
// cues (stage 1); Advance times them (stage 2: a reading-speed timeline, or
// for a timed source each run of cues sharing one source timing, once the
// run is complete) and, for a timed source, removes overlaps and lengthens
// fast cues (stage 3: cue i changes cue i - 1's end and looks at cue i + 1's
// start). A cue is final once no later stage can change it.
struct CueMaker::State {
  State(bool timed_source, const TimingOptions& options) : timed(timed_source), opt(options) {
    en_cps = std::min(opt.en_cps, kMaxEnglishCps);
    ko_lb.lang = LineLang::kKorean;
    ko_lb.max_width = opt.ko_max_line;
    en_lb.lang = LineLang::kEnglish;
    en_lb.max_width = static_cast<double>(opt.en_max_line);
    // A piece may hold at most this many characters so that it can be read
    // within max_ms (untimed sources only: a timed cue's time is fixed).
    ko_max_chars = std::numeric_limits<size_t>::max() / 4;
    en_max_chars = ko_max_chars;
    if (!timed) {
      ko_max_chars = static_cast<size_t>(
          std::max(1.0, std::floor(opt.ko_cps * static_cast<double>(opt.max_ms) / 1000.0)));
      en_max_chars = static_cast<size_t>(
          std::max(1.0, std::floor(en_cps * static_cast<double>(opt.max_ms) / 1000.0)));
    }
  }

  void Add(const MergedUnit& mu);
  void Advance();
  // Stage 3 for cues[i] (timed sources).
  void Settle(size_t i);
  // Cues no stage will change again.
  size_t FinalCount() const {
    if (finished) return cues.size();
    if (!timed) return timed_upto;
    return settled_upto == 0 ? 0 : settled_upto - 1;
  }

  const bool timed;
  const TimingOptions opt;
  double en_cps = 0;
  LineBreakOptions ko_lb, en_lb;
  size_t ko_max_chars = 0, en_max_chars = 0;

  std::map<std::string, std::string> en_names;
  std::string prev_speaker;
  // Kept across units: their buffers are reused.
  std::string ko, en;
  std::string ko_speaker;  // prev_speaker as a display line
  PieceSplitter ko_split, en_split;
  std::vector<Range> ko_pieces, en_pieces;

  // The window: cues not yet taken, and per cue the unit's source timing.
  std::vector<Cue> cues;
  std::vector<Timing> unit_timing;
  size_t timed_upto = 0;    // cues[0, timed_upto) have been through stage 2
  size_t settled_upto = 0;  // ... and [0, settled_upto) through stage 3
  bool finished = false;
  int64_t prev_end = -1;  // stage 2: end of the last cue timed
  int prev_paragraph = 0;
};

void CueMaker::State::Add(const MergedUnit& mu) {
  if (mu.state != TranslationState::kTranslated) return;
  if (mu.unit.kind == UnitKind::kBoilerplate) return;
  AssignDisplayLine(mu.unit.text, &ko);
  AssignDisplayLine(mu.english, &en);
  if (en.empty() || ko.empty()) return;
  const std::string& speaker = mu.unit.speaker;
  std::string en_name;
  if (!speaker.empty() && EnglishSpeakerLabel(en, &en_name) > 0) en_names[speaker] = en_name;
  if (!speaker.empty() && speaker != prev_speaker) {
    // The name as a display line, as ko is: the cue lines are pieces of ko.
    // It stays while the speaker does.
    AssignDisplayLine(speaker, &ko_speaker);
    const size_t n = ko_speaker.size();
    if (!(StartsWith(ko, ko_speaker) && ko.size() > n && ko[n] == ':')) {
      ko.insert(0, ko_speaker + ": ");
    }
    auto it = en_names.find(speaker);
    if (EnglishSpeakerLabel(en, nullptr) == 0 && it != en_names.end()) {
      en.insert(0, it->second + ": ");
    }
  }
  prev_speaker = speaker;
  auto name_it = en_names.find(speaker);
  std::string en_speaker = name_it != en_names.end() ? name_it->second : std::string();

  ko_lb.keep_together.clear();
  if (!speaker.empty()) ko_lb.keep_together.push_back(ko_speaker);
  en_lb.keep_together.clear();
  if (!en_speaker.empty()) en_lb.keep_together.push_back(en_speaker);

  ko_split.Reset(ko, ko_lb, opt.max_lines, ko_max_chars);
  en_split.Reset(en, en_lb, opt.max_lines, en_max_chars);
  if (ko_split.Fits(0, ko_split.size()) && en_split.Fits(0, en_split.size())) {
    ko_pieces.assign(1, Range{0, ko_split.size()});
    en_pieces.assign(1, Range{0, en_split.size()});
  } else {
    SplitUnit(ko_split, en_split, &ko_pieces, &en_pieces);
  }
  int parts = static_cast<int>(ko_pieces.size());
  for (int p = 0; p < parts; ++p) {
    Cue c;
    c.unit_id = mu.unit.id;
    c.speaker = speaker;
    c.en_speaker = en_speaker;
    c.paragraph = mu.unit.paragraph;
    c.part = p + 1;
    c.parts = parts;
    c.ko_lines = ko_split.Lines(ko_pieces[static_cast<size_t>(p)]);
    c.en_lines = en_split.Lines(en_pieces[static_cast<size_t>(p)]);
    // Pieces of the display lines ko and en, broken at spaces (or inside a
    // word, between characters) and trimmed: clean as they are.
    c.lines_clean = true;
    cues.push_back(std::move(c));
    unit_timing.push_back(mu.unit.timing);
  }
}

void CueMaker::State::Advance() {
  // Untimed: a reading-speed timeline.
  auto reading = [&](const Cue& c) {
    return std::clamp(ReadingMs(c, opt.ko_cps, en_cps), opt.min_ms, opt.max_ms);
  };
  while (timed_upto < cues.size()) {
    const size_t i = timed_upto;
    Cue& c = cues[i];
    const Timing& t = unit_timing[i];
    int64_t pause = c.paragraph != prev_paragraph ? opt.paragraph_gap_ms : opt.gap_ms;
    if (!timed || !t.valid()) {
      c.start_ms = prev_end < 0 ? 0 : prev_end + pause;
      c.end_ms = c.start_ms + reading(c);
      prev_end = c.end_ms;
      prev_paragraph = c.paragraph;
      ++timed_upto;
      continue;
    }
    // Timed: the run of cues with this source timing shares it.
    size_t j = i;
    while (j < cues.size() && unit_timing[j].start_ms == t.start_ms &&
           unit_timing[j].end_ms == t.end_ms)
      ++j;
    if (j == cues.size() && !finished) break;  // the next unit may extend the run
    double total = 0;
    std::vector<double> weight;
    for (size_t k = i; k < j; ++k) {
      weight.push_back(
          std::max<double>(1, static_cast<double>(ReadingMs(cues[k], opt.ko_cps, en_cps))));
      total += weight.back();
    }
    int64_t span = t.end_ms - t.start_ms;
    double acc = 0;
    int64_t b_prev = t.start_ms;
    for (size_t k = i; k < j; ++k) {
      acc += weight[k - i];
      int64_t b = k + 1 == j ? t.end_ms
                             : t.start_ms + static_cast<int64_t>(std::llround(
                                                static_cast<double>(span) * acc / total));
      cues[k].start_ms = b_prev;
      cues[k].end_ms = (k + 1 < j && b - b_prev > 2 * opt.gap_ms) ? b - opt.gap_ms : b;
      b_prev = b;
    }
    prev_end = cues[j - 1].end_ms;
    prev_paragraph = cues[j - 1].paragraph;
    timed_upto = j;
  }
  if (!timed) return;
  // Stage 3 for cue i needs cue i + 1 timed (or to know there is none).
  while (settled_upto < timed_upto &&
         (settled_upto + 1 < timed_upto || (finished && settled_upto + 1 == cues.size()))) {
    Settle(settled_upto++);
  }
}

void CueMaker::State::Settle(size_t i) {
  // No overlaps, no empty cues, English no faster than kMaxEnglishCps where
  // the following silence allows.
  Cue& c = cues[i];
  // Take leaves the last settled cue in the window (FinalCount), so a cue
  // with one before it has it at i - 1.
  if (i > 0) {
    Cue& prev = cues[i - 1];
    if (c.start_ms < prev.end_ms) c.start_ms = prev.end_ms;
    // Two frames between cues where the previous one can spare them.
    int64_t shortened = c.start_ms - opt.gap_ms;
    if (shortened < prev.end_ms && shortened - prev.start_ms >= opt.min_ms &&
        static_cast<double>(ReadingChars(prev.en_lines)) * 1000.0 /
                static_cast<double>(shortened - prev.start_ms) <=
            kMaxEnglishCps) {
      prev.end_ms = shortened;
    }
  }
  if (c.end_ms <= c.start_ms) c.end_ms = c.start_ms + 1;
  int64_t need = CeilMs(static_cast<double>(ReadingChars(c.en_lines)) * 1000.0 / kMaxEnglishCps);
  if (c.end_ms - c.start_ms < need) {
    int64_t limit = i + 1 < cues.size() ? cues[i + 1].start_ms - opt.gap_ms
                                        : std::numeric_limits<int64_t>::max();
    c.end_ms = std::max(c.end_ms, std::min(c.start_ms + need, limit));
  }
}

CueMaker::CueMaker(bool timed_source, const TimingOptions& opt)
    : state_(std::make_unique<State>(timed_source, opt)) {}

CueMaker::~CueMaker() = default;

void CueMaker::Add(const MergedUnit& mu) { state_->Add(mu); }

void CueMaker::Finish() {
  state_->finished = true;
  state_->Advance();
}

void CueMaker::Take(std::vector<Cue>* out) {
  State& s = *state_;
  s.Advance();
  const size_t n = s.FinalCount();
  if (n == 0) return;
  auto first = std::make_move_iterator(s.cues.begin());
  out->insert(out->end(), first, first + static_cast<std::ptrdiff_t>(n));
  s.cues.erase(s.cues.begin(), s.cues.begin() + static_cast<std::ptrdiff_t>(n));
  s.unit_timing.erase(s.unit_timing.begin(),
                      s.unit_timing.begin() + static_cast<std::ptrdiff_t>(n));
  s.timed_upto -= n;
  s.settled_upto = s.settled_upto >= n ? s.settled_upto - n : 0;
}

std::vector<Cue> MakeCues(const MergedDocument& doc, const TimingOptions& opt) {
  CueMaker maker(doc.timed, opt);
  for (const MergedUnit& mu : doc.units) maker.Add(mu);
  maker.Finish();
  std::vector<Cue> cues;
  maker.Take(&cues);
  return cues;
}

}  // namespace bitext
