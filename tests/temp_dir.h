// Scratch folders for tests that write files: a path unique to the test
// process, and what a folder holds.
#ifndef BITEXT_TESTS_TEMP_DIR_H_
#define BITEXT_TESTS_TEMP_DIR_H_

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

// "<system temp>/<prefix><pid>_<name>", removed if it exists (not created).
inline std::string FreshTempPath(const std::string& prefix, const std::string& name) {
  std::filesystem::path p =
      std::filesystem::temp_directory_path() / (prefix + std::to_string(getpid()) + "_" + name);
  std::filesystem::remove_all(p);
  return p.string();
}

// The names in folder `dir`, sorted; none if it is not a folder.
inline std::vector<std::string> Listing(const std::string& dir) {
  std::vector<std::string> names;
  if (!std::filesystem::is_directory(dir)) return names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

#endif  // BITEXT_TESTS_TEMP_DIR_H_
