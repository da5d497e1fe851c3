// Tests for markdown_writer.h: golden files, escaping table (cmark-gfm
// renders each text as itself), and every table row with as many cells as
// its header.
#include "markdown_writer.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "file_io.h"
#include "writer_fixture.h"

using namespace bitext;

namespace {

using namespace bitext::writer_test;

// Renders `md` with cmark-gfm (tables on, raw HTML kept for <br>).
std::string Render(const std::string& md) {
  std::string path = TempFile("render.md", md);
  std::string html = Run("cmark-gfm -e table -e autolink -e strikethrough --unsafe '" + path + "'");
  std::filesystem::remove(path);
  return html;
}

}  // namespace

TEST_CASE("Markdown matches the golden files", "[markdown_writer]") {
  CheckGolden("writer-sample.md", WriteReviewMarkdown(WriterDoc()));
  CheckGolden("writer-sample.en.md", WriteArticleMarkdown(WriterDoc()));
}

TEST_CASE("Markdown escapes so text renders as itself", "[markdown_writer][external]") {
  if (!HaveTool("cmark-gfm")) {
    WARN("cmark-gfm not installed; skipped");
    return;
  }
  const std::string texts[] = {
      "plain text",
      "a * b * c and _under_ and __bold__",
      "[link](http://x) and ![img](y)",
      "`code` and ``more``",
      "<b>html</b> and <!-- c --> and <http://auto>",
      "&amp; &lt; &#65; & alone",
      "back\\slash \\* \\",
      "~~strike~~ ~one~",
      "pipe | and \\| escaped",
      "# not a heading",
      "- not a list",
      "+ not a list",
      "1. not a list",
      "12) not a list",
      "> not a quote",
      "=== not setext",
      "--- not a rule",
      "quotes \"double\" and 'single' ]]> -->",
      "see http://example.com/a_b and www.example.com, kim_lee@example.com",
      "trailing backslash \\",
  };
  // Python: print each paragraph's text (tags stripped, entities decoded).
  const std::string py =
      " -c \"import sys,re,html\n"
      "src=sys.stdin.read()\n"
      "for p in re.findall(r'<p>(.*?)</p>', src, re.S):\n"
      "  print(html.unescape(re.sub(r'<[^>]+>', '', p)))\"";
  for (const std::string& t : texts) {
    INFO(t);
    std::string md = MarkdownParagraph(t) + "\n";
    std::string html = Render(md);
    std::string path = TempFile("html.txt", html);
    CHECK(Run(Python() + py + " < '" + path + "'") == t + "\n");
    std::filesystem::remove(path);
  }
}

TEST_CASE("Table cells escape pipes and line breaks", "[markdown_writer]") {
  struct Row {
    const char* in;
    const char* want;
  };
  const Row rows[] = {
      {"a | b", "a \\| b"},
      {"line one\nline two", "line one<br>line two"},
      {"  padded  ", "padded"},
      {"\n\nlead and trail\n\n", "lead and trail"},
      {"a\r\nb", "a<br>b"},
      {"ctl\x01x", "ctlx"},
      {"<br> & *", "\\<br\\> \\& \\*"},
      {"", ""},
  };
  for (const Row& r : rows) CHECK(MarkdownTableCell(r.in) == r.want);
}

TEST_CASE("Every table row has as many cells as its header", "[markdown_writer][external]") {
  if (!HaveTool("cmark-gfm")) {
    WARN("cmark-gfm not installed; skipped");
    return;
  }
  MergedDocument doc = WriterDoc();
  std::string html = Render(WriteReviewMarkdown(doc));
  std::string path = TempFile("table.html", html);
  std::string out =
      Run(Python() +
          " -c \"import sys,re\n"
          "src=open(sys.argv[1]).read()\n"
          "rows=re.findall(r'<tr>(.*?)</tr>', src, re.S)\n"
          "print(len(rows), sorted(set(len(re.findall(r'<t[hd][ >]', r)) for r in rows)))\" '" +
          path + "'");
  CHECK(out == std::to_string(doc.units.size() + 1) + " [3]\n");
  std::filesystem::remove(path);
}

TEST_CASE("The English article renders with cmark-gfm", "[markdown_writer][external]") {
  if (!HaveTool("cmark-gfm")) {
    WARN("cmark-gfm not installed; skipped");
    return;
  }
  std::string html = Render(WriteArticleMarkdown(WriterDoc()));
  CHECK(html.find("<h1>Title &amp; &lt;Test&gt; ]]&gt;</h1>") != std::string::npos);
  CHECK(html.find("<p><strong>Sam Altman:</strong> An answer.") != std::string::npos);
  CHECK(html.find("<p><strong>Q. A question?</strong></p>") != std::string::npos);
  CHECK(html.find("<li>First</li>") != std::string::npos);
  CHECK(html.find("<li>Second</li>") != std::string::npos);
  CHECK(html.find("Related articles") == std::string::npos);
  CHECK(html.find("Fuzzy English") == std::string::npos);
  // The caption appears once.
  size_t first = html.find("A caption");
  REQUIRE(first != std::string::npos);
  CHECK(html.find("A caption", first + 1) == std::string::npos);
  // The byline comes last.
  CHECK(html.rfind("<p>") == html.find("<p>Reporter Kim"));
}

