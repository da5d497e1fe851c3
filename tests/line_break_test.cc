// Tests for line_break.h: widths, and the line-breaking rules as a table.
#include "line_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/uvernum.h>

#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "korean_texts.h"
#include "random_text.h"
#include "utf8.h"
#include "xml_text.h"

using bitext::BreakLines;
using bitext::CountLines;
using bitext::KoreanLineWidth;
using bitext::LineBreakOptions;
using bitext::LineLang;
using bitext::LineWidth;

TEST_CASE("KoreanLineWidth counts Hangul 1 and Latin, digits, spaces, punctuation 0.5",
          "[line_break]") {
  struct Row {
    const char* text;
    double want;
  };
  const Row rows[] = {
      {"", 0},
      {"가", 1},
      {"한국어", 3},
      {"a", 0.5},
      {"AI", 1},
      {"오픈AI", 3},
      {"가 나", 2.5},
      {"2023", 2},
      {"가, 나.", 3.5},
      {"漢字", 2},                        // CJK counts 1
      {"\xEF\xBC\xA1", 1},                // fullwidth A counts 1
      {"\xE2\x80\x9C가\xE2\x80\x9D", 2},  // curly quotes count 0.5
  };
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(KoreanLineWidth(r.text) == Approx(r.want));
  }
  CHECK(LineWidth("Sam Altman", LineLang::kEnglish) == 10);
  CHECK(LineWidth("한국", LineLang::kEnglish) == 2);  // English counts code points
}

namespace {
LineBreakOptions En(double w = 42) {
  LineBreakOptions o;
  o.lang = LineLang::kEnglish;
  o.max_width = w;
  return o;
}
LineBreakOptions Ko(double w = 16) {
  LineBreakOptions o;
  o.lang = LineLang::kKorean;
  o.max_width = w;
  return o;
}
}  // namespace

TEST_CASE("BreakLines chooses breaks a subtitler would", "[line_break]") {
  struct Row {
    const char* name;
    LineBreakOptions opt;
    std::string text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {"short text stays on one line", En(), "Hello, everyone.", {"Hello, everyone."}},
      {"exactly the limit stays on one line", En(16), "Hello, everyone!", {"Hello, everyone!"}},
      {"empty text gives no lines", En(), "   ", {}},
      {"whitespace collapsed", En(), "  a   b \n c ", {"a b c"}},
      {"break after the comma",
       En(),
       "When I think of Korea, technology and innovation come to mind first.",
       {"When I think of Korea, technology", "and innovation come to mind first."}},
      {"name not split between first and last name",
       En(30),
       "The chat was led by Sam Altman and Greg Brockman of OpenAI.",
       {"The chat was led by Sam Altman", "and Greg Brockman of OpenAI."}},
      {"balanced rather than greedy",
       En(),
       "The event was held at the 63 Building in Yeouido, Seoul.",
       {"The event was held at the 63", "Building in Yeouido, Seoul."}},
      {"break before a conjunction",
       En(),
       "Korea leads the world in internet penetration because it invested early.",
       {"Korea leads the world in internet", "penetration because it invested early."}},
      {"no line ends with an article",
       En(24),
       "He said that the company would grow.",
       {"He said that", "the company would grow."}},
      {"a word longer than the line is cut",
       En(10),
       "abcdefghijklmnopqrstuvwxyz",
       {"abcdefghi", "jklmnopq", "rstuvwxyz"}},
      {"Korean fits in one line", Ko(), "감사합니다.", {"감사합니다."}},
      {"Korean breaks at spaces, not between syllables",
       Ko(),
       "오늘은 인공지능의 미래에 대해 이야기하겠습니다.",
       {"오늘은 인공지능의 미래에", "대해 이야기하겠습니다."}},
      {"Korean breaks after a comma",
       Ko(),
       "인터넷 보급률이 높고, 삼성과 LG 등 기업이 있다.",
       {"인터넷 보급률이 높고,", "삼성과 LG 등 기업이 있다."}},
      {"Korean keeps 하고 있다 together",
       Ko(),
       "세계를 선도하고 있으며 훌륭한 기업이 많다.",
       {"세계를 선도하고 있으며", "훌륭한 기업이 많다."}},
      {"Korean eojeol longer than a line is cut between syllables",
       Ko(6),
       "가나다라마바사아자차카타",
       {"가나다라마바", "사아자차카타"}},
  };
  for (const Row& r : rows) {
    SECTION(r.name) {
      std::vector<std::string> got = BreakLines(r.text, r.opt);
      CHECK(got == r.want);
      CHECK(CountLines(r.text, r.opt) == static_cast<int>(r.want.size()));
      for (const std::string& line : got) {
        INFO(line);
        CHECK(LineWidth(line, r.opt.lang) <= r.opt.max_width);
        CHECK(!line.empty());
        CHECK(line.front() != ' ');
        CHECK(line.back() != ' ');
      }
    }
  }
}

