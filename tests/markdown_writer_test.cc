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

using namespace bitext;

namespace {

MergedUnit MU(const std::string& id, int paragraph, UnitKind kind, const std::string& ko,
              const std::string& en, TranslationState state = TranslationState::kTranslated,
              const std::string& speaker = "") {
  MergedUnit mu;
  mu.unit.id = id;
  mu.unit.paragraph = paragraph;
  mu.unit.kind = kind;
  mu.unit.speaker = speaker;
  mu.unit.text = ko;
  mu.unit.line = paragraph;
  mu.unit.col = 1;
  mu.english = en;
  mu.state = state;
  mu.po_line = 10 * paragraph;
  return mu;
}

// The writers' shared fixture: every kind and the escaping cases.
MergedDocument WriterDoc() {
  MergedDocument d;
  d.name = "writer-sample";
  d.dir = "tests/data/writer-sample";
  d.source_path = d.dir + "/ko.txt";
  d.po_path = d.dir + "/en.po";
  using K = UnitKind;
  using S = TranslationState;
  d.units = {
      MU("u000000000001", 1, K::kTitle, "제목 & <테스트>", "Title & <Test> ]]>"),
      MU("u000000000002", 2, K::kDek, "부제 \"따옴표\"", "Dek with \"quotes\" and 'apostrophes'"),
      MU("u000000000003", 3, K::kCaption, "사진 설명 /사진=제공", "A caption / Photo: provided"),
      MU("u000000000003-2", 4, K::kCaption, "사진 설명 /사진=제공", "A caption / Photo: provided"),
      MU("u000000000005", 5, K::kBody, "본문 | 파이프 --> 화살표",
         "Body | pipe --> arrow & a <tag>"),
      MU("u000000000006", 5, K::kBody, "제어\x01 문자",
         "\xEF\xBB\xBF"
         "Con\xE2\x80\x8Btrol\x01 char\x0B and\x7F DEL\xEF\xBF\xBF"
         "\xE2\x81\xA0."),
      MU("u000000000007", 6, K::kQuestion, "Q. 질문인가?", "Q. A question?"),
      MU("u000000000008", 7, K::kSpeech, "샘 알트만: 답이다.", "Sam Altman: An answer.",
         S::kTranslated, "샘 알트만"),
      MU("u000000000009", 7, K::kSpeech, "계속이다.",
         "It goes on * with _stars_ and [links](x) \\ `code` ~~strike~~ #tag.", S::kTranslated,
         "샘 알트만"),
      MU("u000000000010", 8, K::kListItem, "△첫째", "\xE2\x96\xB3 First"),
      MU("u000000000011", 8, K::kListItem, "△둘째", "- Second"),
      MU("u000000000012", 9, K::kBody, "1. 숫자로 시작", "1. Starts with a number\nand a newline"),
      MU("u000000000013", 9, K::kBody, "퍼지", "Fuzzy English", S::kFuzzy),
      MU("u000000000014", 9, K::kBody, "미번역", "", S::kUntranslated),
      MU("u000000000015", 10, K::kByline, "김기자 기자 kim@example.com",
         "Reporter Kim kim@example.com"),
      MU("u000000000016", 11, K::kBoilerplate, "관련기사", "Related articles"),
  };
  return d;
}

void CheckGolden(const std::string& name, const std::string& got) {
  std::string path = std::string(BITEXT_SOURCE_DIR) + "/tests/golden/writers/" + name;
  if (std::getenv("BITEXT_UPDATE_GOLDEN")) REQUIRE(WriteFileAtomic(path, got).ok());
  Result<std::string> want = ReadFile(path);
  REQUIRE(want.ok());
  CHECK(got == *want);
}

bool HaveTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string Python() { return FileExists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

std::string TempFile(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("bitext_md_" + std::to_string(getpid()) + "_" + name))
                         .string();
  REQUIRE(WriteFileAtomic(path, content).ok());
  return path;
}

std::string Run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[512];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

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
