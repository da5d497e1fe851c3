// corpus_bench: corpora and baselines for the corpus-scale benchmarks run by
// tools/bench/run.sh (results in BENCHMARKS.md).
//
//   corpus_bench corpus --mb N [--seed S] [--root DIR] [--kss DIR] OUT.txt
//       A Korean corpus of about N MB (1 MB = 2^20 bytes), written to OUT.
//   corpus_bench document --units N [--seed S] [--root DIR] [--kss DIR] DIR
//       A document folder DIR/ko.txt of about N units (bitext's own count).
//   corpus_bench fill-po [--seed S] EN.PO
//       Gives every active untranslated or fuzzy entry of EN.PO a synthetic
//       English translation (not fuzzy), the same for the same msgid.
//   corpus_bench icu FILE
//       Bare ICU: the sentences of FILE by ICU's sentence BreakIterator (Korean
//       locale, over the whole file at once), one per line, trimmed, with a
//       blank line between paragraphs: the baseline of `bitext segment FILE`.
//   corpus_bench segment [--runs N] FILE
//       In-process stage times on FILE (thread CPU time, median of N, default
//       3): ReadFile, CleanText, bitext::Segment, and ICU's bare
//       BreakIterator over the same cleaned text.
//
// Sources: the KSS test sets (--kss, default ../shared/eval/kss; a document
// is its gold lines joined with "", one paragraph) and the bundled documents
// (--root, default the repository: translations/*/ko.txt, paragraphs split at
// blank lines). The corpus is made of passes; each pass emits every source
// paragraph once in a shuffled order. From the second pass on, half of the
// gold sentences of each KSS paragraph are spliced (the first half of their
// words + the last half of another gold sentence's words, so sentence-final
// endings stay real), so that, as in a real archive, most sentences are new.
// Paragraphs are separated by one blank line. Everything is drawn from a
// fixed-seed SplitMix64, so the same arguments give the same bytes on every
// machine, and a smaller corpus is a prefix of a larger one with the same
// seed.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "file_io.h"
#include "kss_reader.h"
#include "po_store.h"
#include "segmenter.h"
#include "text_clean.h"

namespace {

std::string RepoRoot() {
  std::string f = __FILE__;  // <root>/tools/bench/corpus_bench.cc
  for (int i = 0; i < 3; ++i) {
    size_t slash = f.rfind('/');
    if (slash == std::string::npos) return ".";
    f.resize(slash);
  }
  return f.empty() ? "." : f;
}

// SplitMix64: tiny, fast and identical everywhere (unlike the standard
// distributions, whose algorithms are implementation-defined).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }

 private:
  uint64_t s_;
};

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> w;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    w.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return w;
}

struct Paragraph {
  std::string text;                // verbatim text (bundled documents)
  std::vector<std::string> lines;  // KSS gold sentences (text unused)
};

struct Sources {
  std::vector<Paragraph> paragraphs;
  std::vector<std::string> gold;  // every KSS gold sentence, for splicing
};

bool LoadSources(const std::string& root, const std::string& kss, Sources* src) {
  // Bundled documents.
  bitext::Result<std::vector<std::string>> docs = bitext::ListDocuments(root + "/translations");
  if (docs.ok()) {
    for (const std::string& dir : *docs) {
      std::string path = dir + "/ko.txt";
      bitext::Result<std::string> raw = bitext::ReadFile(path);
      if (!raw.ok()) continue;  // a ko.srt document
      bitext::Result<std::string> clean = bitext::CleanText(*raw, path);
      if (!clean.ok()) {
        std::fprintf(stderr, "%s\n", clean.status().ToString().c_str());
        return false;
      }
      std::string cur;
      size_t pos = 0;
      const std::string& s = *clean;
      while (pos <= s.size()) {
        size_t nl = s.find('\n', pos);
        if (nl == std::string::npos) nl = s.size();
        std::string_view line(s.data() + pos, nl - pos);
        if (line.find_first_not_of(' ') == std::string_view::npos) {
          if (!cur.empty()) src->paragraphs.push_back({cur, {}});
          cur.clear();
        } else {
          if (!cur.empty()) cur += '\n';
          cur += line;
        }
        if (nl == s.size()) break;
        pos = nl + 1;
      }
      if (!cur.empty()) src->paragraphs.push_back({cur, {}});
    }
  }
  // KSS test sets.
  for (const std::string& f : bitext::bench::ListKssFiles(kss)) {
    for (bitext::bench::KssDocument& d : bitext::bench::ReadKssFile(f)) {
      src->gold.insert(src->gold.end(), d.sentences.begin(), d.sentences.end());
      src->paragraphs.push_back({std::string(), std::move(d.sentences)});
    }
  }
  if (src->paragraphs.empty()) {
    std::fprintf(stderr, "%s, %s: no source text\n", root.c_str(), kss.c_str());
    return false;
  }
  return true;
}

