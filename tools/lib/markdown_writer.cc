#include "markdown_writer.h"

#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "affix.h"
#include "subtitle_timing.h"  // EnglishSpeakerLabel
#include "xml_text.h"

namespace bitext {
namespace {

bool IsInlineSpecial(char c) {
  switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '&':
    case '|':
    case '~':
    case '#':
      return true;
    default:
      return false;
  }
}

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
  for (size_t k = 0; k < s.size(); ++k) {
    if (!IsInlineSpecial(s[k])) continue;
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

std::string MarkdownInline(std::string_view text) { return EscapeInline(DisplayLine(text)); }

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
  std::string& out = sink->text();
  out += "# " + MarkdownInline(doc.name) + "\n\n";
  out += "Bilingual review: every unit of the document, Korean source and curated English.\n\n";
  out += "| id | 한국어 | English |\n";
  out += "| --- | --- | --- |\n";
  for (const MergedUnit& mu : doc.units) {
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
    sink->Poll();
  }
}

std::string WriteArticleMarkdown(const MergedDocument& doc) {
  std::vector<std::string> blocks;
  std::vector<std::string> bylines;
  std::unordered_set<std::string_view> seen_captions;  // English of captions shown
  Block cur = Block::kNone;
  int cur_paragraph = -1;
  std::vector<std::string> parts;  // pieces of the current block
  auto flush = [&]() {
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
        blocks.push_back("# " + joined);
        break;
      case Block::kDek:
      case Block::kCaption:
        blocks.push_back("*" + joined + "*");
        break;
      case Block::kQuestion:
        blocks.push_back("**" + joined + "**");
        break;
      case Block::kList:
      case Block::kText:
      case Block::kNone:
        blocks.push_back(joined);
        break;
    }
    parts.clear();
    cur = Block::kNone;
  };
  // The units the article shows, in the order it shows them: the title and
  // dek first, then the rest in document order without repeats.
  std::vector<const MergedUnit*> kept;
  std::vector<std::string> kept_ko, kept_en;  // cleaned texts of kept[i]
  for (const MergedUnit& mu : doc.units) {
    if (mu.state != TranslationState::kTranslated) continue;
    if (mu.unit.kind == UnitKind::kBoilerplate) continue;
    std::string en = DisplayLine(mu.english);
    if (en.empty()) continue;
    kept.push_back(&mu);
    kept_en.push_back(std::move(en));
    kept_ko.push_back(DisplayLine(mu.unit.text));
  }
  size_t title_at = kept.size();
  for (size_t i = 0; i < kept.size(); ++i) {
    if (kept[i]->unit.kind == UnitKind::kTitle) {
      title_at = i;
      break;
    }
  }
  if (title_at == kept.size()) title_at = 0;
  // Teaser text scraped above the title (a site's summary) repeats sentences
  // of the article, whole or as part of a longer sentence there.
  auto repeated_after_title = [&](size_t i) {
    constexpr size_t kMinTeaserBytes = 30;  // about ten Hangul syllables
    if (kept[i]->unit.kind == UnitKind::kCaption) return false;
    if (kept_ko[i].size() < kMinTeaserBytes) return false;
    for (size_t j = title_at; j < kept.size(); ++j) {
      if (kept_ko[j].find(kept_ko[i]) != std::string::npos) return true;
    }
    return false;
  };
  std::vector<size_t> order;  // indices into kept
  for (size_t i = 0; i < kept.size(); ++i) {
    UnitKind k = kept[i]->unit.kind;
    if (k == UnitKind::kTitle || k == UnitKind::kDek) order.push_back(i);
  }
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < kept.size(); ++i) {
    UnitKind k = kept[i]->unit.kind;
    if (k == UnitKind::kTitle || k == UnitKind::kDek) continue;
    // Teaser text scraped above the title repeats the article: left out.
    if (i < title_at && repeated_after_title(i)) continue;
    if (!seen.insert(kept_ko[i]).second) continue;
    order.push_back(i);
  }
  for (size_t idx : order) {
    const MergedUnit& mu = *kept[idx];
    const std::string& en = kept_en[idx];
    if (mu.unit.kind == UnitKind::kByline) {
      bylines.push_back(MarkdownParagraph(en));
      continue;
    }
    if (mu.unit.kind == UnitKind::kCaption && !seen_captions.insert(en).second) continue;
    Block b = BlockOf(mu.unit.kind);
    bool same = b == cur && (b == Block::kList || mu.unit.paragraph == cur_paragraph);
    if (!same) flush();
    cur = b;
    cur_paragraph = mu.unit.paragraph;
    if (b == Block::kList) {
      // "△ A △ B" in one unit: one item each.
      std::vector<std::string> items;
      size_t from = 0;
      for (size_t at = en.find(" \xE2\x96\xB3", 1); at != std::string::npos;
           at = en.find(" \xE2\x96\xB3", at + 1)) {
        items.push_back(en.substr(from, at - from));
        from = at + 1;
      }
      items.push_back(en.substr(from));
      for (size_t k = 0; k < items.size(); ++k) {
        std::string ordinal;
        std::string item = StripListMarker(items[k], &ordinal);
        if (k == 0 && same && !parts.empty() && !KoreanStartsListItem(kept_ko[idx])) {
          parts.back() += " " + MarkdownInline(items[k]);
        } else {
          parts.push_back((ordinal.empty() ? "- " : ordinal + ". ") + MarkdownParagraph(item));
        }
      }
      continue;
    }
    if (b == Block::kText) {
      std::string name;
      size_t label = mu.unit.kind == UnitKind::kSpeech ? EnglishSpeakerLabel(en, &name) : 0;
      if (label > 0) {
        parts.push_back("**" + MarkdownInline(name) + ":** " + MarkdownInline(en.substr(label)));
      } else {
        parts.push_back(parts.empty() ? MarkdownParagraph(en) : MarkdownInline(en));
      }
      continue;
    }
    parts.push_back(MarkdownInline(en));
  }
  flush();
  for (std::string& b : bylines) blocks.push_back(std::move(b));
  std::string out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) out += "\n";
    out += blocks[i] + "\n";
  }
  return out;
}

}  // namespace bitext
