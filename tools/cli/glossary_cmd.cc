// bitext glossary: placeholder until its issue lands.
#include <iostream>

#include "commands.h"

namespace bitext::cli {

void RegisterGlossary(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("glossary", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] {
    std::cerr << "bitext glossary: not implemented yet\n";
    *exit_code = 1;
  });
}

}  // namespace bitext::cli
