// Tests for po_store.h: reading every part of the PO syntax, writing the
// msgcat --no-wrap layout, round trips, and malformed files with FILE:LINE:COL.
#include "po_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_io.h"
#include "run_shell.h"
#include "temp_dir.h"

using bitext::FormatPo;
using bitext::ParsePo;
using bitext::PoEntry;
using bitext::PoFile;
using bitext::Status;

namespace {

const std::string kData = std::string(BITEXT_SOURCE_DIR) + "/tests/data/po/";

PoFile MustParse(const std::string& text) {
  auto po = ParsePo(text, "t.po");
  INFO(po.status().ToString());
  REQUIRE(po.ok());
  return *po;
}

}  // namespace

TEST_CASE("Entries that differ only in msgctxt, or are obsolete, are not duplicates",
          "[po_store]") {
  const std::string text =
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "msgid \"가\"\nmsgstr \"a\"\n\n"
      "msgctxt \"\"\nmsgid \"가\"\nmsgstr \"b\"\n\n"
      "msgctxt \"u1\"\nmsgid \"가\"\nmsgstr \"c\"\n\n"
      "#~ msgctxt \"u1\"\n#~ msgid \"가\"\n#~ msgstr \"d\"\n\n"
      "#~ msgctxt \"u1\"\n#~ msgid \"가\"\n#~ msgstr \"e\"\n";
  auto po = ParsePo(text, "ok.po");
  REQUIRE(po.ok());
  CHECK(po->header.has_value());
  REQUIRE(po->entries.size() == 5);
  CHECK(po->entries[0].msgstr[0] == "a");
  CHECK(po->entries[4].obsolete);
}

TEST_CASE("PO string escapes decode", "[po_store]") {
  struct Row {
    const char* literal;  // the body of msgstr "..."
    std::string want;
  };
  const Row rows[] = {
      {R"(plain)", "plain"},
      {R"(a\nb)", "a\nb"},
      {R"(tab\there)", "tab\there"},
      {R"(\"quoted\")", "\"quoted\""},
      {R"(back\\slash)", "back\\slash"},
      {R"(\r\a\b\f\v)", "\r\a\b\f\v"},
      {R"(\'\?)", "'?"},
      {R"(\101\102)", "AB"},
      {R"(\7)", "\a"},
      {R"(\x41\x4a)", "AJ"},
      {R"(\xEA\xB0\x80)", "가"},
      {R"(\352\260\200)", "가"},
      {R"(한국어 그대로)", "한국어 그대로"},
  };
  for (const Row& row : rows) {
    SECTION(row.literal) {
      PoFile po = MustParse(std::string("msgid \"x\"\nmsgstr \"") + row.literal + "\"\n");
      REQUIRE(po.entries.size() == 1);
      CHECK(po.entries[0].msgstr[0] == row.want);
    }
  }
}

TEST_CASE("PO writer escapes and reads back", "[po_store]") {
  const std::string values[] = {"a\"b\\c",         "tab\tcr\rbell\a",   "line\nbreak",
                                "\nleading",       "trailing\n",        "two\n\nblank",
                                "ctl\x01\x1f\x7f", "한국어 \"따옴표\"", ""};
  for (const std::string& v : values) {
    PoFile po;
    PoEntry e;
    e.msgctxt = "ctx";
    e.msgid = v.empty() ? "x" : v;
    e.msgstr = {v};
    po.entries.push_back(e);
    std::string text = FormatPo(po);
    PoFile back = MustParse(text);
    REQUIRE(back.entries.size() == 1);
    CHECK(back.entries[0].msgid == e.msgid);
    CHECK(back.entries[0].msgstr[0] == v);
    CHECK(FormatPo(back) == text);
  }
}

