// End-to-end tests of `bitext update` and `bitext status` (issue 3's
// acceptance): a translated document is edited -- one sentence changed, one
// deleted, one inserted, two paragraphs swapped -- and update must keep every
// earlier English string, mark only the edited unit fuzzy, add the new one
// empty, stay valid for msgfmt, and change nothing when run again.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "document.h"
#include "file_io.h"
#include "po_store.h"
#include "run_shell.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using bitext::PoEntry;
using bitext::PoFile;

namespace {

const std::string kData = std::string(BITEXT_SOURCE_DIR) + "/tests/data/po/";

// A scratch folder to run bitext in.
struct WorkDir : TempDir {
  WorkDir() : TempDir("bitext-update-test-") {}
  // Runs a shell command in this folder.
  RunResult Run(const std::string& cmd) const { return RunShell(path(), cmd); }
};

std::string Slurp(const std::string& path) {
  auto text = bitext::ReadFile(path);
  REQUIRE(text.ok());
  return *text;
}

PoFile ReadPoOrFail(const std::string& path) {
  auto po = bitext::ReadPo(path);
  INFO(po.status().ToString());
  REQUIRE(po.ok());
  return *po;
}

const PoEntry* Find(const PoFile& po, const std::string& msgid, bool obsolete) {
  for (const PoEntry& e : po.entries) {
    if (e.msgid == msgid && e.obsolete == obsolete) return &e;
  }
  return nullptr;
}

// Copies the translated fixture document to DIR/doc.
std::string CopyFixture(const WorkDir& dir) {
  std::string doc = dir.path() + "/doc";
  fs::create_directories(doc);
  fs::copy_file(kData + "doc/ko.txt", doc + "/ko.txt");
  fs::copy_file(kData + "doc/en.po", doc + "/en.po");
  return doc;
}

}  // namespace