// First half of `a`'s words + last half of `b`'s.
std::string Splice(const std::string& a, const std::string& b) {
  std::vector<std::string> wa = SplitWords(a), wb = SplitWords(b);
  if (wa.size() < 2 || wb.size() < 2) return a;
  std::string out;
  for (size_t i = 0; i < (wa.size() + 1) / 2; ++i) out += wa[i] + " ";
  for (size_t i = wb.size() / 2; i < wb.size(); ++i) {
    out += wb[i];
    if (i + 1 < wb.size()) out += " ";
  }
  return out;
}

// The endless stream of corpus paragraphs described at the top.
class ParagraphStream {
 public:
  ParagraphStream(const Sources& src, uint64_t seed) : src_(src), rng_(seed) {}

  std::string Next() {
    if (next_ == order_.size()) NewPass();
    const Paragraph& p = src_.paragraphs[order_[next_++]];
    if (p.lines.empty()) return p.text;
    std::string text;
    for (const std::string& line : p.lines) {
      if (pass_ > 1 && rng_.Below(2) == 0) {
        text += Splice(line, src_.gold[rng_.Below(src_.gold.size())]);
      } else {
        text += line;
      }
    }
    return text;
  }

 private:
  void NewPass() {
    ++pass_;
    order_.resize(src_.paragraphs.size());
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    for (size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[rng_.Below(i)]);
    next_ = 0;
  }

  const Sources& src_;
  Rng rng_;
  std::vector<size_t> order_;
  size_t next_ = 0;
  int pass_ = 0;
};

// Options shared by the subcommands.
struct Args {
  std::string cmd;
  std::vector<std::string> positional;
  double mb = 0;
  long units = 0;
  int runs = 3;
  uint64_t seed = 20230609;
  std::string root = RepoRoot();
  std::string kss;
};

int Usage() {
  std::fprintf(stderr,
               "usage: corpus_bench corpus --mb N [--seed S] [--root DIR] [--kss DIR] OUT\n"
               "       corpus_bench document --units N [--seed S] [--root DIR] [--kss DIR] DIR\n"
               "       corpus_bench fill-po [--seed S] EN.PO\n"
               "       corpus_bench icu FILE\n"
               "       corpus_bench segment [--runs N] FILE\n");
  return 2;
}

int WriteOrFail(const std::string& path, const std::string& content) {
  bitext::Status s = bitext::WriteFileAtomic(path, content);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}

int RunCorpus(const Args& a) {
  Sources src;
  if (!LoadSources(a.root, a.kss, &src)) return 1;
  const size_t want = static_cast<size_t>(a.mb * 1024 * 1024);
  std::string out;
  out.reserve(want + 65536);
  ParagraphStream stream(src, a.seed);
  while (out.size() < want) {
    if (!out.empty()) out += "\n";
    out += stream.Next();
    out += "\n";
  }
  std::fprintf(stderr, "%s: %zu bytes (%.2f MB)\n", a.positional[0].c_str(), out.size(),
               out.size() / 1048576.0);
  return WriteOrFail(a.positional[0], out);
}

// About `target` units' worth of paragraphs, counting each paragraph's units
// on its own.
std::string DocumentText(const Sources& src, uint64_t seed, long target) {
  ParagraphStream stream(src, seed);
  std::string out;
  long units = 0;
  while (units < target) {
    std::string p = stream.Next();
    std::vector<bitext::Unit> us = bitext::Segment(p);
    long n = static_cast<long>(us.size());
    if (n == 0) continue;
    if (units + n > target) {
      // Keep the first sentences of a one-line paragraph; skip anything else.
      if (p.find('\n') != std::string::npos) continue;
      p.clear();
      for (long i = 0; i < target - units; ++i) p += (i ? " " : "") + us[i].text;
      n = target - units;
    }
    if (!out.empty()) out += "\n";
    out += p + "\n";
    units += n;
  }
  return out;
}

