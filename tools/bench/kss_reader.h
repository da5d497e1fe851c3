// Reading the KSS sentence-split test sets (../shared/eval/kss/*.txt), shared
// by the benchmarks: one gold sentence per line, a blank line (or one of
// spaces and tabs) ends a document; a trailing '\r' is dropped.
//
//   for (const KssDocument& doc : ReadKssFile(path)) use(doc.sentences);
#ifndef BITEXT_BENCH_KSS_READER_H_
#define BITEXT_BENCH_KSS_READER_H_

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "file_io.h"

namespace bitext::bench {

struct KssDocument {
  std::vector<std::string> sentences;  // the gold sentences, in order
};

// The documents of one KSS file. An unreadable file is reported on stderr
// and gives none.
inline std::vector<KssDocument> ReadKssFile(const std::string& path) {
  std::vector<KssDocument> docs;
  Result<std::string> raw = ReadFile(path);
  if (!raw.ok()) {
    std::fprintf(stderr, "%s\n", raw.status().ToString().c_str());
    return docs;
  }
  KssDocument cur;
  const std::string& s = *raw;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string::npos) nl = s.size();
    std::string line = s.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!cur.sentences.empty()) docs.push_back(std::move(cur));
      cur = KssDocument();
    } else {
      cur.sentences.push_back(std::move(line));
    }
    if (nl == s.size()) break;
    pos = nl + 1;
  }
  if (!cur.sentences.empty()) docs.push_back(std::move(cur));
  return docs;
}

// The .txt files of a KSS folder, full paths, sorted (none if it is missing).
inline std::vector<std::string> ListKssFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace bitext::bench

#endif  // BITEXT_BENCH_KSS_READER_H_
