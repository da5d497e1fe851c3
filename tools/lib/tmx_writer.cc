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
  std::vector<WriterWarning> warnings;
  // Warns (at where(), about what()) about the characters in `dropped`, if
  // any. The location and subject are made only for a warning.
  auto warn = [&warnings](const std::vector<char32_t>& dropped, const auto& where,
                          const auto& what) {
    if (dropped.empty()) return;
    warnings.push_back({where(), what() + ": dropped " + std::to_string(dropped.size()) +
                                     " character(s) XML 1.0 forbids or invisible (" +
                                     DroppedList(dropped) + ")"});
  };
  // Sanitise(text, storage), warning about what it dropped.
  std::vector<char32_t> dropped;
  auto clean = [&warn, &dropped](std::string_view text, std::string* storage, const auto& where,
                                 const auto& what) -> std::string_view {
    std::string_view kept = Sanitise(text, storage, &dropped);
    warn(dropped, where, what);
    return kept;
  };
  std::string& out = sink->text();
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<tmx version=\"1.4\">\n";
  out += "  <header creationtool=\"bitext\" creationtoolversion=\"" +
         XmlEscape(DropXmlForbidden(BITEXT_VERSION, nullptr), true) +
         "\" segtype=\"sentence\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"ko\" "
         "datatype=\"plaintext\" creationdate=\"" +
         XmlEscape(DropXmlForbidden(opt.creation_date, nullptr), true) + "\"/>\n";
  out += "  <body>\n";
  std::string name_storage;
  const std::string doc_name =
      XmlEscape(clean(
                    doc.name, &name_storage, [&doc] { return Location{doc.dir}; },
                    [] { return std::string("document name"); }),
                false);
  std::string ko_storage, en_storage, id_storage, speaker_storage;
  std::vector<char32_t> en_dropped;
  for (const MergedUnit& mu : doc.units) {
    if (mu.state != TranslationState::kTranslated) continue;
    auto po = [&doc, &mu] { return Location{doc.po_path, mu.po_line}; };
    auto src = [&doc, &mu] { return Location{doc.source_path, mu.unit.line, mu.unit.col}; };
    // The English first: a unit with none left is skipped without warnings.
    // Its warning follows the Korean one.
    std::string_view en = Sanitise(mu.english, &en_storage, &en_dropped);
    if (en.empty()) continue;
    std::string_view ko =
        clean(mu.unit.text, &ko_storage, src, [&mu] { return "unit " + mu.unit.id + " Korean"; });
    warn(en_dropped, po, [&mu] { return "unit " + mu.unit.id + " English"; });
    out += "    <tu tuid=\"";
    AppendXmlEscaped(clean(mu.unit.id, &id_storage, src, [] { return std::string("unit id"); }),
                     true, &out);
    out += "\">\n";
    out += "      <prop type=\"x-document\">";
    out += doc_name;
    out += "</prop>\n";
    out += "      <prop type=\"x-kind\">";
    out += KindName(mu.unit.kind);
    out += "</prop>\n";
    if (!mu.unit.speaker.empty()) {
      out += "      <prop type=\"x-speaker\">";
      AppendXmlEscaped(clean(mu.unit.speaker, &speaker_storage, src,
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
    sink->Poll();
  }
  out += "  </body>\n";
  out += "</tmx>\n";
  return warnings;
}

}  // namespace bitext
