// Tests for document.h: timed sources (ko.srt) as units, LoadDocument joining
// units with en.po, and ListDocuments.
#include "document.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "file_io.h"
#include "po_merge.h"
#include "po_store.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using bitext::MergedDocument;
using bitext::TranslationState;
using bitext::Unit;

namespace {

const std::string kData = std::string(BITEXT_SOURCE_DIR) + "/tests/data/";

// A scratch document folder.
struct DocDir : TempDir {
  DocDir() : TempDir("bitext-document-test-") {}
  void Write(const std::string& name, const std::string& content) const {
    WriteBytes(*this / name, content);
  }
};

}  // namespace

TEST_CASE("LoadSource turns SRT cues into timed units", "[document]") {
  auto units = bitext::LoadSource(kData + "srt/doc/ko.srt");
  INFO(units.status().ToString());
  REQUIRE(units.ok());
  REQUIRE(units->size() == 5);
  const std::vector<Unit>& u = *units;

  // Cue 1: two sentences with a speaker label; time shared by length
  // (14 and 10 characters without spaces over 3000 ms).
  CHECK(u[0].text == "샘 알트만: 한국에 와서 기쁘다.");
  CHECK(u[0].kind == bitext::UnitKind::kSpeech);
  CHECK(u[0].speaker == "샘 알트만");
  CHECK(u[0].timing.start_ms == 1000);
  CHECK(u[0].timing.end_ms == 2750);
  CHECK(u[0].line == 3);
  CHECK(u[0].col == 1);
  CHECK(u[1].text == "여러분을 만나 반갑다.");  // lines joined with a space
  CHECK(u[1].speaker == "샘 알트만");
  CHECK(u[1].timing.start_ms == 2750);
  CHECK(u[1].timing.end_ms == 4000);
  CHECK(u[1].line == 4);
  CHECK(u[0].paragraph == 1);
  CHECK(u[1].paragraph == 1);

  // Cue 2: markup removed, no label, 0.5 s after cue 1: same paragraph.
  CHECK(u[2].text == "한국은 기술과 혁신의 나라다.");
  CHECK(u[2].kind == bitext::UnitKind::kBody);
  CHECK(u[2].speaker.empty());
  CHECK(u[2].timing.start_ms == 4500);
  CHECK(u[2].timing.end_ms == 7000);
  CHECK(u[2].paragraph == 1);

  // Cue 3: a new speaker after a 3 s pause: new paragraph; two lines, one sentence.
  CHECK(u[3].text == "그레그 브록먼: 개발자들의 열기가 정말 뜨겁다.");
  CHECK(u[3].speaker == "그레그 브록먼");
  CHECK(u[3].paragraph == 2);
  CHECK(u[3].line == 12);

  // Cue 4: {\an8} removed; 0.1 s later: same paragraph.
  CHECK(u[4].text == "감사합니다.");
  CHECK(u[4].paragraph == 2);
  CHECK(u[4].timing.start_ms == 12600);
  CHECK(u[4].timing.end_ms == 14000);

  for (const Unit& x : u) {
    CHECK(x.timing.valid());
    CHECK(x.id.size() >= 13);
  }
}

TEST_CASE("LoadSource reports bad SRT with FILE:LINE:COL", "[document]") {
  DocDir dir;
  dir.Write("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\n가\n\n2\n00:00:03,000 --> 0:0:x\n나\n");
  auto units = bitext::LoadSource(dir.path() + "/bad.srt");
  REQUIRE(!units.ok());
  CHECK(units.status().ToString() ==
        dir.path() + "/bad.srt:6:18: bad end time '0:0:x'; expected HH:MM:SS,mmm");
  dir.Write("utf8.srt", "1\n00:00:01,000 --> 00:00:02,000\n가\xFF\n");
  units = bitext::LoadSource(dir.path() + "/utf8.srt");
  REQUIRE(!units.ok());
  CHECK(units.status().location().file == dir.path() + "/utf8.srt");
  CHECK(units.status().location().line == 3);
}

TEST_CASE("LoadSource of an SRT with CRLF, BOM and NFD text", "[document]") {
  DocDir dir;
  // "한" decomposed (NFD), as macOS writes it.
  dir.Write("ko.srt",
            "\xEF\xBB\xBF"
            "1\r\n00:00:01,000 --> 00:00:02,000\r\n\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB국.\r\n");
  auto units = bitext::LoadSource(dir.path() + "/ko.srt");
  INFO(units.status().ToString());
  REQUIRE(units.ok());
  REQUIRE(units->size() == 1);
  CHECK((*units)[0].text == "한국.");
}

