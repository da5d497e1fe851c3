// Reading and writing whole files.
//
// Every file bitext writes goes through WriteFileAtomic: the bytes are written
// to a temporary file in the destination folder, flushed, and renamed over the
// destination, so a reader sees either the old file or the new one, never a
// partial one. On failure the temporary file is removed and the destination is
// left as it was.
#ifndef BITEXT_FILE_IO_H_
#define BITEXT_FILE_IO_H_

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace bitext {

// Largest file ReadFile reads: bitext reads text, and a device such as
// /dev/zero must not exhaust memory.
constexpr uint64_t kMaxReadBytes = uint64_t{256} << 20;

// The bytes of `path`. NotFound if it does not exist, IoError if it cannot be
// read (a directory, no permission, over kMaxReadBytes); the Status names the
// file.
Result<std::string> ReadFile(const std::string& path);

// Opens `path` for reading and returns its descriptor, which the caller
// closes, with its fstat in *st if `st` is not null. NotFound if it does not
// exist; IoError naming the file if it cannot be opened or is not a regular
// file (a folder, a device, a FIFO: opened with O_NONBLOCK, so never waited
// on). ReadFile, ScanPo and DocumentReader open what they read through it.
Result<int> OpenRegularFile(const std::string& path, struct stat* st);

// Replaces `path` with `content` atomically (temp file + rename). Creates no
// folders: the parent must exist. IoError naming the file on failure.
Status WriteFileAtomic(const std::string& path, std::string_view content);

// Writes several files so that either all of them are replaced or, on an
// error, none is: every temporary file is written first, then all are renamed;
// if a rename fails, the files already replaced are restored from hard links
// taken before (and files that did not exist are removed again).
Status WriteFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files);

// WriteFilesAtomic one file at a time, so that a caller producing many large
// files holds only one in memory:
//
//   AtomicFileSet set;
//   for (...) BITEXT_RETURN_IF_ERROR(set.Add(path, MakeContent()));  // content freed after
//   BITEXT_RETURN_IF_ERROR(set.Commit());
//
// Add writes the content to a temporary file beside `path` at once (and
// flushes it); no destination changes before Commit. Commit renames every
// temporary file over its destination, all or none, as WriteFilesAtomic does.
// A failed Add leaves no temporary file for that path; the set may still be
// committed with the files added before it, or dropped. A set destroyed (or
// Abort-ed) without a successful Commit removes all its temporary files, so
// the destinations stay as they were.
class AtomicFileSet {
 public:
  AtomicFileSet() = default;
  ~AtomicFileSet();
  AtomicFileSet(const AtomicFileSet&) = delete;
  AtomicFileSet& operator=(const AtomicFileSet&) = delete;

  // IoError naming `path` if its temporary file cannot be written.
  Status Add(const std::string& path, std::string_view content);

  // Add in pieces, for content too large to hold whole, and for several
  // files at once (a build streams all its outputs side by side): Open
  // creates the temporary file of `path` and returns a handle; Append writes
  // to it; Close flushes and closes it and adds it to the set. After a failed
  // Append the rest is ignored and Close reports that error; a failed Close
  // (or a set dropped before Close) leaves no temporary file. A handle is
  // never reused. Files join the set in the order they are closed; Commit
  // closes (and adds) any still open, in the order they were opened. Add is
  // Open, Append and Close in one call. Appends to different open files may
  // run on different threads at once; every other call must run alone.
  Result<int> Open(const std::string& path);
  Status Append(int file, std::string_view bytes);
  Status Close(int file);
  // IoError naming the destination that could not be replaced (or the open
  // file that could not be flushed or closed); the set is empty afterwards
  // either way.
  Status Commit();
  // Removes the temporary files, and the folders CreateFolder made (those
  // left empty); the set is empty afterwards.
  void Abort();
  // Creates the folder `path` with its missing parents, for files still to
  // be opened. The folders it made belong to the set: Commit keeps them;
  // Abort, a failed Commit or a set dropped without Commit removes those
  // left empty, deepest first, so that a write that fails leaves no new
  // folder behind. A folder that exists is left as it is (asking again is
  // one stat). IoError naming `path` if it cannot be made.
  Status CreateFolder(const std::string& path);
  // Files added and not yet committed or aborted.
  size_t size() const { return paths_.size(); }

 private:
  std::vector<std::string> paths_;  // destinations
  std::vector<std::string> temps_;  // their temporary files
  // Files opened (fd -1 once closed; kept so that a handle, an index, is
  // never reused).
  struct OpenFile {
    int fd = -1;
    std::string path, temp;
    Status status;
  };
  std::vector<OpenFile> open_;
  // The file of handle `file` while it is open, else null.
  OpenFile* FindOpen(int file);
  std::vector<std::string> made_folders_;  // by CreateFolder, deepest first
  // Removes made_folders_ where empty, and forgets them.
  void RemoveMadeFolders();
};

// Reads up to `len` bytes at `offset` of the open file `fd` (pread, retried
// until done): the number read, fewer only at the end of the file. IoError
// naming `path` if reading fails.
Result<size_t> ReadAt(int fd, uint64_t offset, char* buf, size_t len, const std::string& path);

// The system's text for the error number `err` (strerror; safe on any
// thread).
std::string ErrnoText(int err);

bool FileExists(const std::string& path);
bool IsDirectory(const std::string& path);

}  // namespace bitext

#endif  // BITEXT_FILE_IO_H_
