#include "srt_reader.h"

#include <algorithm>
#include <cstdio>

#include "file_io.h"
#include "text_clean.h"
#include "utf8.h"

namespace bitext {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

bool IsNumberLine(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty() || t.size() > 9) return false;
  for (char c : t) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// A line meant as a timing: starts with a digit and holds "-->".
bool IsTimingLike(std::string_view line) {
  std::string_view t = Trim(line);
  return !t.empty() && IsDigit(t[0]) && t.find("-->") != std::string_view::npos;
}

// Parses a run of 1..max_digits digits at *s; advances.
bool TakeNumber(std::string_view* s, size_t min_digits, size_t max_digits, int64_t* value,
                size_t* digits_out = nullptr) {
  size_t n = 0;
  int64_t v = 0;
  while (n < s->size() && IsDigit((*s)[n]) && n < max_digits) {
    v = v * 10 + ((*s)[n] - '0');
    ++n;
  }
  if (n < min_digits) return false;
  if (n < s->size() && IsDigit((*s)[n])) return false;  // too many digits
  s->remove_prefix(n);
  *value = v;
  if (digits_out != nullptr) *digits_out = n;
  return true;
}

class SrtParser {
 public:
  SrtParser(std::string_view content, std::string file) : file_(std::move(file)) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    size_t pos = 0;
    while (pos <= content.size()) {
      size_t end = content.find_first_of("\r\n", pos);
      if (end == std::string_view::npos) {
        if (pos < content.size()) lines_.push_back(content.substr(pos));
        break;
      }
      lines_.push_back(content.substr(pos, end - pos));
      pos = end + 1;
      if (content[end] == '\r' && pos < content.size() && content[pos] == '\n') ++pos;
    }
  }

  Result<std::vector<SrtCue>> Parse();

 private:
  Status Error(size_t line_index, size_t byte, const std::string& message) const {
    std::string_view line = line_index < lines_.size() ? lines_[line_index] : std::string_view();
    return Status::InvalidInput({file_, static_cast<int>(line_index) + 1, ColumnOf(line, byte)},
                                message);
  }
  bool IsCueStart(size_t i) const {
    if (i >= lines_.size()) return false;
    if (IsTimingLike(lines_[i])) return true;
    return IsNumberLine(lines_[i]) && i + 1 < lines_.size() && IsTimingLike(lines_[i + 1]);
  }
  Status ParseTiming(size_t i, SrtCue* cue) const;

  std::string file_;
  std::vector<std::string_view> lines_;
};

Status SrtParser::ParseTiming(size_t i, SrtCue* cue) const {
  std::string_view line = lines_[i];
  size_t p = 0;
  auto skip_spaces = [&] {
    while (p < line.size() && IsSpace(line[p])) ++p;
  };
  auto token = [&](size_t from) {
    size_t e = from;
    while (e < line.size() && !IsSpace(line[e]) && line.compare(e, 3, "-->") != 0) ++e;
    return line.substr(from, e - from);
  };
  skip_spaces();
  size_t start_at = p;
  std::string_view start = token(p);
  if (!ParseSrtTime(start, &cue->start_ms)) {
    return Error(i, start_at, "bad start time '" + std::string(start) + "'; expected HH:MM:SS,mmm");
  }
  p += start.size();
  skip_spaces();
  if (line.compare(p, 3, "-->") != 0) {
    return Error(i, p, "expected '-->' between the start and end times");
  }
  p += 3;
  skip_spaces();
  size_t end_at = p;
  std::string_view end = token(p);
  if (!ParseSrtTime(end, &cue->end_ms)) {
    return Error(i, end_at, "bad end time '" + std::string(end) + "'; expected HH:MM:SS,mmm");
  }
  if (cue->end_ms < cue->start_ms) return Error(i, end_at, "cue ends before it starts");
  cue->timing_line = static_cast<int>(i) + 1;
  return Status::Ok();
}

