// Status and Result<T>: how every bitext library function reports failure.
//
// The library never throws. A function that can fail returns a Status (or a
// Result<T> holding either a value or a Status). A failed Status carries the
// Location it is about -- the file, and where known the 1-based line and
// column -- and a message; ToString() renders it as "FILE:LINE:COL: message",
// the form editors and compilers use, so a user can jump to the spot.
//
//   bitext::Result<std::string> text = bitext::ReadFile(path);
//   if (!text.ok()) { std::cerr << text.status().ToString() << "\n"; return 1; }
//
// Inside the library, BITEXT_RETURN_IF_ERROR(expr) propagates a failed Status.
#ifndef BITEXT_STATUS_H_
#define BITEXT_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace bitext {

// Where a problem is. line and col are 1-based; 0 means "not known".
struct Location {
  std::string file;
  int line = 0;
  int col = 0;

  // "file:line:col", "file:line" or "file", leaving out what is unknown.
  std::string ToString() const;
};

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // the input is malformed (bad UTF-8, malformed PO/TSV/SRT)
    kNotFound,      // a file or entry does not exist
    kIoError,       // reading or writing failed
    kConflict,      // the request contradicts curated data (e.g. glossary add)
    kUsage,         // the caller asked for something impossible
  };

  // An ok status.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidInput(Location where, std::string message) {
    return Status(Code::kInvalidInput, std::move(where), std::move(message));
  }
  static Status NotFound(Location where, std::string message) {
    return Status(Code::kNotFound, std::move(where), std::move(message));
  }
  static Status IoError(Location where, std::string message) {
    return Status(Code::kIoError, std::move(where), std::move(message));
  }
  static Status Conflict(Location where, std::string message) {
    return Status(Code::kConflict, std::move(where), std::move(message));
  }
  static Status Usage(std::string message) { return Status(Code::kUsage, {}, std::move(message)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const Location& location() const { return where_; }
  const std::string& message() const { return message_; }

  // "FILE:LINE:COL: message" (parts of the location that are unknown are
  // left out); "ok" for an ok status.
  std::string ToString() const;

 private:
  Status(Code code, Location where, std::string message)
      : code_(code), where_(std::move(where)), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  Location where_;
  std::string message_;
};

// Either a value or a failed Status. Accessing value() of a failed result is a
// programming error (checked by assert in debug builds).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace bitext

#define BITEXT_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::bitext::Status bitext_status_ = (expr);        \
    if (!bitext_status_.ok()) return bitext_status_; \
  } while (0)

#endif  // BITEXT_STATUS_H_
