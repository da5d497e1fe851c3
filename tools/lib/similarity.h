// Similarity of two Korean sentences, for carrying a translation over to an
// edited sentence (bitext update marks it fuzzy).
//
//   double s = bitext::TextSimilarity("오픈AI는 한국에 투자한다.", "오픈AI는 한국에 더 투자한다.");
//   if (s >= bitext::kFuzzyThreshold) ...  // the same sentence, edited
//
// Korean words change their endings (조사, 어미) with every edit, so whole
// words compare badly; single syllables carry meaning. The measure is the Dice
// coefficient over character bigrams (pairs of adjacent syllables/letters):
//   2 * |common bigrams| / (|bigrams of a| + |bigrams of b|)
// counted as multisets, after keeping only letters and digits (spaces and
// punctuation dropped, so spacing fixes and a changed full stop do not count)
// and lowercasing Latin letters. Identical normalised texts score 1.0, texts
// with no bigram in common 0.0. Texts shorter than two characters compare by
// their single characters. The result never depends on the locale.
//
// Threshold: kFuzzyThreshold = 0.5. Measured on the two bundled documents
// (194 sentences): the most similar pair of DIFFERENT sentences scores 0.42
// (two captions of the same photo with different wording score higher and are
// in effect the same sentence), while editing one word, a number, or a
// particle of a sentence of 20+ syllables scores 0.75-0.95, and a rewrite of
// half a sentence about 0.5-0.6. 0.5 keeps the translator's English for real
// edits without attaching it to an unrelated sentence. (gettext's msgmerge
// uses 0.6 on its own, character-based measure.)
#ifndef BITEXT_SIMILARITY_H_
#define BITEXT_SIMILARITY_H_

#include <string_view>

namespace bitext {

// Below this, two texts are unrelated (see above).
inline constexpr double kFuzzyThreshold = 0.5;

// Dice coefficient over character bigrams, in [0, 1]; symmetric. `a` and `b`
// are UTF-8 (invalid bytes are skipped).
double TextSimilarity(std::string_view a, std::string_view b);

}  // namespace bitext

#endif  // BITEXT_SIMILARITY_H_