Result<std::vector<SrtCue>> SrtParser::Parse() {
  std::vector<SrtCue> cues;
  size_t i = 0;
  const size_t n = lines_.size();
  while (i < n && IsBlank(lines_[i])) ++i;
  while (i < n) {
    SrtCue cue;
    if (IsNumberLine(lines_[i]) && i + 1 < n && !IsBlank(lines_[i + 1])) {
      cue.number = std::stoi(std::string(Trim(lines_[i])));
      ++i;
    } else if (IsNumberLine(lines_[i])) {
      return Error(i + 1, 0, "expected a cue timing 'HH:MM:SS,mmm --> HH:MM:SS,mmm'");
    }
    if (lines_[i].find("-->") == std::string_view::npos) {
      size_t col = 0;
      while (col < lines_[i].size() && IsSpace(lines_[i][col])) ++col;
      return Error(i, col,
                   cue.number != 0 ? "expected a cue timing 'HH:MM:SS,mmm --> HH:MM:SS,mmm'"
                                   : "expected a cue number or timing");
    }
    BITEXT_RETURN_IF_ERROR(ParseTiming(i, &cue));
    ++i;
    while (i < n) {
      if (IsBlank(lines_[i])) {
        size_t k = i;
        while (k < n && IsBlank(lines_[k])) ++k;
        if (k == n || IsCueStart(k)) {
          i = k;
          break;
        }
        i = k;
        continue;  // a blank line inside the text
      }
      if (IsCueStart(i)) break;  // no blank line before the next cue
      if (cue.text_line == 0) cue.text_line = static_cast<int>(i) + 1;
      if (!cue.text.empty()) cue.text += '\n';
      cue.text += std::string(Trim(lines_[i]));
      ++i;
    }
    cues.push_back(std::move(cue));
  }
  return cues;
}

}  // namespace

bool ParseSrtTime(std::string_view s, int64_t* ms) {
  int64_t parts[3] = {0, 0, 0};
  int count = 0;
  std::string_view rest = s;
  for (;;) {
    if (count == 3) return false;
    size_t digits = 0;
    // The first of three parts (hours) may be any width; the others 1-2 digits.
    if (!TakeNumber(&rest, 1, count == 0 ? 6 : 2, &parts[count], &digits)) return false;
    ++count;
    if (!rest.empty() && rest[0] == ':') {
      rest.remove_prefix(1);
      continue;
    }
    break;
  }
  if (count < 2) return false;
  int64_t h = 0, m = 0, sec = 0;
  if (count == 3) {
    h = parts[0];
    m = parts[1];
    sec = parts[2];
  } else {
    m = parts[0];
    sec = parts[1];
  }
  if (m > 59 || sec > 59) return false;
  int64_t frac = 0;
  if (!rest.empty() && (rest[0] == ',' || rest[0] == '.')) {
    rest.remove_prefix(1);
    size_t digits = 0;
    if (!TakeNumber(&rest, 1, 3, &frac, &digits)) return false;
    for (size_t d = digits; d < 3; ++d) frac *= 10;
  }
  if (!rest.empty()) return false;
  *ms = ((h * 60 + m) * 60 + sec) * 1000 + frac;
  return true;
}

Result<std::vector<SrtCue>> ParseSrt(std::string_view content, const std::string& file) {
  size_t bad = 0;
  if (!IsValidUtf8(content, &bad)) {
    int line = 1;
    size_t line_start = 0;
    for (size_t k = 0; k < bad; ++k) {
      if (content[k] == '\n') {
        ++line;
        line_start = k + 1;
      }
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(content[bad]));
    return Status::InvalidInput(
        {file, line, ColumnOf(content.substr(line_start), bad - line_start)},
        std::string("invalid UTF-8 (byte ") + buf + "); the file must be UTF-8");
  }
  return SrtParser(content, file).Parse();
}

Result<std::vector<SrtCue>> ReadSrt(const std::string& path) {
  Result<std::string> raw = ReadFile(path);
  if (!raw.ok()) return raw.status();
  return ParseSrt(*raw, path);
}

}  // namespace bitext
