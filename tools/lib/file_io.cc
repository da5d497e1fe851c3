#include "file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

namespace bitext {
namespace {

// strerror_r's result: the GNU version returns the text, the XSI one fills
// the buffer.
[[maybe_unused]] std::string StrerrorText(const char* text, const char*) { return text; }
[[maybe_unused]] std::string StrerrorText(int, const char* buf) { return buf; }

}  // namespace

std::string ErrnoText(int err) {
  char buf[256] = "";
  return StrerrorText(strerror_r(err, buf, sizeof buf), buf);
}

namespace {

// Names of temporary files: unique within the process (and, by the pid,
// across processes).
std::string TempName(const std::string& path, const char* suffix) {
  static std::atomic<unsigned> counter{0};
  return path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++) + suffix;
}

Status WriteAll(int fd, std::string_view content, const std::string& path) {
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError({path}, "cannot write: " + ErrnoText(errno));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

// Creates a fresh temporary file beside `path`; its name goes to *tmp_path,
// its descriptor to *fd.
Status OpenTemp(const std::string& path, std::string* tmp_path, int* fd) {
  mode_t mode = 0644;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::IoError({path}, "is a directory");
    mode = st.st_mode & 07777;
  }
  *fd = -1;
  for (int attempt = 0; attempt < 100 && *fd < 0; ++attempt) {
    *tmp_path = TempName(path, "");
    *fd = ::open(tmp_path->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (*fd < 0 && errno != EEXIST) {
      return Status::IoError({path}, "cannot create temporary file: " + ErrnoText(errno));
    }
  }
  if (*fd < 0) return Status::IoError({path}, "cannot create temporary file");
  return Status::Ok();
}

// Flushes and closes the temporary file `fd` after writing with status `s`;
// on failure it is removed.
Status CloseTemp(const std::string& path, const std::string& tmp_path, int fd, Status s) {
  if (s.ok() && ::fsync(fd) != 0) s = Status::IoError({path}, "cannot flush: " + ErrnoText(errno));
  if (::close(fd) != 0 && s.ok()) s = Status::IoError({path}, "cannot close: " + ErrnoText(errno));
  if (!s.ok()) ::unlink(tmp_path.c_str());
  return s;
}

}  // namespace

Result<int> OpenRegularFile(const std::string& path, struct stat* st) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound({path}, "no such file");
    return Status::IoError({path}, "cannot open: " + ErrnoText(errno));
  }
  struct stat own;
  if (st == nullptr) st = &own;
  Status s;
  if (::fstat(fd, st) != 0) {
    s = Status::IoError({path}, "cannot read: " + ErrnoText(errno));
  } else if (S_ISDIR(st->st_mode)) {
    s = Status::IoError({path}, "is a directory, not a file");
  } else if (!S_ISREG(st->st_mode)) {
    // Devices, FIFOs and sockets may never end (/dev/zero) or block.
    s = Status::IoError({path}, "not a regular file");
  }
  if (!s.ok()) {
    ::close(fd);
    return s;
  }
  return fd;
}

Result<std::string> ReadFile(const std::string& path) {
  struct stat st;
  Result<int> fd = OpenRegularFile(path, &st);
  if (!fd.ok()) return fd.status();
  const std::string too_large =
      "too large (over " + std::to_string(kMaxReadBytes >> 20) + " MiB); expected a text file";
  if (static_cast<uint64_t>(st.st_size) > kMaxReadBytes) {
    ::close(*fd);
    return Status::IoError({path}, too_large);
  }
  std::FILE* f = ::fdopen(*fd, "rb");
  if (f == nullptr) {
    const int err = errno;
    ::close(*fd);
    return Status::IoError({path}, "cannot open: " + ErrnoText(err));
  }
  std::string out;
  if (st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  size_t n;
  bool over = false;
  // A file that grows while it is read stops at the limit too.
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > kMaxReadBytes) {
      over = true;
      break;
    }
    out.append(buf, n);
  }
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (over) return Status::IoError({path}, too_large);
  if (failed) return Status::IoError({path}, "cannot read");
  return out;
}

Status WriteFileAtomic(const std::string& path, std::string_view content) {
  AtomicFileSet set;
  BITEXT_RETURN_IF_ERROR(set.Add(path, content));
  return set.Commit();
}

Status WriteFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files) {
  AtomicFileSet set;
  for (const auto& [path, content] : files) BITEXT_RETURN_IF_ERROR(set.Add(path, content));
  return set.Commit();
}

AtomicFileSet::~AtomicFileSet() { Abort(); }

Result<int> AtomicFileSet::Open(const std::string& path) {
  OpenFile f;
  BITEXT_RETURN_IF_ERROR(OpenTemp(path, &f.temp, &f.fd));
  f.path = path;
  open_.push_back(std::move(f));
  return static_cast<int>(open_.size() - 1);
}

