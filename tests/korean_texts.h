// The real Korean text the differential tests compare against ICU: the KSS
// sentence-split test sets (../shared/eval/kss, which may be absent: a test
// then reads nothing from them) and the bundled documents' sources, and a
// reader for them.
#ifndef BITEXT_TESTS_KOREAN_TEXTS_H_
#define BITEXT_TESTS_KOREAN_TEXTS_H_

#include <string>
#include <vector>

#include "file_io.h"

inline std::vector<std::string> KssAndSeedFiles() {
  return {
      BITEXT_SHARED_DIR "/eval/kss/blogs_ko.txt",
      BITEXT_SHARED_DIR "/eval/kss/blogs_lee.txt",
      BITEXT_SHARED_DIR "/eval/kss/nested.txt",
      BITEXT_SHARED_DIR "/eval/kss/sample.txt",
      BITEXT_SHARED_DIR "/eval/kss/tweets.txt",
      BITEXT_SHARED_DIR "/eval/kss/v_ending.txt",
      BITEXT_SHARED_DIR "/eval/kss/wikipedia.txt",
      BITEXT_SOURCE_DIR "/translations/openai-fireside-chat-seoul/ko.txt",
      BITEXT_SOURCE_DIR "/translations/openai-startup-meeting-seoul/ko.txt",
  };
}

// The file's contents, or "" where it cannot be read (../shared missing).
inline std::string ReadTextOrEmpty(const std::string& path) {
  bitext::Result<std::string> text = bitext::ReadFile(path);
  return text.ok() ? *text : std::string();
}

#endif  // BITEXT_TESTS_KOREAN_TEXTS_H_
