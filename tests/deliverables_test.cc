#include "deliverables.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>

#include "document.h"
#include "file_io.h"
#include "markdown_writer.h"
#include "po_store.h"
#include "srt_writer.h"
#include "temp_dir.h"
#include "vtt_writer.h"

namespace {

namespace fs = std::filesystem;
using bitext::DeliverablesOptions;
using bitext::kDeliverables;
using bitext::OutputSink;

// The six outputs as the whole-document writers make them, and the TMX
// writer's warnings.
struct Whole {
  std::array<std::string, kDeliverables> outputs;
  size_t tmx_warnings = 0;
};
Whole WholeDocument(const bitext::MergedDocument& doc, const DeliverablesOptions& opt) {
  std::vector<bitext::Cue> cues = bitext::MakeCues(doc, opt.timing);
  bitext::TmxResult tmx = bitext::WriteTmx(doc, opt.tmx);
  return {{std::move(tmx.content), bitext::WriteSrt(cues, bitext::SrtMode::kBilingual),
           bitext::WriteSrt(cues, bitext::SrtMode::kEnglish), bitext::WriteVtt(cues),
           bitext::WriteReviewMarkdown(doc), bitext::WriteArticleMarkdown(doc)},
          tmx.warnings.size()};
}

// Six sinks that append to (*out)[k], in chunks of `chunk_bytes` (as to
// files).
std::array<OutputSink, kDeliverables> StringSinks(std::array<std::string, kDeliverables>* out,
                                                  size_t chunk_bytes) {
  std::array<OutputSink, kDeliverables> sinks;
  for (size_t k = 0; k < kDeliverables; ++k) {
    sinks[k] = OutputSink(
        [out, k](std::string_view bytes) {
          (*out)[k].append(bytes);
          return bitext::Status::Ok();
        },
        chunk_bytes);
  }
  return sinks;
}

// The six outputs as WriteDeliverables makes them, passed on in small chunks
// (as to files), and its report.
std::array<std::string, kDeliverables> Streamed(const std::string& dir,
                                                const DeliverablesOptions& opt,
                                                bitext::DeliverablesReport* report) {
  auto reader = bitext::DocumentReader::Open(dir);
  REQUIRE(reader.ok());
  std::array<std::string, kDeliverables> out;
  std::array<OutputSink, kDeliverables> sinks = StringSinks(&out, /*chunk_bytes=*/512);
  auto got = bitext::WriteDeliverables(reader->get(), opt, &sinks);
  REQUIRE(got.ok());
  for (OutputSink& s : sinks) REQUIRE(s.Finish().ok());
  *report = *got;
  return out;
}

// A document of several batches (SegmentInBatches' are a few hundred lines):
// a bundled interview's 69 lines over and over, every unit translated (the
// repeats' ids get occurrence suffixes; each has its own entry).
// Written into the folder `dir`.
void WriteManyBatchDocument(const std::string& dir) {
  const std::string src =
      std::string(BITEXT_SOURCE_DIR) + "/translations/openai-fireside-chat-seoul";
  auto ko = bitext::ReadFile(src + "/ko.txt");
  REQUIRE(ko.ok());
  {
    std::ofstream out(dir + "/ko.txt", std::ios::binary);
    for (int k = 0; k < 20; ++k) out << *ko << "\n";
  }
  auto seed_po = bitext::ReadPo(src + "/en.po");
  REQUIRE(seed_po.ok());
  std::map<std::string, std::string> english;
  for (const bitext::PoEntry& e : seed_po->entries) english[e.msgid] = e.msgstr[0];
  auto units = bitext::LoadSource(dir + "/ko.txt");
  REQUIRE(units.ok());
  bitext::PoFile po;
  po.header = bitext::DefaultPoHeader("");
  for (const bitext::Unit& u : *units) {
    bitext::PoEntry e;
    e.msgctxt = u.id;
    e.msgid = u.text;
    e.msgstr[0] = english[u.text];
    po.entries.push_back(e);
  }
  REQUIRE(bitext::WritePo(dir + "/en.po", po).ok());
}

}  // namespace

