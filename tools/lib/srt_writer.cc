#include "srt_writer.h"

#include <cstring>
#include <utility>

#include "xml_text.h"

namespace bitext {
namespace {

// FormatSrtTime(ms) appended to *out.
void AppendSrtTime(int64_t ms, std::string* out) {
  if (ms < 0) ms = 0;
  int64_t hours = ms / 3600000;
  if (hours < 10) out->push_back('0');
  char buf[32];
  int n = 0;
  char digits[24];
  int d = 0;
  do {
    digits[d++] = static_cast<char>('0' + hours % 10);
    hours /= 10;
  } while (hours > 0);
  while (d > 0) buf[n++] = digits[--d];
  int64_t m = ms / 60000 % 60, sec = ms / 1000 % 60, milli = ms % 1000;
  buf[n++] = ':';
  buf[n++] = static_cast<char>('0' + m / 10);
  buf[n++] = static_cast<char>('0' + m % 10);
  buf[n++] = ':';
  buf[n++] = static_cast<char>('0' + sec / 10);
  buf[n++] = static_cast<char>('0' + sec % 10);
  buf[n++] = ',';
  buf[n++] = static_cast<char>('0' + milli / 100);
  buf[n++] = static_cast<char>('0' + milli / 10 % 10);
  buf[n++] = static_cast<char>('0' + milli % 10);
  out->append(buf, static_cast<size_t>(n));
}

// `s` (already display-clean) with each "-->" written as "→", appended.
void AppendArrowsReplaced(std::string_view s, std::string* out) {
  size_t from = 0;
  for (size_t at = s.find("-->"); at != std::string_view::npos; at = s.find("-->", from)) {
    out->append(s.data() + from, at - from);
    out->append("\xE2\x86\x92");  // →
    from = at + 3;
  }
  out->append(s.data() + from, s.size() - from);
}

}  // namespace

std::string FormatSrtTime(int64_t ms) {
  std::string out;
  AppendSrtTime(ms, &out);
  return out;
}

std::string SubtitleLine(const std::string& line) {
  std::string out;
  AppendSubtitleLine(line, &out);
  return out;
}

void AppendSubtitleLine(std::string_view line, std::string* out) {
  if (IsDisplayClean(line)) {
    AppendArrowsReplaced(line, out);  // no copy for a line that is already clean
  } else {
    AppendArrowsReplaced(DisplayLine(line), out);
  }
}

std::string WriteSrt(const std::vector<Cue>& cues, SrtMode mode) {
  OutputSink sink;
  WriteSrt(cues, mode, &sink);
  return std::move(sink.text());
}

void WriteSrt(const std::vector<Cue>& cues, SrtMode mode, OutputSink* sink) {
  std::string& out = sink->text();
  std::string text;  // the current cue's lines
  int n = 0;
  for (const Cue& c : cues) {
    text.clear();
    auto add = [&text](const std::vector<std::string>& lines) {
      for (const std::string& l : lines) {
        size_t before = text.size();
        AppendSubtitleLine(l, &text);
        if (text.size() > before) text += '\n';
      }
    };
    if (mode == SrtMode::kBilingual) add(c.ko_lines);
    add(c.en_lines);
    if (text.empty()) continue;
    out += std::to_string(++n);
    out += '\n';
    AppendSrtTime(c.start_ms, &out);
    out += " --> ";
    AppendSrtTime(c.end_ms, &out);
    out += '\n';
    out += text;
    out += '\n';
    sink->Poll();
  }
}

}  // namespace bitext
