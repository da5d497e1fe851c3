// libFuzzer target: the PO reader and writer (po_store.h).
//
// Arbitrary bytes go to ParsePo. A failure must carry a location in the
// file. When parsing succeeds, FormatPo's output must parse again into the
// same entries (every field but line numbers), and formatting that again must
// give the same bytes (FormatPo(ParsePo(FormatPo(x))) == FormatPo(x)).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "po_store.h"

namespace {

void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "invariant violated: %s:\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

bool SameEntry(const bitext::PoEntry& a, const bitext::PoEntry& b) {
  return a.translator_comments == b.translator_comments &&
         a.extracted_comments == b.extracted_comments && a.references == b.references &&
         a.flags == b.flags && a.previous_msgctxt == b.previous_msgctxt &&
         a.previous_msgid == b.previous_msgid &&
         a.previous_msgid_plural == b.previous_msgid_plural && a.msgctxt == b.msgctxt &&
         a.msgid == b.msgid && a.msgid_plural == b.msgid_plural && a.msgstr == b.msgstr &&
         a.obsolete == b.obsolete;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  bitext::Result<bitext::PoFile> po = bitext::ParsePo(raw, "fuzz.po");
  if (!po.ok()) {
    const bitext::Location& where = po.status().location();
    if (where.file != "fuzz.po" || where.line < 1) Fail("error location", po.status().ToString());
    return 0;
  }
  for (const bitext::PoEntry& e : po->entries) {
    if (e.line < 1 || e.msgstr_line < e.line) Fail("entry lines", e.msgid);
    if (e.msgstr.empty()) Fail("entry without msgstr", e.msgid);
    (void)e.IsTranslated();
  }
  if (po->header) (void)bitext::PoHeaderField(*po->header, "Language");

  std::string text = bitext::FormatPo(*po);
  if (!text.empty() && text.back() != '\n') Fail("FormatPo does not end with a newline", text);
  bitext::Result<bitext::PoFile> again = bitext::ParsePo(text, "formatted.po");
  if (!again.ok()) Fail("FormatPo output does not parse", again.status().ToString() + "\n" + text);
  if (again->header.has_value() != po->header.has_value() ||
      (po->header && !SameEntry(*po->header, *again->header)))
    Fail("header changed by a round trip", text);
  if (again->entries.size() != po->entries.size())
    Fail("entry count changed by a round trip", text);
  for (size_t i = 0; i < po->entries.size(); ++i) {
    if (!SameEntry(po->entries[i], again->entries[i]))
      Fail("entry changed by a round trip", po->entries[i].msgid + "\n----\n" + text);
  }
  if (bitext::FormatPo(*again) != text) Fail("FormatPo not stable", text);

  // Flag edits keep the file readable.
  bitext::PoFile edited = *po;
  for (bitext::PoEntry& e : edited.entries) e.SetFuzzy(!e.IsFuzzy());
  bitext::Result<bitext::PoFile> edited_again =
      bitext::ParsePo(bitext::FormatPo(edited), "edited.po");
  if (!edited_again.ok()) Fail("edited file does not parse", edited_again.status().ToString());
  return 0;
}