TEST_CASE("The article leaves out teaser text scraped above the title", "[markdown_writer]") {
  using K = UnitKind;
  MergedDocument d;
  d.name = "teaser";
  d.units = {
      // A site summary above the title: its sentences recur in the body, whole
      // or inside a longer sentence.
      MU("u1", 1, K::kBody, "샘 알트만 대표와 그렉 브록만 공동 창업자는 기술의 발전을 주장했다.",
         "Teaser one."),
      MU("u2", 1, K::kBody, "또한 규제는 필요하지만 활용에 대한 규제를 세워야 한다고 첨언했다.",
         "Teaser two."),
      MU("u3", 2, K::kCaption, "▲오픈AI 샘 알트만 대표", "OpenAI CEO Sam Altman"),
      MU("u4", 3, K::kTitle, "오픈AI 방한 간담회", "OpenAI visits Korea"),
      MU("u5", 4, K::kBody,
         "오픈AI 샘 알트만 대표와 그렉 브록만 공동 창업자는 기술의 발전을 주장했다.", "Body one."),
      MU("u6", 4, K::kBody, "또한 규제는 필요하지만 활용에 대한 규제를 세워야 한다고 첨언했다.",
         "Body two."),
  };
  std::string md = WriteArticleMarkdown(d);
  CHECK(md.find("Teaser") == std::string::npos);
  CHECK(md.find("*OpenAI CEO Sam Altman*") != std::string::npos);
  CHECK(md.find("# OpenAI visits Korea") == 0);
  CHECK(md.find("Body one. Body two.") != std::string::npos);
}

namespace {

// The article made by ArticleMarkdownWriter's passes, as `bitext build`
// makes it, with the given budget for teaser candidates.
std::string ArticleInPasses(const MergedDocument& d, size_t budget, bool* looked) {
  OutputSink sink;
  ArticleMarkdownWriter writer(&sink, budget);
  for (const MergedUnit& mu : d.units) writer.Plan(mu);
  *looked = writer.NeedsLook();
  if (*looked) {
    for (const MergedUnit& mu : d.units) writer.Look(mu);
  }
  for (const MergedUnit& mu : d.units) writer.Write(mu);
  writer.Finish();
  return std::move(sink.text());
}

}  // namespace

TEST_CASE("The article in passes is the same whatever the teaser budget", "[markdown_writer]") {
  using K = UnitKind;
  std::vector<MergedDocument> docs;
  for (const char* name : {"openai-fireside-chat-seoul", "openai-startup-meeting-seoul"}) {
    Result<MergedDocument> d =
        LoadDocument(std::string(BITEXT_SOURCE_DIR) + "/translations/" + name);
    REQUIRE(d.ok());
    docs.push_back(std::move(*d));
  }
  // Teasers far above a late title, repeats, bylines, no title at all.
  MergedDocument late;
  late.name = "late";
  const std::string sentence = "샘 알트만 대표와 그렉 브록만 공동 창업자는 기술의 발전을 주장했다";
  for (int i = 0; i < 40; ++i) {
    std::string n = std::to_string(i);
    late.units.push_back(MU("a" + n, 1 + i / 4, i % 9 == 0 ? K::kCaption : K::kBody,
                            sentence + " " + n + ".", "Teaser " + n + "."));
  }
  late.units.push_back(MU("t", 20, K::kTitle, "오픈AI 방한 간담회", "OpenAI visits Korea"));
  late.units.push_back(MU("d", 21, K::kDek, "부제목이다.", "The dek."));
  for (int i = 0; i < 40; i += 3) {
    std::string n = std::to_string(i);
    late.units.push_back(
        MU("b" + n, 22 + i, K::kBody, "본문: " + sentence + " " + n + ". 끝.", "Body " + n + "."));
    late.units.push_back(MU("r" + n, 22 + i, K::kBody, "반복되는 문장이다.", "Repeated."));
  }
  late.units.push_back(MU("by", 99, K::kByline, "기자 홍길동", "By Hong Gil-dong"));
  docs.push_back(late);
  MergedDocument untitled = late;
  untitled.name = "untitled";
  untitled.units.erase(untitled.units.begin() + 40);  // the title
  docs.push_back(untitled);
  for (const MergedDocument& d : docs) {
    INFO(d.name);
    const std::string whole = WriteArticleMarkdown(d);
    for (size_t budget : {size_t{0}, size_t{100}, kTeaserBudgetBytes}) {
      INFO("budget " << budget);
      bool looked = false;
      CHECK(ArticleInPasses(d, budget, &looked) == whole);
      if (budget == 0 && d.name == "late") CHECK(looked);
      if (budget == kTeaserBudgetBytes) CHECK(!looked);
    }
  }
  // The late title's teasers are left out, its body kept, each text once.
  const std::string md = WriteArticleMarkdown(late);
  CHECK(md.find("# OpenAI visits Korea") == 0);
  CHECK(md.find("Teaser 3.") == std::string::npos);  // repeated inside body 3
  CHECK(md.find("Teaser 1.") != std::string::npos);  // not repeated below the title
  CHECK(md.find("Teaser 9.") != std::string::npos);  // a caption is never a teaser
  CHECK(md.find("Body 3.") != std::string::npos);
  size_t first = md.find("Repeated.");
  CHECK(first != std::string::npos);
  CHECK(md.find("Repeated.", first + 1) == std::string::npos);
}
