#include "vtt_writer.h"

#include "srt_writer.h"

namespace bitext {

std::string FormatVttTime(int64_t ms) {
  std::string t = FormatSrtTime(ms);
  t[t.size() - 4] = '.';
  return t;
}

std::string VttEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string WriteVtt(const std::vector<Cue>& cues) {
  std::string out = "WEBVTT\n\n";
  for (const Cue& c : cues) {
    std::vector<std::string> lines;
    for (const std::string& l : c.en_lines) {
      std::string s = SubtitleLine(l);
      if (!s.empty()) lines.push_back(s);
    }
    std::string voice;
    if (!c.speaker.empty()) {
      voice = SubtitleLine(c.en_speaker.empty() ? c.speaker : c.en_speaker);
      if (!lines.empty() && !voice.empty()) {
        std::string name;
        size_t label = EnglishSpeakerLabel(lines[0], &name);
        if (label > 0 && name == voice) {
          lines[0] = lines[0].substr(label);
          if (lines[0].empty()) lines.erase(lines.begin());
        }
      }
    }
    if (lines.empty()) continue;
    std::string id = SubtitleLine(c.unit_id);
    if (c.parts > 1) id += "/" + std::to_string(c.part);
    if (!id.empty()) out += id + "\n";
    out += FormatVttTime(c.start_ms) + " --> " + FormatVttTime(c.end_ms) + "\n";
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i == 0 && !voice.empty()) out += "<v " + VttEscape(voice) + ">";
      out += VttEscape(lines[i]) + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace bitext
