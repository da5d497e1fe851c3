// The six deliverables of one document, written side by side while its units
// stream past (bitext build):
//
//   Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open(dir);
//   std::array<OutputSink, kDeliverables> sinks = ...;  // one per output
//   Result<DeliverablesReport> report = WriteDeliverables(reader->get(), opt, &sinks);
//   for (OutputSink& s : sinks) s.Finish();
//
// Output k goes to sinks[k] and belongs in the file named by the document's
// name and kDeliverableSuffixes[k]. The bytes are those of the whole-document
// writers (WriteTmx, WriteSrt, WriteVtt, WriteReviewMarkdown,
// WriteArticleMarkdown, with MakeCues' cues), whatever the thread count. No
// cue list or output is ever held whole, nor the units of a ko.txt source
// (a ko.srt source's units are: DocumentReader hands them over as one
// batch, to each pass).
#ifndef BITEXT_DELIVERABLES_H_
#define BITEXT_DELIVERABLES_H_

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "document.h"
#include "output_sink.h"
#include "status.h"
#include "subtitle_timing.h"
#include "tmx_writer.h"

namespace bitext {

// TMX, bilingual SRT, English SRT, English WebVTT, review Markdown, English
// article Markdown.
constexpr size_t kDeliverables = 6;
constexpr std::array<std::string_view, kDeliverables> kDeliverableSuffixes = {
    ".tmx", ".srt", ".en.srt", ".en.vtt", ".md", ".en.md"};

struct DeliverablesOptions {
  TmxOptions tmx;
  TimingOptions timing;  // valid (ValidateTimingOptions)
  // 2 or more: the subtitles (cues, both SRTs, the WebVTT) are made on a
  // second thread, with a pass over the units of their own, while the
  // calling thread writes the rest. 1 or a negative count: all on the
  // calling thread, which is also what happens when no thread can be
  // started. 0: two where the machine has two cores or more, else one. The
  // output is the same.
  int threads = 1;
};

// What a pass over the units found.
struct DeliverablesReport {
  size_t units = 0;
  size_t untranslated = 0;
  size_t fuzzy = 0;
  std::vector<WriterWarning> tmx_warnings;  // characters the TMX had to drop
};

// Reads `reader`'s units (a second pass for the article, whose title comes
// first, and a third where the article needs a look at the units above its
// title) and writes the six outputs to (*sinks)[k], polling them; the caller
// finishes the sinks. With `sinks` null nothing is made but the report (one
// pass; for a build that already failed, whose warnings are still due).
// Fails only where reader->Read does (for a DocumentReader: en.po changed
// on disk), with the first failed pass's error (the calling thread's before
// the second's); the sinks' own errors are theirs to report. After a failure, what the sinks were
// given is unspecified (part of each output). An exception from either
// thread (one a chunk function throws, std::bad_alloc) passes on to the
// caller once the second thread has ended. `reader` and `sinks` are used by
// this call only.
//
// With two threads, the chunk functions of outputs 1-3 run on the second
// thread, one at a time but at the same time as those of outputs 0, 4 and 5:
// they must not share unsynchronised state with them (AtomicFileSet::Append
// to different files is safe).
Result<DeliverablesReport> WriteDeliverables(const MergedUnitReader* reader,
                                             const DeliverablesOptions& opt,
                                             std::array<OutputSink, kDeliverables>* sinks);

}  // namespace bitext

#endif  // BITEXT_DELIVERABLES_H_
