// Structure: what kind of text a source line is (title, caption, question,
// speech...), decided from the line alone and, for titles and deks, from its
// place in the document. Used by the segmenter (segmenter.h); the kinds are
// those of unit.h.
//
//   std::vector<LineInfo> lines;
//   for (std::string_view l : non_empty_lines) lines.push_back(ClassifyLine(l));
//   MarkHeadlines(&lines);
//
// Rules (a line is trimmed, clean text):
//  - caption:     starts with ▲, or credits a photo ("/사진=… 제공", "(사진=…)",
//                 "[사진]", "사진제공", "그래픽=") in a line of at most 160
//                 characters;
//  - question:    "Q. …", "Q.…", "Q1. …", "Q: …", "질문: …";
//  - speech:      "이름: …" where the name has 2-12 characters, no digits and no
//                 sentence punctuation, and is not a label such as 출처 or 참고;
//                 the name is the speaker;
//  - list_item:   starts with △, "1. " / "1) ", "- ", "• ", "· ", "* ", ①-⑳;
//  - byline:      a short line with an e-mail address, or "홍길동 기자" /
//                 "… 특파원" with nothing but an e-mail or punctuation after it;
//  - boilerplate: "관련기사", "저작권자 ©", "무단전재 및 재배포 금지",
//                 "Copyright", or a line of only = - _ * ~ characters;
//  - title / dek: see MarkHeadlines;
//  - body:        everything else.
#ifndef BITEXT_STRUCTURE_H_
#define BITEXT_STRUCTURE_H_

#include <string_view>
#include <vector>

#include "unit.h"

namespace bitext {

struct LineInfo {
  UnitKind kind = UnitKind::kBody;
  std::string_view speaker;    // kSpeech: the name before the colon (points into the line)
  bool headline_like = false;  // short, no final punctuation: may be a title or dek
};

// Kind of one non-empty line on its own. Lines that could be a title or dek
// come back as kBody with headline_like set.
LineInfo ClassifyLine(std::string_view line);

// Turns headline-like lines at the top of a document into kTitle and kDek:
// while the header is open (until the second body line, or the first body
// line after a title), the first headline-like line is the title and up to
// two headline-like lines right after it are deks. `lines` are the
// document's non-empty lines in order.
void MarkHeadlines(std::vector<LineInfo>* lines);

// Where MarkHeadlines is in a document, for a document read in batches of
// lines: pass the same state with each batch, in order.
struct HeadlineState {
  int body_seen = 0;
  bool have_title = false;
  size_t deks = 0;
};
void MarkHeadlines(std::vector<LineInfo>* lines, HeadlineState* state);

}  // namespace bitext

#endif  // BITEXT_STRUCTURE_H_
