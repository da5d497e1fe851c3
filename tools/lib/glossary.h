// The glossary of names and terms (glossary/terms.tsv): reading, writing,
// adding, linting and exporting it. Matching lives in term_matcher.h.
//
//   Result<Glossary> g = bitext::LoadGlossary("glossary/terms.tsv");
//   if (!g.ok()) return Fail(g.status());   // "glossary/terms.tsv:12: unknown kind 'peson' ..."
//
// The file format:
//  - UTF-8, one entry per line, fields separated by a TAB, LF line ends (a CR
//    before the LF and a leading byte-order mark are accepted and dropped);
//  - the first line that is neither blank nor a comment is the header, exactly
//    "ko<TAB>en<TAB>kind<TAB>variants<TAB>note"; a file without it is malformed;
//  - then one row per term, exactly five fields: ko (the Korean form), en (the
//    English to use), kind (person, org, place, product, event, title, term),
//    variants (other Korean spellings, "|"-separated, may be empty) and note
//    (free text, may be empty);
//  - lines starting with "#" are comments; blank lines are allowed;
//  - rows are sorted by ko in byte order (lint warns otherwise).
// A row is malformed -- ParseGlossary fails with InvalidInput "FILE:LINE:
// message" (FILE:LINE:COL for bad UTF-8) -- when it has the wrong number of
// fields, an empty ko or en, an unknown kind, an empty variant, a field with
// leading, trailing or doubled spaces or a control character, invalid UTF-8,
// or a Korean string (ko or variant) that another row (or the same row) also
// lists. All Korean and English strings are NFC-normalised when read.
//
// SerializeGlossary writes the canonical form: all comment lines first (in
// their original order, wherever they were), then the header, then the rows
// sorted by ko (then en), one per line; blank lines are dropped. Serializing
// a canonical file reproduces it byte for byte.
#ifndef BITEXT_GLOSSARY_H_
#define BITEXT_GLOSSARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "status.h"
#include "unit.h"