TEST_CASE("BreakLines keeps a keep_together phrase on one line", "[line_break]") {
  LineBreakOptions o = Ko(10);
  std::vector<std::string> plain = BreakLines("그레그 브록만 사장이 말했다", o);
  o.keep_together = {"그레그 브록만"};
  std::vector<std::string> kept = BreakLines("그레그 브록만 사장이 말했다", o);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].find("그레그 브록만") != std::string::npos);
  (void)plain;
}

TEST_CASE("BreakLines keeps every line within the limit on long text", "[line_break]") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Samsung and LG are great companies, said Sam Altman. ";
  for (double w : {20.0, 32.0, 42.0}) {
    std::vector<std::string> lines = BreakLines(text, En(w));
    CHECK(lines.size() == static_cast<size_t>(CountLines(text, En(w))));
    std::string joined;
    for (const std::string& l : lines) {
      CHECK(LineWidth(l, LineLang::kEnglish) <= w);
      joined += (joined.empty() ? "" : " ") + l;
    }
    CHECK(joined + " " == text);
  }
}

TEST_CASE("One LineBreaker reused across texts breaks each as a fresh one would", "[line_break]") {
  // Reset keeps the buffers of the previous text (widths, break candidates,
  // keep_together spans): nothing of it may leak into the next text, whether
  // the next is shorter, longer, of the other language or needs grapheme
  // breaks where the previous did not.
  struct Row {
    const char* name;
    LineBreakOptions opt;
    std::string text;
  };
  LineBreakOptions kept = Ko(10);
  kept.keep_together = {"그레그 브록만"};
  const std::string long_en =
      "When I think of Korea, technology and innovation come to mind first, said Sam Altman.";
  const Row rows[] = {
      {"long English", En(), long_en},
      {"short English", En(), "Hello."},
      {"Korean with keep_together", kept, "그레그 브록만 사장이 말했다 그레그 브록만"},
      {"Korean without", Ko(10), "그레그 브록만 사장이 말했다 그레그 브록만"},
      {"a token wider than a line", En(8), "supercalifragilistic expialidocious"},
      {"Korean word wider than a line", Ko(4), "오픈AI공동창업자가 왔다"},
      {"English after a dash", En(12), "state-of-the-art models, state-of-the-art chips"},
      {"empty", En(), ""},
      {"long English again", En(30), long_en},
  };
  bitext::LineBreaker reused;
  for (const Row& row : rows) {
    INFO(row.name);
    reused.Reset(row.text, row.opt);
    bitext::LineBreaker fresh(row.text, row.opt);
    REQUIRE(reused.text() == fresh.text());
    CHECK(reused.CodePointsBefore() == fresh.CodePointsBefore());
    const size_t n = fresh.text().size();
    CHECK(reused.BreakLines(0, n) == BreakLines(row.text, row.opt));
    CHECK(reused.CountLines(0, n) == CountLines(row.text, row.opt));
    // Pieces too: every start and end at a space.
    for (size_t from = 0; from < n; ++from) {
      if (from > 0 && fresh.text()[from - 1] != ' ') continue;
      for (size_t to = from + 1; to <= n; ++to) {
        if (to < n && fresh.text()[to] != ' ') continue;
        CHECK(reused.BreakLines(from, to) == fresh.BreakLines(from, to));
        CHECK(reused.CountLines(from, to) == fresh.CountLines(from, to));
        CHECK(reused.Width(from, to) == fresh.Width(from, to));
      }
    }
  }
}

namespace {

// ICU's line-break opportunities right after a space, or for English right
// after '-': what SpaceBreakOpportunities must find without ICU.
std::vector<size_t> IcuSpaceBreaks(const std::string& text, LineLang lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(&ut, status);
  REQUIRE(U_SUCCESS(status));
  std::vector<size_t> out;
  for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
    auto b = static_cast<size_t>(p);
    if (b == 0 || b >= text.size()) continue;
    if (text[b - 1] == ' ' || (lang == LineLang::kEnglish && text[b - 1] == '-')) out.push_back(b);
  }
  utext_close(&ut);
  return out;
}

