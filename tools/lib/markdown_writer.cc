#include "markdown_writer.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "affix.h"
#include "byte_scan.h"
#include "subtitle_timing.h"  // EnglishSpeakerLabel
#include "xml_text.h"

namespace bitext {
namespace {

// The first Markdown-special character of `s` at or after `from`
// (s.size() if none): what AppendEscapedSpecials backslash-escapes.
constexpr auto FindInlineSpecial =
    FindAnyByte<'\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#'>;

// Where a URL the GFM autolink extension links starts in a word (npos if
// none): its characters are taken literally, so a backslash escape inside it
// would show.
size_t UrlStart(std::string_view w) {
  size_t best = std::string_view::npos;
  for (const char* p : {"http://", "https://", "ftp://", "www."}) {
    size_t at = w.find(p);
    if (at < best) best = at;
  }
  return best;
}

// `s` with each Markdown-special character backslash-escaped, appended.
void AppendEscapedSpecials(std::string_view s, std::string* out) {
  size_t run = 0;  // start of the bytes not yet appended
  for (size_t k = FindInlineSpecial(s, 0); k < s.size(); k = FindInlineSpecial(s, k + 1)) {
    out->append(s.data() + run, k - run);
    out->push_back('\\');
    run = k;  // the character itself follows with the next run
  }
  out->append(s.data() + run, s.size() - run);
}

void AppendEscapedInline(std::string_view s, bool table_cell, std::string* out) {
  // No URL in any word (words never hold a space, so no word can hold one
  // the whole text lacks): every special character is escaped.
  if (s.find("://") == std::string_view::npos && s.find("www.") == std::string_view::npos) {
    AppendEscapedSpecials(s, out);
    return;
  }
  size_t i = 0;
  while (i < s.size()) {
    size_t e = s.find(' ', i);
    if (e == std::string_view::npos) e = s.size();
    std::string_view w = s.substr(i, e - i);
    size_t url = UrlStart(w);
    AppendEscapedSpecials(w.substr(0, std::min(url, w.size())), out);
    for (size_t k = url; k < w.size(); ++k) {
      char c = w[k];
      if (c == '<') {
        *out += "&lt;";
      } else if (c == '>') {
        *out += "&gt;";
      } else if (c == '|' && table_cell) {
        *out += "\\|";
      } else {
        *out += c;
      }
    }
    if (e < s.size()) *out += ' ';
    i = e + 1;
  }
}

std::string EscapeInline(std::string_view s, bool table_cell = false) {
  std::string out;
  out.reserve(s.size() + 8);
  AppendEscapedInline(s, table_cell, &out);
  return out;
}

// Escapes a block start in already inline-escaped text `s`.
std::string EscapeBlockStart(std::string s) {
  if (s.empty()) return s;
  char c = s[0];
  if (c == '-' || c == '+' || c == '=' || c == '>') return "\\" + s;
  size_t i = 0;
  while (i < s.size() && i < 10 && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')')) s.insert(i, "\\");
  return s;
}

// MarkdownTableCell(text) appended to *out.
void AppendTableCell(std::string_view text, std::string* out) {
  // One clean line (no line break, nothing to collapse): escaped as it is.
  if (IsDisplayClean(text)) {
    AppendEscapedInline(text, /*table_cell=*/true, out);
    return;
  }
  std::string s = DisplayText(text, nullptr);
  // Split at line breaks; each line collapsed and escaped; joined by <br>.
  size_t start = 0;
  std::vector<std::string> lines;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    std::string line = CollapseSpaces(std::string_view(s).substr(start, nl - start));
    lines.push_back(line);
    start = nl + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  size_t first = 0;
  while (first < lines.size() && lines[first].empty()) ++first;
  for (size_t i = first; i < lines.size(); ++i) {
    if (i > first) *out += "<br>";
    AppendEscapedInline(lines[i], /*table_cell=*/true, out);
  }
}

// Strips a leading list marker; *ordinal receives "N" for "N." / "N)".
std::string StripListMarker(std::string_view s, std::string* ordinal) {
  ordinal->clear();
  for (const char* m : {"\xE2\x96\xB3", "\xE2\x96\xB2", "\xE2\x80\xA2", "- ", "* ", "\xC2\xB7"}) {
    if (StartsWith(s, m)) return CollapseSpaces(s.substr(std::string_view(m).size()));
  }
  size_t i = 0;
  while (i < s.size() && i < 9 && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
    *ordinal = std::string(s.substr(0, i));
    return CollapseSpaces(s.substr(i + 2));
  }
  return std::string(s);
}

bool KoreanStartsListItem(std::string_view ko) {
  for (const char* m : {"\xE2\x96\xB3", "\xE2\x96\xB2", "\xE2\x80\xA2", "-", "*", "\xC2\xB7"}) {
    if (StartsWith(ko, m)) return true;
  }
  size_t i = 0;
  while (i < ko.size() && ko[i] >= '0' && ko[i] <= '9') ++i;
  return i > 0 && i < ko.size() && (ko[i] == '.' || ko[i] == ')');
}

enum class Block { kNone, kTitle, kDek, kCaption, kQuestion, kText, kList };

Block BlockOf(UnitKind k) {
  switch (k) {
    case UnitKind::kTitle:
      return Block::kTitle;
    case UnitKind::kDek:
      return Block::kDek;
    case UnitKind::kCaption:
      return Block::kCaption;
    case UnitKind::kQuestion:
      return Block::kQuestion;
    case UnitKind::kListItem:
      return Block::kList;
    default:
      return Block::kText;
  }
}

}  // namespace

