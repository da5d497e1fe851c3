#include "document.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "affix.h"
#include "file_io.h"
#include "po_store.h"
#include "segmenter.h"
#include "srt_reader.h"
#include "text_clean.h"
#include "utf8.h"

namespace bitext {
namespace {

// A timed source (ko.srt) becomes units like this:
//  - a cue's text lines are joined with a space, markup removed (<i>, </b>,
//    <font ...>, {\an8}); a cue left empty gives no unit;
//  - a cue is split into sentences with SplitSentences; a unit never spans two
//    cues. The cue's time is shared among its sentences in proportion to
//    their length in characters (spaces not counted); the last sentence ends
//    when the cue ends;
//  - a unit's line is the cue text line its sentence starts on, its column
//    counted after markup removal (exact for cues without markup);
//  - a cue that starts with a speaker label, "이름: …" (1-20 characters
//    without digits or sentence punctuation, then a colon and a space), gives
//    kSpeech units with that speaker; other cues give kBody units;
//  - paragraphs: a new paragraph starts at the first cue, after a pause of
//    kSrtParagraphGapMs or more between two cues, and at a cue with a speaker
//    label. Subtitles have no blank-line paragraphs (blank lines separate
//    cues), and a paragraph per cue would cut the article into one-line
//    paragraphs.
constexpr int64_t kSrtParagraphGapMs = 2000;

// Removes HTML-like tags and {\...} overrides from one subtitle line.
std::string StripMarkup(std::string_view line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == '<') {
      size_t close = line.find('>', i);
      size_t j = i + 1;
      if (j < line.size() && line[j] == '/') ++j;
      bool tag = close != std::string_view::npos && j < line.size() &&
                 ((line[j] >= 'a' && line[j] <= 'z') || (line[j] >= 'A' && line[j] <= 'Z'));
      if (tag) {
        i = close + 1;
        continue;
      }
    } else if (c == '{' && i + 1 < line.size() && line[i + 1] == '\\') {
      size_t close = line.find('}', i);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

// The speaker of a cue that starts "이름: ", or "".
std::string SpeakerLabel(std::string_view text) {
  size_t colon = std::string_view::npos;
  size_t ascii = text.find(": ");
  size_t wide = text.find("\xEF\xBC\x9A");  // U+FF1A FULLWIDTH COLON
  colon = std::min(ascii, wide);
  if (colon == std::string_view::npos || colon == 0) return "";
  std::string_view name = text.substr(0, colon);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  int len = static_cast<int>(WellFormedCodePointCount(name));
  if (len < 1 || len > 20) return "";
  for (char c : name) {
    if ((c >= '0' && c <= '9') || c == '.' || c == '?' || c == '!' || c == ',' || c == '"' ||
        c == '\'' || c == '(' || c == ')') {
      return "";
    }
  }
  return std::string(name);
}

Result<std::vector<Unit>> LoadSrtSource(const std::string& clean, const std::string& path) {
  Result<std::vector<SrtCue>> cues = ParseSrt(clean, path);
  if (!cues.ok()) return cues.status();
  std::vector<Unit> units;
  int paragraph = 0;
  int64_t last_end = -1;
  for (const SrtCue& cue : *cues) {
    // Join the lines; remember where each starts, to give units a line/col.
    std::string text;
    std::vector<std::pair<size_t, int>> line_starts;  // offset in text, file line
    size_t pos = 0;
    int line_no = cue.text_line;
    while (pos <= cue.text.size() && !cue.text.empty()) {
      size_t nl = cue.text.find('\n', pos);
      if (nl == std::string::npos) nl = cue.text.size();
      std::string line = StripMarkup(std::string_view(cue.text).substr(pos, nl - pos));
      // Collapse the spaces markup removal may leave behind.
      std::string collapsed;
      for (char c : line) {
        if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += c;
      }
      while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
      if (!collapsed.empty()) {
        if (!text.empty()) text += ' ';
        line_starts.emplace_back(text.size(), line_no);
        text += collapsed;
      }
      ++line_no;
      if (nl == cue.text.size()) break;
      pos = nl + 1;
    }
    if (text.empty()) continue;
    std::vector<std::string_view> sentences = SplitSentences(text);
    if (sentences.empty()) continue;
    std::string speaker = SpeakerLabel(text);
    if (paragraph == 0 || !speaker.empty() ||
        (last_end >= 0 && cue.start_ms - last_end >= kSrtParagraphGapMs)) {
      ++paragraph;
    }
    last_end = cue.end_ms;
    // Share the cue's time by length.
    std::vector<int64_t> weights;
    int64_t total = 0;
    for (std::string_view s : sentences) {
      // Code points other than spaces.
      int64_t w =
          static_cast<int64_t>(WellFormedCodePointCount(s)) - std::count(s.begin(), s.end(), ' ');
      w = std::max<int64_t>(w, 1);
      weights.push_back(w);
      total += w;
    }
    const int64_t duration = cue.end_ms - cue.start_ms;
    int64_t done = 0;
    for (size_t k = 0; k < sentences.size(); ++k) {
      Unit u;
      u.paragraph = paragraph;
      u.text = std::string(sentences[k]);
      if (!speaker.empty()) {
        u.kind = UnitKind::kSpeech;
        u.speaker = speaker;
      }
      size_t offset = static_cast<size_t>(sentences[k].data() - text.data());
      auto it = std::upper_bound(
          line_starts.begin(), line_starts.end(), offset,
          [](size_t off, const std::pair<size_t, int>& ls) { return off < ls.first; });
      const auto& ls = *(it - 1);
      u.line = ls.second;
      u.col = ColumnOf(std::string_view(text).substr(ls.first), offset - ls.first);
      u.timing.start_ms = cue.start_ms + duration * done / total;
      done += weights[k];
      u.timing.end_ms =
          k + 1 == sentences.size() ? cue.end_ms : cue.start_ms + duration * done / total;
      units.push_back(std::move(u));
    }
  }
  AssignIds(&units);
  return units;
}

std::string BaseName(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  size_t slash = dir.rfind('/');
  return slash == std::string::npos ? dir : dir.substr(slash + 1);
}

}  // namespace

Result<std::string> FindSource(const std::string& doc_dir) {
  if (!IsDirectory(doc_dir)) return Status::NotFound({doc_dir}, "no such document folder");
  if (FileExists(doc_dir + "/ko.srt")) return doc_dir + "/ko.srt";
  if (FileExists(doc_dir + "/ko.txt")) return doc_dir + "/ko.txt";
  return Status::NotFound({doc_dir}, "document folder has no ko.txt or ko.srt");
}

namespace {

// The clean text of a source file. The raw bytes are given away: cleaning
// reuses them when nothing changes, else frees them when done (a smaller
// peak while segmenting).
Result<std::string> ReadClean(const std::string& source_path) {
  Result<std::string> raw = ReadFile(source_path);
  if (!raw.ok()) return raw.status();
  return CleanOwnedText(std::move(*raw), source_path);
}

}  // namespace

Result<SourceReader> SourceReader::Open(const std::string& source_path) {
  Result<std::string> clean = ReadClean(source_path);
  if (!clean.ok()) return clean.status();
  SourceReader r;
  r.timed_ = EndsWith(source_path, ".srt");
  if (r.timed_) {
    Result<std::vector<Unit>> units = LoadSrtSource(*clean, source_path);
    if (!units.ok()) return units.status();
    r.srt_units_ = std::move(*units);
  } else {
    r.clean_ = std::move(*clean);
  }
  return r;
}

void SourceReader::Read(const std::function<void(std::vector<Unit>* batch)>& sink) const {
  if (timed_) {
    std::vector<Unit> units = srt_units_;
    sink(&units);
    return;
  }
  SegmentInBatches(clean_, sink);
}

std::vector<Unit> SourceReader::TakeAll() {
  std::vector<Unit> units = timed_ ? std::move(srt_units_) : Segment(clean_);
  srt_units_.clear();
  clean_.clear();
  clean_.shrink_to_fit();
  return units;
}

Result<std::vector<Unit>> LoadSource(const std::string& source_path) {
  Result<SourceReader> source = SourceReader::Open(source_path);
  if (!source.ok()) return source.status();
  return source->TakeAll();
}

Status StreamSource(const std::string& source_path,
                    const std::function<void(std::vector<Unit>* batch)>& sink) {
  Result<SourceReader> source = SourceReader::Open(source_path);
  if (!source.ok()) return source.status();
  if (source->timed()) {
    // The cues' units are held already: hand them over, not a copy.
    std::vector<Unit> units = source->TakeAll();
    sink(&units);
  } else {
    source->Read(sink);
  }
  return Status::Ok();
}

namespace {

uint64_t KeyHash(std::string_view s) { return std::hash<std::string_view>()(s); }

TranslationState StateOf(const PoEntry& e) {
  if (!e.HasTranslation()) return TranslationState::kUntranslated;
  return e.IsFuzzy() ? TranslationState::kFuzzy : TranslationState::kTranslated;
}

// The candidates of `key` in a sorted (hash, entry) index: entries in file
// order.
std::pair<const std::pair<uint64_t, uint32_t>*, const std::pair<uint64_t, uint32_t>*> Candidates(
    const std::vector<std::pair<uint64_t, uint32_t>>& index, std::string_view key) {
  const uint64_t h = KeyHash(key);
  struct ByHash {
    bool operator()(const std::pair<uint64_t, uint32_t>& e, uint64_t v) const {
      return e.first < v;
    }
    bool operator()(uint64_t v, const std::pair<uint64_t, uint32_t>& e) const {
      return v < e.first;
    }
  };
  auto [lo, hi] = std::equal_range(index.begin(), index.end(), h, ByHash());
  return {index.data() + (lo - index.begin()), index.data() + (hi - index.begin())};
}

}  // namespace

// en.po's active entries, read back by span as units need them, through a
// window of the file (consecutive units' entries are neighbours).
struct DocumentReader::PoIndex {
  struct Entry {
    PoSpan span;
    int line = 0;
  };
  std::vector<Entry> entries;  // active entries, in file order
  // (hash of msgctxt / msgid, entry), sorted.
  std::vector<std::pair<uint64_t, uint32_t>> by_ctxt, by_text;
  int fd = -1;
  std::string path;
  struct stat stat = {};  // of `fd` when opened

