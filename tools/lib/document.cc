#include "document.h"

#include "file_io.h"
#include "segmenter.h"
#include "text_clean.h"

namespace bitext {

Result<std::string> FindSource(const std::string& doc_dir) {
  if (!IsDirectory(doc_dir)) return Status::NotFound({doc_dir}, "no such document folder");
  if (FileExists(doc_dir + "/ko.srt")) return doc_dir + "/ko.srt";
  if (FileExists(doc_dir + "/ko.txt")) return doc_dir + "/ko.txt";
  return Status::NotFound({doc_dir}, "document folder has no ko.txt or ko.srt");
}

Result<std::vector<Unit>> LoadSource(const std::string& source_path) {
  Result<std::string> raw = ReadFile(source_path);
  if (!raw.ok()) return raw.status();
  Result<std::string> clean = CleanText(*raw, source_path);
  if (!clean.ok()) return clean.status();
  return Segment(*clean);
}

}  // namespace bitext