TEST_CASE("EscapePoString: every escape, golden", "[po_store]") {
  struct Row {
    std::string in;
    std::string want;
  };
  const Row rows[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"\"", "\\\""},
      {"\\", "\\\\"},
      {"\n", "\\n"},
      {"\t", "\\t"},
      {"\r", "\\r"},
      {"\a", "\\a"},
      {"\b", "\\b"},
      {"\f", "\\f"},
      {"\v", "\\v"},
      {std::string(1, '\0'), "\\000"},
      {"\x01", "\\001"},
      {"\x1F", "\\037"},
      {"\x7F", "\\177"},
      {" ~", " ~"},                                      // the printable ends are kept
      {"\xEA\xB0\x80\xC2\x85", "\xEA\xB0\x80\xC2\x85"},  // UTF-8 kept, C1 controls too
      {"0123456789abcdef\"0123456789abcdef\n", "0123456789abcdef\\\"0123456789abcdef\\n"},
  };
  for (const Row& r : rows) {
    INFO(r.want);
    CHECK(bitext::EscapePoString(r.in) == r.want);
  }
}

TEST_CASE("PO strings read back with a quote, a backslash or an escape at every offset",
          "[po_store]") {
  // The plain runs between quotes and backslashes are found sixteen bytes
  // at a time: each mark at every position of strings up to 40 bytes, so
  // that it falls at every place in a block and in the tail after it.
  const std::string marks[] = {"\"", "\\", "\n", "\xEA\xB0\x80", "\x01", "\x7F"};
  int checked = 0;
  for (const std::string& mark : marks) {
    for (size_t n = 0; n <= 40; ++n) {
      for (size_t k = 0; k <= n; ++k) {
        std::string v(n, 'a');
        v.insert(k, mark);
        PoFile po;
        PoEntry e;
        e.msgid = "x";
        e.msgstr = {v};
        po.entries.push_back(e);
        PoFile back = MustParse(FormatPo(po));
        REQUIRE(back.entries.size() == 1);
        INFO("mark " << mark << " at " << k << " of " << n);
        CHECK(back.entries[0].msgstr[0] == v);
        ++checked;
      }
    }
  }
  CHECK(checked == 6 * 41 * 42 / 2);
}

TEST_CASE("PO multi-line strings", "[po_store]") {
  PoFile po = MustParse(
      "msgctxt \"u1\"\n"
      "msgid \"\"\n"
      "\"first \"\n"
      "  \"second\"\n"
      "msgstr \"\" \"one\\n\"\n"
      "\"two\"\n");
  REQUIRE(po.entries.size() == 1);
  CHECK(po.entries[0].msgid == "first second");
  CHECK(po.entries[0].msgstr[0] == "one\ntwo");
  // The writer splits after each embedded newline, msgcat-style.
  CHECK(FormatPo(po) ==
        "msgctxt \"u1\"\n"
        "msgid \"first second\"\n"
        "msgstr \"\"\n"
        "\"one\\n\"\n"
        "\"two\"\n");
}