std::string MarkdownInline(std::string_view text) {
  // A display line already (the article's English, Kept) is escaped as it
  // is, without a copy.
  std::string scratch;
  return EscapeInline(DisplayLineView(text, &scratch));
}

std::string MarkdownParagraph(std::string_view text) {
  return EscapeBlockStart(MarkdownInline(text));
}

std::string MarkdownTableCell(std::string_view text) {
  std::string out;
  AppendTableCell(text, &out);
  return out;
}

std::string WriteReviewMarkdown(const MergedDocument& doc) {
  OutputSink sink;
  WriteReviewMarkdown(doc, &sink);
  return std::move(sink.text());
}

void WriteReviewMarkdown(const MergedDocument& doc, OutputSink* sink) {
  ReviewMarkdownWriter writer(doc, sink);
  for (const MergedUnit& mu : doc.units) writer.Add(mu);
}

ReviewMarkdownWriter::ReviewMarkdownWriter(const MergedDocument& doc, OutputSink* sink)
    : sink_(sink) {
  std::string& out = sink_->text();
  out += "# " + MarkdownInline(doc.name) + "\n\n";
  out += "Bilingual review: every unit of the document, Korean source and curated English.\n\n";
  out += "| id | 한국어 | English |\n";
  out += "| --- | --- | --- |\n";
}

void ReviewMarkdownWriter::Add(const MergedUnit& mu) {
  std::string& out = sink_->text();
  out += "| ";
  AppendTableCell(mu.unit.id, &out);
  out += " | ";
  AppendTableCell(mu.unit.text, &out);
  out += " | ";
  if (mu.state == TranslationState::kTranslated) {
    AppendTableCell(mu.english, &out);
  } else if (mu.state == TranslationState::kFuzzy) {
    out += "(fuzzy) ";
    AppendTableCell(mu.english, &out);
  }
  out += " |\n";
  sink_->Poll();
}

std::string WriteArticleMarkdown(const MergedDocument& doc) {
  OutputSink sink;
  ArticleMarkdownWriter writer(&sink);
  for (const MergedUnit& mu : doc.units) writer.Plan(mu);
  if (writer.NeedsLook()) {
    for (const MergedUnit& mu : doc.units) writer.Look(mu);
  }
  for (const MergedUnit& mu : doc.units) writer.Write(mu);
  writer.Finish();
  return std::move(sink.text());
}

namespace {

// Teaser text scraped above the title (a site's summary) repeats sentences
// of the article, whole or as part of a longer sentence there; shorter text
// is not taken for a teaser.
constexpr size_t kMinTeaserBytes = 30;  // about ten Hangul syllables

uint64_t TextHash(std::string_view s) { return std::hash<std::string_view>()(s); }

}  // namespace

// The article's units ("kept": translated, not boilerplate, English left
// after cleaning) are numbered in document order in both passes.
struct ArticleMarkdownWriter::State {
  explicit State(OutputSink* s) : sink(s) {}

  // Whether a unit above the title could be a teaser (captions are not).
  static bool MayBeTeaser(UnitKind kind, const std::string& ko_text) {
    return kind != UnitKind::kCaption && ko_text.size() >= kMinTeaserBytes;
  }

  // Whether `mu` is kept; its cleaned texts in *ko and *en.
  static bool Kept(const MergedUnit& mu, std::string* ko, std::string* en) {
    if (mu.state != TranslationState::kTranslated) return false;
    if (mu.unit.kind == UnitKind::kBoilerplate) return false;
    AssignDisplayLine(mu.english, en);
    if (en->empty()) return false;
    AssignDisplayLine(mu.unit.text, ko);
    return true;
  }