TEST_CASE("WriteDeliverables writes what the whole-document writers write", "[deliverables]") {
  const std::string root = BITEXT_SOURCE_DIR;
  TempDir many("bitext-deliverables-");
  WriteManyBatchDocument(many.path());
  for (const std::string& dir :
       {root + "/translations/openai-startup-meeting-seoul",
        root + "/translations/openai-fireside-chat-seoul", root + "/tests/data/build/seoul-sample",
        root + "/tests/data/build/timed-sample", many.path()}) {
    INFO(dir);
    auto doc = bitext::LoadDocument(dir);
    REQUIRE(doc.ok());
    // The reference, whatever the thread count.
    const Whole whole = WholeDocument(*doc, DeliverablesOptions());
    const std::array<std::string, kDeliverables>& want = whole.outputs;
    size_t untranslated = 0, fuzzy = 0;
    for (const bitext::MergedUnit& mu : doc->units) {
      untranslated += mu.state == bitext::TranslationState::kUntranslated;
      fuzzy += mu.state == bitext::TranslationState::kFuzzy;
    }
    const size_t warnings = whole.tmx_warnings;
    for (int threads : {0, 1, 2}) {
      INFO(threads << " thread(s)");
      DeliverablesOptions opt;
      opt.threads = threads;
      bitext::DeliverablesReport report;
      const std::array<std::string, kDeliverables> got = Streamed(dir, opt, &report);
      for (size_t k = 0; k < kDeliverables; ++k) {
        INFO("output " << bitext::kDeliverableSuffixes[k]);
        CHECK(got[k] == want[k]);
      }
      CHECK(report.units == doc->units.size());
      CHECK(report.untranslated == untranslated);
      CHECK(report.fuzzy == fuzzy);
      CHECK(report.tmx_warnings.size() == warnings);
    }
  }
}

TEST_CASE("WriteDeliverables without sinks only reports", "[deliverables]") {
  const std::string dir = std::string(BITEXT_SOURCE_DIR) + "/tests/data/build/seoul-sample";
  DeliverablesOptions opt;
  bitext::DeliverablesReport want;
  Streamed(dir, opt, &want);
  auto reader = bitext::DocumentReader::Open(dir);
  REQUIRE(reader.ok());
  auto got = bitext::WriteDeliverables(reader->get(), opt, nullptr);
  REQUIRE(got.ok());
  CHECK(got->units == want.units);
  CHECK(got->untranslated == want.untranslated);
  CHECK(got->fuzzy == want.fuzzy);
  REQUIRE(got->tmx_warnings.size() == want.tmx_warnings.size());
  for (size_t k = 0; k < want.tmx_warnings.size(); ++k) {
    CHECK(got->tmx_warnings[k].ToString() == want.tmx_warnings[k].ToString());
  }
}

TEST_CASE("WriteDeliverables reports an en.po changed after Open", "[deliverables]") {
  TempDir scratch("bitext-deliverables-");
  const std::string dir = scratch / "changed";
  for (int threads : {1, 2}) {
    INFO(threads << " thread(s)");
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(std::string(BITEXT_SOURCE_DIR) + "/tests/data/build/seoul-sample", dir);
    auto reader = bitext::DocumentReader::Open(dir);
    REQUIRE(reader.ok());
    {
      std::ofstream po(dir + "/en.po", std::ios::binary | std::ios::app);
      po << "\n# edited meanwhile\n";
    }
    DeliverablesOptions opt;
    opt.threads = threads;
    std::array<OutputSink, kDeliverables> sinks;
    auto got = bitext::WriteDeliverables(reader->get(), opt, &sinks);
    REQUIRE_FALSE(got.ok());
    CHECK(got.status().ToString().find(dir + "/en.po") == 0);
  }
}