TEST_CASE("update after editing the Korean loses no English", "[update_cli]") {
  WorkDir dir;
  std::string doc = CopyFixture(dir);
  PoFile before = ReadPoOrFail(doc + "/en.po");
  std::set<std::string> old_english;
  for (const PoEntry& e : before.entries) {
    REQUIRE(e.IsTranslated());  // the fixture is fully translated
    old_english.insert(e.Translation());
  }
  REQUIRE(old_english.size() == 10);

  // One sentence changed (300 -> 500), one deleted (참가비는 무료였다.), one
  // inserted (행사장에는...), paragraphs 3 and 4 swapped.
  fs::copy_file(kData + "doc_edited_ko.txt", doc + "/ko.txt", fs::copy_options::overwrite_existing);
  RunResult r = dir.Run(BitextCommand() + " update doc");
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out == "doc: 10 units: 8 kept, 1 fuzzy, 1 new, 1 obsolete; wrote doc/en.po\n");

  PoFile after = ReadPoOrFail(doc + "/en.po");

  SECTION("every earlier English string is still in the file") {
    std::set<std::string> now;
    for (const PoEntry& e : after.entries) now.insert(e.Translation());
    for (const std::string& en : old_english) {
      INFO(en);
      CHECK(now.count(en) == 1);
    }
  }

  SECTION("untouched units keep their English and are not fuzzy") {
    for (const PoEntry& old : before.entries) {
      if (old.msgid == "국내 개발자와 연구원 300여 명이 참석했다." ||
          old.msgid == "참가비는 무료였다.") {
        continue;
      }
      const PoEntry* e = Find(after, old.msgid, false);
      INFO(old.msgid);
      REQUIRE(e != nullptr);
      CHECK(e->Translation() == old.Translation());
      CHECK(!e->IsFuzzy());
      CHECK(e->translator_comments == old.translator_comments);  // incl. the moved "Reviewed."
    }
  }

  SECTION("the edited unit is fuzzy with its old English and previous Korean") {
    const PoEntry* e = Find(after, "국내 개발자와 연구원 500여 명이 참석했다.", false);
    REQUIRE(e != nullptr);
    CHECK(e->IsFuzzy());
    CHECK(e->Translation() == "About 300 developers and researchers from Korea attended.");
    CHECK(e->previous_msgid ==
          std::optional<std::string>("국내 개발자와 연구원 300여 명이 참석했다."));
    CHECK(e->previous_msgctxt.has_value());
    CHECK(Slurp(doc + "/en.po").find("#| msgid \"국내 개발자와 연구원 300여 명이 참석했다.\"\n") !=
          std::string::npos);
  }

  SECTION("the new unit is empty, the deleted one obsolete with its comment") {
    const PoEntry* added = Find(after, "행사장에는 통역 서비스도 제공됐다.", false);
    REQUIRE(added != nullptr);
    CHECK(!added->HasTranslation());
    CHECK(!added->IsFuzzy());
    const PoEntry* gone = Find(after, "참가비는 무료였다.", true);
    REQUIRE(gone != nullptr);
    CHECK(gone->Translation() == "Admission was free.");
    CHECK(gone->translator_comments ==
          std::vector<std::string>{"Translator note: \"참가비\" is the admission fee."});
    CHECK(after.entries.back().obsolete);
  }

  SECTION("active entries follow the new document order") {
    auto units = bitext::LoadSource(doc + "/ko.txt");
    REQUIRE(units.ok());
    size_t i = 0;
    for (const PoEntry& e : after.entries) {
      if (e.obsolete) continue;
      REQUIRE(i < units->size());
      CHECK(e.msgid == (*units)[i].text);
      CHECK(e.msgctxt == std::optional<std::string>((*units)[i].id));
      ++i;
    }
    CHECK(i == units->size());
  }

  SECTION("msgfmt and pocount accept the file") {
    if (!HaveTool("msgfmt")) {
      WARN("msgfmt not installed; skipped");
    } else {
      CHECK(dir.Run("msgfmt --check-format -o /dev/null doc/en.po").code == 0);
    }
    if (HaveTool("pocount")) {
      // translate-toolkit counts as status does: 8 translated, 1 fuzzy, 1 untranslated.
      RunResult pc = dir.Run("pocount --csv doc/en.po");
      CHECK(pc.code == 0);
      CHECK(pc.err.find("ERROR") == std::string::npos);
      size_t row = pc.out.find("doc/en.po,");
      REQUIRE(row != std::string::npos);
      std::vector<std::string> cells;
      std::string cell;
      for (size_t k = row; k < pc.out.size() && pc.out[k] != '\n'; ++k) {
        if (pc.out[k] == ',') {
          cells.push_back(cell);
          cell.clear();
        } else if (pc.out[k] != ' ') {
          cell += pc.out[k];
        }
      }
      cells.push_back(cell);
      REQUIRE(cells.size() >= 9);
      CHECK(cells[1] == "8");   // translated messages
      CHECK(cells[4] == "1");   // fuzzy messages
      CHECK(cells[6] == "1");   // untranslated messages
      CHECK(cells[8] == "10");  // total
    }
  }

  SECTION("a second run changes nothing and does not rewrite") {
    std::string bytes = Slurp(doc + "/en.po");
    auto mtime = fs::last_write_time(doc + "/en.po");
    RunResult again = dir.Run(BitextCommand() + " update doc");
    CHECK(again.code == 0);
    CHECK(again.out == "doc: 10 units: 10 kept, 0 fuzzy, 0 new, 0 obsolete; doc/en.po unchanged\n");
    CHECK(Slurp(doc + "/en.po") == bytes);
    CHECK(fs::last_write_time(doc + "/en.po") == mtime);
    CHECK(dir.Run(BitextCommand() + " update --check doc").code == 0);
  }

  SECTION("status counts the result") {
    RunResult st = dir.Run(BitextCommand() + " status doc");
    CHECK(st.code == 0);
    CHECK(st.out ==
          "document  units  translated  fuzzy  untranslated  obsolete    done\n"
          "doc          10           8      1             1         1   80.0%\n");
  }
}

TEST_CASE("update refuses a malformed en.po and leaves it untouched", "[update_cli]") {
  WorkDir dir;
  std::string doc = CopyFixture(dir);
  std::string bad = Slurp(doc + "/en.po");
  size_t at = bad.find("msgstr \"Admission was free.\"");
  REQUIRE(at != std::string::npos);
  bad.replace(at, 28, "msgstr \"Admission was free.");  // unterminated string
  REQUIRE(bitext::WriteFileAtomic(doc + "/en.po", bad).ok());
  size_t line = 1 + static_cast<size_t>(std::count(bad.begin(), bad.begin() + at, '\n'));
  fs::copy_file(kData + "doc_edited_ko.txt", doc + "/ko.txt", fs::copy_options::overwrite_existing);

  RunResult r = dir.Run(BitextCommand() + " update doc");
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "doc/en.po:" + std::to_string(line) + ":8: unterminated string\n");
  CHECK(Slurp(doc + "/en.po") == bad);
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(doc)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 2);  // no temporary file left behind

  RunResult st = dir.Run(BitextCommand() + " status doc");
  CHECK(st.code == 1);
  CHECK(st.err.find("doc/en.po:" + std::to_string(line) + ":8:") == 0);
}

