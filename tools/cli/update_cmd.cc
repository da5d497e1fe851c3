// bitext update [DOC_DIR...] [--dry-run|--check]: re-segments each document's
// Korean source and merges it into its en.po (see po_merge.h). Without
// arguments: every document under translations/.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "document.h"
#include "file_io.h"
#include "po_merge.h"

namespace bitext::cli {
namespace {

struct UpdateOptions {
  std::vector<std::string> docs;
  bool dry_run = false;
  bool check = false;
};

int RunUpdate(const UpdateOptions& opt) {
  int rc = 0;
  Result<std::vector<std::string>> docs = ResolveDocuments(opt.docs, "translations");
  if (!docs.ok()) {
    std::cerr << docs.status().ToString() << "\n";
    return 1;
  }
  for (const std::string& dir : *docs) {
    Result<UpdateResult> r = UpdateDocument(dir, opt.dry_run || opt.check);
    if (!r.ok()) {
      std::cerr << r.status().ToString() << "\n";
      rc = 1;
      continue;
    }
    std::cout << r->Summary() << "\n";
    if (opt.check && r->changed) rc = 1;
  }
  std::cout.flush();
  return rc;
}

}  // namespace

void RegisterUpdate(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<UpdateOptions>();
  auto* cmd = app.add_subcommand(
      "update", "Merge a document's re-segmented Korean source into its en.po (no English lost)");
  cmd->add_option("DOC_DIR", opt->docs,
                  "document folder(s) holding ko.txt or ko.srt (a bare name means "
                  "translations/NAME; default: every document under translations/)");
  cmd->add_flag("--dry-run", opt->dry_run, "report what would change; write nothing");
  cmd->add_flag("--check", opt->check,
                "write nothing; exit 1 if an en.po is not up to date with its source");
  cmd->callback([opt, exit_code] { *exit_code = RunUpdate(*opt); });
}

}  // namespace bitext::cli
