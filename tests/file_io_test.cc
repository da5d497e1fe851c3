// file_io.h: what ReadFile and OpenRegularFile refuse; AtomicFileSet: files
// added one at a time, replaced all together on Commit, none replaced (and
// no temporary file left) otherwise.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "file_io.h"
#include "po_store.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using bitext::AtomicFileSet;
using bitext::FileExists;
using bitext::ReadFile;
using bitext::WriteFileAtomic;

namespace {

// A new empty folder.
std::string Scratch(const std::string& name) {
  std::string p = FreshTempPath("bitext_file_io_", name);
  fs::create_directories(p);
  return p;
}

}  // namespace

TEST_CASE("OpenRegularFile, ReadFile and ScanPo refuse what is not a regular file", "[file_io]") {
  std::string dir = Scratch("open");
  REQUIRE(WriteFileAtomic(dir + "/file.po", "msgid \"a\"\nmsgstr \"b\"\n").ok());
  fs::create_directories(dir + "/folder");
  REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0600) == 0);
  struct Row {
    std::string path;
    std::string error;  // Status::ToString(); "" for none
  };
  const Row rows[] = {
      {dir + "/file.po", ""},
      {dir + "/missing", dir + "/missing: no such file"},
      {dir + "/folder", dir + "/folder: is a directory, not a file"},
      {dir + "/fifo", dir + "/fifo: not a regular file"},  // must not block
      {"/dev/null", "/dev/null: not a regular file"},
  };
  for (const Row& r : rows) {
    INFO(r.path);
    struct stat st = {};
    bitext::Result<int> fd = bitext::OpenRegularFile(r.path, &st);
    bitext::Result<std::string> bytes = ReadFile(r.path);
    auto scanned = bitext::ScanPo(
        r.path, [](bitext::PoEntry&&, bitext::PoSpan) { return bitext::Status::Ok(); });
    if (r.error.empty()) {
      REQUIRE(fd.ok());
      CHECK(st.st_size == 21);
      CHECK(::close(*fd) == 0);
      REQUIRE(bytes.ok());
      CHECK(bytes->size() == 21);
      CHECK(scanned.ok());
    } else {
      REQUIRE(!fd.ok());
      CHECK(fd.status().ToString() == r.error);
      CHECK((fd.status().code() == bitext::Status::Code::kNotFound) ==
            (r.path == dir + "/missing"));
      REQUIRE(!bytes.ok());
      CHECK(bytes.status().ToString() == r.error);
      REQUIRE(!scanned.ok());
      CHECK(scanned.status().ToString() == r.error);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("AtomicFileSet replaces all files on Commit and none otherwise", "[file_io]") {
  struct Case {
    const char* name;
    std::vector<std::pair<std::string, std::string>> before;  // existing files
    std::vector<std::pair<std::string, std::string>> added;
    enum { kCommit, kAbort, kDestroy } end;
    std::vector<std::pair<std::string, std::string>> after;  // the folder afterwards
  };
  const std::vector<Case> cases = {
      {"commit into an empty folder",
       {},
       {{"a.txt", "alpha"}, {"b.txt", "beta"}},
       Case::kCommit,
       {{"a.txt", "alpha"}, {"b.txt", "beta"}}},
      {"commit replaces existing files and keeps others",
       {{"a.txt", "old a"}, {"c.txt", "other"}},
       {{"a.txt", "new a"}, {"b.txt", ""}},
       Case::kCommit,
       {{"a.txt", "new a"}, {"b.txt", ""}, {"c.txt", "other"}}},
      {"abort leaves the folder as it was",
       {{"a.txt", "old a"}},
       {{"a.txt", "new a"}, {"b.txt", "beta"}},
       Case::kAbort,
       {{"a.txt", "old a"}}},
      {"destroying without commit leaves the folder as it was",
       {{"a.txt", "old a"}},
       {{"a.txt", "new a"}, {"b.txt", "beta"}},
       Case::kDestroy,
       {{"a.txt", "old a"}}},
      {"commit of nothing changes nothing",
       {{"a.txt", "old a"}},
       {},
       Case::kCommit,
       {{"a.txt", "old a"}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string dir = Scratch("set");
    for (const auto& [name, content] : c.before)
      REQUIRE(WriteFileAtomic(dir + "/" + name, content).ok());
    {
      AtomicFileSet set;
      for (const auto& [name, content] : c.added) REQUIRE(set.Add(dir + "/" + name, content).ok());
      CHECK(set.size() == c.added.size());
      // Nothing is replaced before Commit.
      for (const auto& [name, content] : c.before) CHECK(*ReadFile(dir + "/" + name) == content);
      if (c.end == Case::kCommit) CHECK(set.Commit().ok());
      if (c.end == Case::kAbort) set.Abort();
      if (c.end != Case::kDestroy) CHECK(set.size() == 0);
    }
    std::vector<std::string> names;
    for (const auto& [name, content] : c.after) {
      names.push_back(name);
      CHECK(*ReadFile(dir + "/" + name) == content);
    }
    CHECK(Listing(dir) == names);  // no temporary file left behind
    fs::remove_all(dir);
  }
}

TEST_CASE("AtomicFileSet reports a file it cannot write and keeps the others", "[file_io]") {
  struct Case {
    const char* name;
    const char* bad;  // path under the folder that cannot be written
  };
  const Case cases[] = {
      {"missing parent folder", "no-such-folder/x.txt"},
      {"destination is a folder", "sub"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string dir = Scratch("bad");
    fs::create_directories(dir + "/sub");
    AtomicFileSet set;
    REQUIRE(set.Add(dir + "/a.txt", "alpha").ok());
    bitext::Status s = set.Add(dir + "/" + c.bad, "x");
    CHECK(!s.ok());
    CHECK(s.ToString().find(c.bad) != std::string::npos);
    CHECK(set.size() == 1);
    REQUIRE(set.Commit().ok());
    CHECK(*ReadFile(dir + "/a.txt") == "alpha");
    CHECK(Listing(dir) == std::vector<std::string>{"a.txt", "sub"});
    fs::remove_all(dir);
  }
}

TEST_CASE("AtomicFileSet writes files side by side, all or none", "[file_io]") {
  enum End { kCommitClosed, kCommitOpen, kAbortOpen, kDestroyOpen };
  for (End end : {kCommitClosed, kCommitOpen, kAbortOpen, kDestroyOpen}) {
    INFO("end " << end);
    std::string dir = Scratch("side");
    REQUIRE(WriteFileAtomic(dir + "/a.txt", "old a").ok());
    {
      AtomicFileSet set;
      bitext::Result<int> a = set.Open(dir + "/a.txt");
      bitext::Result<int> b = set.Open(dir + "/b.txt");
      bitext::Result<int> c = set.Open(dir + "/c.txt");
      REQUIRE((a.ok() && b.ok() && c.ok()));
      // Interleaved pieces.
      for (int piece = 0; piece < 3; ++piece) {
        for (auto [h, name] : {std::pair{*a, "a"}, std::pair{*b, "b"}, std::pair{*c, "c"}}) {
          REQUIRE(set.Append(h, std::string(name) + std::to_string(piece) + ";").ok());
        }
      }
      CHECK(*ReadFile(dir + "/a.txt") == "old a");  // nothing replaced yet
      if (end == kCommitClosed) {
        CHECK(set.Close(*c).ok());
        CHECK(set.Close(*a).ok());
        CHECK(set.Close(*b).ok());
        CHECK(set.size() == 3);
        CHECK(!set.Append(*a, "late").ok());  // closed: no longer a handle
      }
      if (end == kCommitClosed || end == kCommitOpen) REQUIRE(set.Commit().ok());
      if (end == kAbortOpen) set.Abort();
    }
    if (end == kCommitClosed || end == kCommitOpen) {
      CHECK(*ReadFile(dir + "/a.txt") == "a0;a1;a2;");
      CHECK(*ReadFile(dir + "/b.txt") == "b0;b1;b2;");
      CHECK(*ReadFile(dir + "/c.txt") == "c0;c1;c2;");
      CHECK(Listing(dir) == std::vector<std::string>{"a.txt", "b.txt", "c.txt"});
    } else {
      CHECK(*ReadFile(dir + "/a.txt") == "old a");
      CHECK(Listing(dir) == std::vector<std::string>{"a.txt"});  // no temporary file left
    }
    fs::remove_all(dir);
  }
}

TEST_CASE("AtomicFileSet::CreateFolder: its folders stay with a Commit and go without one",
          "[file_io]") {
  struct Case {
    const char* name;
    bool existing;  // a/ exists before (b/c/ do not)
    bool add_file;  // a file is added in a/b/c
    bool stranger;  // something else puts a file in a/b before the end
    enum { kCommit, kAbort, kDestroy } end;
    std::vector<std::string> left;  // what the root holds afterwards (a/..., one level each)
  };
  const Case cases[] = {
      {"commit keeps folders and file", false, true, false, Case::kCommit, {"a", "b", "c"}},
      {"commit with no file keeps the folders",
       false,
       false,
       false,
       Case::kCommit,
       {"a", "b", "c"}},
      {"abort removes every folder made", false, true, false, Case::kAbort, {}},
      {"a set dropped removes them too", false, true, false, Case::kDestroy, {}},
      {"a folder that existed stays", true, true, false, Case::kAbort, {"a"}},
      {"a folder someone else filled stays", false, true, true, Case::kAbort, {"a", "b"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string root = Scratch("folders");
    if (c.existing) fs::create_directories(root + "/a");
    {
      AtomicFileSet set;
      REQUIRE(set.CreateFolder(root + "/a/b/c").ok());
      REQUIRE(set.CreateFolder(root + "/a/b/c").ok());  // again: nothing new
      if (c.add_file) REQUIRE(set.Add(root + "/a/b/c/out.txt", "x").ok());
      if (c.stranger) REQUIRE(WriteFileAtomic(root + "/a/b/other.txt", "y").ok());
      if (c.end == Case::kCommit) REQUIRE(set.Commit().ok());
      if (c.end == Case::kAbort) set.Abort();
    }
    std::vector<std::string> left;
    for (std::string dir = root; !Listing(dir).empty();) {
      std::vector<std::string> names = Listing(dir);
      auto sub = std::find_if(names.begin(), names.end(), [&](const std::string& n) {
        return fs::is_directory(dir + "/" + n);
      });
      if (sub == names.end()) break;
      left.push_back(*sub);
      dir += "/" + *sub;
    }
    CHECK(left == c.left);
    if (c.end == Case::kCommit && c.add_file) CHECK(FileExists(root + "/a/b/c/out.txt"));
    if (c.stranger) CHECK(FileExists(root + "/a/b/other.txt"));
    fs::remove_all(root);
  }
}

TEST_CASE("AtomicFileSet::CreateFolder names the folder it cannot make and leaves none",
          "[file_io]") {
  const std::string root = Scratch("blocked");
  REQUIRE(WriteFileAtomic(root + "/file", "x").ok());
  AtomicFileSet set;
  bitext::Status s = set.CreateFolder(root + "/file/sub/deeper");
  CHECK(s.code() == bitext::Status::Code::kIoError);
  CHECK(s.ToString().find(root + "/file/sub/deeper: cannot create output folder") == 0);
  CHECK(Listing(root) == std::vector<std::string>{"file"});
  fs::remove_all(root);
}