TEST_CASE("LoadDocument without en.po: everything untranslated", "[document]") {
  auto doc = bitext::LoadDocument(kData + "srt/doc");
  INFO(doc.status().ToString());
  REQUIRE(doc.ok());
  CHECK(doc->name == "doc");
  CHECK(doc->timed);
  CHECK(doc->source_path == kData + "srt/doc/ko.srt");
  CHECK(doc->po_path == kData + "srt/doc/en.po");
  CHECK(doc->units.size() == 5);
  CHECK(doc->obsolete == 0);
  for (const auto& mu : doc->units) {
    CHECK(mu.state == TranslationState::kUntranslated);
    CHECK(mu.english.empty());
    CHECK(mu.po_line == 0);
  }
}

TEST_CASE("LoadDocument joins a translated en.po", "[document]") {
  auto doc = bitext::LoadDocument(kData + "po/doc/");
  INFO(doc.status().ToString());
  REQUIRE(doc.ok());
  CHECK(doc->name == "doc");
  CHECK(!doc->timed);
  REQUIRE(doc->units.size() == 10);
  auto po = bitext::ReadPo(kData + "po/doc/en.po");
  REQUIRE(po.ok());
  for (size_t i = 0; i < doc->units.size(); ++i) {
    const auto& mu = doc->units[i];
    CHECK(mu.state == TranslationState::kTranslated);
    CHECK(mu.english == po->entries[i].msgstr[0]);
    CHECK(mu.po_line == po->entries[i].line);
  }
  CHECK(doc->units[0].english == "A new artificial intelligence event was held in Seoul.");
}

TEST_CASE("LoadDocument states: translated, fuzzy, untranslated, stale, obsolete", "[document]") {
  DocDir dir;
  dir.Write("d/ko.txt",
            "첫째 문장이다. 둘째 문장이다.\n\n셋째 문장이다. 넷째 문장이다. 다섯째 문장이다.\n");
  std::string d = dir.path() + "/d";
  REQUIRE(bitext::UpdateDocument(d, false).ok());
  auto po = bitext::ReadPo(d + "/en.po");
  REQUIRE(po.ok());
  REQUIRE(po->entries.size() == 5);
  po->entries[0].msgstr = {"The first sentence."};
  po->entries[1].msgstr = {"The second sentence?"};
  po->entries[1].SetFuzzy(true);
  // entries[2] stays empty.
  po->entries[3].msgstr = {"The fourth sentence, before an edit."};
  po->entries[3].msgid = "넷째 문장이었다.";   // en.po not updated since the source changed
  po->entries.erase(po->entries.begin() + 4);  // no entry for the fifth unit
  bitext::PoEntry old;
  old.obsolete = true;
  old.msgctxt = "u000000000000";
  old.msgid = "지워진 문장이다.";
  old.msgstr = {"A deleted sentence."};
  po->entries.push_back(old);
  REQUIRE(bitext::WritePo(d + "/en.po", *po).ok());

  auto doc = bitext::LoadDocument(d);
  INFO(doc.status().ToString());
  REQUIRE(doc.ok());
  REQUIRE(doc->units.size() == 5);
  CHECK(doc->units[0].state == TranslationState::kTranslated);
  CHECK(doc->units[0].english == "The first sentence.");
  CHECK(doc->units[0].po_line > 0);
  CHECK(doc->units[1].state == TranslationState::kFuzzy);
  CHECK(doc->units[1].english == "The second sentence?");
  CHECK(doc->units[2].state == TranslationState::kUntranslated);
  CHECK(doc->units[2].po_line > 0);
  CHECK(doc->units[3].state == TranslationState::kFuzzy);  // English of older Korean
  CHECK(doc->units[4].state == TranslationState::kUntranslated);
  CHECK(doc->units[4].po_line == 0);
  CHECK(doc->obsolete == 1);
}

