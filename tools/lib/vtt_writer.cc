#include "vtt_writer.h"

#include <utility>

#include "srt_writer.h"

namespace bitext {
namespace {

// VttEscape(text) appended to *out.
void AppendVttEscaped(std::string_view text, std::string* out) {
  size_t run = 0;  // start of the bytes not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    const char* rep;
    switch (text[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      default:
        continue;
    }
    out->append(text.data() + run, i - run);
    out->append(rep);
    run = i + 1;
  }
  out->append(text.data() + run, text.size() - run);
}

// FormatVttTime(ms) appended to *out: the SRT time with '.' for ','.
void AppendVttTime(int64_t ms, std::string* out) {
  AppendSrtTime(ms, out);
  (*out)[out->size() - 4] = '.';
}

}  // namespace

std::string FormatVttTime(int64_t ms) {
  std::string t;
  AppendVttTime(ms, &t);
  return t;
}

std::string VttEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  AppendVttEscaped(text, &out);
  return out;
}

std::string WriteVtt(const std::vector<Cue>& cues) {
  OutputSink sink;
  WriteVtt(cues, &sink);
  return std::move(sink.text());
}

void WriteVtt(const std::vector<Cue>& cues, OutputSink* sink) {
  std::string& out = sink->text();
  out += "WEBVTT\n\n";
  // The current cue's safe lines: `lines` are views into `text`, filled once
  // it is complete (appending could move it).
  std::string text;
  std::vector<size_t> ends;  // end of each line in `text`
  std::vector<std::string_view> lines;
  std::string voice;
  for (const Cue& c : cues) {
    text.clear();
    ends.clear();
    lines.clear();
    for (const std::string& l : c.en_lines) {
      size_t before = text.size();
      AppendSubtitleLine(l, &text);
      if (text.size() > before) ends.push_back(text.size());
    }
    for (size_t i = 0, from = 0; i < ends.size(); from = ends[i++]) {
      lines.push_back(std::string_view(text).substr(from, ends[i] - from));
    }
    voice.clear();
    if (!c.speaker.empty()) {
      AppendSubtitleLine(c.en_speaker.empty() ? c.speaker : c.en_speaker, &voice);
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
    size_t id_start = out.size();
    AppendSubtitleLine(c.unit_id, &out);
    if (c.parts > 1) {
      out += '/';
      out += std::to_string(c.part);
    }
    if (out.size() > id_start) out += '\n';
    AppendVttTime(c.start_ms, &out);
    out += " --> ";
    AppendVttTime(c.end_ms, &out);
    out += '\n';
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i == 0 && !voice.empty()) {
        out += "<v ";
        AppendVttEscaped(voice, &out);
        out += '>';
      }
      AppendVttEscaped(lines[i], &out);
      out += '\n';
    }
    out += '\n';
    sink->Poll();
  }
}

}  // namespace bitext
