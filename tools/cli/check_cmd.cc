// bitext check [DOC...] [--format text|jsonl] [--strict] [--glossary FILE]:
// translation QA (checks.h). Exit 0 without errors, 1 with an error (or, with
// --strict, a warning), 2 on usage errors.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks.h"
#include "commands.h"
#include "document.h"
#include "file_io.h"
#include "glossary.h"
#include "term_matcher.h"

namespace bitext::cli {
namespace {

struct CheckCmdOptions {
  std::vector<std::string> docs;
  std::string format = "text";
  bool strict = false;
  std::string glossary;  // "" = glossary/terms.tsv when it exists
  std::string translations = "translations";
};

int RunCheck(const CheckCmdOptions& opt) {
  Result<std::vector<std::string>> resolved = ResolveDocuments(opt.docs, opt.translations);
  if (!resolved.ok()) {
    std::cerr << resolved.status().ToString() << "\n";
    return 1;
  }
  const std::vector<std::string>& dirs = *resolved;
  int rc = 0;
  std::vector<MergedDocument> docs;
  for (const std::string& dir : dirs) {
    Result<MergedDocument> doc = LoadDocument(dir);
    if (!doc.ok()) {
      std::cerr << doc.status().ToString() << "\n";
      rc = 1;
      continue;
    }
    docs.push_back(std::move(*doc));
  }

  CheckOptions copt;
  std::optional<Glossary> glossary;
  std::unique_ptr<TermMatcher> matcher;
  std::string gpath = opt.glossary.empty() ? "glossary/terms.tsv" : opt.glossary;
  if (!opt.glossary.empty() || FileExists(gpath)) {
    Result<Glossary> g = LoadGlossary(gpath);
    if (!g.ok()) {
      std::cerr << g.status().ToString() << "\n";
      return 1;
    }
    glossary = std::move(*g);
    matcher = std::make_unique<TermMatcher>(*glossary);
    copt.glossary = &*glossary;
    copt.matcher = matcher.get();
  } else {
    std::cerr << "bitext check: no glossary/terms.tsv here; glossary check skipped\n";
  }

  std::vector<Finding> findings = RunChecks(docs, copt);
  int errors = 0, warnings = 0, infos = 0;
  std::string out;
  for (const Finding& f : findings) {
    switch (f.severity) {
      case FindingSeverity::kError:
        ++errors;
        break;
      case FindingSeverity::kWarning:
        ++warnings;
        break;
      case FindingSeverity::kInfo:
        ++infos;
        break;
    }
    out += (opt.format == "jsonl" ? FormatFindingJson(f) : FormatFinding(f)) + "\n";
  }
  std::cout << out;
  std::cout.flush();
  std::cerr << "bitext check: " << docs.size()
            << (docs.size() == 1 ? " document, " : " documents, ") << errors
            << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning, " : " warnings, ") << infos << " info\n";
  if (!std::cout) return 1;
  if (errors > 0 || (opt.strict && warnings > 0)) rc = 1;
  return rc;
}

}  // namespace

void RegisterCheck(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<CheckCmdOptions>();
  auto* cmd =
      app.add_subcommand("check",
                         "Translation QA: untranslated/fuzzy entries, glossary, numbers, quotes, "
                         "punctuation, consistency, spacing, subtitle limits");
  cmd->add_option("DOC", opt->docs,
                  "document folders or names under translations/ (default: all of them)");
  cmd->add_option("--format", opt->format, "text (FILE:LINE: severity: [check] message) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  cmd->add_flag("--strict", opt->strict, "warnings fail too (exit 1)");
  cmd->add_option("--glossary", opt->glossary,
                  "glossary file (default glossary/terms.tsv when it exists)");
  cmd->add_option("--translations", opt->translations,
                  "folder holding the documents (default translations)");
  cmd->callback([opt, exit_code] { *exit_code = RunCheck(*opt); });
}

}  // namespace bitext::cli
