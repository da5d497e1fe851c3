// bitext glossary [--glossary FILE] list|add|lookup|lint|candidates|export:
// upkeep of the glossary of names and terms (glossary/terms.tsv).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "file_io.h"
#include "glossary.h"
#include "term_matcher.h"
#include "text_clean.h"

namespace bitext::cli {
namespace {

struct GlossaryOptions {
  std::string glossary = "glossary/terms.tsv";
  std::string translations = "translations";
  // list
  std::string kind;
  // add
  std::string ko;
  std::string en;
  std::vector<std::string> variants;
  std::string note;
  // lookup
  std::string text;
  std::string file;
  // export
  std::string format;
};

int Fail(const Status& s) {
  std::cerr << s.ToString() << "\n";
  return s.code() == Status::Code::kUsage ? 2 : 1;
}

int Emit(const std::string& out) {
  std::cout << out;
  std::cout.flush();
  return std::cout ? 0 : 1;
}

int RunList(const GlossaryOptions& opt) {
  Result<Glossary> g = LoadGlossary(opt.glossary);
  if (!g.ok()) return Fail(g.status());
  TermKind kind = TermKind::kTerm;
  bool filter = !opt.kind.empty() && ParseTermKind(opt.kind, &kind);
  Glossary shown;
  shown.path = g->path;
  for (const Term& t : g->terms)
    if (!filter || t.kind == kind) shown.terms.push_back(t);
  return Emit(SerializeGlossary(shown));
}

int RunAdd(const GlossaryOptions& opt, bool kind_given) {
  Glossary g;
  g.path = opt.glossary;
  if (FileExists(opt.glossary)) {
    Result<Glossary> loaded = LoadGlossary(opt.glossary);
    if (!loaded.ok()) return Fail(loaded.status());
    g = std::move(*loaded);
  }
  Term t;
  t.ko = opt.ko;
  t.en = opt.en;
  if (kind_given) ParseTermKind(opt.kind, &t.kind);
  t.variants = opt.variants;
  t.note = opt.note;
  Result<AddOutcome> outcome = AddTerm(&g, t, kind_given);
  if (!outcome.ok()) return Fail(outcome.status());
  if (*outcome == AddOutcome::kUnchanged) {
    std::cerr << opt.glossary << ": '" << opt.ko << "' is already there; nothing to do\n";
    return 0;
  }
  Status written = WriteFileAtomic(opt.glossary, SerializeGlossary(g));
  if (!written.ok()) return Fail(written);
  std::cerr << opt.glossary << ": " << (*outcome == AddOutcome::kAdded ? "added" : "updated")
            << " '" << opt.ko << "'\n";
  return 0;
}

int RunLookup(const GlossaryOptions& opt) {
  if (opt.text.empty() == opt.file.empty()) {
    std::cerr << "bitext glossary lookup: give either TEXT or --file FILE\n";
    return 2;
  }
  Result<Glossary> g = LoadGlossary(opt.glossary);
  if (!g.ok()) return Fail(g.status());
  std::string raw = opt.text;
  std::string name = "<text>";
  if (!opt.file.empty()) {
    Result<std::string> r = ReadFile(opt.file);
    if (!r.ok()) return Fail(r.status());
    raw = std::move(*r);
    name = opt.file;
  }
  Result<std::string> clean = CleanText(raw, name);
  if (!clean.ok()) return Fail(clean.status());
  TermMatcher matcher(*g);
  LineIndex index(*clean);
  std::string out;
  for (const TermMatch& m : matcher.FindAll(*clean)) {
    TextPosition b = index.At(m.begin);
    TextPosition e = index.At(m.end);
    const Term& t = g->terms[m.term];
    if (!opt.file.empty()) out += opt.file + ":";
    out += std::to_string(b.line) + ":" + std::to_string(b.col) + "-" + std::to_string(e.col - 1) +
           "\t" + clean->substr(m.begin, m.end - m.begin) + "\t" + t.ko + "\t" + t.en + "\n";
  }
  return Emit(out);
}

int RunLint(const GlossaryOptions& opt) {
  Result<std::string> text = ReadFile(opt.glossary);
  if (!text.ok()) return Fail(text.status());
  Glossary g;
  std::vector<GlossaryFinding> findings = LintGlossaryText(*text, opt.glossary, &g);
  Result<std::vector<CorpusText>> corpus = LoadCorpus(opt.translations);
  if (corpus.ok()) {
    std::vector<GlossaryFinding> unused = FindUnusedTerms(g, *corpus);
    findings.insert(findings.end(), unused.begin(), unused.end());
  } else {
    // The glossary can still be checked; only the unused-term check needs documents.
    findings.push_back(GlossaryFinding{corpus.status().location(), Severity::kWarning,
                                       corpus.status().message() + "; unused terms not checked"});
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const GlossaryFinding& a, const GlossaryFinding& b) {
                     return a.where.line < b.where.line;
                   });
  int errors = 0;
  int warnings = 0;
  std::string out;
  for (const GlossaryFinding& f : findings) {
    (f.severity == Severity::kError ? errors : warnings)++;
    out += f.ToString() + "\n";
  }
  out += opt.glossary + ": " + std::to_string(g.terms.size()) + " terms, " +
         std::to_string(errors) + " errors, " + std::to_string(warnings) + " warnings\n";
  std::cerr << out;
  return errors > 0 ? 1 : 0;
}

int RunCandidates(const GlossaryOptions& opt) {
  Result<Glossary> g = LoadGlossary(opt.glossary);
  if (!g.ok()) return Fail(g.status());
  Result<std::vector<CorpusText>> corpus = LoadCorpus(opt.translations);
  if (!corpus.ok()) return Fail(corpus.status());
  std::string out;
  for (const Candidate& c : FindCandidates(*g, *corpus)) {
    std::string reasons;
    for (const std::string& r : c.reasons) reasons += (reasons.empty() ? "" : ",") + r;
    out +=
        std::to_string(c.count) + "\t" + c.text + "\t" + reasons + "\t" + c.first.ToString() + "\n";
  }
  return Emit(out);
}

int RunExport(const GlossaryOptions& opt) {
  Result<Glossary> g = LoadGlossary(opt.glossary);
  if (!g.ok()) return Fail(g.status());
  if (opt.format == "omegat") return Emit(ExportOmegaT(*g));
  if (opt.format == "tbx") return Emit(ExportTbx(*g));
  return Emit(ExportCsv(*g));
}

const std::vector<std::string> kKinds = {"person", "org",   "place", "product",
                                         "event",  "title", "term"};

}  // namespace

