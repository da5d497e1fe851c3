#include "srt_writer.h"

#include <cstdio>

#include "xml_text.h"

namespace bitext {

std::string FormatSrtTime(int64_t ms) {
  if (ms < 0) ms = 0;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld,%03lld",
                static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
  return buf;
}

std::string SubtitleLine(const std::string& line) {
  std::string s = CollapseSpaces(DisplayText(line, nullptr));
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "-->") == 0) {
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