TEST_CASE("PO comments, flags, previous strings and obsolete entries", "[po_store]") {
  auto po = bitext::ReadPo(kData + "full.po");
  INFO(po.status().ToString());
  REQUIRE(po.ok());
  REQUIRE(po->header);
  CHECK(po->header->translator_comments ==
        std::vector<std::string>{"Translation of a test document.", "Second header comment line."});
  CHECK(po->header->IsFuzzy());
  CHECK(bitext::PoHeaderField(*po->header, "Language") == std::optional<std::string>("en"));
  CHECK(bitext::PoHeaderField(*po->header, "Content-Type") ==
        std::optional<std::string>("text/plain; charset=UTF-8"));
  CHECK(!bitext::PoHeaderField(*po->header, "PO-Revision-Date"));
  REQUIRE(po->entries.size() == 7);

  const PoEntry& speech = po->entries[0];
  CHECK(speech.translator_comments ==
        std::vector<std::string>{"A translator comment.", "", " Indented comment."});
  CHECK(speech.extracted_comments ==
        std::vector<std::string>{"kind: speech", "speaker: 샘 알트만"});
  CHECK(speech.references == std::vector<std::string>{"ko.txt:3"});
  CHECK(speech.flags == std::vector<std::string>{"c-format"});
  CHECK(!speech.IsFuzzy());
  CHECK(speech.IsTranslated());
  CHECK(speech.msgctxt == std::optional<std::string>("u000000000001"));
  CHECK(speech.line == 21);  // the msgid keyword

  const PoEntry& fuzzy = po->entries[1];
  CHECK(fuzzy.IsFuzzy());
  CHECK(!fuzzy.IsTranslated());
  CHECK(fuzzy.HasTranslation());
  CHECK(fuzzy.references == std::vector<std::string>{"ko.txt:5 ko.txt:6"});
  CHECK(fuzzy.previous_msgctxt == std::optional<std::string>("u000000000009"));
  CHECK(fuzzy.previous_msgid == std::optional<std::string>("이전 문장의 첫 줄\n둘째 줄"));
  CHECK(fuzzy.msgid == "첫 줄\n둘째 줄\n셋째 줄");
  CHECK(fuzzy.msgstr[0] == "First line\nsecond line\nthird line");

  CHECK(po->entries[2].msgid == "Escapes: \"quoted\" \\ back\ttab \a\b\f\v\r end\n");
  CHECK(po->entries[2].msgctxt == std::optional<std::string>("u000000000003"));

  const PoEntry& plural = po->entries[3];
  CHECK(plural.msgid_plural == std::optional<std::string>("%d files"));
  CHECK(plural.msgstr == std::vector<std::string>{"한 파일", "%d 파일"});

  CHECK(!po->entries[4].HasTranslation());

  const PoEntry& old = po->entries[5];
  CHECK(old.obsolete);
  CHECK(old.translator_comments == std::vector<std::string>{"Kept after deletion."});
  CHECK(old.IsFuzzy());
  CHECK(old.previous_msgctxt == std::optional<std::string>("u000000000010"));
  CHECK(old.previous_msgid == std::optional<std::string>("아주 옛 문장"));
  CHECK(old.msgctxt == std::optional<std::string>("u000000000005"));
  CHECK(old.msgstr[0] == "An old sentence");

  CHECK(po->entries[6].obsolete);
  CHECK(po->entries[6].msgid == "여러 줄\n옛 문장");
}

TEST_CASE("PO round trip is byte-identical", "[po_store]") {
  for (const char* name : {"full.po", "doc/en.po"}) {
    SECTION(name) {
      auto text = bitext::ReadFile(kData + name);
      REQUIRE(text.ok());
      PoFile po = MustParse(*text);
      CHECK(FormatPo(po) == *text);
      CHECK(FormatPo(MustParse(FormatPo(po))) == *text);
    }
  }
}

TEST_CASE("PO writer layout is msgcat --no-wrap's", "[po_store]") {
  if (!HaveTool("msgcat")) {
    WARN("msgcat not installed; skipped");
    return;
  }
  for (const char* name : {"full.po", "doc/en.po"}) {
    std::string cmd =
        "msgcat --no-wrap '" + kData + name + "' 2>/dev/null | cmp -s - '" + kData + name + "'";
    INFO(cmd);
    CHECK(std::system(cmd.c_str()) == 0);
  }
}

TEST_CASE("PO reader tolerates BOM, CRLF, spacing and missing final newline", "[po_store]") {
  PoFile po = MustParse(
      "\xEF\xBB\xBF# c\r\n"
      "msgid \"\"\r\n"
      "msgstr \"Language: en\\n\"\r\n"
      "\r\n"
      "   msgid\t\"a\"   \r\n"
      "msgstr \"b\"");
  REQUIRE(po.header);
  REQUIRE(po.entries.size() == 1);
  CHECK(po.entries[0].msgid == "a");
  CHECK(po.entries[0].msgstr[0] == "b");
  CHECK(po.entries[0].line == 5);
}

