// segment_bench: accuracy of the sentence splitter on the KSS test sets and
// its speed against ICU's bare sentence BreakIterator.
//
//   build/segment_bench [KSS_DIR] [--mb N] [--no-speed] [--errors FILE.txt]
//
// KSS_DIR defaults to ../shared/eval/kss next to the repository root. Each
// KSS file holds one gold sentence per line; a blank line ends a document,
// whose input text is its lines joined with "" (trailing spaces kept).
// Scoring follows KSS: a gold sentence is an exact match when some predicted
// sentence has the same start and end, whitespace ignored; boundary
// precision/recall/F1 compare the sentence ends inside each document. Both
// bitext (SplitSentenceSpans) and bare ICU are scored side by side.
//
// Speed: a corpus of about N MB (default 20) is built by repeating the seed
// documents and the KSS texts (paragraphs kept), then timed (best of 5
// interleaved rounds) with
// ICU's bare sentence BreakIterator line by line, with SplitSentenceSpans
// line by line, and with the whole Segment() (structure, units and ids).
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "file_io.h"
#include "kss_reader.h"
#include "segmenter.h"
#include "text_clean.h"

namespace {

using Spans = std::vector<std::pair<size_t, size_t>>;

std::string RepoRoot() {
  std::string f = __FILE__;  // <root>/tools/bench/segment_bench.cc
  for (int i = 0; i < 3; ++i) {
    size_t slash = f.rfind('/');
    if (slash == std::string::npos) return ".";
    f.resize(slash);
  }
  return f.empty() ? "." : f;
}

// Bare ICU: sentence boundaries of `text`, trimmed of spaces.
class IcuSplitter {
 public:
  IcuSplitter() {
    UErrorCode err = U_ZERO_ERROR;
    bi_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), err));
  }
  ~IcuSplitter() {
    if (ut_ != nullptr) utext_close(ut_);
  }
  // Appends trimmed spans; returns the number of boundaries seen.
  size_t Split(std::string_view text, Spans* out) {
    UErrorCode err = U_ZERO_ERROR;
    ut_ = utext_openUTF8(ut_, text.data(), static_cast<int64_t>(text.size()), &err);
    bi_->setText(ut_, err);
    size_t count = 0;
    size_t start = 0;
    for (int32_t end = bi_->next(); end != icu::BreakIterator::DONE; end = bi_->next()) {
      ++count;
      if (out != nullptr) {
        size_t a = start, b = static_cast<size_t>(end);
        while (a < b && text[a] == ' ') ++a;
        while (b > a && text[b - 1] == ' ') --b;
        if (a < b) out->emplace_back(a, b);
      }
      start = static_cast<size_t>(end);
    }
    return count;
  }

 private:
  std::unique_ptr<icu::BreakIterator> bi_;
  UText* ut_ = nullptr;
};

struct Doc {
  std::string text;
  std::vector<std::pair<size_t, size_t>> gold;  // byte spans of the gold lines
};

