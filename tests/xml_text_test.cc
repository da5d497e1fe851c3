// The writers' fast paths in xml_text.h and srt_writer.h: IsDisplayClean,
// DisplayLine, IsXmlClean, AppendXmlEscaped and AppendSubtitleLine agree with
// the functions they stand for, on clean text and on every kind of text those
// functions change.
#include "xml_text.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "random_text.h"
#include "srt_writer.h"

using namespace bitext;

namespace {

struct Row {
  const char* name;
  std::string text;
};

// Clean text and each kind of text DisplayText, CollapseSpaces,
// DropXmlForbidden or XmlEscape changes.
const Row kRows[] = {
    {"empty", ""},
    {"ASCII word", "Hello"},
    {"ASCII sentence", "Sam Altman: We look forward to it, and more."},
    {"Hangul", "앞으로 긴밀한 협력을 기대하고 있다."},
    {"Hangul first and last syllables", "\xEA\xB0\x80 \xED\x9E\xA3"},  // 가 힣
    {"Hangul jamo and CJK", "ㅋㅋ 東京 《책》 “인용” ‘a’ · … – π"},
    {"emoji", "smile \xF0\x9F\xA4\x91"},
    {"replacement character kept",
     "a\xEF\xBF\xBD"
     "b"},
    {"no-break space kept",
     "a\xC2\xA0"
     "b"},
    {"markup characters", "a < b & c > d \"q\" 'r'"},
    {"arrow", "a --> b ---> c"},
    {"leading space", " a"},
    {"trailing space", "a "},
    {"double space", "a  b"},
    {"only spaces", "   "},
    {"tab", "a\tb"},
    {"line feed", "a\nb"},
    {"carriage return", "a\r\nb\rc"},
    {"vertical tab and form feed", "a\vb\fc"},
    {"C0 control",
     "a\x01"
     "b"},
    {"DEL",
     "a\x7F"
     "b"},
    {"C1 control",
     "a\xC2\x85"
     "b"},
    {"U+FFFE",
     "a\xEF\xBF\xBE"
     "b"},
    {"U+FFFF",
     "a\xEF\xBF\xBF"
     "b"},
    {"zero-width space",
     "a\xE2\x80\x8B"
     "b"},
    {"byte-order mark",
     "\xEF\xBB\xBF"
     "a"},
    {"soft hyphen",
     "a\xC2\xAD"
     "b"},
    {"lone continuation byte",
     "a\x80"
     "b"},
    {"truncated Hangul", "a\xEA\xB0"},
    {"overlong encoding",
     "a\xC0\xAF"
     "b"},
    {"surrogate",
     "a\xED\xA0\x80"
     "b"},
    {"Hangul lead byte, not a syllable", "\xED\x9E\xA4"},  // U+D7A4
};

// CollapseSpaces word by word: whitespace-separated words joined by one space.
std::string CollapseReference(const std::string& text) {
  std::string out, word;
  for (char ch : text + " ") {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f') {
      if (!word.empty()) out += (out.empty() ? "" : " ") + word;
      word.clear();
    } else {
      word += ch;
    }
  }
  return out;
}