  void Plan(const MergedUnit& mu);
  void Look(const MergedUnit& mu);
  // Checks the teaser candidates against a unit's Korean from the title on.
  void FindTeasers();
  // Ends the first passes (at the first Write, or Finish): the plan's sets
  // made searchable, the title and dek laid out first.
  void EndPlan();
  void Write(const MergedUnit& mu);
  // One unit through the block layout (kind, paragraph, cleaned texts).
  void Lay(UnitKind kind, int paragraph, const std::string& ko, const std::string& en);
  void Flush();
  void Emit(const std::string& block);

  OutputSink* sink;
  std::string ko, en;  // the current unit's cleaned texts

  // First pass.
  size_t planned = 0;          // kept units seen
  size_t title_at = SIZE_MAX;  // kept index of the first title
  struct Head {                // a title or dek: shown first
    UnitKind kind;
    int paragraph;
    std::string en;
  };
  std::vector<Head> heads;
  // Units above the first title long enough to be a teaser (kept index,
  // Korean) while no title has come; after it, those not yet found repeated.
  // Their Korean is held up to `budget` bytes; past it, they are dropped
  // and, should a title come, gathered again in a second look.
  std::vector<std::pair<size_t, std::string>> teaser_candidates;
  size_t budget = kTeaserBudgetBytes;
  size_t candidate_bytes = 0;
  bool overflowed = false;
  size_t looked = 0;             // kept units seen in the second look
  std::vector<size_t> teasers;   // kept indices found repeated after the title
  std::vector<uint64_t> hashes;  // of the Korean of the units not title or dek
  bool planned_all = false;

  // Second pass.
  size_t written = 0;  // kept units seen
  // Hashes of Korean texts that more than one unit has: only those units'
  // texts are kept to find repeats exactly.
  std::vector<uint64_t> repeated_hashes;
  std::unordered_set<std::string> seen;
  std::unordered_set<std::string> seen_captions;  // English of captions shown
  std::vector<std::string> bylines;
  size_t blocks = 0;  // written
  Block cur = Block::kNone;
  int cur_paragraph = -1;
  std::vector<std::string> parts;  // pieces of the current block
};

void ArticleMarkdownWriter::State::Plan(const MergedUnit& mu) {
  if (!Kept(mu, &ko, &en)) return;
  const size_t i = planned++;
  const UnitKind k = mu.unit.kind;
  if (k == UnitKind::kTitle && title_at == SIZE_MAX) title_at = i;
  if (title_at == SIZE_MAX) {
    if (!overflowed && MayBeTeaser(k, ko)) {
      candidate_bytes += ko.size();
      if (candidate_bytes > budget) {
        overflowed = true;
        teaser_candidates = {};
      } else {
        teaser_candidates.emplace_back(i, ko);
      }
    }
  } else if (!overflowed) {
    FindTeasers();
  }
  if (k == UnitKind::kTitle || k == UnitKind::kDek) {
    heads.push_back({k, mu.unit.paragraph, en});
  } else {
    hashes.push_back(TextHash(ko));
  }
}

void ArticleMarkdownWriter::State::Look(const MergedUnit& mu) {
  if (!Kept(mu, &ko, &en)) return;
  const size_t i = looked++;
  if (i < title_at) {
    if (MayBeTeaser(mu.unit.kind, ko)) {
      teaser_candidates.emplace_back(i, ko);
    }
  } else {
    FindTeasers();
  }
}

void ArticleMarkdownWriter::State::FindTeasers() {
  // From the title on: does this unit repeat a text from above it? Those it
  // repeats are teasers, and no longer candidates (one pass, order kept).
  auto repeated = [this](const std::pair<size_t, std::string>& c) {
    if (ko.find(c.second) == std::string::npos) return false;
    teasers.push_back(c.first);
    return true;
  };
  teaser_candidates.erase(
      std::remove_if(teaser_candidates.begin(), teaser_candidates.end(), repeated),
      teaser_candidates.end());
}

void ArticleMarkdownWriter::State::EndPlan() {
  if (planned_all) return;
  // The plan is complete: the title and dek come first.
  planned_all = true;
  if (title_at == SIZE_MAX) title_at = 0;  // no title: no teaser either
  teaser_candidates.clear();
  std::sort(teasers.begin(), teasers.end());
  std::sort(hashes.begin(), hashes.end());
  for (size_t i = 1; i < hashes.size(); ++i) {
    if (hashes[i] == hashes[i - 1] &&
        (repeated_hashes.empty() || repeated_hashes.back() != hashes[i])) {
      repeated_hashes.push_back(hashes[i]);
    }
  }
  hashes = std::vector<uint64_t>();
  for (const Head& h : heads) Lay(h.kind, h.paragraph, std::string(), h.en);
  heads = std::vector<Head>();
}