TEST_CASE("LoadDocument errors name the file", "[document]") {
  DocDir dir;
  auto missing = bitext::LoadDocument(dir.path() + "/nope");
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == bitext::Status::Code::kNotFound);
  CHECK(missing.status().location().file == dir.path() + "/nope");

  dir.Write("empty/readme", "x");
  auto no_source = bitext::LoadDocument(dir.path() + "/empty");
  REQUIRE(!no_source.ok());
  CHECK(no_source.status().code() == bitext::Status::Code::kNotFound);

  dir.Write("bad/ko.txt", "문장이다.\n");
  dir.Write("bad/en.po", "msgid \"a\"\nmsgstr \"b\n");
  auto bad = bitext::LoadDocument(dir.path() + "/bad");
  REQUIRE(!bad.ok());
  CHECK(bad.status().ToString() == dir.path() + "/bad/en.po:2:8: unterminated string");

  // An en.po that is not a file is an error, not a document without one.
  dir.Write("folder/ko.txt", "문장이다.\n");
  dir.Write("folder/en.po/x", "");
  auto folder = bitext::LoadDocument(dir.path() + "/folder");
  REQUIRE(!folder.ok());
  CHECK(folder.status().ToString() == dir.path() + "/folder/en.po: is a directory, not a file");
  dir.Write("fifo/ko.txt", "문장이다.\n");
  REQUIRE(::mkfifo((dir.path() + "/fifo/en.po").c_str(), 0600) == 0);
  auto fifo = bitext::LoadDocument(dir.path() + "/fifo");  // must not block
  REQUIRE(!fifo.ok());
  CHECK(fifo.status().ToString() == dir.path() + "/fifo/en.po: not a regular file");
}

TEST_CASE("ListDocuments finds folders with a Korean source", "[document]") {
  DocDir dir;
  dir.Write("b-doc/ko.srt", "");
  dir.Write("a-doc/ko.txt", "");
  dir.Write("c-no-source/en.po", "");
  dir.Write(".hidden/ko.txt", "");
  dir.Write("file.txt", "");
  auto docs = bitext::ListDocuments(dir.path());
  INFO(docs.status().ToString());
  REQUIRE(docs.ok());
  CHECK(*docs == std::vector<std::string>{dir.path() + "/a-doc", dir.path() + "/b-doc"});
  auto missing = bitext::ListDocuments(dir.path() + "/none");
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == bitext::Status::Code::kNotFound);
}

TEST_CASE("ListDocuments lists the bundled documents", "[document]") {
  auto docs = bitext::ListDocuments(std::string(BITEXT_SOURCE_DIR) + "/translations");
  REQUIRE(docs.ok());
  REQUIRE(docs->size() >= 2);
  CHECK(fs::path((*docs)[0]).filename() == "openai-fireside-chat-seoul");
}

TEST_CASE("StreamSource and SourceReader hand over the units LoadSource gives", "[document]") {
  DocDir dir;
  std::string text = "\xEF\xBB\xBF제목\r\n\r\n";
  for (int k = 0; k < 5000; ++k) text += "문장 " + std::to_string(k % 300) + "이다.  둘째다. \n";
  dir.Write("ko.txt", text);
  dir.Write("ko.srt", "1\n00:00:01,000 --> 00:00:02,500\n안녕하세요. 반갑습니다.\n");
  for (const std::string name : {"ko.txt", "ko.srt"}) {
    INFO(name);
    auto whole = bitext::LoadSource(dir.path() + "/" + name);
    REQUIRE(whole.ok());
    std::vector<Unit> streamed;
    bitext::Status st = bitext::StreamSource(dir.path() + "/" + name, [&](std::vector<Unit>* b) {
      streamed.insert(streamed.end(), b->begin(), b->end());
    });
    REQUIRE(st.ok());
    REQUIRE(streamed.size() == whole->size());
    for (size_t k = 0; k < streamed.size(); ++k) {
      CHECK(streamed[k].id == (*whole)[k].id);
      CHECK(streamed[k].text == (*whole)[k].text);
      CHECK(streamed[k].timing.start_ms == (*whole)[k].timing.start_ms);
    }
  }
  // SourceReader: Read gives the same units again, even after a sink moved
  // from them; TakeAll gives them once.
  for (const std::string name : {"ko.txt", "ko.srt"}) {
    INFO(name);
    auto whole = bitext::LoadSource(dir.path() + "/" + name);
    REQUIRE(whole.ok());
    auto source = bitext::SourceReader::Open(dir.path() + "/" + name);
    REQUIRE(source.ok());
    CHECK(source->timed() == (name == "ko.srt"));
    for (int pass = 0; pass < 2; ++pass) {
      std::vector<Unit> read;
      source->Read([&](std::vector<Unit>* b) {
        for (Unit& u : *b) read.push_back(std::move(u));
      });
      REQUIRE(read.size() == whole->size());
      for (size_t k = 0; k < read.size(); ++k) CHECK(read[k].text == (*whole)[k].text);
    }
    std::vector<Unit> all = source->TakeAll();
    REQUIRE(all.size() == whole->size());
    for (size_t k = 0; k < all.size(); ++k) CHECK(all[k].id == (*whole)[k].id);
    size_t after = 0;
    source->Read([&](std::vector<Unit>* b) { after += b->size(); });
    CHECK(after == 0);
    CHECK(source->TakeAll().empty());
  }
  dir.Write("bad.txt", "가\n\xFF");
  bool called = false;
  bitext::Status bad =
      bitext::StreamSource(dir.path() + "/bad.txt", [&](std::vector<Unit>*) { called = true; });
  CHECK_FALSE(bad.ok());
  CHECK_FALSE(called);
  CHECK(bad.ToString() ==
        dir.path() + "/bad.txt:2:1: invalid UTF-8 (byte 0xFF); the file must be UTF-8");
}