  ~PoIndex() {
    if (fd >= 0) ::close(fd);
  }

  // IoError naming the file if it was written since it was opened.
  Status CheckUnchanged() const {
    struct stat now;
    if (fd < 0) return Status::Ok();
    if (::fstat(fd, &now) != 0 || now.st_size != stat.st_size ||
        now.st_mtim.tv_sec != stat.st_mtim.tv_sec || now.st_mtim.tv_nsec != stat.st_mtim.tv_nsec) {
      return Status::IoError({path}, "changed while being read");
    }
    return Status::Ok();
  }
};

// What one Read keeps while it joins: the entries used so far and a window
// of en.po around the entry last read back (its own, so that Reads may run at
// once; the file is read with pread).
struct DocumentReader::Cursor {
  explicit Cursor(const PoIndex& index) : po(index), used(index.entries.size(), false) {}

  const PoIndex& po;
  std::vector<bool> used;
  std::string window;
  uint64_t window_begin = 0;
  // The entry last read back, kept: a unit asks for the same one again.
  uint32_t cached = UINT32_MAX;
  PoEntry cached_entry;

  Result<PoEntry*> Get(uint32_t i) {
    if (i == cached) return &cached_entry;
    const PoSpan span = po.entries[i].span;
    const size_t len = static_cast<size_t>(span.end - span.begin);
    if (span.begin < window_begin || span.end > window_begin + window.size()) {
      constexpr size_t kWindow = size_t{1} << 16;
      window.resize(std::max(len, kWindow));
      Result<size_t> got = ReadAt(po.fd, span.begin, window.data(), window.size(), po.path);
      if (!got.ok()) return got.status();
      const size_t done = *got;
      window.resize(done);
      window_begin = span.begin;
      if (done < len) {
        return Status::IoError({po.path}, "changed while being read (shorter)");
      }
    }
    Result<PoEntry> e = ParsePoEntry(
        std::string_view(window).substr(static_cast<size_t>(span.begin - window_begin), len),
        po.path);
    if (!e.ok()) return e.status();
    cached = i;
    cached_entry = std::move(*e);
    cached_entry.line = po.entries[i].line;
    return &cached_entry;
  }
};

DocumentReader::DocumentReader() = default;
DocumentReader::~DocumentReader() = default;

Result<std::unique_ptr<DocumentReader>> DocumentReader::Open(const std::string& doc_dir) {
  std::unique_ptr<DocumentReader> r(new DocumentReader());
  MergedDocument& doc = r->info_;
  doc.dir = doc_dir;
  doc.name = BaseName(doc_dir);
  Result<std::string> source = FindSource(doc_dir);
  if (!source.ok()) return source.status();
  doc.source_path = *source;
  doc.po_path = doc_dir + "/en.po";
  Result<SourceReader> source_reader = SourceReader::Open(doc.source_path);
  if (!source_reader.ok()) return source_reader.status();
  r->source_ = std::move(*source_reader);
  doc.timed = r->source_.timed();
  r->po_ = std::make_unique<PoIndex>();
  PoIndex& po = *r->po_;
  po.path = doc.po_path;
  // Opened once: the entries are read back by their spans from the file
  // scanned, whatever the path names meanwhile. No en.po is a document not
  // translated yet.
  Result<int> fd = OpenRegularFile(doc.po_path, &po.stat);
  if (!fd.ok()) {
    if (fd.status().code() == Status::Code::kNotFound) return r;
    return fd.status();
  }
  po.fd = *fd;
  Result<std::optional<PoEntry>> header =
      ScanPo(po.fd, doc.po_path, [&](PoEntry&& e, PoSpan span) -> Status {
        if (e.obsolete) {
          ++doc.obsolete;
          return Status::Ok();
        }
        const uint32_t i = static_cast<uint32_t>(po.entries.size());
        po.entries.push_back({span, e.line});
        if (e.msgctxt) po.by_ctxt.emplace_back(KeyHash(*e.msgctxt), i);
        po.by_text.emplace_back(KeyHash(e.msgid), i);
        return Status::Ok();
      });
  if (!header.ok()) return header.status();
  std::sort(po.by_ctxt.begin(), po.by_ctxt.end());
  std::sort(po.by_text.begin(), po.by_text.end());
  BITEXT_RETURN_IF_ERROR(po.CheckUnchanged());
  return r;
}

Status DocumentReader::Join(Cursor* cursor, std::vector<Unit>* units,
                            std::vector<MergedUnit>* out) const {
  const PoIndex& index = *po_;
  out->clear();
  out->reserve(units->size());
  for (Unit& u : *units) {
    MergedUnit mu;
    // Join by msgctxt (the unit id); an entry whose msgctxt is stale but
    // whose msgid is the unit's text also serves (en.po not yet updated).
    // The entry of a msgctxt is the first in the file that has it.
    uint32_t ctxt = UINT32_MAX;
    bool ctxt_unused = false;
    auto [c_lo, c_hi] = Candidates(index.by_ctxt, u.id);
    for (auto* c = c_lo; c != c_hi && ctxt == UINT32_MAX; ++c) {
      Result<PoEntry*> e = cursor->Get(c->second);
      if (!e.ok()) return e.status();
      if (!(*e)->msgctxt) {  // indexed with one: the file changed
        return Status::IoError({index.path}, "changed while being read");
      }
      if (*(*e)->msgctxt == u.id) ctxt = c->second;
    }
    uint32_t chosen = UINT32_MAX;
    bool stale = false;
    if (ctxt != UINT32_MAX && !cursor->used[ctxt]) {
      Result<PoEntry*> e = cursor->Get(ctxt);
      if (!e.ok()) return e.status();
      ctxt_unused = true;
      if ((*e)->msgid == u.text) chosen = ctxt;
    }
    if (chosen == UINT32_MAX) {
      // The first unused entry (file order) with the unit's text.
      auto [t_lo, t_hi] = Candidates(index.by_text, u.text);
      for (auto* t = t_lo; t != t_hi && chosen == UINT32_MAX; ++t) {
        if (cursor->used[t->second]) continue;
        Result<PoEntry*> e = cursor->Get(t->second);
        if (!e.ok()) return e.status();
        if ((*e)->msgid == u.text) chosen = t->second;
      }
      if (chosen == UINT32_MAX && ctxt_unused) {
        // Same id, other Korean: the English is for an older text.
        chosen = ctxt;
        stale = true;
      }
    }
    if (chosen != UINT32_MAX) {
      Result<PoEntry*> got = cursor->Get(chosen);
      if (!got.ok()) return got.status();
      PoEntry& entry = **got;
      cursor->used[chosen] = true;
      mu.state = StateOf(entry);
      mu.english = entry.TakeTranslation();  // each entry serves one unit
      cursor->cached = UINT32_MAX;
      if (stale && mu.state == TranslationState::kTranslated) mu.state = TranslationState::kFuzzy;
      mu.po_line = entry.line;
    }
    mu.unit = std::move(u);
    out->push_back(std::move(mu));
  }
  return Status::Ok();
}

Status DocumentReader::Read(const std::function<void(std::vector<MergedUnit>* batch)>& sink) const {
  BITEXT_RETURN_IF_ERROR(po_->CheckUnchanged());
  Cursor cursor(*po_);
  std::vector<MergedUnit> merged;
  Status status;
  source_.Read([&](std::vector<Unit>* batch) {
    if (!status.ok()) return;
    status = Join(&cursor, batch, &merged);
    if (status.ok()) sink(&merged);
  });
  return status;
}

Result<MergedDocument> LoadDocument(const std::string& doc_dir) {
  Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open(doc_dir);
  if (!reader.ok()) return reader.status();
  MergedDocument doc = (*reader)->info();
  BITEXT_RETURN_IF_ERROR((*reader)->Read([&doc](std::vector<MergedUnit>* batch) {
    if (doc.units.empty()) {
      doc.units = std::move(*batch);
    } else {
      for (MergedUnit& mu : *batch) doc.units.push_back(std::move(mu));
    }
  }));
  return doc;
}

Result<std::vector<std::string>> ListDocuments(const std::string& translations_dir) {
  if (!IsDirectory(translations_dir)) {
    return Status::NotFound({translations_dir}, "no such folder");
  }
  std::error_code ec;
  std::vector<std::string> names;
  for (std::filesystem::directory_iterator it(translations_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::string dir = translations_dir + "/" + name;
    if (!name.empty() && name[0] != '.' && IsDirectory(dir) &&
        (FileExists(dir + "/ko.txt") || FileExists(dir + "/ko.srt"))) {
      names.push_back(name);
    }
  }
  if (ec) return Status::IoError({translations_dir}, "cannot list: " + ec.message());
  std::sort(names.begin(), names.end());
  std::vector<std::string> dirs;
  for (const std::string& n : names) {
    std::string base = translations_dir;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    dirs.push_back(base + "/" + n);
  }
  return dirs;
}

Result<std::vector<std::string>> ResolveDocuments(const std::vector<std::string>& args,
                                                  const std::string& translations_dir) {
  if (args.empty()) return ListDocuments(translations_dir);
  std::vector<std::string> dirs;
  dirs.reserve(args.size());
  for (const std::string& arg : args) {
    std::string under = translations_dir + "/" + arg;
    dirs.push_back(!IsDirectory(arg) && IsDirectory(under) ? under : arg);
  }
  return dirs;
}

}  // namespace bitext