// `base` with one change at each byte offset, inserted and (where there is a
// byte) replacing it ("  " replaces two bytes), with a description for INFO.
std::vector<std::pair<std::string, std::string>> ChangedAtEveryOffset(
    const std::string& base, const std::vector<std::string>& changes) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& change : changes) {
    for (size_t at = 0; at <= base.size(); ++at) {
      for (bool replace : {false, true}) {
        std::string text = base;
        if (replace && at < text.size()) {
          text.replace(at, change == "  " ? 2 : 1, change);
        } else {
          text.insert(at, change);
        }
        out.push_back({text, "change " + std::to_string(change.size()) + " bytes at " +
                                 std::to_string(at) + (replace ? " (replacing)" : "")});
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("IsDisplayClean is true exactly when the display cleaning changes nothing",
          "[xml_text]") {
  for (const Row& row : kRows) {
    INFO(row.name);
    CHECK(IsDisplayClean(row.text) == (CollapseSpaces(DisplayText(row.text, nullptr)) == row.text));
  }
}

TEST_CASE("IsDisplayClean agrees at every offset of lines longer than its 16-byte blocks",
          "[xml_text]") {
  // A clean ASCII line of 50 bytes (several blocks and a tail), with one
  // change at each offset: the block scan must see it wherever it falls,
  // including a double space split across two blocks.
  const std::string base = "Sam Altman said we look forward to working with Ko";
  REQUIRE(base.size() == 50);
  const std::vector<std::string> changes = {" ",    "  ",       "\t",           "\x01",
                                            "\x7F", "\xC2\x85", "\xEA\xB0\x80", "\xE2\x80\x8B",
                                            "\x80", "\xEA\xB0"};
  for (const auto& [text, what] : ChangedAtEveryOffset(base, changes)) {
    INFO(what);
    CHECK(IsDisplayClean(text) == (CollapseSpaces(DisplayText(text, nullptr)) == text));
  }
}

TEST_CASE("IsDisplayClean agrees at every offset of Korean lines longer than its 16-byte blocks",
          "[xml_text]") {
  // Clean Korean with spaces, a syllable of the last range (U+D7A3) and a
  // quote: syllables fall across the edges of the 16-byte blocks at every
  // shift; one change at each offset, including inside a syllable.
  const std::string base =
      "\xEC\x83\x98 \xEC\x95\x8C\xED\x8A\xB8\xEB\xA7\x8C\xEC\x9D\x80 "
      "\xE2\x80\x9C\xED\x95\x9C\xEA\xB5\xAD\xE2\x80\x9D\xEC\x9D\xB4 "
      "\xED\x9E\xA3\xEA\xB0\x80 AI\xEA\xB0\x80 \xEC\xA4\x91\xEC\x9A\x94";
  REQUIRE(IsDisplayClean(base));
  const std::vector<std::string> changes = {
      " ",        "  ",           "\t",           "\x80",         "\xEA",
      "\xEA\xB0", "\xED\x9E\xA4", "\xED\xA0\x80", "\xEA\xAF\xBF", "\xE2\x80\x8B",
      "a",        "\xED\x9E\x80"};
  for (const auto& [text, what] : ChangedAtEveryOffset(base, changes)) {
    INFO(what);
    CHECK(IsDisplayClean(text) == (CollapseSpaces(DisplayText(text, nullptr)) == text));
  }
}

TEST_CASE("IsDisplayClean agrees with the display cleaning on random mixed text", "[xml_text]") {
  // Hangul, ASCII runs longer and shorter than a block and single spaces
  // (each twenty times, so that many texts are clean), and once each what
  // the cleaning changes, in random order.
  const std::vector<std::string> clean = {
      "\xEA\xB0\x80",     "\xED\x9E\xA3",     "a",
      "Altman said that", "0123456789abcdef", " ",
      "\xC2\xA0",         "\xE2\x80\x9C",     "\xF0\x9F\x98\x8A",
      "\xE3\x80\x82"};
  const std::vector<std::string> changed = {"  ",   "\t",       "\n",           "\x01",
                                            "\x7F", "\xC2\x85", "\xE2\x80\x8B", "\xEF\xBF\xBF",
                                            "\x80", "\xEA\xB0", "\xED\x9E\xA4"};
  RandomTexts r{{}, /*seed=*/91, 1, 30};
  for (int k = 0; k < 20; ++k) r.alphabet.insert(r.alphabet.end(), clean.begin(), clean.end());
  r.alphabet.insert(r.alphabet.end(), changed.begin(), changed.end());
  int clean_texts = 0;
  CheckSameOnRandomTexts(
      r, [](const std::string& s) { return IsDisplayClean(s); },
      [&](const std::string& s) {
        bool same = CollapseSpaces(DisplayText(s, nullptr)) == s;
        clean_texts += same ? 1 : 0;
        return same;
      });
  CHECK(clean_texts > 1000);
}

TEST_CASE("CollapseSpaces trims and leaves one space between words", "[xml_text]") {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case kCases[] = {
      {"", ""},
      {" ", ""},
      {"\t\n", ""},
      {"a", "a"},
      {"a b", "a b"},  // already collapsed: copied whole
      {"샘 알트만 대표", "샘 알트만 대표"},
      {" a b", "a b"},
      {"a b ", "a b"},
      {"a  b", "a b"},
      {"a\tb", "a b"},
      {"a \nb", "a b"},
      {"a\r\nb\fc\vd", "a b c d"},
      {"  a   b  ", "a b"},
      {"a\x01b", "a\x01b"},  // only whitespace collapses
  };
  for (const Case& c : kCases) {
    INFO("text \"" << c.text << "\"");
    CHECK(CollapseSpaces(c.text) == c.want);
  }
  // Against a word-by-word reference on random text.
  CheckSameOnRandomTexts(
      {{"가", "a", " ", "  ", "\t", "\n", "\r"}, /*seed=*/23, 0, 12},
      [](const std::string& t) { return CollapseSpaces(t); }, CollapseReference);
  // Longer text, mostly collapsed already (words and single spaces twenty
  // times as likely), with the bytes next to the whitespace range: the
  // 16-byte block test for collapsed text must see every change.
  RandomTexts longer{{}, /*seed=*/29, 1, 40};
  for (int k = 0; k < 20; ++k) {
    for (const char* piece : {"가나다", "Altman", "a", " ", "0123456789abcdef"}) {
      longer.alphabet.push_back(piece);
    }
  }
  for (const char* piece : {"  ", "\t", "\n", "\v", "\f", "\r", "\x08", "\x0E", "\x1F", "!"}) {
    longer.alphabet.push_back(piece);
  }
  CheckSameOnRandomTexts(
      longer, [](const std::string& t) { return CollapseSpaces(t); }, CollapseReference);
}

TEST_CASE("CollapseSpaces agrees at every offset of lines longer than its 16-byte blocks",
          "[xml_text]") {
  // Collapsed lines of 50 bytes (several blocks and a tail), with one change
  // at each offset: the block test for collapsed text must see it wherever it
  // falls, including a double space split across two blocks or at the tail.
  const std::string bases[] = {"Sam Altman said we look forward to working with Ko",
                               "샘 알트만은 한국 기업과 협력하겠다 a b"};
  const std::vector<std::string> changes = {" ",  "  ", "\t",   "\n",   "\v",
                                            "\f", "\r", "\x08", "\x0E", "\x80"};
  for (const std::string& base : bases) {
    for (const auto& [text, what] : ChangedAtEveryOffset(base, changes)) {
      INFO(what);
      CHECK(CollapseSpaces(text) == CollapseReference(text));
    }
  }
}

TEST_CASE("AssignDisplayLine and AssignCollapsedSpaces replace what the string held",
          "[xml_text]") {
  std::string out = "left over from before, longer than the result";
  for (const Row& row : kRows) {
    INFO(row.name);
    AssignDisplayLine(row.text, &out);
    CHECK(out == DisplayLine(row.text));
    AssignCollapsedSpaces(row.text, &out);
    CHECK(out == CollapseSpaces(row.text));
  }
}

TEST_CASE("DisplayLine returns what the display cleaning makes", "[xml_text]") {
  for (const Row& row : kRows) {
    INFO(row.name);
    CHECK(DisplayLine(row.text) == CollapseSpaces(DisplayText(row.text, nullptr)));
  }
  CHECK(DisplayLine("  a\t b\r\n\x01"
                    "c ") == "a b c");
}

TEST_CASE("DisplayLineView is DisplayLine, and the text itself when it is clean", "[xml_text]") {
  for (const Row& row : kRows) {
    INFO(row.name);
    std::string scratch = "left over";
    std::string_view view = DisplayLineView(row.text, &scratch);
    CHECK(view == DisplayLine(row.text));
    CHECK((view.data() == row.text.data()) == IsDisplayClean(row.text));
  }
}

TEST_CASE("AppendMarkupEscaped escapes & < > alone", "[xml_text]") {
  std::string out = "prefix";
  AppendMarkupEscaped("<b>\"Q&A\"</b>\t\r\n", &out);
  CHECK(out == "prefix&lt;b&gt;\"Q&amp;A\"&lt;/b&gt;\t\r\n");
}

TEST_CASE("IsXmlClean is true exactly when DropXmlForbidden drops nothing", "[xml_text]") {
  for (const Row& row : kRows) {
    INFO(row.name);
    std::vector<char32_t> dropped;
    std::string kept = DropXmlForbidden(row.text, &dropped);
    CHECK(IsXmlClean(row.text) == dropped.empty());
    CHECK(IsXmlClean(row.text) == (kept == row.text));
  }
}

TEST_CASE("AppendXmlEscaped appends what XmlEscape returns", "[xml_text]") {
  for (const Row& row : kRows) {
    INFO(row.name);
    for (bool attribute : {false, true}) {
      std::string out = "prefix";
      AppendXmlEscaped(row.text, attribute, &out);
      CHECK(out == "prefix" + XmlEscape(row.text, attribute));
    }
  }
  CHECK(XmlEscape("<a href=\"x\">&\t\n\r</a>", true) ==
        "&lt;a href=&quot;x&quot;&gt;&amp;&#9;&#10;&#13;&lt;/a&gt;");
  CHECK(XmlEscape("<a href=\"x\">&\t\n\r</a>", false) ==
        "&lt;a href=\"x\"&gt;&amp;\t\n&#13;&lt;/a&gt;");
}

TEST_CASE("AppendSubtitleLine appends what SubtitleLine returns", "[xml_text][srt_writer]") {
  for (const Row& row : kRows) {
    INFO(row.name);
    std::string out = "prefix";
    AppendSubtitleLine(row.text, &out);
    CHECK(out == "prefix" + SubtitleLine(row.text));
  }
  CHECK(SubtitleLine("a --> b ---> c") == "a \xE2\x86\x92 b -\xE2\x86\x92 c");
  CHECK(SubtitleLine("  a\t-->\nb ") == "a \xE2\x86\x92 b");
}
