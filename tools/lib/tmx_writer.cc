#include "tmx_writer.h"

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

}  // namespace

TmxResult WriteTmx(const MergedDocument& doc, const TmxOptions& opt) {
  TmxResult r;
  // Sanitises `text`; warns (at `where`) about what it dropped.
  auto clean = [&r](std::string_view text, const Location& where, const std::string& what) {
    std::vector<char32_t> dropped;
    std::string s = DropXmlForbidden(text, &dropped);
    if (!dropped.empty()) {
      r.warnings.push_back({where, what + ": dropped " + std::to_string(dropped.size()) +
                                       " character(s) XML 1.0 forbids or invisible (" +
                                       DroppedList(dropped) + ")"});
    }
    return s;
  };
  std::string& out = r.content;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<tmx version=\"1.4\">\n";
  out += "  <header creationtool=\"bitext\" creationtoolversion=\"" +
         XmlEscape(DropXmlForbidden(BITEXT_VERSION, nullptr), true) +
         "\" segtype=\"sentence\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"ko\" "
         "datatype=\"plaintext\" creationdate=\"" +
         XmlEscape(DropXmlForbidden(opt.creation_date, nullptr), true) + "\"/>\n";
  out += "  <body>\n";
  const std::string doc_name =
      XmlEscape(clean(doc.name, Location{doc.dir}, "document name"), false);
  for (const MergedUnit& mu : doc.units) {
    if (mu.state != TranslationState::kTranslated) continue;
    Location po{doc.po_path, mu.po_line};
    Location src{doc.source_path, mu.unit.line, mu.unit.col};
    if (DropXmlForbidden(mu.english, nullptr).empty()) continue;
    std::string ko = clean(mu.unit.text, src, "unit " + mu.unit.id + " Korean");
    std::string en = clean(mu.english, po, "unit " + mu.unit.id + " English");
    out += "    <tu tuid=\"" + XmlEscape(clean(mu.unit.id, src, "unit id"), true) + "\">\n";
    out += "      <prop type=\"x-document\">" + doc_name + "</prop>\n";
    out += "      <prop type=\"x-kind\">" + std::string(KindName(mu.unit.kind)) + "</prop>\n";
    if (!mu.unit.speaker.empty()) {
      out += "      <prop type=\"x-speaker\">" +
             XmlEscape(clean(mu.unit.speaker, src, "unit " + mu.unit.id + " speaker"), false) +
             "</prop>\n";
    }
    out += "      <tuv xml:lang=\"ko\"><seg>" + XmlEscape(ko, false) + "</seg></tuv>\n";
    out += "      <tuv xml:lang=\"en\"><seg>" + XmlEscape(en, false) + "</seg></tuv>\n";
    out += "    </tu>\n";
  }
  out += "  </body>\n";
  out += "</tmx>\n";
  return r;
}

}  // namespace bitext
