#include "term_matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>

#include "text_clean.h"
#include "utf8.h"

namespace bitext {
namespace {

// Longest particle in syllables; chains have at most three links.
constexpr size_t kMaxParticle = 4;
constexpr int kMaxChain = 3;
constexpr size_t kMaxRun = kMaxParticle * kMaxChain;

// Particles() as a small trie over code points.
class ParticleTrie {
 public:
  ParticleTrie() : nodes_(1) {
    for (const std::string& p : Particles()) {
      uint32_t node = 0;
      for (size_t i = 0; i < p.size();) {
        char32_t cp;
        i += CodePointAt(p, i, &cp);
        uint32_t next = Child(node, cp);
        if (next == 0) {
          next = uint32_t(nodes_.size());
          nodes_[node].children.push_back({cp, next});
          nodes_.emplace_back();
        }
        node = next;
      }
      nodes_[node].terminal = true;
    }
  }
  uint32_t Child(uint32_t node, char32_t cp) const {
    for (const auto& [label, child] : nodes_[node].children)
      if (label == cp) return child;
    return 0;
  }
  bool Terminal(uint32_t node) const { return nodes_[node].terminal; }

  // True if cps[pos, n) is a chain of at most kMaxChain - depth particles.
  bool Chain(const char32_t* cps, size_t n, size_t pos, int depth) const {
    if (pos == n) return depth > 0;
    if (depth == kMaxChain) return false;
    uint32_t node = 0;
    for (size_t e = pos; e < n && e < pos + kMaxParticle; ++e) {
      node = Child(node, cps[e]);
      if (node == 0) return false;
      if (Terminal(node) && Chain(cps, n, e + 1, depth + 1)) return true;
    }
    return false;
  }

 private:
  struct Node {
    std::vector<std::pair<char32_t, uint32_t>> children;
    bool terminal = false;
  };
  std::vector<Node> nodes_;
};

const ParticleTrie& Particle() {
  static const auto* trie = new ParticleTrie();
  return *trie;
}

// True if a key ending at text[j] ends a word: end of text, a non-word
// character, or a particle chain followed by a non-word character.
bool ValidEnd(std::string_view text, size_t j) {
  if (j >= text.size()) return true;
  char32_t cp;
  CodePointAt(text, j, &cp);
  if (!IsWordChar(cp)) return true;
  if (!IsHangul(cp)) return false;
  char32_t run[kMaxRun];
  size_t n = 0;
  for (size_t k = j; k < text.size();) {
    k += CodePointAt(text, k, &cp);
    if (!IsHangul(cp)) {
      if (IsWordChar(cp)) return false;  // e.g. Hangul run followed by Latin
      break;
    }
    if (n == kMaxRun) return false;
    run[n++] = cp;
  }
  return Particle().Chain(run, n, 0, 0);
}

}  // namespace

const std::vector<std::string>& Particles() {
  static const auto* list = [] {
    auto* v = new std::vector<std::string>{
        // Case particles.
        "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "에게서", "께", "께서",
        "한테", "한테서", "와", "과", "랑", "이랑", "로", "으로", "로서", "으로서", "로써",
        "으로써", "로부터", "으로부터",
        // Contractions: 엔 (에는), 에선 (에서는), 에겐 (에게는), 론 (로는).
        "엔", "에선", "에겐", "론", "으론",
        // Auxiliary particles and the plural suffix.
        "도", "만", "까지", "부터", "처럼", "보다", "마다", "조차", "마저", "밖에", "뿐", "나",
        "이나", "나마", "이나마", "든지", "이든지", "같이", "대로", "들",
        // Copula forms.
        "다", "이다", "였다", "이었다", "이며", "며", "이고", "이자", "인", "이지만", "입니다",
        "이었던", "였던", "이던", "이라", "이라고", "라고", "이라는", "라는", "이라며", "라며",
        "이란", "이라서", "라서", "이면", "이어서", "여서", "인데", "인가", "이라도", "라도"};
    std::stable_sort(v->begin(), v->end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
    return v;
  }();
  return *list;
}

bool IsParticleChain(std::string_view s) {
  char32_t run[kMaxRun];
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += CodePointAt(s, i, &cp);
    if (!IsHangul(cp) || n == kMaxRun) return false;
    run[n++] = cp;
  }
  return Particle().Chain(run, n, 0, 0);
}

std::string_view StripParticles(std::string_view word) {
  // Try the shortest stem first so the longest chain is removed.
  char32_t cp;
  size_t first = CodePointAt(word, 0, &cp);
  for (size_t i = first; i < word.size();) {
    size_t len = CodePointAt(word, i, &cp);
    if (word.size() - i <= kMaxRun * 3 && IsParticleChain(word.substr(i))) {
      // All of word[i..] must be Hangul for IsParticleChain to succeed.
      return word.substr(0, i);
    }
    i += len;
  }
  return word;
}

bool IsHangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  }
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
  if (u_isalnum(static_cast<UChar32>(cp))) return true;
  int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

