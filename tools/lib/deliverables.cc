#include "deliverables.h"

#include <exception>
#include <system_error>
#include <thread>
#include <utility>

#include "markdown_writer.h"
#include "srt_writer.h"
#include "vtt_writer.h"

namespace bitext {
namespace {

// The subtitles: units in, cues made and written to the two SRTs and the
// WebVTT as soon as they are final.
class SubtitleStage {
 public:
  SubtitleStage(bool timed, const TimingOptions& timing,
                std::array<OutputSink, kDeliverables>* sinks)
      : cue_maker_(timed, timing),
        srt_(SrtMode::kBilingual, &(*sinks)[1]),
        en_srt_(SrtMode::kEnglish, &(*sinks)[2]),
        vtt_(&(*sinks)[3]) {}

  void Add(const MergedUnit& mu) {
    cue_maker_.Add(mu);
    cue_maker_.Take(&cues_);  // at once: the cues are not gathered
    Write();
  }
  void Finish() {
    cue_maker_.Finish();
    cue_maker_.Take(&cues_);
    Write();
  }

 private:
  void Write() {
    for (const Cue& c : cues_) {
      srt_.Add(c);
      en_srt_.Add(c);
      vtt_.Add(c);
    }
    cues_.clear();
  }

  CueMaker cue_maker_;
  SrtWriter srt_, en_srt_;
  VttWriter vtt_;
  std::vector<Cue> cues_;  // the cues made final by the last unit
};

}  // namespace

Result<DeliverablesReport> WriteDeliverables(const MergedUnitReader* reader,
                                             const DeliverablesOptions& opt,
                                             std::array<OutputSink, kDeliverables>* sinks) {
  const MergedDocument& doc = reader->info();
  DeliverablesReport report;
  auto count = [&](const MergedUnit& mu) {
    ++report.units;
    if (mu.state == TranslationState::kUntranslated) ++report.untranslated;
    if (mu.state == TranslationState::kFuzzy) ++report.fuzzy;
  };
  if (sinks == nullptr) {
    // Nothing is written, but the TMX's warnings are still due.
    OutputSink discard([](std::string_view) { return Status::Ok(); });
    TmxWriter tmx(doc, opt.tmx, &discard);
    BITEXT_RETURN_IF_ERROR(reader->Read([&](std::vector<MergedUnit>* batch) {
      for (const MergedUnit& mu : *batch) {
        count(mu);
        tmx.Add(mu);
      }
    }));
    report.tmx_warnings = tmx.Finish();
    return report;
  }

  // With two threads the subtitles, the slowest part, take their own pass
  // over the units on the second: reading the units again costs less than
  // holding them until both threads are done with them.
  SubtitleStage subtitles(doc.timed, opt.timing, sinks);
  Status subtitles_read;
  std::exception_ptr subtitles_error;
  std::thread subtitle_thread;
  // A document's work splits in two (its subtitles, the rest): more threads
  // would idle.
  const bool two = opt.threads == 0 ? std::thread::hardware_concurrency() > 1 : opt.threads > 1;
  if (two) {
    try {
      subtitle_thread = std::thread([&] {
        try {
          subtitles_read = reader->Read([&](std::vector<MergedUnit>* batch) {
            for (const MergedUnit& mu : *batch) subtitles.Add(mu);
          });
        } catch (...) {
          subtitles_error = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      // No thread to be had (a process limit): all on this one.
    }
  }
  const bool own_thread = subtitle_thread.joinable();
  // Joined however this thread leaves (by an exception, too).
  struct Joiner {
    std::thread& t;
    ~Joiner() {
      if (t.joinable()) t.join();
    }
  } joiner{subtitle_thread};

  TmxWriter tmx(doc, opt.tmx, &(*sinks)[0]);
  ReviewMarkdownWriter review(doc, &(*sinks)[4]);
  ArticleMarkdownWriter article(&(*sinks)[5]);
  Status read = reader->Read([&](std::vector<MergedUnit>* batch) {
    for (const MergedUnit& mu : *batch) {
      count(mu);
      tmx.Add(mu);
      review.Add(mu);
      article.Plan(mu);
      if (!own_thread) subtitles.Add(mu);
    }
  });
  report.tmx_warnings = tmx.Finish();
  if (read.ok() && article.NeedsLook()) {
    read = reader->Read([&](std::vector<MergedUnit>* batch) {
      for (const MergedUnit& mu : *batch) article.Look(mu);
    });
  }
  if (read.ok()) {
    read = reader->Read([&](std::vector<MergedUnit>* batch) {
      for (const MergedUnit& mu : *batch) article.Write(mu);
    });
  }
  article.Finish();
  if (subtitle_thread.joinable()) {
    subtitle_thread.join();
    if (subtitles_error) std::rethrow_exception(subtitles_error);
  }
  subtitles.Finish();
  BITEXT_RETURN_IF_ERROR(read);
  BITEXT_RETURN_IF_ERROR(subtitles_read);
  return report;
}

}  // namespace bitext
