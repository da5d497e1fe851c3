// PO store: reading and writing gettext PO files, the curated translation
// store (translations/<doc>/en.po). Every translator's tool (Poedit, Lokalize,
// Weblate, msgfmt, translate-toolkit) reads what this module writes.
//
//   Result<PoFile> po = ReadPo("translations/x/en.po");
//   if (!po.ok()) { std::cerr << po.status().ToString() << "\n"; return 1; }
//   for (const PoEntry& e : po->entries)
//     if (!e.obsolete && e.IsTranslated()) Use(*e.msgctxt, e.msgid, e.msgstr[0]);
//   Status s = WritePo("translations/x/en.po", *po);  // atomic
//
// Reading accepts the full PO syntax: the header entry (msgid ""), translator
// comments (`# `), extracted comments (`#.`), references (`#:`), flags (`#,`),
// previous strings (`#| msgctxt`, `#| msgid`, `#| msgid_plural`, multi-line),
// msgctxt, msgid, msgid_plural with msgstr[N], obsolete entries (`#~`, also
// `#~ msgctxt` and `#~|`), strings continued over several lines, and every C
// escape (\n \t \" \\ \r \a \b \f \v \' \?, octal \ooo, hex \xHH). A leading
// byte-order mark and CRLF line ends are tolerated. A malformed file
// (unterminated string, unknown escape, string without keyword, keyword out
// of order, msgstr missing, duplicate msgctxt+msgid among active entries,
// invalid UTF-8, NUL) is InvalidInput at FILE:LINE:COL (line and column
// 1-based, the column counted in characters).
//
// Writing is deterministic and uses the layout of `msgcat --no-wrap`: the
// header first, one blank line between entries, comments in the order `#`,
// `#.`, `#:`, `#,`, `#|`; strings are never wrapped at a column, but a string
// holding a newline other than at its end is written as `""` followed by one
// line per "\n"-terminated piece. Obsolete entries are written with `#~ ` (and
// `#~| ` for previous strings) in front of every keyword and string line.
// FormatPo(ParsePo(FormatPo(x))) == FormatPo(x): reading what the writer
// wrote and writing it again gives identical bytes.
#ifndef BITEXT_PO_STORE_H_
#define BITEXT_PO_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace bitext {

struct PoEntry {
  // Comment lines, each without its marker and without one following space:
  // "# note" is stored as "note", "#" alone as "".
  std::vector<std::string> translator_comments;  // `#`
  std::vector<std::string> extracted_comments;   // `#.`
  std::vector<std::string> references;           // `#:`, one string per line
  std::vector<std::string> flags;                // `#,` split at commas: "fuzzy", "c-format"

  // Previous strings (`#|`), set on fuzzy entries by update.
  std::optional<std::string> previous_msgctxt;
  std::optional<std::string> previous_msgid;
  std::optional<std::string> previous_msgid_plural;

  std::optional<std::string> msgctxt;  // unset: no msgctxt line
  std::string msgid;
  std::optional<std::string> msgid_plural;
  // msgstr: one string; with msgid_plural, msgstr[0], msgstr[1]... in order.
  std::vector<std::string> msgstr = {""};

  bool obsolete = false;  // a `#~` entry
  int line = 0;           // 1-based line of the msgid keyword (0 if built in memory)
  int msgstr_line = 0;    // 1-based line of the (first) msgstr keyword

  bool IsHeader() const { return !msgctxt && msgid.empty() && !obsolete; }
  bool IsFuzzy() const;
  void SetFuzzy(bool fuzzy);  // adds "fuzzy" as the first flag / removes it
  // msgstr (or msgstr[0]); "" if none.
  const std::string& Translation() const;
  // Translation() moved out of the entry (which keeps an empty string), for a
  // caller done with the entry.
  std::string TakeTranslation();
  // True if any msgstr is non-empty.
  bool HasTranslation() const;
  // Has a translation and is not fuzzy.
  bool IsTranslated() const { return HasTranslation() && !IsFuzzy(); }
};

struct PoFile {
  std::optional<PoEntry> header;  // the entry with msgid "" and no msgctxt
  std::vector<PoEntry> entries;   // every other entry, active and obsolete, in file order
};

// Parses PO text. `file` names the input in error messages.
Result<PoFile> ParsePo(std::string_view content, const std::string& file);

// ReadFile + ParsePo.
Result<PoFile> ReadPo(const std::string& path);

// Reading a PO file too large to hold whole (a build's en.po): ScanPo reads
// `path` a chunk at a time and passes every entry but the header, active and
// obsolete, to `on_entry` as soon as it is complete, with the bytes it spans in
// the file, [begin, end): its comments and lines up to the next entry's first
// line (blank lines included). It returns the header (nullopt if none). A file
// that cannot be opened gives OpenRegularFile's errors (NotFound, or IoError
// for a folder or a FIFO); the others are ParsePo's, at the same FILE:LINE:COL
// (invalid UTF-8 anywhere in the file first, as ParsePo reports it); an error
// from `on_entry` stops the scan and is returned. What is held is one chunk
// (256 KB) and, for the duplicate check, a hash and a span per active entry.
struct PoSpan {
  uint64_t begin = 0;
  uint64_t end = 0;
};
using PoEntryFn = std::function<Status(PoEntry&& entry, PoSpan span)>;
Result<std::optional<PoEntry>> ScanPo(const std::string& path, const PoEntryFn& on_entry);
// ScanPo of the file open as `fd` (read from its start; `path` names it in
// errors), for a caller that reads entries back from the same file later:
// whatever the path names meanwhile, the scan and the reads see one file.
// `fd` stays open and the caller's; its file offset is left anywhere.
Result<std::optional<PoEntry>> ScanPo(int fd, const std::string& path, const PoEntryFn& on_entry);

// The entry ScanPo found at `span`, read back from the bytes of the file
// (`bytes` = file[begin, end), which ScanPo checked: neither UTF-8 nor
// duplicates are checked again). Its line numbers count from the span's
// start; ScanPo's entry has the file's. InvalidInput naming `file` if the
// bytes no longer hold exactly one entry (the file changed meanwhile).
Result<PoEntry> ParsePoEntry(std::string_view bytes, const std::string& file);

// The PO text of `po` (see the layout above). Ends with exactly one newline;
// "" for a file with neither header nor entries.
std::string FormatPo(const PoFile& po);

// FormatPo + WriteFileAtomic.
Status WritePo(const std::string& path, const PoFile& po);

// A header for a new en.po: Project-Id-Version: bitext, Language: en,
// MIME-Version, Content-Type (UTF-8), Content-Transfer-Encoding: 8bit and
// Plural-Forms for English. No dates, so it never changes between runs.
// `comment` (if not empty) becomes the header's translator comment lines.
PoEntry DefaultPoHeader(const std::string& comment);

// The value of header field `name` ("Language"), or nullopt if absent.
std::optional<std::string> PoHeaderField(const PoEntry& header, std::string_view name);

// Sets header field `name` (replacing its value in place, or appending it).
void SetPoHeaderField(PoEntry* header, std::string_view name, std::string_view value);

// The C-escaped body of a PO string literal, without the quotes: "a\"b\n".
std::string EscapePoString(std::string_view s);

}  // namespace bitext

#endif  // BITEXT_PO_STORE_H_