void RegisterGlossary(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<GlossaryOptions>();
  auto* cmd = app.add_subcommand("glossary", "Keep the glossary of names and terms");
  cmd->add_option("--glossary", opt->glossary, "Glossary file (default glossary/terms.tsv)");
  cmd->require_subcommand(1);
  cmd->fallthrough();

  auto* list = cmd->add_subcommand("list", "Print the rows (TSV with header), sorted by ko");
  list->add_option("--kind", opt->kind, "Only this kind")->check(CLI::IsMember(kKinds));
  list->callback([opt, exit_code] { *exit_code = RunList(*opt); });

  auto* add = cmd->add_subcommand(
      "add", "Add a term (refuses Korean that already means something); keeps the file sorted");
  add->add_option("KO", opt->ko, "Korean form")->required();
  add->add_option("EN", opt->en, "English to use")->required();
  auto* kind = add->add_option("--kind", opt->kind,
                               "person|org|place|product|event|title|term "
                               "(default term)")
                   ->check(CLI::IsMember(kKinds));
  add->add_option("--variant", opt->variants, "Another Korean spelling (repeatable)");
  add->add_option("--note", opt->note, "Note for translators");
  add->callback([opt, exit_code, kind] { *exit_code = RunAdd(*opt, kind->count() > 0); });

  auto* lookup =
      cmd->add_subcommand("lookup", "Print the glossary matches in a text with positions");
  lookup->add_option("TEXT", opt->text, "Korean text");
  lookup->add_option("--file", opt->file, "Read the text from a file");
  lookup->callback([opt, exit_code] { *exit_code = RunLookup(*opt); });

  auto* lint = cmd->add_subcommand(
      "lint", "Check the glossary: malformed rows, duplicates, conflicts, unused terms");
  lint->add_option("--translations", opt->translations,
                   "Folder of documents to scan for unused terms (default translations)");
  lint->callback([opt, exit_code] { *exit_code = RunLint(*opt); });

  auto* candidates = cmd->add_subcommand(
      "candidates", "List likely terms in the documents that the glossary lacks, with counts");
  candidates->add_option("--translations", opt->translations,
                         "Folder of documents to scan (default translations)");
  candidates->callback([opt, exit_code] { *exit_code = RunCandidates(*opt); });

  auto* exp = cmd->add_subcommand("export", "Write the glossary as OmegaT, TBX or CSV to stdout");
  exp->add_option("--format", opt->format, "omegat, tbx or csv")
      ->required()
      ->check(CLI::IsMember({"omegat", "tbx", "csv"}));
  exp->callback([opt, exit_code] { *exit_code = RunExport(*opt); });
}

}  // namespace bitext::cli
