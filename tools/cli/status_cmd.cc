// bitext status: placeholder until its issue lands.
#include <iostream>

#include "commands.h"

namespace bitext::cli {

void RegisterStatus(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("status", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] {
    std::cerr << "bitext status: not implemented yet\n";
    *exit_code = 1;
  });
}

}  // namespace bitext::cli