int RunDocument(const Args& a) {
  Sources src;
  if (!LoadSources(a.root, a.kss, &src)) return 1;
  // Paragraphs segmented alone and in the whole document differ a little
  // (speakers carried over, structure at the top), so correct the target
  // until the whole document has the number asked for.
  long target = a.units;
  std::string out;
  long actual = 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    out = DocumentText(src, a.seed, target);
    actual = static_cast<long>(bitext::Segment(out).size());
    if (actual == a.units) break;
    target -= actual - a.units;
  }
  std::error_code ec;
  std::filesystem::create_directories(a.positional[0], ec);
  const std::string path = a.positional[0] + "/ko.txt";
  std::fprintf(stderr, "%s: %zu bytes, %ld units\n", path.c_str(), out.size(), actual);
  return WriteOrFail(path, out);
}

// Plausible English of about the length a translation of `ko` would have.
std::string FakeEnglish(const std::string& ko, uint64_t seed) {
  static const char* const kWords[] = {
      "the",        "of",     "and",        "to",         "in",           "a",        "is",
      "that",       "for",    "it",         "as",         "was",          "with",     "be",
      "by",         "on",     "not",        "he",         "this",         "are",      "or",
      "his",        "from",   "at",         "which",      "but",          "have",     "an",
      "they",       "you",    "were",       "their",      "one",          "all",      "we",
      "can",        "her",    "has",        "there",      "been",         "if",       "more",
      "when",       "will",   "would",      "who",        "so",           "no",       "company",
      "people",     "Korea",  "Seoul",      "startup",    "model",        "research", "market",
      "government", "policy", "technology", "artificial", "intelligence", "industry", "investment",
      "said",       "year",   "week",       "country",    "world",        "service",  "data",
      "users",      "growth", "future",     "question",   "answer",       "important"};
  const size_t n_words = sizeof(kWords) / sizeof(kWords[0]);
  Rng rng(Fnv1a(ko) ^ seed);
  // Korean syllables are 3 bytes; English runs at about 2.5 characters per
  // Korean character (spaces included).
  const size_t want = std::max<size_t>(8, ko.size() * 5 / 6);
  std::string en;
  while (en.size() < want) {
    std::string w = kWords[rng.Below(n_words)];
    if (en.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    if (!en.empty()) en += rng.Below(12) == 0 ? ", " : " ";
    en += w;
  }
  en += ".";
  return en;
}

int RunFillPo(const Args& a) {
  const std::string& path = a.positional[0];
  bitext::Result<bitext::PoFile> po = bitext::ReadPo(path);
  if (!po.ok()) {
    std::fprintf(stderr, "%s\n", po.status().ToString().c_str());
    return 1;
  }
  size_t filled = 0;
  for (bitext::PoEntry& e : po->entries) {
    if (e.obsolete || e.IsTranslated()) continue;
    e.SetFuzzy(false);
    e.previous_msgctxt.reset();
    e.previous_msgid.reset();
    e.previous_msgid_plural.reset();
    for (std::string& s : e.msgstr) s = FakeEnglish(e.msgid, a.seed);
    ++filled;
  }
  bitext::Status s = bitext::WritePo(path, *po);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "%s: %zu entries, %zu filled\n", path.c_str(), po->entries.size(), filled);
  return 0;
}

// Bare ICU sentence splitting of `text` (whole, one UText); calls f(begin,
// end) for every trimmed non-empty sentence.
template <typename F>
size_t IcuSentences(std::string_view text, F f) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), err));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  bi->setText(ut, err);
  if (U_FAILURE(err)) {
    std::fprintf(stderr, "ICU: %s\n", u_errorName(err));
    std::exit(1);
  }
  size_t count = 0;
  size_t start = 0;
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; end = bi->next()) {
    size_t s = start, e = static_cast<size_t>(end);
    start = e;
    while (s < e && (text[s] == ' ' || text[s] == '\n')) ++s;
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    if (s < e) {
      ++count;
      f(s, e);
    }
  }
  utext_close(ut);
  return count;
}