namespace {

// The join as LoadDocument first did it, over the whole parsed en.po: by
// msgctxt (the first entry with it) when its msgid is the unit's text, else
// the first unused entry with the unit's text, else the msgctxt's entry as
// stale (fuzzy).
std::vector<bitext::MergedUnit> ReferenceJoin(std::vector<Unit> units, bitext::PoFile po) {
  std::map<std::string, size_t> by_ctxt;
  std::map<std::string, std::vector<size_t>> by_text;
  std::vector<bool> used(po.entries.size(), false);
  for (size_t i = 0; i < po.entries.size(); ++i) {
    const bitext::PoEntry& e = po.entries[i];
    if (e.obsolete) continue;
    if (e.msgctxt) by_ctxt.emplace(*e.msgctxt, i);
    by_text[e.msgid].push_back(i);
  }
  std::vector<bitext::MergedUnit> out;
  for (Unit& u : units) {
    bitext::MergedUnit mu;
    bitext::PoEntry* entry = nullptr;
    bool stale = false;
    auto ctxt = by_ctxt.find(u.id);
    if (ctxt != by_ctxt.end() && !used[ctxt->second] && po.entries[ctxt->second].msgid == u.text) {
      entry = &po.entries[ctxt->second];
      used[ctxt->second] = true;
    } else {
      for (size_t i : by_text[u.text]) {
        if (!used[i]) {
          entry = &po.entries[i];
          used[i] = true;
          break;
        }
      }
      if (entry == nullptr && ctxt != by_ctxt.end() && !used[ctxt->second]) {
        entry = &po.entries[ctxt->second];
        used[ctxt->second] = true;
        stale = true;
      }
    }
    if (entry != nullptr) {
      mu.state = !entry->HasTranslation() ? TranslationState::kUntranslated
                 : entry->IsFuzzy()       ? TranslationState::kFuzzy
                                          : TranslationState::kTranslated;
      if (stale && mu.state == TranslationState::kTranslated) mu.state = TranslationState::kFuzzy;
      mu.english = entry->Translation();
      mu.po_line = entry->line;
    }
    mu.unit = std::move(u);
    out.push_back(std::move(mu));
  }
  return out;
}

}  // namespace