TEST_CASE("PO reader rejects malformed files with FILE:LINE:COL", "[po_store]") {
  struct Row {
    const char* name;
    std::string text;
    const char* want;
  };
  const Row rows[] = {
      {"unterminated string", "msgid \"abc\nmsgstr \"\"\n", "bad.po:1:7: unterminated string"},
      {"unterminated after backslash", "msgid \"abc\\\nmsgstr \"\"\n",
       "bad.po:1:7: unterminated string"},
      {"unknown escape", "msgid \"a\"\nmsgstr \"x\\qy\"\n",
       "bad.po:2:10: unknown escape sequence '\\q'"},
      {"hex escape without digits", "msgid \"a\"\nmsgstr \"\\xg\"\n",
       "bad.po:2:9: '\\x' escape without hex digits"},
      {"escape making invalid UTF-8", "msgid \"a\"\nmsgstr \"\\377\"\n",
       "bad.po:2:8: escape sequences make the string invalid UTF-8"},
      {"NUL escape", "msgid \"a\"\nmsgstr \"\\0\"\n",
       "bad.po:2:9: NUL character (\\0) in a string"},
      {"string without keyword", "\"orphan\"\nmsgid \"a\"\nmsgstr \"\"\n",
       "bad.po:1:1: string without a keyword"},
      {"string after a blank line", "msgid \"x\"\nmsgstr \"\"\n\n\"orphan\"\n",
       "bad.po:4:1: string without a keyword"},
      {"unknown keyword", "msgid \"a\"\nmsgstring \"b\"\n",
       "bad.po:2:1: unknown keyword 'msgstring'"},
      {"text without keyword", "msgid \"a\"\nmsgstr \"b\"\n가나다\n",
       "bad.po:3:1: unexpected text; expected a keyword or a string"},
      {"keyword without string", "msgid \"a\"\nmsgstr\n",
       "bad.po:2:7: expected a string after 'msgstr'"},
      {"text after string", "msgid \"a\" x\nmsgstr \"\"\n",
       "bad.po:1:11: unexpected text after a string"},
      {"msgstr without msgid", "msgstr \"b\"\n", "bad.po:1:1: msgstr without msgid"},
      {"missing msgstr", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n",
       "bad.po:3:1: msgid follows a msgid without msgstr"},
      {"missing msgstr at end", "msgid \"a\"\nmsgstr \"\"\n\n  msgid \"b\"\n",
       "bad.po:4:3: entry has no msgstr"},
      {"msgctxt after msgid", "msgid \"a\"\nmsgctxt \"c\"\nmsgstr \"\"\n",
       "bad.po:2:1: msgctxt after msgid; msgctxt goes first"},
      {"duplicate msgctxt and msgid",
       "msgctxt \"u1\"\nmsgid \"가\"\nmsgstr \"a\"\n\nmsgctxt \"u1\"\nmsgid \"가\"\nmsgstr \"b\"\n",
       "bad.po:6:1: duplicate message definition (msgctxt and msgid as at line 2)"},
      {"duplicate msgid without msgctxt", "msgid \"a\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"x\"\n",
       "bad.po:4:1: duplicate message definition (msgctxt and msgid as at line 1)"},
      {"duplicate header", "msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"\"\n",
       "bad.po:4:1: duplicate header entry (msgctxt and msgid as at line 1)"},
      {"duplicate after other entries",
       "msgctxt \"u1\"\nmsgid \"가\"\nmsgstr \"\"\n\nmsgctxt \"u2\"\nmsgid \"가\"\nmsgstr \"\"\n\n"
       "msgid \"가\"\nmsgstr \"\"\n\nmsgctxt \"u2\"\nmsgid \"가\"\nmsgstr \"\"\n",
       "bad.po:13:1: duplicate message definition (msgctxt and msgid as at line 6)"},
      {"invalid UTF-8", "msgid \"a\"\nmsgstr \"b\xFF\"\n",
       "bad.po:2:10: invalid UTF-8 (byte 0xFF); the file must be UTF-8"},
      {"invalid UTF-8 after Korean", "# 가나\xC0\nmsgid \"a\"\nmsgstr \"\"\n",
       "bad.po:1:5: invalid UTF-8 (byte 0xC0); the file must be UTF-8"},
      {"NUL byte", std::string("msgid \"a\"\nmsgstr \"b\"\n\0", 22),
       "bad.po:3:1: NUL byte; a PO file is text"},
      {"comment inside entry", "msgid \"a\"\n# note\nmsgstr \"\"\n",
       "bad.po:2:1: comment inside an entry; comments go before msgctxt/msgid"},
      {"comment at end", "msgid \"a\"\nmsgstr \"\"\n\n# dangling\n",
       "bad.po:4:1: comment not followed by an entry (msgid/msgstr)"},
      {"previous after msgid", "msgid \"a\"\n#| msgid \"b\"\nmsgstr \"\"\n",
       "bad.po:2:4: '#|' line after msgctxt/msgid; it goes before them"},
      {"obsolete mixed with active", "#~ msgid \"a\"\nmsgstr \"\"\n",
       "bad.po:2:1: active line inside an obsolete '#~' entry"},
      {"continuation of another kind", "#| msgid \"a\"\n\"b\"\nmsgid \"c\"\nmsgstr \"\"\n",
       "bad.po:2:1: string continues a keyword of another kind of line (active, '#|' or '#~')"},
      {"plural without msgstr[N]", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"x\"\n",
       "bad.po:3:1: an entry with msgid_plural needs msgstr[0], msgstr[1]..."},
      {"msgstr[N] out of order",
       "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[2] \"y\"\n",
       "bad.po:4:1: msgstr[2] out of order; expected msgstr[1]"},
      {"msgstr[N] without plural", "msgid \"a\"\nmsgstr[0] \"x\"\n",
       "bad.po:2:1: msgstr[N] in an entry without msgid_plural"},
      {"bad plural index", "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[x] \"\"\n",
       "bad.po:3:7: bad plural index; expected msgstr[N]"},
      {"two msgstr", "msgid \"a\"\nmsgstr \"x\"\nmsgstr \"y\"\n",
       "bad.po:3:1: second msgstr in one entry"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      auto po = ParsePo(row.text, "bad.po");
      REQUIRE(!po.ok());
      CHECK(po.status().code() == bitext::Status::Code::kInvalidInput);
      CHECK(po.status().ToString() == row.want);
      // ScanPo reads the same file a chunk at a time: the same error.
      const std::string path = FreshTempPath("bitext_po_", "bad.po");
      REQUIRE(bitext::WriteFileAtomic(path, row.text).ok());
      auto scanned = bitext::ScanPo(path, [](PoEntry&&, bitext::PoSpan) { return Status::Ok(); });
      CHECK(scanned.status().ToString() == ParsePo(row.text, path).status().ToString());
      // And from an open descriptor, wherever its offset stands.
      const int fd = ::open(path.c_str(), O_RDONLY);
      REQUIRE(fd >= 0);
      char first;
      REQUIRE(::read(fd, &first, 1) == 1);
      auto from_fd =
          bitext::ScanPo(fd, path, [](PoEntry&&, bitext::PoSpan) { return Status::Ok(); });
      CHECK(from_fd.status().ToString() == scanned.status().ToString());
      CHECK(::close(fd) == 0);  // still open, still the caller's
      std::filesystem::remove(path);
    }
  }
}

