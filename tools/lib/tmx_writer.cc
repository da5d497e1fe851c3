#include "tmx_writer.h"

#include <utility>

#include "unit.h"

namespace bitext {
namespace {

std::string DroppedList(const std::vector<char32_t>& dropped) {
  std::string s;
  for (size_t i = 0; i < dropped.size(); ++i) {
    if (i > 0) s += ", ";
    if (i == 8) {
      s += "...";
      break;
    }
    s += CodePointName(dropped[i]);
  }
  return s;
}

// `text` without what DropXmlForbidden drops: `text` itself when nothing is,
// else the result, kept in *storage; *dropped receives what was dropped.
std::string_view Sanitise(std::string_view text, std::string* storage,
                          std::vector<char32_t>* dropped) {
  dropped->clear();
  if (IsXmlClean(text)) return text;
  *storage = DropXmlForbidden(text, dropped);
  return *storage;
}

}  // namespace

TmxResult WriteTmx(const MergedDocument& doc, const TmxOptions& opt) {
  OutputSink sink;
  TmxResult r;
  r.warnings = WriteTmx(doc, opt, &sink);
  r.content = std::move(sink.text());
  return r;
}

std::vector<WriterWarning> WriteTmx(const MergedDocument& doc, const TmxOptions& opt,
                                    OutputSink* sink) {
  TmxWriter writer(doc, opt, sink);
  for (const MergedUnit& mu : doc.units) writer.Add(mu);
  return writer.Finish();
}

void TmxWriter::Warn(const std::vector<char32_t>& dropped, const Location& where,
                     const std::string& what) {
  warnings_.push_back({where, what + ": dropped " + std::to_string(dropped.size()) +
                                  " character(s) XML 1.0 forbids or invisible (" +
                                  DroppedList(dropped) + ")"});
}

TmxWriter::TmxWriter(const MergedDocument& doc, const TmxOptions& opt, OutputSink* sink)
    : doc_(doc), sink_(sink) {
  std::string& out = sink_->text();
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<tmx version=\"1.4\">\n";
  out += "  <header creationtool=\"bitext\" creationtoolversion=\"" +
         XmlEscape(DropXmlForbidden(BITEXT_VERSION, nullptr), true) +
         "\" segtype=\"sentence\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"ko\" "
         "datatype=\"plaintext\" creationdate=\"" +
         XmlEscape(DropXmlForbidden(opt.creation_date, nullptr), true) + "\"/>\n";
  out += "  <body>\n";
  std::string storage;
  std::string_view name = Sanitise(doc.name, &storage, &dropped_);
  if (!dropped_.empty()) Warn(dropped_, Location{doc.dir}, "document name");
  doc_name_ = XmlEscape(name, false);
}

void TmxWriter::Add(const MergedUnit& mu) {
  if (mu.state != TranslationState::kTranslated) return;
  // The English first: a unit with none left is skipped without warnings.
  // Its warning follows the Korean one.
  std::string_view en = Sanitise(mu.english, &en_storage_, &en_dropped_);
  if (en.empty()) return;
  // Sanitise(text, storage), warning (at the unit in the source) about what
  // it dropped; the location and subject are made only for a warning.
  auto clean = [&](std::string_view text, std::string* storage,
                   const auto& what) -> std::string_view {
    std::string_view kept = Sanitise(text, storage, &dropped_);
    if (!dropped_.empty()) {
      Warn(dropped_, Location{doc_.source_path, mu.unit.line, mu.unit.col}, what());
    }
    return kept;
  };
  std::string_view ko =
      clean(mu.unit.text, &ko_storage_, [&mu] { return "unit " + mu.unit.id + " Korean"; });
  if (!en_dropped_.empty()) {
    Warn(en_dropped_, Location{doc_.po_path, mu.po_line}, "unit " + mu.unit.id + " English");
  }
  std::string& out = sink_->text();
  out += "    <tu tuid=\"";
  AppendXmlEscaped(clean(mu.unit.id, &id_storage_, [] { return std::string("unit id"); }), true,
                   &out);
  out += "\">\n";
  out += "      <prop type=\"x-document\">";
  out += doc_name_;
  out += "</prop>\n";
  out += "      <prop type=\"x-kind\">";
  out += KindName(mu.unit.kind);
  out += "</prop>\n";
  if (!mu.unit.speaker.empty()) {
    out += "      <prop type=\"x-speaker\">";
    AppendXmlEscaped(clean(mu.unit.speaker, &speaker_storage_,
                           [&mu] { return "unit " + mu.unit.id + " speaker"; }),
                     false, &out);
    out += "</prop>\n";
  }
  out += "      <tuv xml:lang=\"ko\"><seg>";
  AppendXmlEscaped(ko, false, &out);
  out += "</seg></tuv>\n";
  out += "      <tuv xml:lang=\"en\"><seg>";
  AppendXmlEscaped(en, false, &out);
  out += "</seg></tuv>\n";
  out += "    </tu>\n";
  sink_->Poll();
}

std::vector<WriterWarning> TmxWriter::Finish() {
  std::string& out = sink_->text();
  out += "  </body>\n";
  out += "</tmx>\n";
  return std::move(warnings_);
}

}  // namespace bitext