int RunIcu(const Args& a) {
  const std::string& path = a.positional[0];
  bitext::Result<std::string> raw = bitext::ReadFile(path);
  if (!raw.ok()) {
    std::fprintf(stderr, "%s\n", raw.status().ToString().c_str());
    return 1;
  }
  const std::string& text = *raw;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  size_t last_end = 0;
  bool first = true;
  IcuSentences(text, [&](size_t s, size_t e) {
    // A blank line between this sentence and the last: a paragraph break.
    std::string_view gap(text.data() + last_end, s - last_end);
    if (!first && gap.find("\n\n") != std::string_view::npos) out += '\n';
    first = false;
    out.append(text, s, e - s);
    out += '\n';
    last_end = e;
    if (out.size() >= (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  });
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int RunSegment(const Args& a) {
  const std::string& path = a.positional[0];
  // CPU time of this thread: on a shared machine, time spent waiting for a
  // core is not the program's.
  using Clock = double;
  auto now = []() -> Clock {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
  };
  auto secs = [](Clock t0, Clock t1) { return t1 - t0; };
  std::vector<double> t_read, t_clean, t_segment, t_icu;
  size_t n_units = 0, n_icu = 0, bytes = 0;
  for (int r = 0; r < a.runs; ++r) {
    Clock t0 = now();
    bitext::Result<std::string> raw = bitext::ReadFile(path);
    Clock t1 = now();
    if (!raw.ok()) {
      std::fprintf(stderr, "%s\n", raw.status().ToString().c_str());
      return 1;
    }
    bitext::Result<std::string> clean = bitext::CleanText(*raw, path);
    Clock t2 = now();
    if (!clean.ok()) {
      std::fprintf(stderr, "%s\n", clean.status().ToString().c_str());
      return 1;
    }
    n_units = bitext::Segment(*clean).size();
    Clock t3 = now();
    n_icu = IcuSentences(*clean, [](size_t, size_t) {});
    Clock t4 = now();
    bytes = raw->size();
    t_read.push_back(secs(t0, t1));
    t_clean.push_back(secs(t1, t2));
    t_segment.push_back(secs(t2, t3));
    t_icu.push_back(secs(t3, t4));
  }
  const double mb = bytes / 1048576.0;
  std::printf("file\t%s\nmb\t%.2f\nruns\t%d\n", path.c_str(), mb, a.runs);
  std::printf("read_s\t%.4f\nclean_s\t%.4f\nsegment_s\t%.4f\nicu_s\t%.4f\n", Median(t_read),
              Median(t_clean), Median(t_segment), Median(t_icu));
  std::printf("units\t%zu\nicu_sentences\t%zu\n", n_units, n_icu);
  std::printf("ratio_segment_icu\t%.3f\nratio_clean_segment_icu\t%.3f\n",
              Median(t_segment) / Median(t_icu),
              (Median(t_clean) + Median(t_segment)) / Median(t_icu));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  Args a;
  a.cmd = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (s == "--mb" && (v = value())) {
      a.mb = std::atof(v);
    } else if (s == "--units" && (v = value())) {
      a.units = std::atol(v);
    } else if (s == "--runs" && (v = value())) {
      a.runs = std::max(1, std::atoi(v));
    } else if (s == "--seed" && (v = value())) {
      a.seed = std::strtoull(v, nullptr, 10);
    } else if (s == "--root" && (v = value())) {
      a.root = v;
    } else if (s == "--kss" && (v = value())) {
      a.kss = v;
    } else if (!s.empty() && s[0] == '-') {
      return Usage();
    } else {
      a.positional.push_back(s);
    }
  }
  if (a.kss.empty()) a.kss = a.root + "/../shared/eval/kss";
  if (a.positional.size() != 1) return Usage();
  if (a.cmd == "corpus" && a.mb > 0) return RunCorpus(a);
  if (a.cmd == "document" && a.units > 0) return RunDocument(a);
  if (a.cmd == "fill-po") return RunFillPo(a);
  if (a.cmd == "icu") return RunIcu(a);
  if (a.cmd == "segment") return RunSegment(a);
  return Usage();
}