TEST_CASE("update creates en.po; --check and --dry-run write nothing", "[update_cli]") {
  WorkDir dir;
  fs::create_directories(dir.path() + "/translations/srtdoc");
  fs::copy_file(std::string(BITEXT_SOURCE_DIR) + "/tests/data/srt/doc/ko.srt",
                dir.path() + "/translations/srtdoc/ko.srt");
  std::string po = dir.path() + "/translations/srtdoc/en.po";

  RunResult check = dir.Run(BitextCommand() + " update --check translations/srtdoc");
  CHECK(check.code == 1);
  CHECK(!fs::exists(po));
  RunResult dry = dir.Run(BitextCommand() + " update --dry-run srtdoc");  // a bare name
  CHECK(dry.code == 0);
  CHECK(dry.out ==
        "srtdoc: 5 units: 0 kept, 0 fuzzy, 5 new, 0 obsolete; translations/srtdoc/en.po would "
        "change\n");
  CHECK(!fs::exists(po));

  RunResult r = dir.Run(BitextCommand() + " update srtdoc");
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "srtdoc: 5 units: 0 kept, 0 fuzzy, 5 new, 0 obsolete; created translations/srtdoc/en.po\n");
  std::string text = Slurp(po);
  CHECK(text.find("\"Language: en\\n\"\n") != std::string::npos);
  CHECK(text.find("\"Content-Type: text/plain; charset=UTF-8\\n\"\n") != std::string::npos);
  CHECK(text.find("#. kind: speech\n#. speaker: 샘 알트만\n#: ko.srt:3\n") != std::string::npos);
  if (HaveTool("msgfmt")) CHECK(dir.Run("msgfmt --check-format -o /dev/null " + po).code == 0);
  CHECK(dir.Run(BitextCommand() + " update --check srtdoc").code == 0);

  // Without arguments, update and status take every document under translations/.
  CHECK(dir.Run(BitextCommand() + " update").out ==
        "srtdoc: 5 units: 5 kept, 0 fuzzy, 0 new, 0 obsolete; translations/srtdoc/en.po "
        "unchanged\n");
  RunResult st = dir.Run(BitextCommand() + " status");
  CHECK(st.code == 0);
  CHECK(st.out ==
        "document  units  translated  fuzzy  untranslated  obsolete    done\n"
        "srtdoc        5           0      0             5         0    0.0%\n");
}

TEST_CASE("update and status errors", "[update_cli]") {
  WorkDir dir;
  RunResult missing = dir.Run(BitextCommand() + " update nowhere");
  CHECK(missing.code == 1);
  CHECK(missing.err == "nowhere: no such document folder\n");
  CHECK(dir.Run(BitextCommand() + " update --no-such-option doc").code == 2);  // usage
  RunResult all = dir.Run(BitextCommand() + " update");  // all documents: no translations/ here
  CHECK(all.code == 1);
  CHECK(all.err == "translations: no such folder\n");
  // A source with invalid UTF-8: the error names it; en.po is not touched.
  fs::create_directories(dir.path() + "/bad");
  REQUIRE(
      bitext::WriteFileAtomic(dir.path() + "/bad/ko.txt", "첫 문장이다.\n둘째\xFF 문장.\n").ok());
  REQUIRE(bitext::WriteFileAtomic(dir.path() + "/bad/en.po", "").ok());
  RunResult bad = dir.Run(BitextCommand() + " update bad");
  CHECK(bad.code == 1);
  CHECK(bad.err.find("bad/ko.txt:2:3: ") == 0);
  CHECK(Slurp(dir.path() + "/bad/en.po").empty());
  // An empty en.po is a valid (empty) catalog: update fills it.
  REQUIRE(bitext::WriteFileAtomic(dir.path() + "/bad/ko.txt", "첫 문장이다.\n").ok());
  RunResult empty = dir.Run(BitextCommand() + " update bad");
  CHECK(empty.code == 0);
  CHECK(empty.out == "bad: 1 unit: 0 kept, 0 fuzzy, 1 new, 0 obsolete; wrote bad/en.po\n");

  RunResult st = dir.Run(BitextCommand() + " status");  // no translations/ here
  CHECK(st.code == 1);
  CHECK(st.err == "translations: no such folder\n");
}