TEST_CASE("DocumentReader joins en.po as the whole-file join does", "[document]") {
  // Random documents: repeated sentences, and en.po entries whose msgctxt is
  // the unit's id, another unit's, or none, whose msgid is the unit's text or
  // another's, in shuffled order, some fuzzy, untranslated or obsolete.
  std::mt19937 rng(20230609);
  for (int round = 0; round < 40; ++round) {
    INFO("round " << round);
    DocDir dir;
    std::string text;
    const int sentences = 20 + static_cast<int>(rng() % 200);
    for (int k = 0; k < sentences; ++k) {
      text += "문장 " + std::to_string(rng() % 30) + "이다." + (rng() % 4 == 0 ? "\n\n" : " ");
    }
    dir.Write("ko.txt", text);
    auto units = bitext::LoadSource(dir.path() + "/ko.txt");
    REQUIRE(units.ok());
    REQUIRE(!units->empty());
    bitext::PoFile po;
    po.header = bitext::DefaultPoHeader("");
    std::set<std::pair<std::string, std::string>> keys;  // no duplicates
    for (size_t k = 0; k < units->size() * 2; ++k) {
      const Unit& u = (*units)[rng() % units->size()];
      const Unit& other = (*units)[rng() % units->size()];
      bitext::PoEntry e;
      int ctxt = static_cast<int>(rng() % 4);
      if (ctxt < 2) e.msgctxt = u.id;
      if (ctxt == 2) e.msgctxt = other.id;
      e.msgid = rng() % 3 == 0 ? other.text : u.text;
      e.msgstr[0] = rng() % 5 == 0 ? "" : "English " + std::to_string(k);
      if (rng() % 6 == 0) e.SetFuzzy(true);
      e.obsolete = rng() % 10 == 0;
      if (!e.obsolete && !keys.insert({e.msgctxt.value_or("\x01"), e.msgid}).second) continue;
      po.entries.push_back(e);
    }
    std::shuffle(po.entries.begin(), po.entries.end(), rng);
    REQUIRE(bitext::WritePo(dir.path() + "/en.po", po).ok());
    auto parsed = bitext::ReadPo(dir.path() + "/en.po");
    REQUIRE(parsed.ok());
    const std::vector<bitext::MergedUnit> want = ReferenceJoin(*units, *parsed);

    auto reader = bitext::DocumentReader::Open(dir.path());
    REQUIRE(reader.ok());
    for (int pass = 0; pass < 2; ++pass) {  // Read again: the same units
      std::vector<bitext::MergedUnit> got;
      REQUIRE((*reader)
                  ->Read([&got](std::vector<bitext::MergedUnit>* batch) {
                    for (bitext::MergedUnit& mu : *batch) got.push_back(std::move(mu));
                  })
                  .ok());
      REQUIRE(got.size() == want.size());
      for (size_t k = 0; k < got.size(); ++k) {
        INFO("unit " << k << " " << want[k].unit.id);
        CHECK(got[k].unit.id == want[k].unit.id);
        CHECK(got[k].english == want[k].english);
        CHECK(got[k].state == want[k].state);
        CHECK(got[k].po_line == want[k].po_line);
      }
    }
    // Two Reads at once (bitext build's two threads): each the same units.
    std::vector<bitext::MergedUnit> got[2];
    bitext::Status read[2];
    std::thread other([&] {
      read[1] = (*reader)->Read([&got](std::vector<bitext::MergedUnit>* batch) {
        for (bitext::MergedUnit& mu : *batch) got[1].push_back(std::move(mu));
      });
    });
    read[0] = (*reader)->Read([&got](std::vector<bitext::MergedUnit>* batch) {
      for (bitext::MergedUnit& mu : *batch) got[0].push_back(std::move(mu));
    });
    other.join();
    for (int t = 0; t < 2; ++t) {
      REQUIRE(read[t].ok());
      REQUIRE(got[t].size() == want.size());
      for (size_t k = 0; k < want.size(); ++k) {
        CHECK(got[t][k].english == want[k].english);
        CHECK(got[t][k].state == want[k].state);
      }
    }
  }
}

