// PO merge: carrying curated English over to a re-segmented source -- the
// logic of `bitext update`. Built on gettext's rules for never losing work:
// fuzzy entries with the previous source, obsolete entries instead of
// deletions.
//
//   MergeStats stats;
//   PoFile merged = MergeUnits(old_po, units, {"ko.txt", "doc"}, &stats);
//
//   Result<UpdateResult> r = UpdateDocument("translations/doc", /*dry_run=*/false);
//   std::cout << r->Summary() << "\n";
//
// For every unit, in document order, MergeUnits makes one active entry:
// msgctxt = unit id, msgid = Korean text, extracted comments "kind: KIND" and
// (for speech) "speaker: NAME", a reference "SOURCE:LINE". Its msgstr comes
// from the old file (active and obsolete entries are both candidates, each
// used at most once):
//  1. kept: an old entry with the same msgctxt and msgid; else one with the
//     same msgid (a moved unit, or a revived obsolete one). Translation,
//     flags, fuzzy state, previous strings and translator comments are kept.
//  2. fuzzy: else the old entry with a translation whose msgid is most similar
//     (TextSimilarity >= threshold, see similarity.h); pairs are taken best
//     first, ties in document order. The new entry is fuzzy, keeps the old
//     English and translator comments, and gets `#| msgctxt`/`#| msgid` = the
//     old ones (if the old entry was already fuzzy, its older previous strings
//     are kept: the English still translates those).
//  3. new: else an entry with an empty msgstr.
// Old active entries left over become obsolete (`#~`) if they have a
// translation or translator comments, and are dropped if they are empty. Old
// obsolete entries left over stay, in their order. Obsolete entries follow
// the active ones. The header is kept; a missing header gets
// DefaultPoHeader, and a header without Language/Content-Type/... gets those
// fields added (never a date). Merging the result again with the same units
// gives the same file.
#ifndef BITEXT_PO_MERGE_H_
#define BITEXT_PO_MERGE_H_

#include <string>
#include <vector>

#include "po_store.h"
#include "status.h"
#include "unit.h"

namespace bitext {

struct MergeOptions {
  std::string source_name = "ko.txt";  // file name used in `#:` references
  std::string doc_name;                // for the header comment of a new file
  double threshold = -1;               // similarity threshold; < 0: kFuzzyThreshold
};

struct MergeStats {
  int units = 0;           // active entries written (= units)
  int kept = 0;            // units that found their own text (rule 1)
  int fuzzy = 0;           // units that got a similar entry's English (rule 2)
  int added = 0;           // units with a new, empty entry (rule 3)
  int obsoleted = 0;       // old active entries made obsolete by this merge
  int dropped = 0;         // old active entries without English, removed
  int obsolete_total = 0;  // obsolete entries in the result
};

// Merges `units` into `old` (see above).
PoFile MergeUnits(const PoFile& old, const std::vector<Unit>& units, const MergeOptions& options,
                  MergeStats* stats);

struct UpdateResult {
  std::string name;     // document folder name
  std::string po_path;  // DOC_DIR/en.po
  MergeStats stats;
  bool created = false;  // en.po did not exist
  bool changed = false;  // the new content differs from the file (or it is new)
  bool written = false;  // the file was (re)written

  // "NAME: 80 units: 78 kept, 1 fuzzy, 1 new, 1 obsolete" followed by
  // "; wrote PATH", "; created PATH", "; PATH unchanged" or
  // "; PATH would change" (dry run).
  std::string Summary() const;
};

// `bitext update`: loads the source of `doc_dir` (LoadSource), merges it into
// doc_dir/en.po (created if absent) and writes it atomically, only if its
// bytes change. A malformed en.po is an error (FILE:LINE:COL) and the file is
// left untouched. With dry_run nothing is written.
Result<UpdateResult> UpdateDocument(const std::string& doc_dir, bool dry_run);

}  // namespace bitext

#endif  // BITEXT_PO_MERGE_H_
