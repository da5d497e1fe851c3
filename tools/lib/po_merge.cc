#include "po_merge.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "document.h"
#include "file_io.h"
#include "similarity.h"

namespace bitext {
namespace {

std::string BaseName(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Gives `e` the unit's key and generated comments.
void Describe(const Unit& u, const MergeOptions& options, PoEntry* e) {
  e->obsolete = false;
  e->msgctxt = u.id;
  e->msgid = u.text;
  e->extracted_comments.clear();
  e->extracted_comments.push_back(std::string("kind: ") + KindName(u.kind));
  if (!u.speaker.empty()) e->extracted_comments.push_back("speaker: " + u.speaker);
  e->references.clear();
  e->references.push_back(options.source_name + ":" + std::to_string(u.line));
  e->line = 0;
  e->msgstr_line = 0;
}

void CompleteHeader(PoEntry* header) {
  static const std::pair<const char*, const char*> kRequired[] = {
      {"Project-Id-Version", "bitext"},
      {"Language", "en"},
      {"MIME-Version", "1.0"},
      {"Content-Type", "text/plain; charset=UTF-8"},
      {"Content-Transfer-Encoding", "8bit"},
  };
  for (const auto& [name, value] : kRequired) {
    if (!PoHeaderField(*header, name)) SetPoHeaderField(header, name, value);
  }
}

}  // namespace

PoFile MergeUnits(const PoFile& old, const std::vector<Unit>& units, const MergeOptions& options,
                  MergeStats* stats) {
  MergeStats st;
  const double threshold = options.threshold < 0 ? kFuzzyThreshold : options.threshold;
  const std::vector<PoEntry>& cand = old.entries;
  std::vector<bool> used(cand.size(), false);
  // Candidate order for exact matches: active entries before obsolete ones,
  // each in file order.
  std::vector<size_t> order;
  for (size_t i = 0; i < cand.size(); ++i) {
    if (!cand[i].obsolete) order.push_back(i);
  }
  for (size_t i = 0; i < cand.size(); ++i) {
    if (cand[i].obsolete) order.push_back(i);
  }
  // Hash maps of views into `old` (only looked up, never iterated): no copies
  // of the strings, no ordered comparisons of long Korean texts.
  using Key = std::pair<std::string_view, std::string_view>;
  struct KeyHash {
    size_t operator()(const Key& k) const {
      std::hash<std::string_view> h;
      return h(k.first) * 0x9E3779B97F4A7C15ULL ^ h(k.second);
    }
  };
  std::unordered_map<Key, std::vector<size_t>, KeyHash> by_key;
  std::unordered_map<std::string_view, std::vector<size_t>> by_text;
  by_key.reserve(cand.size());
  by_text.reserve(cand.size());
  for (size_t i : order) {
    if (cand[i].msgctxt) by_key[{*cand[i].msgctxt, cand[i].msgid}].push_back(i);
    by_text[cand[i].msgid].push_back(i);
  }
  const size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> match(units.size(), kNone);
  std::vector<bool> is_fuzzy_match(units.size(), false);
  auto take_first = [&](const std::vector<size_t>& list) {
    for (size_t i : list) {
      if (!used[i]) {
        used[i] = true;
        return i;
      }
    }
    return kNone;
  };
  // 1a. Same msgctxt and msgid.
  for (size_t u = 0; u < units.size(); ++u) {
    auto it = by_key.find({units[u].id, units[u].text});
    if (it != by_key.end()) match[u] = take_first(it->second);
  }
  // 1b. Same msgid (moved, or revived from obsolete).
  for (size_t u = 0; u < units.size(); ++u) {
    if (match[u] != kNone) continue;
    auto it = by_text.find(units[u].text);
    if (it != by_text.end()) match[u] = take_first(it->second);
  }
  // 2. Most similar translated entry, best pairs first.
  std::vector<std::tuple<double, size_t, size_t>> pairs;  // (-similarity, unit, candidate)
  std::vector<std::pair<size_t, SimilarityProfile>> open_cands;
  for (size_t i = 0; i < cand.size(); ++i) {
    if (!used[i] && cand[i].HasTranslation()) open_cands.emplace_back(i, Profile(cand[i].msgid));
  }
  for (size_t u = 0; u < units.size() && !open_cands.empty(); ++u) {
    if (match[u] != kNone) continue;
    SimilarityProfile up = Profile(units[u].text);
    for (const auto& [i, cp] : open_cands) {
      if (MaxSimilarity(up, cp) < threshold) continue;
      double s = Similarity(up, cp);
      if (s >= threshold) pairs.emplace_back(-s, u, i);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [neg, u, i] : pairs) {
    if (match[u] != kNone || used[i]) continue;
    match[u] = i;
    used[i] = true;
    is_fuzzy_match[u] = true;
  }

  PoFile out;
  if (old.header) {
    out.header = *old.header;
    out.header->line = 0;
    out.header->msgstr_line = 0;
    CompleteHeader(&*out.header);
  } else {
    std::string comment = "English translation of the Korean document";
    if (!options.doc_name.empty()) comment += " " + options.doc_name;
    comment += ".\nKept in step with the Korean source by `bitext update`.";
    out.header = DefaultPoHeader(comment);
  }
  for (size_t u = 0; u < units.size(); ++u) {
    PoEntry e;
    if (match[u] != kNone && !is_fuzzy_match[u]) {
      e = cand[match[u]];
      ++st.kept;
    } else if (match[u] != kNone) {
      const PoEntry& o = cand[match[u]];
      e.translator_comments = o.translator_comments;
      e.flags = o.flags;
      e.SetFuzzy(true);
      e.msgstr = {o.Translation()};
      if (o.IsFuzzy() && o.previous_msgid) {
        e.previous_msgctxt = o.previous_msgctxt;
        e.previous_msgid = o.previous_msgid;
      } else {
        e.previous_msgctxt = o.msgctxt;
        e.previous_msgid = o.msgid;
      }
      ++st.fuzzy;
    } else {
      ++st.added;
    }
    Describe(units[u], options, &e);
    out.entries.push_back(std::move(e));
  }
  st.units = static_cast<int>(units.size());
  // Obsolete entries: the old obsolete ones first, then those made obsolete now.
  for (size_t i = 0; i < cand.size(); ++i) {
    if (used[i] || !cand[i].obsolete) continue;
    out.entries.push_back(cand[i]);
    out.entries.back().line = 0;
    out.entries.back().msgstr_line = 0;
  }
  for (size_t i = 0; i < cand.size(); ++i) {
    if (used[i] || cand[i].obsolete) continue;
    if (!cand[i].HasTranslation() && cand[i].translator_comments.empty()) {
      ++st.dropped;
      continue;
    }
    PoEntry e = cand[i];
    e.obsolete = true;
    e.line = 0;
    e.msgstr_line = 0;
    out.entries.push_back(std::move(e));
    ++st.obsoleted;
  }
  for (const PoEntry& e : out.entries) st.obsolete_total += e.obsolete ? 1 : 0;
  if (stats != nullptr) *stats = st;
  return out;
}

std::string UpdateResult::Summary() const {
  std::string s =
      name + ": " + std::to_string(stats.units) + (stats.units == 1 ? " unit: " : " units: ") +
      std::to_string(stats.kept) + " kept, " + std::to_string(stats.fuzzy) + " fuzzy, " +
      std::to_string(stats.added) + " new, " + std::to_string(stats.obsoleted) + " obsolete";
  if (stats.dropped > 0) s += ", " + std::to_string(stats.dropped) + " dropped (untranslated)";
  if (!changed) {
    s += "; " + po_path + " unchanged";
  } else if (!written) {
    s += "; " + po_path + " would change";
  } else {
    s += (created ? "; created " : "; wrote ") + po_path;
  }
  return s;
}

Result<UpdateResult> UpdateDocument(const std::string& doc_dir, bool dry_run) {
  UpdateResult r;
  r.name = BaseName(doc_dir);
  Result<std::string> source = FindSource(doc_dir);
  if (!source.ok()) return source.status();
  Result<std::vector<Unit>> units = LoadSource(*source);
  if (!units.ok()) return units.status();
  r.po_path = doc_dir + "/en.po";
  PoFile old;
  std::string before;
  if (FileExists(r.po_path)) {
    Result<std::string> raw = ReadFile(r.po_path);
    if (!raw.ok()) return raw.status();
    Result<PoFile> parsed = ParsePo(*raw, r.po_path);
    if (!parsed.ok()) return parsed.status();
    old = std::move(*parsed);
    before = std::move(*raw);
  } else {
    r.created = true;
  }
  MergeOptions options;
  options.source_name = BaseName(*source);
  options.doc_name = r.name;
  PoFile merged = MergeUnits(old, *units, options, &r.stats);
  std::string after = FormatPo(merged);
  r.changed = r.created || after != before;
  if (r.changed && !dry_run) {
    BITEXT_RETURN_IF_ERROR(WriteFileAtomic(r.po_path, after));
    r.written = true;
  }
  return r;
}

}  // namespace bitext
