#include "srt_writer.h"

#include <charconv>
#include <utility>

#include "xml_text.h"

namespace bitext {
namespace {

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

void AppendSrtTime(int64_t ms, std::string* out) {
  if (ms < 0) ms = 0;
  char buf[32];  // up to 13 digits of hours, then ":MM:SS,mmm"
  char* p = buf;
  int64_t hours = ms / 3600000;
  if (hours < 10) *p++ = '0';
  p = std::to_chars(p, buf + sizeof buf, hours).ptr;
  auto two = [&p](int64_t v) {
    *p++ = static_cast<char>('0' + v / 10);
    *p++ = static_cast<char>('0' + v % 10);
  };
  *p++ = ':';
  two(ms / 60000 % 60);
  *p++ = ':';
  two(ms / 1000 % 60);
  *p++ = ',';
  *p++ = static_cast<char>('0' + ms % 1000 / 100);
  two(ms % 100);
  out->append(buf, p);
}

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
  std::string scratch;  // no copy for a line that is already clean
  AppendArrowsReplaced(DisplayLineView(line, &scratch), out);
}

void AppendCueLine(const Cue& c, std::string_view line, std::string* out) {
  if (c.lines_clean) {
    AppendArrowsReplaced(line, out);
  } else {
    AppendSubtitleLine(line, out);
  }
}

std::string WriteSrt(const std::vector<Cue>& cues, SrtMode mode) {
  OutputSink sink;
  WriteSrt(cues, mode, &sink);
  return std::move(sink.text());
}

void WriteSrt(const std::vector<Cue>& cues, SrtMode mode, OutputSink* sink) {
  SrtWriter writer(mode, sink);
  for (const Cue& c : cues) writer.Add(c);
}

void SrtWriter::Add(const Cue& c) {
  text_.clear();
  auto add = [this, &c](const std::vector<std::string>& lines) {
    for (const std::string& l : lines) {
      size_t before = text_.size();
      AppendCueLine(c, l, &text_);
      if (text_.size() > before) text_ += '\n';
    }
  };
  if (mode_ == SrtMode::kBilingual) add(c.ko_lines);
  add(c.en_lines);
  if (text_.empty()) return;
  std::string& out = sink_->text();
  out += std::to_string(++count_);
  out += '\n';
  AppendSrtTime(c.start_ms, &out);
  out += " --> ";
  AppendSrtTime(c.end_ms, &out);
  out += '\n';
  out += text_;
  out += '\n';
  sink_->Poll();
}

}  // namespace bitext