// --- TermMatcher ---

namespace {

// Children of nodes with at most this many are searched linearly; the
// others are found through the wide_ hash table.
constexpr uint32_t kNarrow = 8;

// A blocked Bloom filter over the edges (node, label) below the root: a
// lookup that fails -- the last step of most walks -- usually touches only
// this small bit array instead of the node array.
inline uint64_t BloomHash(uint64_t node, char32_t cp) {
  return ((node << 21) | cp) * 0xD6E8FEB86659FD93ull;
}
inline uint64_t BloomBits(uint64_t h) {
  return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
}

// An inlined fast path of IsWordChar for ASCII and Hangul syllables, the
// bulk of the text.
inline bool WordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  }
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
  return IsWordChar(cp);
}

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001B3ull;

// True for Hangul syllables that begin a particle (see Particles()).
bool ParticleInitial(char32_t cp) {
  static const auto* table = [] {
    auto* t = new std::vector<bool>(0xD7A4 - 0xAC00, false);
    for (const std::string& p : Particles()) {
      char32_t first;
      CodePointAt(p, 0, &first);
      if (first >= 0xAC00 && first < 0xD7A4) (*t)[first - 0xAC00] = true;
    }
    return t;
  }();
  return cp >= 0xAC00 && cp < 0xD7A4 && (*table)[cp - 0xAC00];
}

inline uint64_t WideHash(uint64_t node, char32_t cp, int shift) {
  return (((node << 21) | cp) * 0x9E3779B97F4A7C15ull) >> shift;
}
// Levels of the trie laid out breadth-first before the depth-first rest.
constexpr int kBreadthFirstLevels = 2;

// A plain trie used while building: node ids in creation order, so every
// parent is created before its children.
class BuildTrie {
 public:
  struct Edge {
    uint32_t parent;
    char32_t cp;
  };
  BuildTrie() : terminal_(1, -1) {}

  // Returns false if the key was already present (the first one wins).
  bool Insert(std::string_view key, int32_t value) {
    if (key.empty()) return false;
    uint32_t node = 0;
    for (size_t i = 0; i < key.size();) {
      char32_t cp;
      i += CodePointAt(key, i, &cp);
      uint64_t k = (uint64_t{node} << 21) | cp;
      auto it = children_.find(k);
      if (it == children_.end()) {
        uint32_t child = uint32_t(terminal_.size());
        children_.emplace(k, child);
        terminal_.push_back(-1);
        edges_.push_back(Edge{node, cp});  // edges_[child - 1] enters child
        node = child;
      } else {
        node = it->second;
      }
    }
    if (terminal_[node] >= 0) return false;
    terminal_[node] = value;
    return true;
  }
  bool Contains(std::string_view key) const {
    uint32_t node = 0;
    for (size_t i = 0; i < key.size();) {
      char32_t cp;
      i += CodePointAt(key, i, &cp);
      auto it = children_.find((uint64_t{node} << 21) | cp);
      if (it == children_.end()) return false;
      node = it->second;
    }
    return terminal_[node] >= 0;
  }
  const std::vector<Edge>& edges() const { return edges_; }
  int32_t terminal(uint32_t node) const { return terminal_[node]; }

