// bitext build [DOC...] [--out DIR]: the deliverables of each document
// (TMX, bilingual and English SRT, English WebVTT, review and article
// Markdown), written all together or not at all.
#include <unistd.h>

#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#if defined(__GLIBC__)  // defined by the C library's headers above
#include <malloc.h>
#endif

#include "commands.h"
#include "deliverables.h"
#include "document.h"
#include "file_io.h"
#include "output_sink.h"
#include "subtitle_timing.h"

namespace bitext::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> docs;  // names under `translations` or folder paths
  std::string out = "output";
  std::string translations = "translations";
  std::string tmx_date = kTmxCreationDate;
  bool quiet = false;
  int threads = 0;  // 0: two where the machine has two cores or more
  TimingOptions timing;
};

// The bytes an output's sink gathers before they go to its file: six
// outputs are open at once.
constexpr size_t kOutputChunkBytes = size_t{1} << 18;

int RunBuild(const BuildOptions& opt) {
  Status valid = ValidateTimingOptions(opt.timing);
  if (!valid.ok()) {
    std::cerr << "bitext build: " << valid.message() << "\n";
    return 2;
  }
  if (opt.threads < 0) {
    std::cerr << "bitext build: --threads must be 0 (automatic) or more\n";
    return 2;
  }
  Result<std::vector<std::string>> resolved = ResolveDocuments(opt.docs, opt.translations);
  if (!resolved.ok()) {
    std::cerr << resolved.status().ToString() << "\n";
    return 1;
  }
  const std::vector<std::string>& dirs = *resolved;
  const bool progress = !opt.quiet && isatty(STDERR_FILENO);
  // Blocks of 1 MB and more (file contents, the units' and cues' vectors)
  // straight from and back to the system: glibc's default threshold grows
  // with the first large block freed, after which such blocks come from the
  // heap, where growing vectors and the freed en.po leave memory unused.
  // No fast bins either: a build frees millions of small strings (en.po's
  // entries, cue lines), and glibc keeps fast-bin chunks unmerged until a
  // large request sweeps them all (malloc_consolidate: about 10% of a
  // 100k-unit build); without them each free merges at once (5% faster).
  // (glibc only; elsewhere the allocator's own policy stands.)
#if defined(__GLIBC__)
  ::mallopt(M_MMAP_THRESHOLD, 1 << 20);
  ::mallopt(M_MXFAST, 0);
#endif
  // The six outputs of a document are written side by side while its units
  // stream past (WriteDeliverables): no whole document, cue list or output
  // is ever held. Each output goes to a temporary file; all are renamed at
  // the end, or none if anything failed. The output folder is created
  // first, by the set, which removes it again on failure.
  AtomicFileSet files;
  Status write_error = files.CreateFolder(opt.out);  // even with no document
  std::map<std::string, std::string> names;          // output name -> folder
  int errors = 0;
  // True while outputs are still worth writing (no error so far).
  auto writing = [&] { return errors == 0 && write_error.ok(); };
  for (size_t i = 0; i < dirs.size(); ++i) {
    if (progress) {
      std::cerr << "\rbitext build: [" << i + 1 << "/" << dirs.size() << "] " << dirs[i] << "\x1b[K"
                << std::flush;
    }
    auto fail = [&](const Status& s) {
      if (progress) std::cerr << "\n";
      std::cerr << s.ToString() << "\n";
      ++errors;
    };
    Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open(dirs[i]);
    if (!reader.ok()) {
      fail(reader.status());
      continue;
    }
    const MergedDocument& doc = (*reader)->info();
    auto [it, fresh] = names.emplace(doc.name, dirs[i]);
    if (!fresh) {
      std::cerr << dirs[i] << ": document name \"" << doc.name << "\" also used by " << it->second
                << "\n";
      ++errors;
      continue;
    }
    DeliverablesOptions dopt;
    dopt.tmx.creation_date = opt.tmx_date;
    dopt.timing = opt.timing;
    dopt.threads = opt.threads;
    // The six files, all opened before anything is written: if one cannot
    // be, none is written (those opened go with the set's Abort).
    std::array<int, kDeliverables> handles;
    handles.fill(-1);
    for (size_t k = 0; k < kDeliverables && writing(); ++k) {
      Result<int> h = files.Open(opt.out + "/" + doc.name + std::string(kDeliverableSuffixes[k]));
      if (!h.ok()) {
        write_error = h.status();
        break;
      }
      handles[k] = *h;
    }
    Result<DeliverablesReport> report = DeliverablesReport();
    if (!writing()) {
      report = WriteDeliverables(reader->get(), dopt, nullptr);
    } else {
      std::array<OutputSink, kDeliverables> sinks;
      for (size_t k = 0; k < kDeliverables; ++k) {
        // Appends to distinct files may run on different threads at once.
        sinks[k] = OutputSink(
            [&files, h = handles[k]](std::string_view bytes) { return files.Append(h, bytes); },
            kOutputChunkBytes);
      }
      report = WriteDeliverables(reader->get(), dopt, &sinks);
      for (size_t k = 0; k < kDeliverables; ++k) {
        Status finished = sinks[k].Finish();
        Status closed = files.Close(handles[k]);
        if (write_error.ok()) write_error = finished.ok() ? closed : finished;
      }
    }
    if (!report.ok()) {
      fail(report.status());
      continue;
    }
    if (report->untranslated + report->fuzzy > 0) {
      if (progress) std::cerr << "\n";
      std::cerr << doc.po_path << ": warning: " << report->untranslated << " untranslated and "
                << report->fuzzy << " fuzzy of " << report->units
                << " units, left out of the TMX, subtitles and article\n";
    }
    for (const WriterWarning& w : report->tmx_warnings) {
      if (progress) std::cerr << "\n";
      std::cerr << w.ToString() << "\n";
    }
  }
  if (progress) std::cerr << "\n";
  if (errors > 0) {
    files.Abort();  // with the folders it made
    std::cerr << "bitext build: " << errors << " document(s) failed; nothing written\n";
    return 1;
  }
  if (!write_error.ok()) {
    files.Abort();  // nothing was written: no new empty folders either
    std::cerr << write_error.ToString() << "\n";
    return 1;
  }
  const size_t count = files.size();
  Status written = files.Commit();
  if (!written.ok()) {
    std::cerr << written.ToString() << "\n";
    return 1;
  }
  if (progress) std::cerr << "bitext build: wrote " << count << " files to " << opt.out << "\n";
  return 0;
}

}  // namespace

