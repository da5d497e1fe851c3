// bitext status [DOC...]: translation progress per document.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "document.h"
#include "file_io.h"

namespace bitext::cli {
namespace {

struct StatusOptions {
  std::vector<std::string> docs;
  std::string translations = "translations";
};

struct Row {
  std::string name;
  int units = 0, translated = 0, fuzzy = 0, untranslated = 0, obsolete = 0;
};

// "97.5%": translated/units rounded down to 0.1, so only a finished document
// shows 100.0%; "-" for a document without units.
std::string Percent(int done, int total) {
  if (total == 0) return "-";
  long long tenths = 1000LL * done / total;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::string Pad(const std::string& s, size_t width, bool right) {
  if (s.size() >= width) return s;
  std::string fill(width - s.size(), ' ');
  return right ? fill + s : s + fill;
}

int RunStatus(const StatusOptions& opt) {
  Result<std::vector<std::string>> resolved = ResolveDocuments(opt.docs, opt.translations);
  if (!resolved.ok()) {
    std::cerr << resolved.status().ToString() << "\n";
    return 1;
  }
  const std::vector<std::string>& dirs = *resolved;
  int rc = 0;
  std::vector<Row> rows;
  Row total{"total"};
  for (const std::string& dir : dirs) {
    Result<MergedDocument> doc = LoadDocument(dir);
    if (!doc.ok()) {
      std::cerr << doc.status().ToString() << "\n";
      rc = 1;
      continue;
    }
    Row r{doc->name};
    for (const MergedUnit& mu : doc->units) {
      ++r.units;
      switch (mu.state) {
        case TranslationState::kTranslated:
          ++r.translated;
          break;
        case TranslationState::kFuzzy:
          ++r.fuzzy;
          break;
        case TranslationState::kUntranslated:
          ++r.untranslated;
          break;
      }
    }
    r.obsolete = doc->obsolete;
    total.units += r.units;
    total.translated += r.translated;
    total.fuzzy += r.fuzzy;
    total.untranslated += r.untranslated;
    total.obsolete += r.obsolete;
    rows.push_back(r);
  }
  if (rows.size() > 1) rows.push_back(total);
  if (rows.empty()) {
    std::cout.flush();
    return rc;
  }
  size_t name_width = 8;
  for (const Row& r : rows) name_width = std::max(name_width, r.name.size());
  const char* headers[] = {"units", "translated", "fuzzy", "untranslated", "obsolete", "done"};
  std::string out = Pad("document", name_width, false);
  for (size_t k = 0; k < 5; ++k) out += "  " + std::string(headers[k]);
  out += "  " + Pad(headers[5], 6, true);
  out += "\n";
  for (const Row& r : rows) {
    std::string line = Pad(r.name, name_width, false);
    const int values[] = {r.units, r.translated, r.fuzzy, r.untranslated, r.obsolete};
    for (size_t k = 0; k < 5; ++k) {
      line += "  " + Pad(std::to_string(values[k]), std::string(headers[k]).size(), true);
    }
    line += "  " + Pad(Percent(r.translated, r.units), 6, true);
    out += line + "\n";
  }
  std::cout << out;
  std::cout.flush();
  return std::cout ? rc : 1;
}

}  // namespace

void RegisterStatus(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<StatusOptions>();
  auto* cmd = app.add_subcommand(
      "status",
      "Translation progress per document: units, translated, fuzzy, untranslated, "
      "obsolete, percent done");
  cmd->add_option("DOC", opt->docs,
                  "document folders (default: every document under translations/; a bare name "
                  "means translations/NAME)");
  cmd->callback([opt, exit_code] { *exit_code = RunStatus(*opt); });
}

}  // namespace bitext::cli