 private:
  std::unordered_map<uint64_t, uint32_t> children_;
  std::vector<int32_t> terminal_;
  std::vector<Edge> edges_;
};

}  // namespace

TermMatcher::TermMatcher(const Glossary& glossary) {
  BuildTrie trie;
  std::vector<uint64_t> first_tokens;  // FNV hashes of the keys' first tokens
  const auto& terms = glossary.terms;
  auto add = [&](std::string_view key, size_t term, bool variant) {
    if (!trie.Insert(key, int32_t(keys_.size()))) return;
    keys_.push_back(Key{uint32_t(term), variant});
    // The key's first token, for the prefilter.
    uint64_t h = kFnvOffset;
    size_t i = 0;
    while (i < key.size()) {
      char32_t cp;
      size_t len = CodePointAt(key, i, &cp);
      if (!IsWordChar(cp)) break;
      h = (h ^ cp) * kFnvPrime;
      i += len;
    }
    first_tokens.push_back(h);
  };
  for (size_t t = 0; t < terms.size(); ++t) add(ToNfc(terms[t].ko), t, false);
  for (size_t t = 0; t < terms.size(); ++t)
    for (const std::string& v : terms[t].variants) add(ToNfc(v), t, true);
  // Space-less forms of keys with spaces, where not keys themselves.
  for (size_t t = 0; t < terms.size(); ++t) {
    auto alias = [&](const std::string& s, bool variant) {
      if (s.find(' ') == std::string::npos) return;
      std::string joined;
      for (char c : ToNfc(s))
        if (c != ' ') joined += c;
      add(joined, t, variant);
    };
    alias(terms[t].ko, false);
    for (const std::string& v : terms[t].variants) alias(v, true);
  }

  // Lay the trie out in one array of nodes. Every node's children form one
  // block: sorted by label when there are at most kNarrow of them (searched
  // linearly), else an open-addressing hash table of 2^k slots keyed by label
  // (empty slots have label kNoLabel). Either way a step reads the block of
  // the node it leaves and lands on the node it needs next. The top levels,
  // which every walk visits, are laid out breadth-first and contiguous; the
  // rest depth-first, so a chain of single children is contiguous too.
  const auto& edges = trie.edges();
  const size_t n = edges.size() + 1;
  std::vector<uint32_t> start(n + 1, 0);  // temp parent -> its edges in `by_parent`
  for (const auto& e : edges) ++start[e.parent + 1];
  for (size_t i = 0; i < n; ++i) start[i + 1] += start[i];
  std::vector<uint32_t> by_parent(edges.size());
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t e = 0; e < edges.size(); ++e) by_parent[fill[edges[e].parent]++] = uint32_t(e);
  }
  struct Full {
    char32_t label;
    int32_t key;
    uint32_t first_child;
    uint32_t count;
  };
  std::vector<Full> full;
  full.reserve(n);
  full.push_back(Full{0, trie.terminal(0), 0, 0});
  std::vector<uint32_t> kids;
  using Pair = std::pair<uint32_t, uint32_t>;  // (temp id, final id)
  // Gives node `id` (temp id `old`) its block of children; appends the
  // children's pairs to *out in label order.
  auto expand = [&](uint32_t old, uint32_t id, std::vector<Pair>* out) {
    kids.assign(by_parent.begin() + start[old], by_parent.begin() + start[old + 1]);
    std::sort(kids.begin(), kids.end(),
              [&](uint32_t x, uint32_t y) { return edges[x].cp < edges[y].cp; });
    full[id].first_child = uint32_t(full.size());
    full[id].count = uint32_t(kids.size());
    for (uint32_t e : kids) {
      out->push_back({e + 1, uint32_t(full.size())});
      full.push_back(Full{edges[e].cp, trie.terminal(e + 1), 0, 0});
    }
  };
  std::vector<Pair> level = {{0, 0}};
  for (int depth = 0; depth < kBreadthFirstLevels; ++depth) {
    std::vector<Pair> below;
    for (const auto& [old, id] : level) expand(old, id, &below);
    level.swap(below);
  }
  std::vector<Pair> stack(level.rbegin(), level.rend());
  std::vector<Pair> children;
  while (!stack.empty()) {
    auto [old, id] = stack.back();
    stack.pop_back();
    children.clear();
    expand(old, id, &children);
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }

  // Pack into 8-byte nodes; keys and large child counts go aside.
  nodes_.resize(full.size());
  key_of_.resize(full.size());
  for (size_t q = 0; q < full.size(); ++q) {
    const Full& f = full[q];
    uint32_t count = f.count < kCountOverflow ? f.count : kCountOverflow;
    if (f.count >= kCountOverflow) big_count_[uint32_t(q)] = f.count;
    nodes_[q].word =
        (f.label & kLabelMask) | (f.key >= 0 ? kTerminalBit : 0) | (count << kCountShift);
    nodes_[q].first_child = f.first_child;
    key_of_[q] = f.key;
  }

  // The children of wide nodes also go into one hash table keyed by
  // (node, label); a slot holds the child's id, which is verified by its
  // label and by lying in the parent's block.
  size_t wide_edges = 0;
  for (const Full& f : full)
    if (f.count > kNarrow) wide_edges += f.count;
  size_t wide_size = 16;
  wide_shift_ = 60;
  while (wide_size < wide_edges * 2) {
    wide_size *= 2;
    --wide_shift_;
  }
  wide_.assign(wide_size, 0);
  wide_mask_ = wide_size - 1;
  for (uint32_t q = 0; q < full.size(); ++q) {
    if (full[q].count <= kNarrow) continue;
    for (uint32_t c = full[q].first_child; c < full[q].first_child + full[q].count; ++c) {
      uint64_t h = WideHash(q, full[c].label, wide_shift_);
      while (wide_[h] != 0) h = (h + 1) & wide_mask_;
      wide_[h] = c;
    }
  }
  // The Bloom filter of all edges below the root.
  size_t bloom_bits = 4096;
  while (bloom_bits < full.size() * 8) bloom_bits *= 2;
  bloom_.assign(bloom_bits / 64, 0);
  bloom_shift_ = 64;
  for (size_t w = bloom_.size(); w > 1; w >>= 1) --bloom_shift_;
  for (uint32_t q = 1; q < full.size(); ++q) {
    for (uint32_t c = full[q].first_child; c < full[q].first_child + full[q].count; ++c) {
      uint64_t h = BloomHash(q, full[c].label);
      bloom_[h >> bloom_shift_] |= BloomBits(h);
    }
  }
  // The prefilter: a Bloom filter of the keys' first tokens.
  size_t token_bits = 4096;
  while (token_bits < first_tokens.size() * 16) token_bits *= 2;
  tokens_.assign(token_bits / 64, 0);
  tokens_shift_ = 64;
  for (size_t w = tokens_.size(); w > 1; w >>= 1) --tokens_shift_;
  for (uint64_t h : first_tokens) {
    uint64_t m = h * 0x9E3779B97F4A7C15ull;
    tokens_[m >> tokens_shift_] |= BloomBits(m);
  }
  root_direct_.assign(0x80 + (0xD7A4 - 0xAC00), 0);
  for (uint32_t c = full[0].first_child; c < full[0].first_child + full[0].count; ++c) {
    char32_t cp = full[c].label;
    if (cp < 0x80) root_direct_[cp] = c;
    if (cp >= 0xAC00 && cp < 0xD7A4) root_direct_[0x80 + (cp - 0xAC00)] = c;
  }
}