// What SpaceBreakOpportunities gives, or {SIZE_MAX} where it declines.
std::vector<size_t> Ours(const std::string& text, LineLang lang) {
  std::vector<size_t> out;
  if (!bitext::SpaceBreakOpportunities(text, lang, &out)) return {static_cast<size_t>(-1)};
  return out;
}

}  // namespace

TEST_CASE("SpaceBreakOpportunities gives ICU's breaks after spaces and hyphens",
          "[line_break][icu]") {
  struct Row {
    const char* rule;
    LineLang lang;
    std::string text;
    std::vector<size_t> want;
  };
  using V = std::vector<size_t>;
  const Row rows[] = {
      {"LB18: after each space", LineLang::kEnglish, "a bc d", V{2, 5}},
      {"LB13: not before a closing mark", LineLang::kEnglish, "a ) b , c . d ! e ? f /",
       V{4, 8, 12, 16, 20}},
      {"LB14: not after an opening mark", LineLang::kEnglish, "( a [ b", V{4}},
      {"LB15: not between a quote and an opening mark", LineLang::kEnglish, "\" ( a", V{}},
      {"LB18 before a quote", LineLang::kEnglish, "a \"b\"", V{2}},
      {"after a hyphen (English only)", LineLang::kEnglish, "state-of-the-art", V{6, 9, 13}},
      {"not after a hyphen in Korean", LineLang::kKorean, "가-나 다", V{8}},
      {"LB25: not between a hyphen and a digit", LineLang::kEnglish, "a-1 b", V{4}},
      {"Hangul and curly quotes", LineLang::kKorean, "“가나” 다 《라》", V{13, 17}},
      {"declines a character it does not know", LineLang::kEnglish, "a \xE2\x80\x94 b",
       V{size_t(-1)}},
      {"declines a leading space", LineLang::kEnglish, " a", V{size_t(-1)}},
      {"declines ill-formed bytes", LineLang::kKorean, "a \xFF", V{size_t(-1)}},
  };
  // With another ICU than the one its rules were checked against, it always
  // declines (and the build asks ICU).
  const bool checked_icu = U_ICU_VERSION_MAJOR_NUM == bitext::kSpaceBreakIcuVersion;
  for (const Row& r : rows) {
    INFO(r.rule);
    CHECK(Ours(r.text, r.lang) == (checked_icu ? r.want : V{size_t(-1)}));
    if (r.want != V{size_t(-1)}) CHECK(IcuSpaceBreaks(r.text, r.lang) == r.want);
  }
}

TEST_CASE("SpaceBreakOpportunities: same as ICU on random text", "[line_break][icu]") {
  // Every character it knows, spaces (single, as in collapsed text) and a
  // few it does not (for which it must decline, never answer wrongly).
  std::vector<std::string> alphabet = {
      "가",           "힣",           "“",       "”",  "‘",  "’",  "…",  "·",  "《",
      "》",           "「",           "」",      "『", "』", "〈", "〉", "、", "。",
      "\xE2\x80\x94", "\xE3\x83\xBC", "\xC2\xA0"};
  for (char c = 0x21; c < 0x7F; ++c) alphabet.push_back(std::string(1, c));
  // About one piece in four a space: most strings have several.
  for (int i = 0; i < 40; ++i) alphabet.push_back(" ");
  auto collapse = [](std::string s) { return bitext::CollapseSpaces(s); };
  for (LineLang lang : {LineLang::kKorean, LineLang::kEnglish}) {
    INFO((lang == LineLang::kKorean ? "Korean" : "English"));
    int answered = 0, with_breaks = 0;
    CheckSameOnRandomTexts(
        {alphabet, /*seed=*/lang == LineLang::kKorean ? 11u : 12u, 1, 16, 20000, collapse},
        [&](const std::string& s) {
          std::vector<size_t> ours = Ours(s, lang);
          if (ours == std::vector<size_t>{size_t(-1)}) return IcuSpaceBreaks(s, lang);
          ++answered;
          if (!ours.empty()) ++with_breaks;
          return ours;
        },
        [lang](const std::string& s) { return IcuSpaceBreaks(s, lang); });
    // A function that declined everything would pass the comparison: most
    // strings must be answered, many of them with breaks.
    if (U_ICU_VERSION_MAJOR_NUM == bitext::kSpaceBreakIcuVersion) {
      CHECK(answered > 8000);
      CHECK(with_breaks > 4000);
    }
  }
}

