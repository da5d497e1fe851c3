// A merged document: the source units of one document folder joined with
// their curated English from en.po. It is what the writers and the checks
// read; they never look at ko.txt or en.po themselves.
//
//   Result<MergedDocument> doc = LoadDocument("translations/openai-fireside-chat-seoul");
//   for (const MergedUnit& mu : doc->units)
//     if (mu.state == TranslationState::kTranslated) Use(mu.unit.text, mu.english);
//
// A document folder holds the Korean source, `ko.txt` (plain text) or `ko.srt`
// (timed Korean subtitles), and `en.po`. A folder without en.po gives every
// unit kUntranslated.
#ifndef BITEXT_DOCUMENT_H_
#define BITEXT_DOCUMENT_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "status.h"
#include "unit.h"

namespace bitext {

enum class TranslationState { kUntranslated, kFuzzy, kTranslated };

struct MergedUnit {
  Unit unit;
  std::string english;  // msgstr ("" when untranslated)
  TranslationState state = TranslationState::kUntranslated;
  int po_line = 0;  // line of the entry in en.po (0: no entry)
};

struct MergedDocument {
  std::string name;         // folder name, e.g. "openai-fireside-chat-seoul"
  std::string dir;          // the folder path as given
  std::string source_path;  // dir + "/ko.txt" or dir + "/ko.srt"
  std::string po_path;      // dir + "/en.po"
  bool timed = false;       // true when the source is ko.srt
  std::vector<MergedUnit> units;
  int obsolete = 0;  // obsolete (#~) entries in en.po
};

// Path of the document's source: ko.srt if present, else ko.txt. NotFound
// naming the folder when it has neither.
Result<std::string> FindSource(const std::string& doc_dir);

// A source file read and cleaned, ready to give its units: a ko.txt's clean
// text is segmented on each Read, a ko.srt's units are made once, at Open.
//
//   Result<SourceReader> source = SourceReader::Open("translations/doc/ko.txt");
//   if (!source.ok()) return source.status();
//   source->Read([](std::vector<Unit>* batch) { ... });
class SourceReader {
 public:
  // Reads `source_path` (a path ending in ".srt" is read as subtitles).
  // Errors name the file: it cannot be read, is not UTF-8, or is malformed
  // SRT.
  static Result<SourceReader> Open(const std::string& source_path);
  SourceReader() = default;  // a source without units

  bool timed() const { return timed_; }
  // Hands `sink` the units in order, a batch at a time (SegmentInBatches'
  // batches; a ko.srt's units as one batch, a copy): `sink` may move from
  // them. May be called again, and from several threads at once.
  void Read(const std::function<void(std::vector<Unit>* batch)>& sink) const;
  // All the units at once (what the batches of Read hold), leaving the
  // reader without units.
  std::vector<Unit> TakeAll();

 private:
  bool timed_ = false;
  std::string clean_;            // the clean text of a ko.txt source
  std::vector<Unit> srt_units_;  // the units of a ko.srt source
};

// Reads and segments the source file (text or subtitles) into units
// (SourceReader::Open, then TakeAll).
Result<std::vector<Unit>> LoadSource(const std::string& source_path);

// LoadSource for callers that only stream the units (bitext segment): the
// same units, handed to `sink` in order a batch at a time
// (SourceReader::Read), so that they are never all held at once. On error
// `sink` is not called.
Status StreamSource(const std::string& source_path,
                    const std::function<void(std::vector<Unit>* batch)>& sink);

// Loads source and en.po and joins them by unit id (msgctxt). Without an
// en.po every unit is untranslated; an en.po that is not a regular file (a
// folder, a FIFO) is an error. Errors name the file (bad UTF-8 in the
// source, malformed en.po).
// (DocumentReader::Open and Read, with the batches gathered.)
Result<MergedDocument> LoadDocument(const std::string& doc_dir);

// What a pass over a document's merged units reads from (WriteDeliverables):
// the document without its units, and the units in order, a batch at a time,
// as often as asked. DocumentReader reads a document folder; a test may give
// its own.
class MergedUnitReader {
 public:
  virtual ~MergedUnitReader() = default;
  // The document without its units.
  virtual const MergedDocument& info() const = 0;
  // Hands `sink` the units in order, a batch at a time; `sink` may move from
  // them. May be called again, and from several threads at once. A failure
  // is returned once `sink` has had the batches before it.
  virtual Status Read(const std::function<void(std::vector<MergedUnit>* batch)>& sink) const = 0;
};

// LoadDocument for a caller that streams the units (bitext build), so that
// a large document is never held whole:
//
//   Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open(dir);
//   if (!reader.ok()) return reader.status();
//   const MergedDocument& info = (*reader)->info();  // name, paths; no units
//   Status s = (*reader)->Read([&](std::vector<MergedUnit>* batch) { ... });
//
// Open reads and checks the source (keeping its clean text) and en.po, and
// reports LoadDocument's errors. Of en.po it keeps only an index (span and
// line of each active entry, hashes of msgctxt and msgid); Read reads the
// entries back from the file as units need them. Read hands `sink` the
// units LoadDocument gives, joined the same way, in order, a batch at a time
// (SegmentInBatches' batches; a timed source's units in one); `sink` may
// move from them. Read may be called again for the same units, and from
// several threads at once (each call keeps its own state; the reader must
// outlive them). It fails only if en.po changed on disk since Open (or
// cannot be read any more).
class DocumentReader : public MergedUnitReader {
 public:
  static Result<std::unique_ptr<DocumentReader>> Open(const std::string& doc_dir);
  ~DocumentReader() override;
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // LoadDocument's document without its units (obsolete counted).
  const MergedDocument& info() const override { return info_; }
  Status Read(const std::function<void(std::vector<MergedUnit>* batch)>& sink) const override;

 private:
  DocumentReader();
  struct PoIndex;
  struct Cursor;
  // Joins `units` with their entries into *out (cleared first), marking the
  // entries used in *cursor.
  Status Join(Cursor* cursor, std::vector<Unit>* units, std::vector<MergedUnit>* out) const;

  MergedDocument info_;
  SourceReader source_;
  std::unique_ptr<PoIndex> po_;
};

// The document folders under `translations_dir` (sorted by name): every
// sub-folder holding ko.txt or ko.srt.
Result<std::vector<std::string>> ListDocuments(const std::string& translations_dir);

// The document folders named on a command line: with no `args`, every
// document under `translations_dir` (ListDocuments); otherwise each arg as a
// path, or `translations_dir/arg` when arg is not a folder but that is.
// Folders are not checked further: LoadDocument reports a missing source.
Result<std::vector<std::string>> ResolveDocuments(const std::vector<std::string>& args,
                                                  const std::string& translations_dir);

}  // namespace bitext

#endif  // BITEXT_DOCUMENT_H_
