// The glossary matching engine: finds every glossary term and variant in
// Korean text in one pass, honouring Korean word boundaries and particles.
//
//   bitext::TermMatcher matcher(glossary);          // builds the trie once
//   for (const bitext::TermMatch& m : matcher.FindAll(clean_text))
//     Use(glossary.terms[m.term], clean_text.substr(m.begin, m.end - m.begin));
//
// How it matches (the contract `bitext check` and `bitext glossary` rely on):
//  - Keys are every term's `ko` and every variant, NFC. A key that contains
//    spaces is also matched with its spaces left out ("샘 알트만" matches
//    "샘알트만"), unless that space-less form is itself a key; the reverse
//    (a space-less key matching spaced text) is not done, so "이영" never
//    matches the two words "이 영".
//  - The text is walked once, left to right. At every word start (start of
//    the text, or a position whose previous code point is not a word
//    character) the trie of keys is walked as far as the text allows; of the
//    keys ending on that walk, the longest whose end is a valid word end wins
//    ("네이버웹툰" over "네이버"). The walk resumes after the match, so matches
//    never overlap. The cost per word start is bounded by the longest key, not
//    by the number of keys (tools/bench/glossary_bench.cc measures it).
//  - A word character is a letter or digit of any script (Hangul, Latin,
//    Hanja...) or a combining mark. "오픈AI가" is one word, so the key "AI"
//    does not match inside it, and "GPT" does not match inside "GPT5".
//  - A key ends at a valid word end when it is followed by the end of the
//    text, by a non-word character (space, punctuation), or by a run of Hangul
//    that is entirely a chain of one to three particles from Particles()
//    followed by a non-word character: "오픈AI가", "소프트뱅크벤처스와의",
//    "스타트업들에도". "이영아" is not a match for "이영": the vocative 아/야
//    is deliberately not a particle.
// Byte offsets in TermMatch point into the text given to FindAll; callers
// pass CleanText output (NFC), so offsets are positions in the cleaned file.
#ifndef BITEXT_TERM_MATCHER_H_
#define BITEXT_TERM_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "glossary.h"

namespace bitext {

// One occurrence of a glossary key in a text. [begin, end) are byte offsets
// of the key's surface in the searched text (the particle after it is not
// included); term indexes Glossary::terms; variant is true when the surface
// is one of the term's variants rather than its ko.
struct TermMatch {
  size_t begin = 0;
  size_t end = 0;
  size_t term = 0;
  bool variant = false;
};

class TermMatcher {
 public:
  // Builds the automaton once; the glossary is not referenced afterwards.
  explicit TermMatcher(const Glossary& glossary);

  // Every match, left to right, non-overlapping, longest match first.
  std::vector<TermMatch> FindAll(std::string_view nfc_text) const;

  // Number of distinct keys in the trie (ko, variants, space-less forms).
  size_t key_count() const { return keys_.size(); }

 private:
  struct Key {
    uint32_t term;
    bool variant;
  };
  // The trie as one array of 8-byte nodes; the children of a node are the
  // block [first_child, first_child + count), sorted by label. Blocks of the
  // top levels are laid out breadth-first, the rest depth-first (chains of
  // single children are contiguous). Children of nodes with many children
  // are also found by hash (wide_), those of the root for ASCII and Hangul
  // syllables by a direct table; a Bloom filter of all edges below the root
  // decides most failing steps without touching the nodes.
  struct Node {
    uint32_t word;         // label (bits 0-20), terminal (bit 21), count (bits 22-31)
    uint32_t first_child;  // start of the children's block
  };
  static constexpr uint32_t kLabelMask = (1u << 21) - 1;
  static constexpr uint32_t kTerminalBit = 1u << 21;
  static constexpr int kCountShift = 22;
  static constexpr uint32_t kCountOverflow = 1023;  // real count in big_count_

  // The child of `node` by `cp`, or 0 (the root is never a child).
  uint32_t Child(uint32_t node, char32_t cp) const;

  std::vector<Node> nodes_;                           // nodes_[0] is the root
  std::vector<int32_t> key_of_;                       // node -> index into keys_, or -1
  std::unordered_map<uint32_t, uint32_t> big_count_;  // node -> count >= kCountOverflow
  std::vector<uint32_t> root_direct_;                 // ASCII, then U+AC00..U+D7A3
  // The prefilter: a Bloom filter of the first token (run of word characters)
  // of every key. A walk starts only at a word start where some prefix of the
  // token there that could end a key (at the token's end or before a
  // particle) is in the filter -- which every real match satisfies -- so most
  // word starts cost a few hashed characters, whatever the glossary size.
  bool MayStartKey(std::string_view text, size_t i) const;
  std::vector<uint64_t> tokens_;
  int tokens_shift_ = 64;
  std::vector<uint64_t> bloom_;  // Bloom filter of the edges below the root
  int bloom_shift_ = 64;
  std::vector<uint32_t> wide_;  // child ids by hash of (parent, label); 0 = empty
  uint64_t wide_mask_ = 0;
  int wide_shift_ = 60;
  std::vector<Key> keys_;
};

// --- Korean word helpers, shared with glossary lint and candidates. ---

// The particles (조사) and copula endings accepted after a term, as data. A
// term may be followed by a chain of one to three of them ("에서"+"는",
// "과"+"의", "들"+"에"+"도"). Sorted by length, longest first.
//   Case:      은 는 이 가 을 를 의 에 에서 에게 에게서 께 께서 한테 한테서
//              와 과 랑 이랑 로 으로 로서 으로서 로써 으로써 로부터 으로부터
//   Contracted: 엔 에선 에겐 론 으론
//   Auxiliary: 도 만 까지 부터 처럼 보다 마다 조차 마저 밖에 뿐 나 이나
//              나마 이나마 든지 이든지 같이 대로 들 (plural)
//   Copula:    다 이다 였다 이었다 이며 며 이고 이자 인 이지만 입니다
//              이었던 였던 이던 이라 이라고 라고 이라는 라는 이라며 라며
//              이란 이라서 라서 이면 이어서 여서 인데 인가 이라도 라도
// Deliberately absent: 아/야 (vocative: "이영아" is a name), 자 ("이영자"),
// 란 ("이영란"), 면, 고, 라 -- single syllables that more often continue a
// name than end it.
const std::vector<std::string>& Particles();

// True if `s` (Hangul only) is a chain of one to three particles.
bool IsParticleChain(std::string_view s);

// `word` without its trailing particle chain: the longest proper prefix
// whose rest is a particle chain, or `word` itself. "오픈AI가" -> "오픈AI",
// "스타트업들에도" -> "스타트업".
std::string_view StripParticles(std::string_view word);

// True for letters and digits of any script and combining marks.
bool IsWordChar(char32_t cp);
// True for Hangul syllables and jamo.
bool IsHangul(char32_t cp);

// 1-based line and column (in code points) of a byte offset.
struct TextPosition {
  int line = 1;
  int col = 1;
};

// Maps byte offsets of one text to line:col. Build once per text; each
// lookup costs O(log lines + line length).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  TextPosition At(size_t byte_offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// One-off form of LineIndex(text).At(byte_offset).
TextPosition PositionAt(std::string_view text, size_t byte_offset);

}  // namespace bitext

#endif  // BITEXT_TERM_MATCHER_H_