TEST_CASE("PO header fields", "[po_store]") {
  PoEntry h = bitext::DefaultPoHeader("comment line");
  CHECK(h.IsHeader());
  CHECK(h.translator_comments == std::vector<std::string>{"comment line"});
  CHECK(bitext::PoHeaderField(h, "Project-Id-Version") == std::optional<std::string>("bitext"));
  CHECK(bitext::PoHeaderField(h, "Language") == std::optional<std::string>("en"));
  CHECK(bitext::PoHeaderField(h, "MIME-Version") == std::optional<std::string>("1.0"));
  CHECK(bitext::PoHeaderField(h, "Content-Transfer-Encoding") ==
        std::optional<std::string>("8bit"));
  CHECK(h.Translation().find("Date") == std::string::npos);  // nothing that changes
  bitext::SetPoHeaderField(&h, "Language", "en_GB");
  CHECK(bitext::PoHeaderField(h, "Language") == std::optional<std::string>("en_GB"));
  bitext::SetPoHeaderField(&h, "Language-Team", "English");
  CHECK(bitext::PoHeaderField(h, "Language-Team") == std::optional<std::string>("English"));
  CHECK(h.Translation().find("Language: en_GB\n") != std::string::npos);
}

TEST_CASE("PO fuzzy flag handling", "[po_store]") {
  PoEntry e;
  e.flags = {"c-format"};
  e.msgstr = {"x"};
  CHECK(e.IsTranslated());
  e.SetFuzzy(true);
  CHECK(e.flags == std::vector<std::string>{"fuzzy", "c-format"});
  CHECK(!e.IsTranslated());
  e.SetFuzzy(true);
  CHECK(e.flags.size() == 2);
  e.SetFuzzy(false);
  CHECK(e.flags == std::vector<std::string>{"c-format"});
}

