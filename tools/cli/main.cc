// bitext: Korean->English bilingual packaging. See README.md.
#include <exception>
#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "bitext: segment Korean text, merge curated English (PO), check it against a "
      "glossary, and emit TMX, SRT/WebVTT and Markdown"};
  app.set_version_flag("--version", std::string("bitext ") + BITEXT_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  bitext::cli::RegisterSegment(app, &exit_code);
  bitext::cli::RegisterUpdate(app, &exit_code);
  bitext::cli::RegisterStatus(app, &exit_code);
  bitext::cli::RegisterBuild(app, &exit_code);
  bitext::cli::RegisterCheck(app, &exit_code);
  bitext::cli::RegisterGlossary(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // --help/--version exit 0; usage errors exit 2
  } catch (const std::exception& e) {
    std::cerr << "bitext: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}
