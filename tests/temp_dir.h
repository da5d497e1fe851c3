// Scratch folders and files for tests: a fresh folder removed afterwards, a
// path unique to the test process, what a folder holds, and whole files read
// and written.
#ifndef BITEXT_TESTS_TEMP_DIR_H_
#define BITEXT_TESTS_TEMP_DIR_H_

#include <stdlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

// A fresh empty folder under the system temp folder, named
// "<prefix>XXXXXX" (mkdtemp), removed with all it holds when the object
// goes, however the test ends. Throws std::system_error if it cannot be
// made.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "bitext-test-") {
    std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + tmpl);
    }
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + rel.
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

// "<scratch>/<prefix><name>", removed if it exists (not created). The
// scratch folder is the test process's own TempDir: whatever a test leaves
// there, a failed one too, goes when the process exits.
inline std::string FreshTempPath(const std::string& prefix, const std::string& name) {
  static const TempDir scratch("bitext-tests-");
  std::filesystem::path p = scratch / (prefix + name);
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

// The whole file at `path`, or "" if it cannot be read.
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `bytes` to `path`, replacing what it held, after making its folder
// (and the folders above) if need be.
inline void WriteBytes(const std::string& path, const std::string& bytes) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
  REQUIRE(f.good());
}

#endif  // BITEXT_TESTS_TEMP_DIR_H_