void ArticleMarkdownWriter::State::Write(const MergedUnit& mu) {
  EndPlan();
  if (!Kept(mu, &ko, &en)) return;
  const size_t i = written++;
  const UnitKind k = mu.unit.kind;
  if (k == UnitKind::kTitle || k == UnitKind::kDek) return;
  // Teaser text scraped above the title repeats the article: left out.
  if (i < title_at && std::binary_search(teasers.begin(), teasers.end(), i)) return;
  // Each Korean text once.
  if (std::binary_search(repeated_hashes.begin(), repeated_hashes.end(), TextHash(ko)) &&
      !seen.insert(ko).second) {
    return;
  }
  Lay(k, mu.unit.paragraph, ko, en);
}

void ArticleMarkdownWriter::State::Lay(UnitKind kind, int paragraph, const std::string& ko_text,
                                       const std::string& en_text) {
  if (kind == UnitKind::kByline) {
    bylines.push_back(MarkdownParagraph(en_text));
    return;
  }
  if (kind == UnitKind::kCaption && !seen_captions.insert(en_text).second) return;
  Block b = BlockOf(kind);
  bool same = b == cur && (b == Block::kList || paragraph == cur_paragraph);
  if (!same) Flush();
  cur = b;
  cur_paragraph = paragraph;
  if (b == Block::kList) {
    // "△ A △ B" in one unit: one item each.
    std::vector<std::string> items;
    size_t from = 0;
    for (size_t at = en_text.find(" \xE2\x96\xB3", 1); at != std::string::npos;
         at = en_text.find(" \xE2\x96\xB3", at + 1)) {
      items.push_back(en_text.substr(from, at - from));
      from = at + 1;
    }
    items.push_back(en_text.substr(from));
    for (size_t k = 0; k < items.size(); ++k) {
      std::string ordinal;
      std::string item = StripListMarker(items[k], &ordinal);
      if (k == 0 && same && !parts.empty() && !KoreanStartsListItem(ko_text)) {
        parts.back() += " " + MarkdownInline(items[k]);
      } else {
        parts.push_back((ordinal.empty() ? "- " : ordinal + ". ") + MarkdownParagraph(item));
      }
    }
    return;
  }
  if (b == Block::kText) {
    std::string name;
    size_t label = kind == UnitKind::kSpeech ? EnglishSpeakerLabel(en_text, &name) : 0;
    if (label > 0) {
      parts.push_back("**" + MarkdownInline(name) + ":** " + MarkdownInline(en_text.substr(label)));
    } else {
      parts.push_back(parts.empty() ? MarkdownParagraph(en_text) : MarkdownInline(en_text));
    }
    return;
  }
  parts.push_back(MarkdownInline(en_text));
}

void ArticleMarkdownWriter::State::Flush() {
  if (parts.empty()) {
    cur = Block::kNone;
    return;
  }
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (cur == Block::kList) {
      joined += (i > 0 ? "\n" : "") + parts[i];
    } else {
      joined += (i > 0 ? " " : "") + parts[i];
    }
  }
  switch (cur) {
    case Block::kTitle:
      Emit("# " + joined);
      break;
    case Block::kDek:
    case Block::kCaption:
      Emit("*" + joined + "*");
      break;
    case Block::kQuestion:
      Emit("**" + joined + "**");
      break;
    case Block::kList:
    case Block::kText:
    case Block::kNone:
      Emit(joined);
      break;
  }
  parts.clear();
  cur = Block::kNone;
}

void ArticleMarkdownWriter::State::Emit(const std::string& block) {
  // Blocks are separated by one blank line.
  std::string& out = sink->text();
  if (blocks++ > 0) out += "\n";
  out += block;
  out += "\n";
  sink->Poll();
}

ArticleMarkdownWriter::ArticleMarkdownWriter(OutputSink* sink, size_t teaser_budget_bytes)
    : state_(std::make_unique<State>(sink)) {
  state_->budget = teaser_budget_bytes;
}

ArticleMarkdownWriter::~ArticleMarkdownWriter() = default;

void ArticleMarkdownWriter::Plan(const MergedUnit& mu) { state_->Plan(mu); }

bool ArticleMarkdownWriter::NeedsLook() const {
  return state_->overflowed && state_->title_at != SIZE_MAX;
}

void ArticleMarkdownWriter::Look(const MergedUnit& mu) { state_->Look(mu); }

void ArticleMarkdownWriter::Write(const MergedUnit& mu) { state_->Write(mu); }

void ArticleMarkdownWriter::Finish() {
  State& s = *state_;
  s.EndPlan();  // no unit written (an empty document): the plan's heads
  s.Flush();
  for (const std::string& b : s.bylines) s.Emit(b);
  s.bylines.clear();
}

}  // namespace bitext