TEST_CASE("BreakLines splits a wide run of emoji only between grapheme clusters",
          "[line_break][icu]") {
  // Four-byte characters and a ZWJ sequence in a segment too wide for a
  // line: ICU's grapheme breaks, as byte offsets into the UTF-8, decide.
  const std::string woman_coding =
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";  // 3 code points, 1 cluster
  const std::string smile = "\xF0\x9F\x98\x80";
  std::string run;
  for (int i = 0; i < 3; ++i) run += smile + woman_coding;
  const std::string text = run + " ab";
  std::vector<std::string> lines = BreakLines(text, En(4));
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const std::string& l : lines) {
    INFO(l);
    CHECK(LineWidth(l, LineLang::kEnglish) <= 4);
    // No line starts inside the ZWJ sequence or inside a character.
    CHECK(l.rfind("\xE2\x80\x8D", 0) != 0);
    CHECK(l.rfind("\xF0\x9F\x92\xBB", 0) != 0);
    CHECK((static_cast<unsigned char>(l[0]) & 0xC0) != 0x80);
    joined += l;
  }
  CHECK(joined == run + "ab");
  CHECK(lines.back() == "ab");
}

TEST_CASE("SpaceBreakOpportunities: same as ICU on the KSS test sets and the seeds",
          "[line_break][icu]") {
  const std::vector<std::string> files = KssAndSeedFiles();

  size_t answered = 0, lines_seen = 0;
  for (const std::string& f : files) {
    std::istringstream lines(ReadTextOrEmpty(f));
    std::string line;
    while (std::getline(lines, line)) {
      line = bitext::CollapseSpaces(line);
      if (line.empty()) continue;
      ++lines_seen;
      for (LineLang lang : {LineLang::kKorean, LineLang::kEnglish}) {
        std::vector<size_t> ours;
        if (!bitext::SpaceBreakOpportunities(line, lang, &ours)) continue;
        ++answered;
        if (ours != IcuSpaceBreaks(line, lang)) {
          INFO(line);
          CHECK(ours == IcuSpaceBreaks(line, lang));
        }
      }
    }
  }
  if (lines_seen > 0) CHECK(answered > 0);
  WARN("SpaceBreakOpportunities answered " << answered << " of " << 2 * lines_seen
                                           << " line/language pairs");
}

TEST_CASE("LineBreaker counts the code points before every byte offset", "[line_break]") {
  bitext::LineBreaker b("가a \xF0\x9F\x98\x80", En());  // 가 (3 bytes), a, space, emoji (4)
  CHECK(b.CodePointsBefore() == std::vector<size_t>{0, 1, 1, 1, 2, 3, 4, 4, 4, 4});
  b.Reset("", En());
  CHECK(b.CodePointsBefore() == std::vector<size_t>{0});
}

TEST_CASE("Break scores: the word tests as tables", "[line_break]") {
  struct Conj {
    const char* word;
    bool want;
  };
  const Conj conj[] = {
      {"and", true},
      {"And", true},
      {"AND", true},
      {"although", true},
      {"whereas", true},
      {"because", true},
      {"if", true},
      {"andy", false},
      {"and,", false},
      {"an", false},
      {"", false},
      {"althoughs", false},
      {"and\xC2\xA0", false},
      {"\xEA\xB7\xB8\xEB\xA6\xAC\xEA\xB3\xA0", false},  // 그리고
      {"or-", false},
      {"WHICH", true},
      {"thatt", false},
      {"the", false},
  };
  for (const Conj& c : conj) {
    INFO(c.word);
    CHECK(bitext::ClassifyWordBreak("x", c.word, LineLang::kEnglish).conjunction == c.want);
  }

  struct Pair {
    const char* before;
    const char* after;
    bool clause;
    bool tight;
  };
  const Pair pairs[] = {
      {"만났고", "이야기했다", true, false}, {"먹고", "있다", false, true},
      {"말하며", "웃었다", true, false},     {"좋지만", "비싸다", true, false},
      {"갔는데", "없었다", true, false},     {"보면서", "걸었다", true, false},
      {"비싸니까", "안", true, false},       {"왔으나", "갔다", true, false},
      {"회사는", "크다", false, false},      {"했다", "그리고", false, false},
      {"고", "있다", false, true},           {"전", "세계", false, true},
      {"모든", "기업", false, true},         {"AI", "기업", false, false},
      {"서", "있다", false, true},           {"앉아서", "있다", false, true},
      {"앉아서", "먹었다", true, false},     {"하도록", "했다", true, false},
      {"오만", "했다", false, false},  // 만 ends …지만, but 오만 is no clause
  };
  for (const Pair& p : pairs) {
    INFO(p.before << " | " << p.after);
    // Both Korean tests at once, and only for Korean.
    const bitext::WordBreak ko = bitext::ClassifyWordBreak(p.before, p.after, LineLang::kKorean);
    CHECK(ko.korean_clause == p.clause);
    CHECK(ko.korean_tight == p.tight);
    const bitext::WordBreak en = bitext::ClassifyWordBreak(p.before, p.after, LineLang::kEnglish);
    CHECK_FALSE((en.korean_clause || en.korean_tight));
  }
}

