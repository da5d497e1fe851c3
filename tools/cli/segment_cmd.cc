// bitext segment FILE [--format text|jsonl]: the units of a Korean source.
#include <iostream>
#include <string>

#include "commands.h"
#include "document.h"
#include "json.h"
#include "unit.h"

namespace bitext::cli {
namespace {

struct SegmentOptions {
  std::string file;
  std::string format = "text";
};

// Appends one unit to `out` in the chosen format.
void FormatUnit(const Unit& u, bool jsonl, int* paragraph, std::string* out) {
  if (jsonl) {
    *out += "{\"id\":" + JsonQuote(u.id) + ",\"paragraph\":" + std::to_string(u.paragraph) +
            ",\"kind\":" + JsonQuote(KindName(u.kind)) +
            ",\"speaker\":" + (u.speaker.empty() ? std::string("null") : JsonQuote(u.speaker)) +
            ",\"line\":" + std::to_string(u.line) + ",\"col\":" + std::to_string(u.col);
    if (u.timing.valid()) {
      *out += ",\"start_ms\":" + std::to_string(u.timing.start_ms) +
              ",\"end_ms\":" + std::to_string(u.timing.end_ms);
    }
    *out += ",\"text\":" + JsonQuote(u.text) + "}\n";
  } else {
    if (*paragraph != 0 && u.paragraph != *paragraph) *out += '\n';
    *out += u.text;
    *out += '\n';
  }
  *paragraph = u.paragraph;
}

int RunSegment(const SegmentOptions& opt) {
  // Units come in batches and go out in chunks: neither all units nor the
  // whole output are ever held at once.
  const bool jsonl = opt.format == "jsonl";
  std::string out;
  int paragraph = 0;
  Status st = StreamSource(opt.file, [&](std::vector<Unit>* batch) {
    for (const Unit& u : *batch) {
      FormatUnit(u, jsonl, &paragraph, &out);
      if (out.size() >= (size_t{1} << 20)) {
        std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
        out.clear();
      }
    }
  });
  if (!st.ok()) {
    std::cerr << st.ToString() << "\n";
    return 1;
  }
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace

void RegisterSegment(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<SegmentOptions>();
  auto* cmd = app.add_subcommand("segment", "Split a Korean source (text or SRT) into units");
  cmd->add_option("FILE", opt->file, "Korean source: plain text or .srt")->required();
  cmd->add_option("--format", opt->format, "text (one unit per line) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  cmd->callback([opt, exit_code] { *exit_code = RunSegment(*opt); });
}

}  // namespace bitext::cli