TEST_CASE("WriteDeliverables passes on an exception from either thread", "[deliverables]") {
  const std::string dir =
      std::string(BITEXT_SOURCE_DIR) + "/translations/openai-fireside-chat-seoul";
  for (int threads : {1, 2}) {
    for (size_t throwing = 0; throwing < kDeliverables; ++throwing) {
      INFO(threads << " thread(s), output " << bitext::kDeliverableSuffixes[throwing]);
      auto reader = bitext::DocumentReader::Open(dir);
      REQUIRE(reader.ok());
      std::array<OutputSink, kDeliverables> sinks;
      for (size_t k = 0; k < kDeliverables; ++k) {
        sinks[k] = OutputSink(
            [k, throwing](std::string_view) {
              if (k == throwing) throw std::runtime_error("chunk");
              return bitext::Status::Ok();
            },
            /*chunk_bytes=*/64);
      }
      DeliverablesOptions opt;
      opt.threads = threads;
      CHECK_THROWS_AS(bitext::WriteDeliverables(reader->get(), opt, &sinks), std::runtime_error);
    }
  }
}

namespace {

// A document's units from memory, in batches of three. Read fails part-way
// (after its first batch) when called from a thread other than the one that
// made the reader, or from that one: a read that fails on one thread only.
class FailingReader : public bitext::MergedUnitReader {
 public:
  enum class FailOn { kOtherThread, kThisThread };
  FailingReader(bitext::MergedDocument doc, FailOn fail_on)
      : doc_(std::move(doc)), fail_on_(fail_on), owner_(std::this_thread::get_id()) {}

  const bitext::MergedDocument& info() const override { return doc_; }
  bitext::Status Read(
      const std::function<void(std::vector<bitext::MergedUnit>*)>& sink) const override {
    const bool here = std::this_thread::get_id() == owner_;
    const bool fail = fail_on_ == FailOn::kThisThread ? here : !here;
    for (size_t at = 0; at < doc_.units.size(); at += 3) {
      if (fail && at > 0) {
        return bitext::Status::IoError({doc_.po_path}, here ? "failed here" : "failed there");
      }
      std::vector<bitext::MergedUnit> batch(
          doc_.units.begin() + static_cast<std::ptrdiff_t>(at),
          doc_.units.begin() + static_cast<std::ptrdiff_t>(std::min(at + 3, doc_.units.size())));
      sink(&batch);
    }
    return bitext::Status::Ok();
  }

 private:
  bitext::MergedDocument doc_;
  FailOn fail_on_;
  std::thread::id owner_;
};

}  // namespace

TEST_CASE("WriteDeliverables reports a read that fails on one thread only", "[deliverables]") {
  const std::string dir = std::string(BITEXT_SOURCE_DIR) + "/tests/data/build/seoul-sample";
  auto doc = bitext::LoadDocument(dir);
  REQUIRE(doc.ok());
  REQUIRE(doc->units.size() > 3);
  bitext::DeliverablesReport report;
  const std::array<std::string, kDeliverables> want = Streamed(dir, DeliverablesOptions(), &report);
  struct Row {
    const char* name;
    FailingReader::FailOn fail_on;
    int threads;
    const char* error;  // nullptr: no error
  };
  const Row rows[] = {
      {"the subtitle thread's read fails", FailingReader::FailOn::kOtherThread, 2, "failed there"},
      {"the calling thread's read fails", FailingReader::FailOn::kThisThread, 2, "failed here"},
      {"one thread: no other thread's read", FailingReader::FailOn::kOtherThread, 1, nullptr},
      {"one thread: every read fails", FailingReader::FailOn::kThisThread, 1, "failed here"},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    FailingReader reader(*doc, r.fail_on);
    DeliverablesOptions opt;
    opt.threads = r.threads;
    std::array<std::string, kDeliverables> out;
    std::array<OutputSink, kDeliverables> sinks = StringSinks(&out, /*chunk_bytes=*/64);
    auto got = bitext::WriteDeliverables(&reader, opt, &sinks);
    if (r.error == nullptr) {
      REQUIRE(got.ok());
      CHECK(got->units == doc->units.size());
      // Batches of three from memory make what DocumentReader's make.
      for (OutputSink& s : sinks) REQUIRE(s.Finish().ok());
      CHECK(out == want);
    } else {
      REQUIRE_FALSE(got.ok());
      CHECK(got.status().ToString() == doc->po_path + ": " + r.error);
    }
  }
}