TEST_CASE("ClassifyWordBreak: how the word before ends, quotes, English word tests",
          "[line_break]") {
  using End = bitext::WordBreak::End;
  struct Row {
    const char* before;
    const char* after;
    End end;
    bool opens_quote, conjunction, function_word, splits_name;
  };
  const Row rows[] = {
      {"said.", "He", End::kSentence, false, false, false, false},
      {"why?", "x", End::kSentence, false, false, false, false},
      {"now!", "x", End::kSentence, false, false, false, false},
      {"\"yes\"", "x", End::kSentence, false, false, false, false},
      {"yes\xE2\x80\x9D", "x", End::kSentence, false, false, false, false},  // ”
      {"(sic.)", "x", End::kSentence, false, false, false, false},
      {"wait\xE2\x80\xA6", "x", End::kSentence, false, false, false, false},  // …
      {"first,", "x", End::kClause, false, false, false, false},
      {"first;", "x", End::kClause, false, false, false, false},
      {"note:", "x", End::kClause, false, false, false, false},
      {"(sic)", "x", End::kOther, false, false, false, false},
      {"[1]", "x", End::kOther, false, false, false, false},
      {"it\xE2\x80\x99", "x", End::kOther, false, false, false, false},  // ’
      {"A\xC2\xB7", "x", End::kOther, false, false, false, false},       // ·
      {"x\xE2\x80\x9E", "x", End::kNone, false, false, false, false},    // „: not ”
      {"x\xE2\x84\xA6", "x", End::kNone, false, false, false, false},    // Ω ends in 0xA6
      {"x", "\"Yes", End::kNone, true, false, false, false},
      {"x", "(see", End::kNone, true, false, false, false},
      {"x", "[1]", End::kNone, true, false, false, false},
      {"x", "'tis", End::kNone, true, false, false, false},
      {"x",
       "\xE2\x80\x9C"
       "We",
       End::kNone, true, false, false, false},  // “
      {"x",
       "\xE2\x80\x98"
       "a",
       End::kNone, true, false, false, false},             // ‘
      {"x", "(", End::kNone, false, false, false, false},  // the mark alone
      {"x", "\xE2\x80\x9C", End::kNone, false, false, false, false},
      {"x", "and", End::kNone, false, true, false, false},
      {"x", "Because", End::kNone, false, true, false, false},
      {"the", "x", End::kNone, false, false, true, false},
      {"Of", "x", End::kNone, false, false, true, false},
      {"Sam", "Altman", End::kNone, false, false, false, true},
      {"O'Neil", "Said", End::kNone, false, false, false, true},
      {"\"Sam", "Altman", End::kNone, false, false, false, false},      // a quote: not all letters
      {"\xC3\x89mile", "Zola", End::kNone, false, false, false, true},  // Émile
      {"I", "Said", End::kNone, false, false, false, false},
      {"Sam", "altman", End::kNone, false, false, false, false},
      {"GPT4", "Model", End::kNone, false, false, false, false},  // a digit: no name
      {"Sam,", "Altman", End::kClause, false, false, false, false},
  };
  for (const Row& r : rows) {
    INFO(r.before << " | " << r.after);
    const bitext::WordBreak w = bitext::ClassifyWordBreak(r.before, r.after, LineLang::kEnglish);
    CHECK(w.end == r.end);
    CHECK(w.opens_quote == r.opens_quote);
    CHECK(w.conjunction == r.conjunction);
    CHECK(w.function_word == r.function_word);
    CHECK(w.splits_name == r.splits_name);
    // The English tests are not made for Korean; the others are.
    const bitext::WordBreak ko = bitext::ClassifyWordBreak(r.before, r.after, LineLang::kKorean);
    CHECK(ko.end == r.end);
    CHECK(ko.opens_quote == r.opens_quote);
    CHECK_FALSE((ko.conjunction || ko.function_word || ko.splits_name));
  }
}