inline uint32_t TermMatcher::Child(uint32_t node, char32_t cp) const {
  if (node == 0) {
    if (cp < 0x80) return root_direct_[cp];
    if (cp >= 0xAC00 && cp < 0xD7A4) return root_direct_[0x80 + (cp - 0xAC00)];
  } else {
    uint64_t h = BloomHash(node, cp);
    uint64_t bits = BloomBits(h);
    if ((bloom_[h >> bloom_shift_] & bits) != bits) return 0;
  }
  const Node& parent = nodes_[node];
  uint32_t count = parent.word >> kCountShift;
  if (count == kCountOverflow) count = big_count_.find(node)->second;
  const uint32_t first = parent.first_child;
  const uint32_t end = first + count;
  if (count > kNarrow) {
    for (uint64_t h = WideHash(node, cp, wide_shift_);; h = (h + 1) & wide_mask_) {
      uint32_t c = wide_[h];
      if (c == 0) return 0;
      if (c >= first && c < end && (nodes_[c].word & kLabelMask) == cp) return c;
    }
  }
  for (uint32_t i = first; i < end; ++i) {
    char32_t label = nodes_[i].word & kLabelMask;
    if (label >= cp) return label == cp ? i : 0;
  }
  return 0;
}

bool TermMatcher::MayStartKey(std::string_view text, size_t i) const {
  char32_t cp;
  size_t len = CodePointAt(text, i, &cp);
  if (!WordChar(cp)) return true;  // keys starting with punctuation: walk
  uint64_t h = kFnvOffset;
  for (;;) {
    h = (h ^ cp) * kFnvPrime;
    i += len;
    bool token_end = i >= text.size();
    if (!token_end) {
      len = CodePointAt(text, i, &cp);
      token_end = !WordChar(cp);
    }
    if (token_end || ParticleInitial(cp)) {
      uint64_t m = h * 0x9E3779B97F4A7C15ull;
      uint64_t bits = BloomBits(m);
      if ((tokens_[m >> tokens_shift_] & bits) == bits) return true;
      if (token_end) return false;
    }
  }
}