AtomicFileSet::OpenFile* AtomicFileSet::FindOpen(int file) {
  if (file < 0 || static_cast<size_t>(file) >= open_.size() || open_[file].fd < 0) return nullptr;
  return &open_[file];
}

Status AtomicFileSet::Append(int file, std::string_view bytes) {
  OpenFile* open = FindOpen(file);
  if (open == nullptr) return Status::IoError({}, "no such open file");
  OpenFile& f = *open;
  if (f.status.ok()) f.status = WriteAll(f.fd, bytes, f.path);
  return f.status;
}

Status AtomicFileSet::Close(int file) {
  OpenFile* open = FindOpen(file);
  if (open == nullptr) return Status::IoError({}, "no such open file");
  OpenFile& f = *open;
  Status s = CloseTemp(f.path, f.temp, f.fd, f.status);
  f.fd = -1;
  if (s.ok()) {
    paths_.push_back(std::move(f.path));
    temps_.push_back(std::move(f.temp));
  }
  f.path.clear();
  f.temp.clear();
  return s;  // the handle is never given out again
}

Status AtomicFileSet::Add(const std::string& path, std::string_view content) {
  Result<int> file = Open(path);
  if (!file.ok()) return file.status();
  (void)Append(*file, content);  // a write error is kept and reported by Close
  return Close(*file);
}

void AtomicFileSet::Abort() {
  for (OpenFile& f : open_) {
    if (f.fd < 0) continue;
    ::close(f.fd);
    ::unlink(f.temp.c_str());
  }
  open_.clear();
  for (const std::string& t : temps_) ::unlink(t.c_str());
  paths_.clear();
  temps_.clear();
  RemoveMadeFolders();
}

void AtomicFileSet::RemoveMadeFolders() {
  // rmdir leaves a folder that is not empty (something else was put there).
  for (const std::string& d : made_folders_) ::rmdir(d.c_str());
  made_folders_.clear();
}

Status AtomicFileSet::CreateFolder(const std::string& path) {
  if (IsDirectory(path)) return Status::Ok();
  std::error_code ec;
  std::vector<std::string> missing;  // deepest first
  for (std::filesystem::path p = path; !p.empty() && !std::filesystem::exists(p, ec);
       p = p.parent_path()) {
    missing.push_back(p.string());
    if (p == p.parent_path()) break;
  }
  std::filesystem::create_directories(path, ec);
  // Whatever was made belongs to the set, even if a deeper level failed.
  for (const std::string& m : missing) {
    if (IsDirectory(m)) made_folders_.push_back(m);
  }
  if (ec || !IsDirectory(path)) {
    return Status::IoError(
        {path}, "cannot create output folder" + (ec ? ": " + ec.message() : std::string()));
  }
  return Status::Ok();
}

Status AtomicFileSet::Commit() {
  for (size_t i = 0; i < open_.size(); ++i) {
    if (open_[i].fd < 0) continue;
    Status s = Close(static_cast<int>(i));
    if (!s.ok()) {
      Abort();
      return s;
    }
  }
  const std::vector<std::string> files = std::move(paths_);
  const std::vector<std::string> temps = std::move(temps_);
  paths_.clear();
  temps_.clear();
  // Keep a hard link to every destination that exists, so that if a later
  // rename fails the files already replaced can be put back.
  std::vector<std::string> backups(files.size());
  std::vector<bool> existed(files.size(), false);
  for (size_t i = 0; i < files.size(); ++i) {
    struct stat st;
    if (::lstat(files[i].c_str(), &st) != 0) continue;
    existed[i] = true;
    std::string backup = TempName(files[i], ".old");
    if (::link(files[i].c_str(), backup.c_str()) == 0) backups[i] = backup;
  }
  auto drop_backups = [&backups] {
    for (const std::string& b : backups)
      if (!b.empty()) ::unlink(b.c_str());
  };
  for (size_t i = 0; i < files.size(); ++i) {
    if (::rename(temps[i].c_str(), files[i].c_str()) != 0) {
      int err = errno;
      for (size_t j = i; j < temps.size(); ++j) ::unlink(temps[j].c_str());
      // Undo the renames done so far: old files back, new files away.
      for (size_t j = 0; j < i; ++j) {
        if (!backups[j].empty()) {
          if (::rename(backups[j].c_str(), files[j].c_str()) == 0) backups[j].clear();
        } else if (!existed[j]) {
          ::unlink(files[j].c_str());
        }
      }
      drop_backups();
      RemoveMadeFolders();
      return Status::IoError({files[i]}, "cannot replace file: " + ErrnoText(err));
    }
  }
  drop_backups();
  made_folders_.clear();  // the files are in them now
  return Status::Ok();
}

Result<size_t> ReadAt(int fd, uint64_t offset, char* buf, size_t len, const std::string& path) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = ::pread(fd, buf + done, len - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError({path}, "cannot read: " + ErrnoText(errno));
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace bitext
