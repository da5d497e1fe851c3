#include "vtt_writer.h"

#include <utility>

#include "srt_writer.h"
#include "xml_text.h"

namespace bitext {
namespace {

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
  AppendMarkupEscaped(text, &out);
  return out;
}

std::string WriteVtt(const std::vector<Cue>& cues) {
  OutputSink sink;
  WriteVtt(cues, &sink);
  return std::move(sink.text());
}

void WriteVtt(const std::vector<Cue>& cues, OutputSink* sink) {
  VttWriter writer(sink);
  for (const Cue& c : cues) writer.Add(c);
}

VttWriter::VttWriter(OutputSink* sink) : sink_(sink) { sink_->text() += "WEBVTT\n\n"; }

void VttWriter::Add(const Cue& c) {
  text_.clear();
  ends_.clear();
  lines_.clear();
  for (const std::string& l : c.en_lines) {
    size_t before = text_.size();
    AppendCueLine(c, l, &text_);
    if (text_.size() > before) ends_.push_back(text_.size());
  }
  for (size_t i = 0, from = 0; i < ends_.size(); from = ends_[i++]) {
    lines_.push_back(std::string_view(text_).substr(from, ends_[i] - from));
  }
  voice_.clear();
  if (!c.speaker.empty()) {
    AppendSubtitleLine(c.en_speaker.empty() ? c.speaker : c.en_speaker, &voice_);
    if (!lines_.empty() && !voice_.empty()) {
      std::string name;
      size_t label = EnglishSpeakerLabel(lines_[0], &name);
      if (label > 0 && name == voice_) {
        lines_[0] = lines_[0].substr(label);
        if (lines_[0].empty()) lines_.erase(lines_.begin());
      }
    }
  }
  if (lines_.empty()) return;
  std::string& out = sink_->text();
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
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (i == 0 && !voice_.empty()) {
      out += "<v ";
      AppendMarkupEscaped(voice_, &out);
      out += '>';
    }
    AppendMarkupEscaped(lines_[i], &out);
    out += '\n';
  }
  out += '\n';
  sink_->Poll();
}

}  // namespace bitext