void RegisterBuild(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<BuildOptions>();
  auto* cmd = app.add_subcommand(
      "build", "Write TMX, SRT (bilingual, English), WebVTT and Markdown for each document");
  cmd->add_option("DOC", opt->docs,
                  "Document folders (names under --translations, or paths); default: all");
  cmd->add_option("--out", opt->out, "Output folder (created if missing)")->capture_default_str();
  cmd->add_option("--translations", opt->translations, "Folder holding the documents")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress on stderr");
  cmd->add_option("--threads", opt->threads,
                  "Threads per document: 1, or 2 to make the subtitles alongside the rest "
                  "(0: 2 where there are two cores or more; the output is the same)")
      ->capture_default_str();
  cmd->add_option("--tmx-date", opt->tmx_date, "Fixed TMX creationdate (YYYYMMDDThhmmssZ)")
      ->capture_default_str();
  TimingOptions& t = opt->timing;
  cmd->add_option("--ko-cps", t.ko_cps, "Korean reading speed, characters/second")
      ->capture_default_str();
  cmd->add_option("--en-cps", t.en_cps, "English reading speed, characters/second (max 20)")
      ->capture_default_str();
  cmd->add_option("--min-duration", t.min_ms, "Shortest cue, milliseconds")->capture_default_str();
  cmd->add_option("--max-duration", t.max_ms, "Longest cue, milliseconds")->capture_default_str();
  cmd->add_option("--gap", t.gap_ms, "Pause between cues, milliseconds")->capture_default_str();
  cmd->add_option("--paragraph-gap", t.paragraph_gap_ms,
                  "Pause where the paragraph changes, milliseconds")
      ->capture_default_str();
  cmd->add_option("--en-max-line", t.en_max_line, "English characters per line")
      ->capture_default_str();
  cmd->add_option("--ko-max-line", t.ko_max_line,
                  "Korean line width (Hangul 1, Latin/space/punctuation 0.5)")
      ->capture_default_str();
  cmd->add_option("--max-lines", t.max_lines, "Lines per language in a cue")->capture_default_str();
  cmd->callback([opt, exit_code] { *exit_code = RunBuild(*opt); });
}

}  // namespace bitext::cli
