// Unit: one aligned piece of a source document (a sentence that knows its
// place in the document's structure). Units are what the segmenter produces,
// what en.po stores translations of, and what every writer emits.
#ifndef BITEXT_UNIT_H_
#define BITEXT_UNIT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace bitext {

enum class UnitKind {
  kTitle,        // headline
  kDek,          // sub-headline / standfirst under the title
  kCaption,      // photo caption: "▲…", "… /사진=… 제공"
  kQuestion,     // interviewer's question: "Q. …"
  kSpeech,       // what a named speaker says: "샘 알트만: …" (speaker set)
  kListItem,     // "△…", "1. …"
  kByline,       // reporter name and e-mail
  kBoilerplate,  // "관련기사" and similar page furniture
  kBody,         // ordinary running text
};

// "title", "dek", "caption", "question", "speech", "list_item", "byline",
// "boilerplate", "body".
const char* KindName(UnitKind kind);
// Inverse of KindName; false if `name` is not a kind.
bool ParseKind(std::string_view name, UnitKind* kind);

// Cue times of a unit that comes from a timed source (ko.srt). Times are in
// milliseconds; both -1 when the source is untimed.
struct Timing {
  int64_t start_ms = -1;
  int64_t end_ms = -1;
  bool valid() const { return start_ms >= 0 && end_ms >= start_ms; }
};

struct Unit {
  // Stable id: "u" + 12 hex digits of a hash of `text`, plus "-2", "-3"... for
  // the second, third... unit with the same text. It does not change when
  // unrelated parts of the document change.
  std::string id;
  int paragraph = 0;  // 1-based paragraph number in the document
  UnitKind kind = UnitKind::kBody;
  std::string speaker;  // the speaker of a kSpeech unit ("" if none)
  std::string text;     // the full cleaned source text (NFC, spaces collapsed)
  int line = 0;         // 1-based line of the unit's first character
  int col = 0;          // 1-based column (in code points) of that character
  Timing timing;        // cue times when the source is a subtitle file
};

}  // namespace bitext

#endif  // BITEXT_UNIT_H_
