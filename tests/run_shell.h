// Running commands from the CLI tests: a shell command line in a folder,
// with its exit code and both output streams captured.
//
//   RunResult r = RunShell(dir, BitextCommand() + " update doc");
//   CHECK(r.code == 0);
//   INFO(r.err);
//
// The streams go through files in the test process's scratch folder
// (temp_dir.h), never through a pipe, so a command that fills stderr cannot
// block on it. Standard input is /dev/null.
#ifndef BITEXT_TESTS_RUN_SHELL_H_
#define BITEXT_TESTS_RUN_SHELL_H_

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "temp_dir.h"

struct RunResult {
  // The exit status; 128 + the signal's number if a signal ended the
  // command (as the shell reports it); -1 if no shell could be started.
  int code = -1;
  std::string out;
  std::string err;
};

// `s` in single quotes for the shell, with any single quote in it kept.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs `command` (shell text, run by sh in a subshell) in folder `cwd`.
inline RunResult RunShell(const std::string& cwd, const std::string& command) {
  static int counter = 0;
  std::string base = FreshTempPath("run.", std::to_string(counter++));
  std::string line = "cd " + ShellQuote(cwd) + " && (" + command + ") >" +
                     ShellQuote(base + ".out") + " 2>" + ShellQuote(base + ".err") + " </dev/null";
  int status = std::system(line.c_str());
  RunResult r;
  if (status != -1) {
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  r.out = ReadBytes(base + ".out");
  r.err = ReadBytes(base + ".err");
  std::error_code ec;
  std::filesystem::remove(base + ".out", ec);
  std::filesystem::remove(base + ".err", ec);
  return r;
}

// The bitext binary under test, quoted for a command line.
inline std::string BitextCommand() { return ShellQuote(BITEXT_BINARY); }

// Whether the shell finds the program `name` (xmllint, msgfmt, ...).
inline bool HaveTool(const std::string& name) {
  return std::system(("command -v " + ShellQuote(name) + " >/dev/null 2>&1").c_str()) == 0;
}

// The Python that has the Debian modules (python3-srt): the system's, not
// a virtual environment's first on the PATH.
inline std::string Python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

#endif  // BITEXT_TESTS_RUN_SHELL_H_
