// Checks: translation QA over merged documents, what `bitext check` runs.
//
//   std::vector<MergedDocument> docs = ...;                 // LoadDocument
//   Glossary g = *LoadGlossary("glossary/terms.tsv");
//   TermMatcher matcher(g);
//   CheckOptions opt;
//   opt.glossary = &g;
//   opt.matcher = &matcher;
//   for (const Finding& f : RunChecks(docs, opt)) std::cout << FormatFinding(f) << "\n";
//
// Every check is a function over one MergedDocument (consistency looks at
// all of them) that returns Findings. A finding points at the unit's entry
// in en.po (file = MergedDocument::po_path, line = MergedUnit::po_line), so
// an editor jumps to it; a unit without an entry points at its line in the
// Korean source instead. The checks, by name:
//
//   untranslated  error    a unit with no English (no entry or empty msgstr)
//   fuzzy         error    an entry marked fuzzy (its English is for an older
//                          Korean text)
//   obsolete      info     an obsolete (#~) entry kept in en.po
//   glossary      error    a glossary term found in the Korean (its ko or a
//                          variant, particles included: TermMatcher) whose
//                          English is missing from the translation. The
//                          English must appear case-sensitively as a whole
//                          word; it may be followed by a plural or possessive
//                          ending (s, es, 's, ’s; y -> ies), and a term whose English
//                          starts lower-case ("president") may be capitalised
//                          ("President Yoon"); a place name may be an
//                          adjective (Korea -> Korean, Taiwan -> Taiwanese).
//   numbers       error    a number of the Korean with no equivalent in the
//                          English (numbers.h has the rules: 1000만 달러 =
//                          $10 million, 130억원 = 13 billion won...)
//                 warning  an approximate Korean number (30여 명) stated
//                          exactly; an English digit number the Korean lacks
//   quotes        error    quotes or brackets unbalanced in the English
//                          (“ ” ‘ ’ " ' ( ) [ ] 「 」 『 』; apostrophes as in
//                          it's, Korea's, startups’ are not quotes; "1)" list
//                          labels are not brackets), or the English has a
//                          different number of quoted passages than the
//                          Korean (Korean “…” '…' 「…」 『…』 may become
//                          English “…” "…" or ‘…’). A Korean unit cut inside
//                          a quotation may be unbalanced the same way in the
//                          English; where the English closes it, it counts
//                          as a whole passage.
//                 warning  a different number of bracketed passages: a
//                          parenthetical gloss is added or dropped in good
//                          translations (인공지능(AI) -> AI), so it is for a
//                          reviewer to look at, not an error
//   punctuation   warning  a Korean question (ending in ?, or in a question
//                          ending: …까, …나요, …가요, …니, …냐, …는가/…은가/…던가
//                          before a final period) whose English does not end
//                          with ?; a Korean sentence ending in . ! ? whose
//                          English has no end punctuation at all
//   consistency   warning  the same Korean text translated differently,
//                          within a document or across documents (reported
//                          on every occurrence after the first)
//   spacing       warning  double, leading or trailing spaces, a tab or a
//                          line break in the English, a space before , . ; : ? !
//   subtitles     warning  a cue of the subtitles the build would write
//                          (MakeCues with the given TimingOptions) over the
//                          limits: an English line over en_max_line code
//                          points, a Korean line over ko_max_line width, more
//                          than max_lines lines, a duration under min_ms or
//                          over max_ms, English over kMaxEnglishCps
//
// Findings come out in document order, then by line, then in the order of
// the table above. Deterministic.
#ifndef BITEXT_CHECKS_H_
#define BITEXT_CHECKS_H_

#include <string>
#include <vector>

#include "document.h"
#include "glossary.h"
#include "subtitle_timing.h"
#include "term_matcher.h"

namespace bitext {

enum class FindingSeverity { kError, kWarning, kInfo };

// "error", "warning", "info".
const char* FindingSeverityName(FindingSeverity s);

struct Finding {
  std::string doc;    // document name (MergedDocument::name)
  std::string unit;   // unit id ("" for a finding about the file)
  std::string file;   // en.po path, or the Korean source for a unit with no entry
  int line = 0;       // 1-based line in `file` (0: the whole file)
  std::string check;  // "untranslated", "numbers", ... (see above)
  FindingSeverity severity = FindingSeverity::kError;
  std::string message;
};

// "FILE:LINE: severity: [check] UNIT: message" (":LINE" left out when line
// is 0, "UNIT: " when the finding is about the whole file).
std::string FormatFinding(const Finding& f);
// One JSON object (no newline): doc, unit (null when ""), file, line, check,
// severity, message.
std::string FormatFindingJson(const Finding& f);

struct CheckOptions {
  const Glossary* glossary = nullptr;    // glossary check only when both are set
  const TermMatcher* matcher = nullptr;  //   (the matcher built from *glossary)
  bool subtitles = true;                 // run the subtitle check
  TimingOptions timing;                  // for the subtitle check
};

// The single checks. Each looks at one document; only translated units are
// checked for content (glossary, numbers, quotes, punctuation, spacing).
std::vector<Finding> CheckStates(const MergedDocument& doc);    // untranslated, fuzzy
std::vector<Finding> CheckObsolete(const MergedDocument& doc);  // reads doc.po_path for lines
std::vector<Finding> CheckGlossary(const MergedDocument& doc, const Glossary& glossary,
                                   const TermMatcher& matcher);
std::vector<Finding> CheckNumbers(const MergedDocument& doc);
std::vector<Finding> CheckQuotes(const MergedDocument& doc);
std::vector<Finding> CheckPunctuation(const MergedDocument& doc);
std::vector<Finding> CheckSpacing(const MergedDocument& doc);
std::vector<Finding> CheckSubtitles(const MergedDocument& doc, const std::vector<Cue>& cues,
                                    const TimingOptions& opt);
// Across all documents.
std::vector<Finding> CheckConsistency(const std::vector<MergedDocument>& docs);

// Every check above over `docs`, sorted as described at the top.
std::vector<Finding> RunChecks(const std::vector<MergedDocument>& docs, const CheckOptions& opt);

// --- Helpers, exposed for tests ---

// Problems with the quotes and brackets of `en` alone (empty: balanced).
std::vector<std::string> QuoteProblems(std::string_view en);
// Quoted and bracketed passages of a text: *quotes gets the number of quote
// pairs, *brackets of bracket pairs. False if the text is unbalanced.
bool CountPairs(std::string_view text, int* quotes, int* brackets);
// True if Korean `ko` reads as a question.
bool IsKoreanQuestion(std::string_view ko);
// True if `english` contains `term_en` as a whole word (see the glossary
// check above). With `adjective_forms` (place names), the name with n, an,
// ian or ese appended counts too: Korea -> Korean, Taiwan -> Taiwanese.
bool ContainsTerm(std::string_view english, std::string_view term_en, bool adjective_forms = false);

}  // namespace bitext

#endif  // BITEXT_CHECKS_H_
