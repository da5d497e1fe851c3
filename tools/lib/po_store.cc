#include "po_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "byte_scan.h"
#include "file_io.h"
#include "text_clean.h"
#include "utf8.h"

namespace bitext {

// ---------------------------------------------------------------------------
// PoEntry

bool PoEntry::IsFuzzy() const {
  for (const std::string& f : flags) {
    if (f == "fuzzy") return true;
  }
  return false;
}

void PoEntry::SetFuzzy(bool fuzzy) {
  std::vector<std::string> kept;
  if (fuzzy) kept.push_back("fuzzy");
  for (std::string& f : flags) {
    if (f != "fuzzy") kept.push_back(std::move(f));
  }
  flags = std::move(kept);
}

const std::string& PoEntry::Translation() const {
  static const std::string kEmpty;
  return msgstr.empty() ? kEmpty : msgstr[0];
}

std::string PoEntry::TakeTranslation() {
  return msgstr.empty() ? std::string() : std::move(msgstr[0]);
}

bool PoEntry::HasTranslation() const {
  for (const std::string& s : msgstr) {
    if (!s.empty()) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Reading

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// ParsePoEntry of the span read (pread) from the open file `fd`: an entry
// the scan saw before, read back for the duplicate check.
Result<PoEntry> ReadPoEntryAt(int fd, PoSpan span, const std::string& file) {
  std::string bytes(static_cast<size_t>(span.end - span.begin), '\0');
  Result<size_t> got = ReadAt(fd, span.begin, bytes.data(), bytes.size(), file);
  if (!got.ok()) return got.status();
  if (*got < bytes.size()) return Status::IoError({file}, "changed while being read (shorter)");
  return ParsePoEntry(bytes, file);
}

// Where a string literal's text goes: which entry part, and in which context
// (obsolete `#~`, previous `#|`) its continuation lines must appear.
enum class Field { kNone, kPrevCtxt, kPrevId, kPrevIdPlural, kCtxt, kId, kIdPlural, kStr };

// How far an entry has got.
enum class Stage { kComments, kPrevious, kCtxt, kId, kIdPlural, kStr };

class PoParser {
 public:
  PoParser(std::string_view content, std::string file) : text_(content), file_(std::move(file)) {}

  Result<PoFile> Parse();
  // ScanPo's parse of the file open as `f`: entries go to `on_entry`.
  Result<std::optional<PoEntry>> Scan(std::FILE* f, const PoEntryFn& on_entry);
  // ParsePoEntry: the content is one entry of a file Scan checked, so
  // neither the UTF-8 check of the whole text nor the duplicate index of
  // a whole file is needed.
  Result<PoEntry> ParseEntry();

 private:
  // Parse's and ParseEntry's common part: the lines of text_ (after a BOM)
  // and the entry they end with.
  Status ParseLines();

  struct Line {
    std::string_view text;  // without the line end
    int number = 0;
    uint64_t offset = 0;  // of the line's first byte in the file
  };

  Status ErrorAt(const Line& line, size_t byte, const std::string& message) const {
    return Status::InvalidInput({file_, line.number, ColumnOf(line.text, byte)}, message);
  }

  // The lines of `lines` (whole lines, but for a file's last), numbered on
  // from *number; `offset` is where `lines` starts in the file.
  Status HandleLines(std::string_view lines, uint64_t offset, int* number);
  Status HandleLine(const Line& line);
  // The error for invalid UTF-8: `before` is its line up to the bad byte.
  Status InvalidUtf8(std::string_view before, int number, char bad) const;
  Status HandleComment(const Line& line, size_t p);
  // A keyword or continuation line; p points at the keyword or quote.
  Status HandleSyntax(const Line& line, size_t p, bool obsolete, bool previous);
  // Parses one or more string literals starting at p (a quote) to the end of
  // the line, appending their decoded text to *out.
  Status ParseStrings(const Line& line, size_t p, std::string* out);
  Status ParseLiteral(const Line& line, size_t* p, std::string* out);
  // Closes the entry in progress (if any) and starts a new one.
  Status FinishEntry();
  std::string* Target(Field f);

  std::string_view text_;
  std::string file_;
  PoFile result_;
  // The active entries so far, for duplicates: hash of (msgctxt, msgid) ->
  // index into result_.entries (kHeader: result_.header). The keys stay in
  // the entries; nothing is copied.
  static constexpr size_t kHeader = static_cast<size_t>(-1);
  static size_t KeyHash(const PoEntry& e) {
    std::hash<std::string_view> h;
    return (e.msgctxt ? h(*e.msgctxt) * 0x9E3779B97F4A7C15ULL + 1 : 0) ^ h(e.msgid);
  }
  const PoEntry& Seen(size_t index) const {
    return index == kHeader ? *result_.header : result_.entries[index];
  }
  std::unordered_multimap<size_t, size_t> seen_;
  // The first invalid UTF-8 in `f` (a scan), as the error Parse gives for
  // it; Ok if there is none.
  Status Utf8Error(std::FILE* f) const;
  // Scanning (on_entry_ set): entries are passed on, not kept; seen_ then
  // indexes spans_, where a duplicate's first definition is read back from.
  const PoEntryFn* on_entry_ = nullptr;
  std::FILE* scan_file_ = nullptr;
  struct SeenSpan {
    PoSpan span;
    int line;
  };
  std::vector<SeenSpan> spans_;
  // False for ParseEntry: one entry has no duplicates to look for.
  bool index_duplicates_ = true;
  uint64_t line_offset_ = 0;  // of the line being handled
  uint64_t entry_begin_ = 0;  // of the entry in progress

  // The entry in progress.
  PoEntry entry_;
  Stage stage_ = Stage::kComments;
  bool has_comments_ = false;
  bool has_syntax_ = false;  // a keyword line (or #| / #~ line) was seen
  int first_line_ = 0;       // first line of the entry
  int msgid_col_ = 1;
  Field field_ = Field::kNone;  // what a continuation line appends to
  bool field_obsolete_ = false;
  bool field_previous_ = false;
};

Result<PoFile> PoParser::Parse() {
  size_t bad = 0;
  if (!IsValidUtf8(text_, &bad)) {
    size_t line_start = text_.rfind('\n', bad == 0 ? 0 : bad - 1);
    line_start = (line_start == std::string_view::npos || bad == 0) ? 0 : line_start + 1;
    int line_no = 1;
    for (size_t i = 0; i < line_start; ++i) line_no += text_[i] == '\n';
    return InvalidUtf8(text_.substr(line_start, bad - line_start), line_no, text_[bad]);
  }
  // Room for every entry at once: each has a msgid keyword (counting the
  // "#| msgid" lines too overestimates a little), and a vector grown by
  // doubling would briefly hold the old and the new block together.
  size_t msgids = 0;
  for (size_t at = text_.find("msgid "); at != std::string_view::npos;
       at = text_.find("msgid ", at + 6)) {
    ++msgids;
  }
  result_.entries.reserve(msgids);
  seen_.reserve(msgids);
  BITEXT_RETURN_IF_ERROR(ParseLines());
  return std::move(result_);
}

Result<PoEntry> PoParser::ParseEntry() {
  index_duplicates_ = false;
  BITEXT_RETURN_IF_ERROR(ParseLines());
  if (result_.entries.size() != 1) {
    return Status::InvalidInput({file_}, "changed while being read (an entry moved)");
  }
  return std::move(result_.entries[0]);
}

Status PoParser::ParseLines() {
  std::string_view rest = text_;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  int number = 0;
  BITEXT_RETURN_IF_ERROR(
      HandleLines(rest, static_cast<uint64_t>(rest.data() - text_.data()), &number));
  line_offset_ = text_.size();
  return FinishEntry();
}

Status PoParser::HandleLines(std::string_view lines, uint64_t offset, int* number) {
  size_t pos = 0;
  while (pos < lines.size()) {
    size_t nl = lines.find('\n', pos);
    if (nl == std::string_view::npos) nl = lines.size();
    std::string_view raw = lines.substr(pos, nl - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line line{raw, ++*number, offset + pos};
    line_offset_ = line.offset;
    size_t nul = raw.find('\0');
    if (nul != std::string_view::npos) return ErrorAt(line, nul, "NUL byte; a PO file is text");
    BITEXT_RETURN_IF_ERROR(HandleLine(line));
    pos = nl + 1;
  }
  return Status::Ok();
}

Status PoParser::InvalidUtf8(std::string_view before, int number, char bad) const {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bad));
  return ErrorAt(Line{before, number, 0}, before.size(),
                 std::string("invalid UTF-8 (byte ") + hex + "); the file must be UTF-8");
}

Status PoParser::HandleLine(const Line& line) {
  size_t p = 0;
  while (p < line.text.size() && IsSpace(line.text[p])) ++p;
  if (p == line.text.size()) {
    // A blank line ends the strings above it: a string after it has no
    // keyword. (gettext would glue it on; a stray line is more likely a
    // mistake than a continuation, and the writer never leaves one.)
    field_ = Field::kNone;
    return Status::Ok();
  }
  std::string_view t = line.text.substr(p);
  if (t[0] == '#') {
    if (t.size() >= 2 && t[1] == '~') {
      size_t q = p + 2;
      bool previous = false;
      if (q < line.text.size() && line.text[q] == '|') {
        previous = true;
        ++q;
      }
      while (q < line.text.size() && IsSpace(line.text[q])) ++q;
      if (q == line.text.size()) return Status::Ok();  // an empty "#~" line
      return HandleSyntax(line, q, /*obsolete=*/true, previous);
    }
    if (t.size() >= 2 && t[1] == '|') {
      size_t q = p + 2;
      while (q < line.text.size() && IsSpace(line.text[q])) ++q;
      if (q == line.text.size()) return ErrorAt(line, p, "empty '#|' line");
      return HandleSyntax(line, q, /*obsolete=*/false, /*previous=*/true);
    }
    return HandleComment(line, p);
  }
  return HandleSyntax(line, p, /*obsolete=*/false, /*previous=*/false);
}

Status PoParser::HandleComment(const Line& line, size_t p) {
  if (stage_ == Stage::kStr) BITEXT_RETURN_IF_ERROR(FinishEntry());
  if (stage_ != Stage::kComments) {
    return ErrorAt(line, p, "comment inside an entry; comments go before msgctxt/msgid");
  }
  // A carriage return left inside a line (not part of a CRLF line end) would
  // be written back raw and read as a line end: reject it.
  if (size_t cr = line.text.find('\r', p); cr != std::string_view::npos) {
    return ErrorAt(line, cr, "carriage return inside a comment line");
  }
  if (!has_comments_ && !has_syntax_) {
    first_line_ = line.number;
    entry_begin_ = line.offset;
  }
  has_comments_ = true;
  std::string_view t = line.text.substr(p + 1);
  char kind = 0;
  if (!t.empty() && (t[0] == '.' || t[0] == ':' || t[0] == ',')) {
    kind = t[0];
    t.remove_prefix(1);
  }
  if (!t.empty() && t[0] == ' ') t.remove_prefix(1);
  switch (kind) {
    case '.':
      entry_.extracted_comments.emplace_back(t);
      break;
    case ':':
      entry_.references.emplace_back(t);
      break;
    case ',': {
      size_t start = 0;
      while (start <= t.size()) {
        size_t comma = t.find(',', start);
        if (comma == std::string_view::npos) comma = t.size();
        std::string_view flag = t.substr(start, comma - start);
        while (!flag.empty() && IsSpace(flag.front())) flag.remove_prefix(1);
        while (!flag.empty() && IsSpace(flag.back())) flag.remove_suffix(1);
        if (!flag.empty()) entry_.flags.emplace_back(flag);
        start = comma + 1;
      }
      break;
    }
    default:
      entry_.translator_comments.emplace_back(t);
  }
  return Status::Ok();
}

std::string* PoParser::Target(Field f) {
  switch (f) {
    case Field::kPrevCtxt:
      return &*entry_.previous_msgctxt;
    case Field::kPrevId:
      return &*entry_.previous_msgid;
    case Field::kPrevIdPlural:
      return &*entry_.previous_msgid_plural;
    case Field::kCtxt:
      return &*entry_.msgctxt;
    case Field::kId:
      return &entry_.msgid;
    case Field::kIdPlural:
      return &*entry_.msgid_plural;
    case Field::kStr:
      return &entry_.msgstr.back();
    case Field::kNone:
      break;
  }
  return nullptr;
}

Status PoParser::HandleSyntax(const Line& line, size_t p, bool obsolete, bool previous) {
  std::string_view t = line.text.substr(p);
  if (t[0] == '"') {
    // A continuation line.
    if (field_ == Field::kNone) return ErrorAt(line, p, "string without a keyword");
    if (field_obsolete_ != obsolete || field_previous_ != previous) {
      return ErrorAt(line, p,
                     "string continues a keyword of another kind of line (active, '#|' or '#~')");
    }
    return ParseStrings(line, p, Target(field_));
  }
  size_t k = 0;
  // A keyword's characters, in ASCII whatever the C locale says.
  auto keyword_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  while (k < t.size() && keyword_char(t[k])) ++k;
  std::string_view keyword = t.substr(0, k);
  int index = -1;
  if (keyword == "msgstr" && k < t.size() && t[k] == '[') {
    size_t close = t.find(']', k);
    std::string_view digits =
        close == std::string_view::npos ? std::string_view() : t.substr(k + 1, close - k - 1);
    bool ok = !digits.empty() && digits.size() <= 3;
    for (char c : digits) ok = ok && c >= '0' && c <= '9';
    if (!ok) return ErrorAt(line, p + k, "bad plural index; expected msgstr[N]");
    index = std::stoi(std::string(digits));
    k = close + 1;
  }
  if (keyword != "msgctxt" && keyword != "msgid" && keyword != "msgid_plural" &&
      keyword != "msgstr") {
    if (keyword.empty()) return ErrorAt(line, p, "unexpected text; expected a keyword or a string");
    return ErrorAt(line, p, "unknown keyword '" + std::string(keyword) + "'");
  }
  size_t q = p + k;
  if (q >= line.text.size() || !IsSpace(line.text[q])) {
    if (q < line.text.size() && line.text[q] == '"') {
      // `msgid"x"` is accepted by gettext too.
    } else {
      return ErrorAt(line, q, "expected a string after '" + std::string(keyword) + "'");
    }
  }
  while (q < line.text.size() && IsSpace(line.text[q])) ++q;
  if (q >= line.text.size() || line.text[q] != '"') {
    return ErrorAt(line, q, "expected a string after '" + std::string(keyword) + "'");
  }

  // Entry boundaries and order.
  bool starts_entry = keyword == "msgctxt" || keyword == "msgid" || previous;
  if (starts_entry && stage_ == Stage::kStr) BITEXT_RETURN_IF_ERROR(FinishEntry());
  if (has_syntax_ && entry_.obsolete != obsolete) {
    return ErrorAt(line, p,
                   obsolete ? "obsolete '#~' line inside an active entry"
                            : "active line inside an obsolete '#~' entry");
  }
  if (!has_comments_ && !has_syntax_) {
    first_line_ = line.number;
    entry_begin_ = line.offset;
  }
  has_syntax_ = true;
  entry_.obsolete = obsolete;

  Field field = Field::kNone;
  if (previous) {
    if (stage_ != Stage::kComments && stage_ != Stage::kPrevious) {
      return ErrorAt(line, p, "'#|' line after msgctxt/msgid; it goes before them");
    }
    stage_ = Stage::kPrevious;
    if (keyword == "msgctxt") {
      if (entry_.previous_msgctxt || entry_.previous_msgid) {
        return ErrorAt(line, p, "unexpected '#| msgctxt'");
      }
      entry_.previous_msgctxt.emplace();
      field = Field::kPrevCtxt;
    } else if (keyword == "msgid") {
      if (entry_.previous_msgid) return ErrorAt(line, p, "duplicate '#| msgid'");
      entry_.previous_msgid.emplace();
      field = Field::kPrevId;
    } else if (keyword == "msgid_plural") {
      if (!entry_.previous_msgid || entry_.previous_msgid_plural) {
        return ErrorAt(line, p, "'#| msgid_plural' without '#| msgid'");
      }
      entry_.previous_msgid_plural.emplace();
      field = Field::kPrevIdPlural;
    } else {
      return ErrorAt(line, p, "msgstr is not allowed in a '#|' line");
    }
  } else if (keyword == "msgctxt") {
    if (stage_ != Stage::kComments && stage_ != Stage::kPrevious) {
      return ErrorAt(line, p, "msgctxt after msgid; msgctxt goes first");
    }
    stage_ = Stage::kCtxt;
    entry_.msgctxt.emplace();
    field = Field::kCtxt;
  } else if (keyword == "msgid") {
    if (stage_ == Stage::kId || stage_ == Stage::kIdPlural) {
      return ErrorAt(line, p, "msgid follows a msgid without msgstr");
    }
    stage_ = Stage::kId;
    entry_.line = line.number;
    msgid_col_ = ColumnOf(line.text, p);
    field = Field::kId;
  } else if (keyword == "msgid_plural") {
    if (stage_ != Stage::kId) return ErrorAt(line, p, "msgid_plural without a msgid before it");
    stage_ = Stage::kIdPlural;
    entry_.msgid_plural.emplace();
    field = Field::kIdPlural;
  } else if (index < 0) {  // msgstr
    if (stage_ == Stage::kIdPlural) {
      return ErrorAt(line, p, "an entry with msgid_plural needs msgstr[0], msgstr[1]...");
    }
    if (stage_ != Stage::kId) {
      return ErrorAt(line, p,
                     stage_ == Stage::kStr ? "second msgstr in one entry" : "msgstr without msgid");
    }
    stage_ = Stage::kStr;
    entry_.msgstr.assign(1, "");
    entry_.msgstr_line = line.number;
    field = Field::kStr;
  } else {  // msgstr[N]
    bool plural = entry_.msgid_plural.has_value();
    if (!plural) return ErrorAt(line, p, "msgstr[N] in an entry without msgid_plural");
    if (stage_ == Stage::kIdPlural && index == 0) {
      entry_.msgstr.clear();
      entry_.msgstr_line = line.number;
    } else if (!(stage_ == Stage::kStr && static_cast<size_t>(index) == entry_.msgstr.size())) {
      return ErrorAt(line, p,
                     "msgstr[" + std::to_string(index) + "] out of order; expected msgstr[" +
                         std::to_string(stage_ == Stage::kStr ? entry_.msgstr.size() : 0) + "]");
    }
    stage_ = Stage::kStr;
    entry_.msgstr.emplace_back();
    field = Field::kStr;
  }
  field_ = field;
  field_obsolete_ = obsolete;
  field_previous_ = previous;
  return ParseStrings(line, q, Target(field));
}

Status PoParser::ParseStrings(const Line& line, size_t p, std::string* out) {
  for (;;) {
    BITEXT_RETURN_IF_ERROR(ParseLiteral(line, &p, out));
    while (p < line.text.size() && IsSpace(line.text[p])) ++p;
    if (p == line.text.size()) return Status::Ok();
    if (line.text[p] != '"') return ErrorAt(line, p, "unexpected text after a string");
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Status PoParser::ParseLiteral(const Line& line, size_t* pos, std::string* out) {
  std::string_view t = line.text;
  size_t open = *pos;
  size_t p = open + 1;
  // Decoded straight onto *out (a failed parse drops the entry anyway).
  const size_t start = out->size();
  bool numeric = false;  // an octal or hex escape: bytes of any value
  for (;;) {
    if (p >= t.size()) return ErrorAt(line, open, "unterminated string");
    char c = t[p];
    if (c == '"') {
      ++p;
      break;
    }
    if (c != '\\') {
      // The run up to the next quote or backslash at once.
      const size_t stop = FindAnyByte<'"', '\\'>(t, p);  // the end of a plain run
      out->append(t.data() + p, stop - p);
      p = stop;
      continue;
    }
    size_t esc = p;
    ++p;
    if (p >= t.size()) return ErrorAt(line, open, "unterminated string");
    char e = t[p];
    switch (e) {
      case 'n':
        *out += '\n';
        ++p;
        continue;
      case 't':
        *out += '\t';
        ++p;
        continue;
      case 'r':
        *out += '\r';
        ++p;
        continue;
      case 'a':
        *out += '\a';
        ++p;
        continue;
      case 'b':
        *out += '\b';
        ++p;
        continue;
      case 'f':
        *out += '\f';
        ++p;
        continue;
      case 'v':
        *out += '\v';
        ++p;
        continue;
      case '"':
        *out += '"';
        ++p;
        continue;
      case '\\':
        *out += '\\';
        ++p;
        continue;
      case '\'':
        *out += '\'';
        ++p;
        continue;
      case '?':
        *out += '?';
        ++p;
        continue;
      default:
        break;
    }
    int value = 0;
    if (e >= '0' && e <= '7') {
      for (int i = 0; i < 3 && p < t.size() && t[p] >= '0' && t[p] <= '7'; ++i, ++p) {
        value = value * 8 + (t[p] - '0');
      }
      if (value > 0xFF) return ErrorAt(line, esc, "octal escape out of range");
    } else if (e == 'x') {
      ++p;
      int digits = 0;
      for (; digits < 2 && p < t.size() && HexValue(t[p]) >= 0; ++digits, ++p) {
        value = value * 16 + HexValue(t[p]);
      }
      if (digits == 0) return ErrorAt(line, esc, "'\\x' escape without hex digits");
    } else {
      std::string shown(t.substr(esc, 2));
      if (static_cast<unsigned char>(e) >= 0x80) {
        size_t n = 1;
        while (p + n < t.size() && (static_cast<unsigned char>(t[p + n]) & 0xC0) == 0x80) ++n;
        shown = std::string(t.substr(esc, 1 + n));
      }
      return ErrorAt(line, esc, "unknown escape sequence '" + shown + "'");
    }
    if (value == 0) return ErrorAt(line, esc, "NUL character (\\0) in a string");
    *out += static_cast<char>(value);
    numeric = true;
  }
  // The line is valid UTF-8 (checked before parsing) and other escapes give
  // ASCII: only bytes given by value can make it invalid.
  if (numeric && !IsValidUtf8(std::string_view(*out).substr(start))) {
    return ErrorAt(line, open, "escape sequences make the string invalid UTF-8");
  }
  *pos = p;
  return Status::Ok();
}

Status PoParser::FinishEntry() {
  if (!has_comments_ && !has_syntax_) return Status::Ok();
  if (stage_ == Stage::kComments) {
    return Status::InvalidInput({file_, first_line_, 1},
                                "comment not followed by an entry (msgid/msgstr)");
  }
  if (stage_ == Stage::kPrevious) {
    return Status::InvalidInput({file_, first_line_, 1}, "'#|' lines not followed by msgid/msgstr");
  }
  if (stage_ != Stage::kStr) {
    int line = entry_.line != 0 ? entry_.line : first_line_;
    return Status::InvalidInput({file_, line, entry_.line != 0 ? msgid_col_ : 1},
                                "entry has no msgstr");
  }
  if (entry_.msgid_plural && entry_.msgstr.empty()) entry_.msgstr.emplace_back();
  const size_t hash = index_duplicates_ ? KeyHash(entry_) : 0;
  if (!entry_.obsolete && index_duplicates_) {
    auto [first, last] = seen_.equal_range(hash);
    for (auto it = first; it != last; ++it) {
      const PoEntry* seen = nullptr;
      PoEntry read_back;
      int seen_line = 0;
      if (on_entry_ != nullptr && it->second != kHeader) {
        const SeenSpan& s = spans_[it->second];
        Result<PoEntry> back = ReadPoEntryAt(::fileno(scan_file_), s.span, file_);
        if (!back.ok()) return back.status();
        read_back = std::move(*back);
        seen = &read_back;
        seen_line = s.line;
      } else {
        seen = &Seen(it->second);
        seen_line = seen->line;
      }
      if (seen->msgctxt != entry_.msgctxt || seen->msgid != entry_.msgid) continue;
      return Status::InvalidInput({file_, entry_.line, msgid_col_},
                                  std::string(entry_.IsHeader() ? "duplicate header entry"
                                                                : "duplicate message definition") +
                                      " (msgctxt and msgid as at line " +
                                      std::to_string(seen_line) + ")");
    }
  }
  if (entry_.IsHeader()) {
    result_.header = std::move(entry_);
    seen_.emplace(hash, kHeader);
  } else if (on_entry_ != nullptr) {
    const PoSpan span{entry_begin_, line_offset_};
    if (!entry_.obsolete) {
      seen_.emplace(hash, spans_.size());
      spans_.push_back({span, entry_.line});
    }
    BITEXT_RETURN_IF_ERROR((*on_entry_)(std::move(entry_), span));
  } else {
    if (!entry_.obsolete && index_duplicates_) seen_.emplace(hash, result_.entries.size());
    result_.entries.push_back(std::move(entry_));
  }
  entry_ = PoEntry();
  stage_ = Stage::kComments;
  has_comments_ = false;
  has_syntax_ = false;
  first_line_ = 0;
  msgid_col_ = 1;
  field_ = Field::kNone;
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Writing

void AppendComments(std::string* out, const char* marker, const std::vector<std::string>& lines) {
  for (const std::string& c : lines) {
    // A newline inside a comment would end it: each piece gets its own line.
    size_t start = 0;
    for (;;) {
      size_t nl = c.find('\n', start);
      std::string_view piece = std::string_view(c).substr(
          start, nl == std::string::npos ? std::string::npos : nl - start);
      *out += marker;
      if (!piece.empty()) {
        *out += ' ';
        *out += piece;
      }
      *out += '\n';
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
}

// `prefix keyword "..."` lines; a newline before the end makes it multi-line.
void AppendString(std::string* out, const std::string& prefix, const std::string& keyword,
                  const std::string& s) {
  size_t nl = s.find('\n');
  if (nl == std::string::npos || nl + 1 == s.size()) {
    *out += prefix + keyword + " \"" + EscapePoString(s) + "\"\n";
    return;
  }
  *out += prefix + keyword + " \"\"\n";
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    end = end == std::string::npos ? s.size() : end + 1;
    *out += prefix + "\"" + EscapePoString(std::string_view(s).substr(start, end - start)) + "\"\n";
    start = end;
  }
}

void AppendEntry(std::string* out, const PoEntry& e) {
  AppendComments(out, "#", e.translator_comments);
  AppendComments(out, "#.", e.extracted_comments);
  AppendComments(out, "#:", e.references);
  if (!e.flags.empty()) {
    *out += "#, ";
    for (size_t i = 0; i < e.flags.size(); ++i) {
      if (i > 0) *out += ", ";
      *out += e.flags[i];
    }
    *out += '\n';
  }
  const std::string prev = e.obsolete ? "#~| " : "#| ";
  if (e.previous_msgctxt) AppendString(out, prev, "msgctxt", *e.previous_msgctxt);
  if (e.previous_msgid) AppendString(out, prev, "msgid", *e.previous_msgid);
  if (e.previous_msgid_plural) AppendString(out, prev, "msgid_plural", *e.previous_msgid_plural);
  const std::string pre = e.obsolete ? "#~ " : "";
  if (e.msgctxt) AppendString(out, pre, "msgctxt", *e.msgctxt);
  AppendString(out, pre, "msgid", e.msgid);
  if (e.msgid_plural) {
    AppendString(out, pre, "msgid_plural", *e.msgid_plural);
    if (e.msgstr.empty()) AppendString(out, pre, "msgstr[0]", "");
    for (size_t i = 0; i < e.msgstr.size(); ++i) {
      AppendString(out, pre, "msgstr[" + std::to_string(i) + "]", e.msgstr[i]);
    }
  } else {
    AppendString(out, pre, "msgstr", e.Translation());
  }
}

}  // namespace

Result<PoFile> ParsePo(std::string_view content, const std::string& file) {
  return PoParser(content, file).Parse();
}

Status PoParser::Utf8Error(std::FILE* f) const {
  // Line by line (no sequence is cut), counting lines and columns as Parse.
  if (std::fseek(f, 0, SEEK_SET) != 0) return Status::IoError({file_}, "cannot read");
  char* line = nullptr;
  size_t cap = 0;
  int number = 0;
  Status error;
  for (ssize_t len; error.ok() && (len = ::getline(&line, &cap, f)) > 0;) {
    ++number;
    std::string_view text(line, static_cast<size_t>(len));
    size_t bad = 0;
    if (!IsValidUtf8(text, &bad)) error = InvalidUtf8(text.substr(0, bad), number, text[bad]);
  }
  std::free(line);
  return error;
}

Result<std::optional<PoEntry>> PoParser::Scan(std::FILE* f, const PoEntryFn& on_entry) {
  on_entry_ = &on_entry;
  scan_file_ = f;
  // A chunk at a time; `buf` holds the lines not yet handled.
  constexpr size_t kChunk = size_t{1} << 18;
  std::string buf;
  uint64_t buf_offset = 0;  // of buf[0] in the file
  int number = 0;
  bool eof = false;
  // Whatever fails first, invalid UTF-8 anywhere in the file is the error
  // reported, as Parse does (it checks the whole text before parsing).
  auto fail = [&](Status error) -> Status {
    Status utf8 = Utf8Error(f);
    return utf8.ok() ? error : utf8;
  };
  while (!eof) {
    size_t have = buf.size();
    buf.resize(have + kChunk);
    size_t got = std::fread(buf.data() + have, 1, kChunk, f);
    buf.resize(have + got);
    if (got < kChunk) {
      if (std::ferror(f)) return Status::IoError({file_}, "cannot read");
      eof = true;
    }
    // Whole lines only, but for the last one of the file.
    size_t end = eof ? buf.size() : buf.rfind('\n');
    if (end == std::string::npos) continue;
    if (!eof) ++end;
    std::string_view lines(buf.data(), end);
    if (!IsValidUtf8(lines)) return fail(Status::Ok());
    const size_t bom = buf_offset == 0 && lines.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    Status handled = HandleLines(lines.substr(bom), buf_offset + bom, &number);
    if (!handled.ok()) return fail(handled);
    buf.erase(0, end);
    buf_offset += end;
  }
  line_offset_ = buf_offset;
  Status finished = FinishEntry();
  if (!finished.ok()) return fail(finished);
  return std::move(result_.header);
}

Result<std::optional<PoEntry>> ScanPo(const std::string& path, const PoEntryFn& on_entry) {
  Result<int> fd = OpenRegularFile(path, nullptr);
  if (!fd.ok()) return fd.status();
  Result<std::optional<PoEntry>> header = ScanPo(*fd, path, on_entry);
  ::close(*fd);
  return header;
}

Result<std::optional<PoEntry>> ScanPo(int fd, const std::string& path, const PoEntryFn& on_entry) {
  // A stream of its own over the same file (the caller keeps `fd`).
  const int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  std::FILE* f = own < 0 ? nullptr : ::fdopen(own, "rb");
  if (f == nullptr) {
    const int err = errno;
    if (own >= 0) ::close(own);
    return Status::IoError({path}, "cannot read: " + ErrnoText(err));
  }
  Result<std::optional<PoEntry>> header = std::fseek(f, 0, SEEK_SET) == 0
                                              ? PoParser(std::string_view(), path).Scan(f, on_entry)
                                              : Status::IoError({path}, "cannot read");
  std::fclose(f);
  return header;
}

Result<PoEntry> ParsePoEntry(std::string_view bytes, const std::string& file) {
  return PoParser(bytes, file).ParseEntry();
}

Result<PoFile> ReadPo(const std::string& path) {
  Result<std::string> raw = ReadFile(path);
  if (!raw.ok()) return raw.status();
  return ParsePo(*raw, path);
}

std::string EscapePoString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  size_t run = 0;  // start of the bytes not yet appended
  constexpr auto kNext = FindAnyByteOrControl<'"', '\\'>;
  for (size_t i = kNext(s, 0); i < s.size(); i = kNext(s, i + 1)) {
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (s[i]) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\v':
        out += "\\v";
        break;
      default: {  // another control
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(s[i]));
        out += buf;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  return out;
}

std::string FormatPo(const PoFile& po) {
  std::string out;
  if (po.header) AppendEntry(&out, *po.header);
  for (const PoEntry& e : po.entries) {
    if (!out.empty()) out += '\n';
    AppendEntry(&out, e);
  }
  return out;
}

Status WritePo(const std::string& path, const PoFile& po) {
  return WriteFileAtomic(path, FormatPo(po));
}

PoEntry DefaultPoHeader(const std::string& comment) {
  PoEntry h;
  if (!comment.empty()) {
    size_t start = 0;
    for (;;) {
      size_t nl = comment.find('\n', start);
      h.translator_comments.push_back(
          comment.substr(start, nl == std::string::npos ? nl : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  h.msgstr = {
      "Project-Id-Version: bitext\n"
      "Language: en\n"
      "MIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=UTF-8\n"
      "Content-Transfer-Encoding: 8bit\n"
      "Plural-Forms: nplurals=2; plural=(n != 1);\n"};
  return h;
}

std::optional<std::string> PoHeaderField(const PoEntry& header, std::string_view name) {
  std::string_view text = header.Translation();
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (line.size() > name.size() && line.substr(0, name.size()) == name &&
        line[name.size()] == ':') {
      std::string_view value = line.substr(name.size() + 1);
      while (!value.empty() && IsSpace(value.front())) value.remove_prefix(1);
      return std::string(value);
    }
    start = nl + 1;
  }
  return std::nullopt;
}

void SetPoHeaderField(PoEntry* header, std::string_view name, std::string_view value) {
  if (header->msgstr.empty()) header->msgstr.emplace_back();
  std::string& text = header->msgstr[0];
  std::string field = std::string(name) + ": " + std::string(value);
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = std::string_view(text).substr(start, nl - start);
    if (line.size() > name.size() && line.substr(0, name.size()) == name &&
        line[name.size()] == ':') {
      text.replace(start, nl - start, field);
      return;
    }
    start = nl + 1;
  }
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += field + "\n";
}

}  // namespace bitext
