// Markdown output (GitHub Flavored Markdown, as cmark-gfm renders it).
//
//   std::string review = WriteReviewMarkdown(doc);    // <doc>.md
//   std::string article = WriteArticleMarkdown(doc);  // <doc>.en.md
//
// Escaping: text is rendered as the same characters it holds. Control
// characters are dropped (DisplayText); the inline specials \ ` * _ [ ] < >
// & | ~ # get a backslash (CommonMark backslash escapes, which also stop
// entity references, autolinks, raw HTML, emphasis and strikethrough); at the
// start of a block, - + = > and "1." / "1)" are escaped so a sentence never
// turns into a list, quote or heading.
//
// Review document (<doc>.md): "# <doc name>", a note, then a GFM table with
// the columns id | 한국어 | English, one row per unit in document order. In a
// cell, | is escaped as \| and line breaks become <br>, leading and trailing
// spaces are trimmed, so every row has exactly three cells. A fuzzy entry's
// English is shown after "(fuzzy)"; an untranslated entry's cell is empty.
//
// English article (<doc>.en.md), from the translated (non-fuzzy) units. The
// title and dek come first; the other units follow in document order, each
// Korean text once (a repeated unit, and teaser text scraped above the title
// that the article repeats, are left out):
//   title          "# Title" (units of the title joined)
//   dek            an italic paragraph under the title
//   caption        an italic paragraph; a caption whose English (or Korean)
//                  appeared before is left out
//   question       a bold paragraph ("**Q. …?**")
//   speech, body   paragraphs: the units of one source paragraph joined with
//                  spaces; a speech unit's "Name: " label in bold
//                  ("**Sam Altman:** …")
//   list item      "- item" (a leading △ ▲ • - marker dropped; "△ A △ B" gives
//                  two items), or "N. item"
//                  when the English starts with "N." / "N)"; a list-item unit
//                  whose Korean does not start with a marker continues the
//                  item before it
//   byline         moved to the end of the article
//   boilerplate    left out
// Blocks are separated by one blank line; the file ends with one newline.
#ifndef BITEXT_MARKDOWN_WRITER_H_
#define BITEXT_MARKDOWN_WRITER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "document.h"
#include "output_sink.h"

namespace bitext {

// `text` as inline Markdown that renders as exactly `text` (whitespace,
// including newlines, collapsed to single spaces; trimmed).
std::string MarkdownInline(std::string_view text);

// MarkdownInline plus escapes for what would start a block (list marker,
// quote, heading, setext underline) at the start of a paragraph.
std::string MarkdownParagraph(std::string_view text);

// One GFM table cell: inline-escaped, | as \|, line breaks as <br>, trimmed.
std::string MarkdownTableCell(std::string_view text);

std::string WriteReviewMarkdown(const MergedDocument& doc);
// The same text, passed to `sink` unit by unit (output_sink.h).
void WriteReviewMarkdown(const MergedDocument& doc, OutputSink* sink);

// WriteReviewMarkdown a unit at a time (for streamed units): the constructor
// writes the heading (from doc.name; doc's units are not read), Add one
// table row. `sink` must outlive the writer.
class ReviewMarkdownWriter {
 public:
  ReviewMarkdownWriter(const MergedDocument& doc, OutputSink* sink);
  void Add(const MergedUnit& mu);

 private:
  OutputSink* sink_;
};
std::string WriteArticleMarkdown(const MergedDocument& doc);

// WriteArticleMarkdown for streamed units, in passes over the same units in
// the same order: the title and dek lead the article and teaser text above
// the title is left out, so the whole document is seen (Plan) before
// anything is written (Write); then Finish.
//
//   ArticleMarkdownWriter article(&sink);
//   reader.Read(... article.Plan(unit) ...);
//   if (article.NeedsLook()) reader.Read(... article.Look(unit) ...);
//   reader.Read(... article.Write(unit) ...);
//   article.Finish();
//
// Held between the passes: the title and dek units' English, a hash of each
// unit's Korean, and the Korean of the units above the first title that may
// be teasers, up to `teaser_budget_bytes`. Past that budget (a title far
// down, or none) they are dropped, and if a title does come, NeedsLook is
// true: a second look gathers the units above it again. During Write: the
// texts of the units whose hash repeats (to leave out repeats exactly) and
// the bylines (they close the article). `sink` must outlive the writer.
inline constexpr size_t kTeaserBudgetBytes = size_t{1} << 20;

class ArticleMarkdownWriter {
 public:
  explicit ArticleMarkdownWriter(OutputSink* sink, size_t teaser_budget_bytes = kTeaserBudgetBytes);
  ~ArticleMarkdownWriter();
  ArticleMarkdownWriter(const ArticleMarkdownWriter&) = delete;
  ArticleMarkdownWriter& operator=(const ArticleMarkdownWriter&) = delete;
  void Plan(const MergedUnit& mu);
  bool NeedsLook() const;
  void Look(const MergedUnit& mu);
  void Write(const MergedUnit& mu);
  void Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace bitext

#endif  // BITEXT_MARKDOWN_WRITER_H_