TEST_CASE("PO writer output passes msgfmt", "[po_store]") {
  if (!HaveTool("msgfmt")) {
    WARN("msgfmt not installed; skipped");
    return;
  }
  std::string cmd = "msgfmt --check-format -o /dev/null '" + kData + "doc/en.po'";
  CHECK(std::system(cmd.c_str()) == 0);
}

TEST_CASE("TakeTranslation moves the translation out of the entry", "[po_store]") {
  PoEntry e;
  e.msgid = "가";
  e.msgstr = {"a"};
  CHECK(e.TakeTranslation() == "a");
  CHECK(e.Translation().empty());
  PoEntry none;
  none.msgstr.clear();
  CHECK(none.TakeTranslation().empty());
}

TEST_CASE("ScanPo passes on ParsePo's entries, each readable from its span", "[po_store]") {
  // The test files, the bundled documents' en.po, and one larger than
  // ScanPo's 256 KB chunk (entries cut across chunks), written with CRLF
  // line ends and a BOM.
  std::vector<std::string> paths = {
      kData + "full.po", kData + "doc/en.po",
      std::string(BITEXT_SOURCE_DIR) + "/translations/openai-fireside-chat-seoul/en.po",
      std::string(BITEXT_SOURCE_DIR) + "/translations/openai-startup-meeting-seoul/en.po"};
  PoFile big;
  big.header = bitext::DefaultPoHeader("big");
  for (int i = 0; i < 6000; ++i) {
    PoEntry e;
    e.msgctxt = "u" + std::to_string(i);
    e.msgid = std::string(static_cast<size_t>(1 + i % 97), 'k') + "\n가나다 " + std::to_string(i);
    e.msgstr[0] = i % 3 == 0 ? "" : "English " + std::to_string(i);
    if (i % 5 == 0) e.translator_comments.push_back("note " + std::to_string(i));
    if (i % 7 == 0) e.SetFuzzy(true);
    e.obsolete = i % 11 == 0;
    big.entries.push_back(e);
  }
  std::string text = FormatPo(big);
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string big_path = FreshTempPath("bitext_po_", "big.po");
  REQUIRE(crlf.size() > (size_t{1} << 18) * 2);
  REQUIRE(bitext::WriteFileAtomic(big_path, crlf).ok());
  paths.push_back(big_path);
  for (const std::string& path : paths) {
    INFO(path);
    auto content = bitext::ReadFile(path);
    REQUIRE(content.ok());
    auto want = ParsePo(*content, path);
    REQUIRE(want.ok());
    std::vector<PoEntry> got;
    std::vector<bitext::PoSpan> spans;
    auto header = bitext::ScanPo(path, [&](PoEntry&& e, bitext::PoSpan span) {
      got.push_back(std::move(e));
      spans.push_back(span);
      return Status::Ok();
    });
    REQUIRE(header.ok());
    PoFile scanned;
    scanned.header = std::move(*header);
    scanned.entries = got;
    CHECK(FormatPo(scanned) == FormatPo(*want));
    // The same entries from a descriptor whose offset stands at the end.
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    REQUIRE(::lseek(fd, 0, SEEK_END) > 0);
    PoFile from_fd;
    auto fd_header = bitext::ScanPo(fd, path, [&](PoEntry&& e, bitext::PoSpan) {
      from_fd.entries.push_back(std::move(e));
      return Status::Ok();
    });
    CHECK(::close(fd) == 0);
    REQUIRE(fd_header.ok());
    from_fd.header = std::move(*fd_header);
    CHECK(FormatPo(from_fd) == FormatPo(*want));
    REQUIRE(got.size() == want->entries.size());
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].line == want->entries[i].line);
      CHECK(got[i].msgstr_line == want->entries[i].msgstr_line);
      auto back = bitext::ParsePoEntry(
          std::string_view(*content).substr(spans[i].begin, spans[i].end - spans[i].begin), path);
      REQUIRE(back.ok());
      PoFile one, one_want;
      one.entries.push_back(*back);
      one_want.entries.push_back(want->entries[i]);
      CHECK(FormatPo(one) == FormatPo(one_want));
    }
  }
  // An error from the callback stops the scan.
  int calls = 0;
  auto stopped = bitext::ScanPo(big_path, [&calls](PoEntry&&, bitext::PoSpan) {
    return ++calls == 10 ? Status::InvalidInput({"x"}, "stop") : Status::Ok();
  });
  CHECK(stopped.status().ToString() == "x: stop");
  CHECK(calls == 10);
  std::filesystem::remove(big_path);
}

