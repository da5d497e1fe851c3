#include "output_sink.h"

#include <utility>

namespace bitext {

OutputSink::OutputSink(ChunkFn chunk, size_t chunk_bytes)
    : chunk_(std::move(chunk)), chunk_bytes_(chunk_bytes) {
  text_.reserve(chunk_bytes_ + chunk_bytes_ / 4);
}

void OutputSink::Pass() {
  if (status_.ok() && !text_.empty()) status_ = chunk_(text_);
  text_.clear();
}

Status OutputSink::Finish() {
  if (chunk_) Pass();
  return status_;
}

}  // namespace bitext