std::vector<TermMatch> TermMatcher::FindAll(std::string_view text) const {
  std::vector<TermMatch> out;
  const size_t n = text.size();
  bool word_start = true;
  size_t i = 0;
  while (i < n) {
    if (word_start && MayStartKey(text, i)) {
      uint32_t node = 0;
      size_t j = i;
      size_t best_end = 0;
      int32_t best = -1;
      char32_t best_last = 0;
      while (j < n) {
        char32_t cp;
        size_t len = CodePointAt(text, j, &cp);
        uint32_t child = Child(node, cp);
        if (child == 0) break;
        node = child;
        j += len;
        if ((nodes_[node].word & kTerminalBit) && ValidEnd(text, j)) {
          best = key_of_[node];
          best_end = j;
          best_last = cp;
        }
      }
      if (best >= 0) {
        const Key& k = keys_[size_t(best)];
        out.push_back(TermMatch{i, best_end, k.term, k.variant});
        i = best_end;
        word_start = !WordChar(best_last);
        continue;
      }
    }
    char32_t cp;
    i += CodePointAt(text, i, &cp);
    word_start = !WordChar(cp);
  }
  return out;
}

// --- Positions ---

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

TextPosition LineIndex::At(size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  size_t line = size_t(it - line_starts_.begin());  // 1-based
  size_t start = line_starts_[line - 1];
  return TextPosition{int(line), ColumnOf(text_.substr(start), byte_offset - start)};
}

TextPosition PositionAt(std::string_view text, size_t byte_offset) {
  return LineIndex(text).At(byte_offset);
}

}  // namespace bitext