TEST_CASE("LineBreaker::WordsAt classifies the words around every space", "[line_break]") {
  // Each space's words as ClassifyWordBreak gives them, however the text
  // came in (collapsed) and after a Reset to another text.
  auto check = [](bitext::LineBreaker& lb, LineLang lang) {
    const std::string& t = lb.text();
    auto none = [](const bitext::WordBreak& w) {
      return w.end == bitext::WordBreak::End::kNone && !w.opens_quote && !w.conjunction &&
             !w.function_word && !w.splits_name && !w.korean_clause && !w.korean_tight;
    };
    // Where no space comes before: no test is true (past the end too).
    for (size_t pos = 0; pos <= t.size() + 2; ++pos) {
      if (pos == 0 || pos > t.size() || t[pos - 1] != ' ') CHECK(none(lb.WordsAt(pos)));
    }
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] != ' ') continue;
      size_t b = t.rfind(' ', i - 1);
      b = b == std::string::npos || i == 0 ? 0 : b + 1;
      size_t e = t.find(' ', i + 1);
      e = e == std::string::npos ? t.size() : e;
      const std::string before = t.substr(b, i - b), after = t.substr(i + 1, e - i - 1);
      INFO(before << " | " << after);
      const bitext::WordBreak want = bitext::ClassifyWordBreak(before, after, lang);
      const bitext::WordBreak& got = lb.WordsAt(i + 1);
      CHECK(got.end == want.end);
      CHECK(got.opens_quote == want.opens_quote);
      CHECK(got.conjunction == want.conjunction);
      CHECK(got.function_word == want.function_word);
      CHECK(got.splits_name == want.splits_name);
      CHECK(got.korean_clause == want.korean_clause);
      CHECK(got.korean_tight == want.korean_tight);
    }
  };
  bitext::LineBreakOptions en;
  en.lang = LineLang::kEnglish;
  bitext::LineBreaker lb(
      "  Sam  Altman said, \"and the   rest\" (of it) \xE2\x80\x9Cwas\xE2\x80\x9D fine. ", en);
  check(lb, LineLang::kEnglish);
  bitext::LineBreakOptions ko;
  ko.lang = LineLang::kKorean;
  lb.Reset("\t전 세계   기업들이 모여 만났고 이야기하고 있다. 모든 \"사람\"이", ko);
  check(lb, LineLang::kKorean);
  lb.Reset("one", en);
  CHECK(lb.text() == "one");  // no space: nothing to classify
}

TEST_CASE(
    "LineBreaker widths and code points equal LineWidth and CodePointCount at every boundary "
    "(ill-formed text included)",
    "[line_break]") {
  const std::string texts[] = {
      "Sam Altman said",
      "샘 알트만은 \"한국은 중요하다\"고 말했다",
      "오픈AI가 1000만 달러를",
      "a\xEA\xB0",                  // a truncated Hangul syllable at the end
      "\xED\x9E\xA4 \xED\x9E\xA3",  // U+D7A4 (not a syllable), U+D7A3
      "\x80 x \xFF",
      "e\xCC\x81 \xE2\x80\x9C\xEF\xBC\xA1\xF0\x9F\x98\x8A",  // combining mark, “, Ａ, emoji
      "\xED\xA0\x80 \xEA\xB0\x80",                           // a surrogate's bytes, 가
  };
  for (const std::string& text : texts) {
    for (LineLang lang : {LineLang::kKorean, LineLang::kEnglish}) {
      LineBreakOptions opt;
      opt.lang = lang;
      bitext::LineBreaker lb(text, opt);
      const std::string& t = lb.text();
      INFO(t << (lang == LineLang::kKorean ? " (Korean)" : " (English)"));
      for (size_t k = 0; k <= t.size();) {
        const std::string prefix = t.substr(0, k);
        CHECK(lb.Width(0, k) == LineWidth(prefix, lang));
        CHECK(lb.CodePointsBefore()[k] == bitext::CodePointCount(prefix));
        if (k == t.size()) break;
        bitext::NextCodePoint(t, &k);
      }
    }
  }
}