namespace bitext {

enum class TermKind { kPerson, kOrg, kPlace, kProduct, kEvent, kTitle, kTerm };

// "person", "org", "place", "product", "event", "title", "term".
const char* TermKindName(TermKind kind);
// Inverse of TermKindName; false if `name` is not a kind.
bool ParseTermKind(std::string_view name, TermKind* kind);

struct Term {
  std::string ko;
  std::string en;
  TermKind kind = TermKind::kTerm;
  std::vector<std::string> variants;
  std::string note;
  int line = 0;  // 1-based line in the file it was read from (0: not from a file)
};

struct Glossary {
  std::string path;
  std::vector<Term> terms;            // in file order
  std::vector<std::string> comments;  // comment lines ("# ..."), in file order
};

// The header line, without its newline.
extern const char kGlossaryHeader[];

// Reads and parses `path`. NotFound/IoError from reading; InvalidInput at
// FILE:LINE(:COL) for the first malformed line.
Result<Glossary> LoadGlossary(const std::string& path);
// Parses file contents; `path` names the file in errors and in Glossary::path.
Result<Glossary> ParseGlossary(std::string_view text, const std::string& path);
// The canonical file text (see above). Deterministic.
std::string SerializeGlossary(const Glossary& glossary);

// --- Lint ---

enum class Severity { kError, kWarning };

struct GlossaryFinding {
  Location where;
  Severity severity = Severity::kError;
  std::string message;
  // "FILE:LINE: error: message" / "FILE:LINE: warning: message".
  std::string ToString() const;
};

// Every problem of the file text itself, in line order: the errors that make
// ParseGlossary fail (all of them, not just the first) plus warnings (rows
// out of sorted order, text not in NFC). If `parsed` is not null it receives
// the rows that could be read (best effort, for further checks).
std::vector<GlossaryFinding> LintGlossaryText(std::string_view text, const std::string& path,
                                              Glossary* parsed = nullptr);

// --- Adding ---

enum class AddOutcome {
  kAdded,      // a new row
  kUpdated,    // an existing row with the same ko and en gained variants/a note
  kUnchanged,  // everything asked for is already there
};

// Adds `term` (ko, en, kind, variants, note; line ignored) to `glossary`,
// keeping its rows sorted. Strings are cleaned like text (CleanText: BOMs and
// zero-width characters dropped, spaces collapsed, NFC) and trimmed.
//  - If a row has the same ko and the same en, new variants are appended and
//    an empty note is filled in (kUpdated), or nothing changes (kUnchanged);
//    a different kind (when `kind_given`) or a different non-empty note is
//    a Conflict.
//  - If the ko or a variant is already the ko or a variant of another row, it
//    already means something (else): Conflict at FILE:LINE of that row, e.g.
//    "glossary/terms.tsv:12: '네이버' is already the Korean of 'Naver' (org)".
//  - Usage for an empty ko/en, a TAB, newline or control character, a '|'
//    in a Korean form, or a ko starting with '#' (it would read as a comment).
// On error the glossary is unchanged.
Result<AddOutcome> AddTerm(Glossary* glossary, const Term& term, bool kind_given);

// --- The documents, for lint and candidates ---

// One unit of source text of a document.
struct CorpusText {
  std::string file;  // the source file (…/ko.txt or …/ko.srt)
  int line = 0;      // position of the unit's first character in it
  int col = 0;
  UnitKind kind = UnitKind::kBody;
  std::string text;  // cleaned (NFC) unit text
};

// The units of every document under `translations_dir` (ListDocuments +
// FindSource + LoadSource), in document and unit order.
Result<std::vector<CorpusText>> LoadCorpus(const std::string& translations_dir);

// A warning at the term's line for every term (ko and all variants) that
// matches in none of `corpus`.
std::vector<GlossaryFinding> FindUnusedTerms(const Glossary& glossary,
                                             const std::vector<CorpusText>& corpus);

// A likely term the glossary lacks.
struct Candidate {
  std::string text;
  int count = 0;                     // occurrences in the corpus
  std::vector<std::string> reasons;  // sorted: "glossed", "latin", "particles", "quoted"
  Location first;                    // first occurrence
};

// The terminologist's to-do list, sorted by count (descending) then text:
//  - latin: a word containing Latin letters ("GPT5", "오픈AI가" -> "오픈AI"),
//    particles stripped, at least two characters;
//  - particles: a Hangul stem of two or more syllables seen with at least two
//    different endings (bare, or particle chains: "기술이", "기술을");
//  - glossed: a Hangul word directly followed by "(" and Latin ("인공지능(AI)");
//  - quoted: a short quoted name ('스픽', ‘콜라보 사업’; at most 30 characters and
//    five words, no sentence punctuation).
// Excluded: words the glossary matches, quotes whose whole text is a
// glossary key, and bylines and boilerplate units.
std::vector<Candidate> FindCandidates(const Glossary& glossary,
                                      const std::vector<CorpusText>& corpus);

// --- Export ---

// OmegaT glossary (UTF-8, tab-separated "ko<TAB>en<TAB>comment"): one line per
// term and one per variant; a variant's comment starts "variant of KO".
std::string ExportOmegaT(const Glossary& glossary);
// TBX-Basic: <martif type="TBX-Basic" xml:lang="en">, one termEntry per
// term with a ko langSet (the term preferred, variants admitted) and an en
// langSet; partOfSpeech properNoun for person/org/place/product/event, noun
// for title/term; the kind and the note as <note>s.
std::string ExportTbx(const Glossary& glossary);
// RFC 4180 CSV (CRLF line ends) with header ko,en,kind,variants,note;
// variants "|"-joined.
std::string ExportCsv(const Glossary& glossary);

}  // namespace bitext

#endif  // BITEXT_GLOSSARY_H_
