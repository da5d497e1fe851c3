// Where a writer's text goes: kept whole in memory, or passed on in chunks
// (to a file being written) so that a large output never exists whole.
//
//   OutputSink sink([&](std::string_view bytes) { return files.Append(file, bytes); });
//   WriteSrt(cues, SrtMode::kBilingual, &sink);  // appends to sink.text(), calls Poll()
//   Status s = sink.Finish();
//
// A writer appends to text() and calls Poll() where it may be cut (between
// cues, units or lines): Poll hands text() to the chunk function once it
// holds at least chunk_bytes, and clears it. The output is the concatenation
// of the chunks whatever their size. After a chunk function fails, the sink
// drops further text; Finish reports that first error.
#ifndef BITEXT_OUTPUT_SINK_H_
#define BITEXT_OUTPUT_SINK_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "status.h"

namespace bitext {

class OutputSink {
 public:
  using ChunkFn = std::function<Status(std::string_view)>;
  static constexpr size_t kDefaultChunkBytes = size_t{1} << 20;

  // Keeps all text in text() (Poll does nothing; Finish returns Ok).
  OutputSink() = default;
  // Passes the text to `chunk` in pieces of about `chunk_bytes`.
  explicit OutputSink(ChunkFn chunk, size_t chunk_bytes = kDefaultChunkBytes);

  std::string& text() { return text_; }
  void Poll() {
    if (chunk_ && text_.size() >= chunk_bytes_) Pass();
  }
  // Passes on what is left; the first error of the chunk function, if any.
  Status Finish();

 private:
  void Pass();

  ChunkFn chunk_;
  size_t chunk_bytes_ = 0;
  std::string text_;
  Status status_;
};

}  // namespace bitext

#endif  // BITEXT_OUTPUT_SINK_H_