TEST_CASE("DocumentReader reads the same units on several threads at once", "[document]") {
  // Many batches (a few hundred lines each) and an en.po far larger than
  // the window entries are read back through; a timed source too.
  DocDir dir;
  std::mt19937 rng(7);
  std::string text;
  for (int line = 0; line < 1500; ++line) {
    text +=
        "문장 " + std::to_string(rng() % 400) + "이다. 다음 " + std::to_string(line) + "이다.\n";
  }
  dir.Write("ko.txt", text);
  auto units = bitext::LoadSource(dir.path() + "/ko.txt");
  REQUIRE(units.ok());
  bitext::PoFile po;
  po.header = bitext::DefaultPoHeader("");
  for (const Unit& u : *units) {
    bitext::PoEntry e;
    e.msgctxt = u.id;
    e.msgid = u.text;
    e.msgstr[0] = "An English sentence for " + u.id + ", long enough to fill the file.";
    if (rng() % 7 == 0) e.SetFuzzy(true);
    po.entries.push_back(e);
  }
  std::shuffle(po.entries.begin(), po.entries.end(), rng);
  REQUIRE(bitext::WritePo(dir.path() + "/en.po", po).ok());
  REQUIRE(fs::file_size(dir.path() + "/en.po") > 4 * 65536);
  const std::string srt = std::string(BITEXT_SOURCE_DIR) + "/tests/data/build/timed-sample";
  for (const std::string& doc : {dir.path(), srt}) {
    INFO(doc);
    auto reader = bitext::DocumentReader::Open(doc);
    REQUIRE(reader.ok());
    auto read = [&reader](std::vector<bitext::MergedUnit>* out, bitext::Status* status) {
      *status = (*reader)->Read([out](std::vector<bitext::MergedUnit>* batch) {
        for (bitext::MergedUnit& mu : *batch) out->push_back(std::move(mu));
      });
    };
    std::vector<bitext::MergedUnit> want;
    bitext::Status want_status;
    read(&want, &want_status);
    REQUIRE(want_status.ok());
    REQUIRE(!want.empty());
    constexpr int kThreads = 4;
    std::vector<bitext::MergedUnit> got[kThreads];
    bitext::Status status[kThreads];
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) threads.emplace_back(read, &got[t], &status[t]);
    for (std::thread& t : threads) t.join();
    for (int t = 0; t < kThreads; ++t) {
      REQUIRE(status[t].ok());
      REQUIRE(got[t].size() == want.size());
      int differ = 0;
      for (size_t k = 0; k < want.size(); ++k) {
        differ += got[t][k].unit.id != want[k].unit.id || got[t][k].english != want[k].english ||
                  got[t][k].state != want[k].state || got[t][k].po_line != want[k].po_line;
      }
      CHECK(differ == 0);
    }
  }
}

TEST_CASE("DocumentReader reports an en.po changed after Open", "[document]") {
  DocDir dir;
  dir.Write("ko.txt", "첫 문장이다. 둘째 문장이다.\n");
  auto units = bitext::LoadSource(dir.path() + "/ko.txt");
  REQUIRE(units.ok());
  bitext::PoFile po;
  for (const Unit& u : *units) {
    bitext::PoEntry e;
    e.msgctxt = u.id;
    e.msgid = u.text;
    e.msgstr[0] = "English.";
    po.entries.push_back(e);
  }
  REQUIRE(bitext::WritePo(dir.path() + "/en.po", po).ok());
  auto reader = bitext::DocumentReader::Open(dir.path());
  REQUIRE(reader.ok());
  // Rewritten meanwhile (in place, as an editor may): shorter, then garbled.
  for (const std::string& now : {std::string("# gone\n"), std::string(400, '"')}) {
    std::FILE* f = std::fopen((dir.path() + "/en.po").c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs(now.c_str(), f);
    std::fclose(f);
    bitext::Status st = (*reader)->Read([](std::vector<bitext::MergedUnit>*) {});
    CHECK_FALSE(st.ok());
    CHECK(st.ToString().find(dir.path() + "/en.po") == 0);
  }
}

TEST_CASE("DocumentReader reads the en.po it opened, even once it is replaced", "[document]") {
  // `bitext update` replaces en.po by rename: a build that opened the old
  // file goes on reading it, consistently (scan and read-back are one file).
  DocDir dir;
  dir.Write("ko.txt", "첫 문장이다. 둘째 문장이다.\n");
  auto units = bitext::LoadSource(dir.path() + "/ko.txt");
  REQUIRE(units.ok());
  auto po_with = [&](const std::string& english) {
    bitext::PoFile po;
    for (const Unit& u : *units) {
      bitext::PoEntry e;
      e.msgctxt = u.id;
      e.msgid = u.text;
      e.msgstr[0] = english + " " + u.id;
      po.entries.push_back(e);
    }
    return po;
  };
  REQUIRE(bitext::WritePo(dir.path() + "/en.po", po_with("Old")).ok());
  auto reader = bitext::DocumentReader::Open(dir.path());
  REQUIRE(reader.ok());
  // A longer file under the same name, its entries elsewhere.
  bitext::PoFile now = po_with("New, and longer than before,");
  now.header = bitext::DefaultPoHeader("");
  REQUIRE(bitext::WritePo(dir.path() + "/en.po", now).ok());
  std::vector<std::string> english;
  bitext::Status st = (*reader)->Read([&](std::vector<bitext::MergedUnit>* batch) {
    for (const bitext::MergedUnit& mu : *batch) english.push_back(mu.english);
  });
  REQUIRE(st.ok());
  REQUIRE(english.size() == units->size());
  for (size_t k = 0; k < units->size(); ++k) CHECK(english[k] == "Old " + (*units)[k].id);
}