TEST_CASE("ParsePoEntry reads exactly one entry back, or says the file changed", "[po_store]") {
  struct Row {
    const char* name;
    const char* bytes;
    const char* msgstr;  // nullptr: the error below
  };
  const char* moved = "en.po: changed while being read (an entry moved)";
  const Row rows[] = {
      {"one entry", "#: ko.txt:1\nmsgid \"가\"\nmsgstr \"A\"\n", "A"},
      {"one entry, BOM and CRLF", "\xEF\xBB\xBFmsgid \"가\"\r\nmsgstr \"A\"\r\n", "A"},
      {"two entries", "msgid \"가\"\nmsgstr \"A\"\n\nmsgid \"나\"\nmsgstr \"B\"\n", nullptr},
      // Not a duplicate error: one span holds one entry, whatever the keys.
      {"the same entry twice", "msgid \"가\"\nmsgstr \"A\"\n\nmsgid \"가\"\nmsgstr \"A\"\n",
       nullptr},
      {"only a header", "msgid \"\"\nmsgstr \"Language: en\\n\"\n", nullptr},
      {"nothing", "", nullptr},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    auto got = bitext::ParsePoEntry(r.bytes, "en.po");
    if (r.msgstr != nullptr) {
      REQUIRE(got.ok());
      CHECK(got->msgstr.at(0) == r.msgstr);
    } else {
      REQUIRE_FALSE(got.ok());
      CHECK(got.status().ToString() == moved);
    }
  }
  // A malformed span is reported as ParsePo reports it, naming the file.
  auto bad = bitext::ParsePoEntry("msgid \"가\"\n", "en.po");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().ToString() == "en.po:1:1: entry has no msgstr");
  CHECK(bad.status().ToString() == ParsePo("msgid \"가\"\n", "en.po").status().ToString());
}
