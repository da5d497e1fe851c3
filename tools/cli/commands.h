// The bitext command line: one file per subcommand, each registering itself
// on the CLI11 app with its own options struct. A subcommand's callback
// stores the process exit code in *exit_code: 0 ok, 1 findings or errors,
// 2 usage. Library errors are printed as "FILE:LINE:COL: message".
#ifndef BITEXT_CLI_COMMANDS_H_
#define BITEXT_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace bitext::cli {

void RegisterSegment(CLI::App& app, int* exit_code);
void RegisterUpdate(CLI::App& app, int* exit_code);
void RegisterStatus(CLI::App& app, int* exit_code);
void RegisterBuild(CLI::App& app, int* exit_code);
void RegisterCheck(CLI::App& app, int* exit_code);
void RegisterGlossary(CLI::App& app, int* exit_code);

}  // namespace bitext::cli

#endif  // BITEXT_CLI_COMMANDS_H_
