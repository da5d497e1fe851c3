// TMX 1.4b output: the translation memory of a document's curated units.
//
//   TmxResult tmx = WriteTmx(doc, TmxOptions());
//   for (const WriterWarning& w : tmx.warnings) std::cerr << w.ToString() << "\n";
//   WriteFileAtomic("output/doc.tmx", tmx.content);
//
// The file validates against the TMX 1.4b DTD (../shared/schemas/tmx14.dtd):
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <tmx version="1.4">
//     <header creationtool="bitext" creationtoolversion="0.1.0" segtype="sentence"
//             o-tmf="bitext" adminlang="en" srclang="ko" datatype="plaintext"
//             creationdate="20230609T000000Z"/>
//     <body>
//       <tu tuid="u0123456789ab">
//         <prop type="x-document">openai-fireside-chat-seoul</prop>
//         <prop type="x-kind">speech</prop>
//         <prop type="x-speaker">샘 알트만</prop>
//         <tuv xml:lang="ko"><seg>…</seg></tuv>
//         <tuv xml:lang="en"><seg>…</seg></tuv>
//       </tu>
//     </body>
//   </tmx>
//
// One tu per translated (not fuzzy) unit with non-empty English, in document
// order; x-speaker only when the unit has a speaker. Indentation is two
// spaces, attributes always in this order; segment text is written exactly
// (& < > escaped, " too in attributes), so a build is byte-for-byte
// reproducible.
//
// creationdate: TMX wants one, and a clock reading would change every build.
// The date is therefore a constant, TmxOptions::creation_date, by default
// kTmxCreationDate (20230609T000000Z, the day of the bundled documents'
// event); pass another fixed value for other corpora.
//
// Characters XML 1.0 forbids (C0 controls other than tab, LF and CR,
// U+FFFE, U+FFFF, ill-formed UTF-8) and invisible format characters
// (IsInvisibleFormatChar in utf8.h: U+FEFF, U+200B, ...) are dropped,
// and each unit where that happened gives a warning naming the input
// (source or en.po line).
#ifndef BITEXT_TMX_WRITER_H_
#define BITEXT_TMX_WRITER_H_

#include <string>
#include <vector>

#include "document.h"
#include "output_sink.h"
#include "xml_text.h"

namespace bitext {

inline constexpr const char* kTmxCreationDate = "20230609T000000Z";

struct TmxOptions {
  std::string creation_date = kTmxCreationDate;  // TMX form YYYYMMDDThhmmssZ
};

struct TmxResult {
  std::string content;
  std::vector<WriterWarning> warnings;
};

TmxResult WriteTmx(const MergedDocument& doc, const TmxOptions& opt);
// The same content, passed to `sink` unit by unit (output_sink.h); returns
// the warnings.
std::vector<WriterWarning> WriteTmx(const MergedDocument& doc, const TmxOptions& opt,
                                    OutputSink* sink);

// WriteTmx a unit at a time, for a document whose units are streamed
// (LoadDocument's batches) rather than held:
//
//   TmxWriter tmx(doc, TmxOptions(), &sink);  // writes the header
//   for (...) tmx.Add(unit);
//   std::vector<WriterWarning> warnings = tmx.Finish();  // writes the end
//
// The writer reads only doc's name, dir, source_path and po_path (the
// header in the constructor, the warnings' files in Add), never its units;
// `doc` and `sink` must outlive it. The same units give the same bytes and warnings as WriteTmx.
class TmxWriter {
 public:
  TmxWriter(const MergedDocument& doc, const TmxOptions& opt, OutputSink* sink);
  void Add(const MergedUnit& mu);
  std::vector<WriterWarning> Finish();

 private:
  void Warn(const std::vector<char32_t>& dropped, const Location& where, const std::string& what);

  const MergedDocument& doc_;
  OutputSink* sink_;
  std::string doc_name_;  // escaped, for x-document
  std::vector<WriterWarning> warnings_;
  // Reused for every unit.
  std::string ko_storage_, en_storage_, id_storage_, speaker_storage_;
  std::vector<char32_t> dropped_, en_dropped_;
};

}  // namespace bitext

#endif  // BITEXT_TMX_WRITER_H_