// The documents of a KSS file, each as its text (the gold sentences joined
// with nothing between them, as KSS scores) and the gold spans.
std::vector<Doc> ReadKss(const std::string& path) {
  std::vector<Doc> docs;
  for (const bitext::bench::KssDocument& k : bitext::bench::ReadKssFile(path)) {
    Doc d;
    for (const std::string& line : k.sentences) {
      d.gold.emplace_back(d.text.size(), d.text.size() + line.size());
      d.text += line;
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

// cnt[i]: non-whitespace code points in text[0, i).
std::vector<size_t> NonSpaceCounts(std::string_view t) {
  std::vector<size_t> cnt(t.size() + 1, 0);
  size_t n = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    cnt[i] = n;
    auto b = static_cast<unsigned char>(t[i]);
    if ((b & 0xC0) == 0x80) continue;  // continuation byte
    bool space = b == ' ' || b == '\t' || b == '\n' || b == '\r';
    if (b == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) space = true;
    if (b == 0xE3 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        static_cast<unsigned char>(t[i + 2]) == 0x80) {
      space = true;
    }
    if (!space) ++n;
  }
  cnt[t.size()] = n;
  return cnt;
}

struct Score {
  size_t gold = 0, exact = 0;
  size_t gold_bounds = 0, pred_bounds = 0, hit_bounds = 0;
  void Add(const Score& o) {
    gold += o.gold;
    exact += o.exact;
    gold_bounds += o.gold_bounds;
    pred_bounds += o.pred_bounds;
    hit_bounds += o.hit_bounds;
  }
  double Em() const { return gold ? double(exact) / gold : 0; }
  double P() const { return pred_bounds ? double(hit_bounds) / pred_bounds : 0; }
  double R() const { return gold_bounds ? double(hit_bounds) / gold_bounds : 0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

Score ScoreDoc(const Doc& d, const Spans& pred, FILE* errors) {
  std::vector<size_t> cnt = NonSpaceCounts(d.text);
  const size_t total = cnt.back();
  std::set<std::pair<size_t, size_t>> p;
  std::set<size_t> pb, gb;
  for (const auto& s : pred) {
    size_t a = cnt[s.first], b = cnt[s.second];
    if (a < b) {
      p.emplace(a, b);
      if (b < total) pb.insert(b);
    }
  }
  Score sc;
  for (const auto& g : d.gold) {
    size_t a = cnt[g.first], b = cnt[g.second];
    if (a >= b) continue;
    ++sc.gold;
    if (p.count({a, b})) {
      ++sc.exact;
    } else if (errors != nullptr) {
      std::fprintf(errors, "MISS %.*s\n", static_cast<int>(g.second - g.first),
                   d.text.data() + g.first);
    }
    if (b < total) gb.insert(b);
  }
  if (errors != nullptr && sc.exact < sc.gold) {
    for (const auto& s : pred) {
      std::fprintf(errors, "  got %.*s\n", static_cast<int>(s.second - s.first),
                   d.text.data() + s.first);
    }
  }
  sc.gold_bounds = gb.size();
  sc.pred_bounds = pb.size();
  for (size_t b : pb) sc.hit_bounds += gb.count(b);
  return sc;
}

constexpr int kRounds = 5;

double Time(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t1 - t0).count();
}

template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > pos) f(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = RepoRoot();
  std::string kss_dir = root + "/../shared/eval/kss";
  double mb = 20;
  bool speed = true;
  FILE* errors = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) {
      mb = std::atof(argv[++i]);
    } else if (a == "--no-speed") {
      speed = false;
    } else if (a == "--errors" && i + 1 < argc) {
      errors = std::fopen(argv[++i], "w");
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: segment_bench [KSS_DIR] [--mb N] [--no-speed] [--errors FILE]\n");
      return 0;
    } else {
      kss_dir = a;
    }
  }

  // --- Accuracy. ---
  std::vector<std::string> files = bitext::bench::ListKssFiles(kss_dir);
  if (files.empty()) {
    std::fprintf(stderr, "%s: no KSS .txt files\n", kss_dir.c_str());
    return 1;
  }
  IcuSplitter icu;
  Score all_b, all_i;
  std::string corpus_kss;
  std::printf("KSS sentence splitting (%s)\n", kss_dir.c_str());
  std::printf("%-14s %6s | %-27s | %-27s\n", "", "", "bitext", "bare ICU");
  std::printf("%-14s %6s | %6s %6s %6s %6s | %6s %6s %6s %6s\n", "file", "sents", "exact", "P", "R",
              "F1", "exact", "P", "R", "F1");
  for (const std::string& f : files) {
    Score sb, si;
    const std::string name = std::filesystem::path(f).filename().string();
    if (errors != nullptr) std::fprintf(errors, "==== %s\n", name.c_str());
    for (const Doc& d : ReadKss(f)) {
      Spans pb, pi;
      bitext::SplitSentenceSpans(d.text, &pb);
      icu.Split(d.text, &pi);
      sb.Add(ScoreDoc(d, pb, errors));
      si.Add(ScoreDoc(d, pi, nullptr));
      corpus_kss += d.text;
      corpus_kss += "\n\n";
    }
    std::printf("%-14s %6zu | %6.3f %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f %6.3f\n", name.c_str(),
                sb.gold, sb.Em(), sb.P(), sb.R(), sb.F1(), si.Em(), si.P(), si.R(), si.F1());
    all_b.Add(sb);
    all_i.Add(si);
  }
  std::printf("%-14s %6zu | %6.3f %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f %6.3f\n", "ALL", all_b.gold,
              all_b.Em(), all_b.P(), all_b.R(), all_b.F1(), all_i.Em(), all_i.P(), all_i.R(),
              all_i.F1());
  if (errors != nullptr) std::fclose(errors);
  if (!speed) return 0;

  // --- Speed. ---
  std::string seeds;
  for (const char* doc : {"/translations/openai-fireside-chat-seoul/ko.txt",
                          "/translations/openai-startup-meeting-seoul/ko.txt"}) {
    bitext::Result<std::string> raw = bitext::ReadFile(root + doc);
    if (!raw.ok()) continue;
    bitext::Result<std::string> clean = bitext::CleanText(*raw, root + doc);
    if (clean.ok()) seeds += *clean + "\n\n";
  }
  std::string unit = seeds + corpus_kss;
  std::string corpus;
  const size_t want = static_cast<size_t>(mb * 1024 * 1024);
  corpus.reserve(want + unit.size());
  while (corpus.size() < want) corpus += unit;
  const double size_mb = corpus.size() / (1024.0 * 1024.0);

  size_t n_icu = 0, n_split = 0, n_units = 0;
  Spans spans;
  auto run_icu = [&] {
    n_icu = 0;
    ForEachLine(corpus, [&](std::string_view line) { n_icu += icu.Split(line, nullptr); });
  };
  auto run_split = [&] {
    n_split = 0;
    ForEachLine(corpus, [&](std::string_view line) {
      spans.clear();
      bitext::SplitSentenceSpans(line, &spans);
      n_split += spans.size();
    });
  };
  auto run_segment = [&] { n_units = bitext::Segment(corpus).size(); };
  // Interleaved rounds, best time of each: a busy machine slows all three alike.
  double t_icu = 1e100, t_split = 1e100, t_segment = 1e100;
  for (int round = 0; round < kRounds; ++round) {
    t_icu = std::min(t_icu, Time(run_icu));
    t_split = std::min(t_split, Time(run_split));
    t_segment = std::min(t_segment, Time(run_segment));
  }

  std::printf(
      "\nSpeed on %.1f MB of Korean (seeds + KSS, repeated; best of %d interleaved rounds)\n",
      size_mb, kRounds);
  std::printf("%-34s %8.3f s %8.1f MB/s %9zu sentences\n", "ICU bare sentence BreakIterator", t_icu,
              size_mb / t_icu, n_icu);
  std::printf("%-34s %8.3f s %8.1f MB/s %9zu sentences  ratio %.2fx\n", "bitext SplitSentenceSpans",
              t_split, size_mb / t_split, n_split, t_split / t_icu);
  std::printf("%-34s %8.3f s %8.1f MB/s %9zu units      ratio %.2fx\n",
              "bitext Segment (units, kinds, ids)", t_segment, size_mb / t_segment, n_units,
              t_segment / t_icu);
  return 0;
}
