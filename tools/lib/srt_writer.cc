#include "srt_writer.h"

#include "xml_text.h"

namespace bitext {

std::string FormatSrtTime(int64_t ms) {
  if (ms < 0) ms = 0;
  std::string hours = std::to_string(ms / 3600000);
  if (hours.size() < 2) hours.insert(0, 1, '0');
  char buf[10];
  int64_t m = ms / 60000 % 60, sec = ms / 1000 % 60, milli = ms % 1000;
  buf[0] = ':';
  buf[1] = static_cast<char>('0' + m / 10);
  buf[2] = static_cast<char>('0' + m % 10);
  buf[3] = ':';
  buf[4] = static_cast<char>('0' + sec / 10);
  buf[5] = static_cast<char>('0' + sec % 10);
  buf[6] = ',';
  buf[7] = static_cast<char>('0' + milli / 100);
  buf[8] = static_cast<char>('0' + milli / 10 % 10);
  buf[9] = static_cast<char>('0' + milli % 10);
  return hours.append(buf, sizeof buf);
}

std::string SubtitleLine(const std::string& line) {
  std::string s = CollapseSpaces(DisplayText(line, nullptr));
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '-' && s.compare(i, 3, "-->") == 0) {
      out += "\xE2\x86\x92";  // →
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string WriteSrt(const std::vector<Cue>& cues, SrtMode mode) {
  std::string out;
  int n = 0;
  for (const Cue& c : cues) {
    std::string text;
    auto add = [&text](const std::vector<std::string>& lines) {
      for (const std::string& l : lines) {
        std::string s = SubtitleLine(l);
        if (!s.empty()) text += s + "\n";
      }
    };
    if (mode == SrtMode::kBilingual) add(c.ko_lines);
    add(c.en_lines);
    if (text.empty()) continue;
    out += std::to_string(++n) + "\n" + FormatSrtTime(c.start_ms) + " --> " +
           FormatSrtTime(c.end_ms) + "\n" + text + "\n";
  }
  return out;
}

}  // namespace bitext
