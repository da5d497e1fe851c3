#include "similarity.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace bitext {
namespace {

uint64_t Pair(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }

// Size of the multiset intersection of two sorted vectors.
size_t Common(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  size_t i = 0, j = 0, n = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

}  // namespace

SimilarityProfile Profile(std::string_view s) {
  SimilarityProfile p;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(bytes, i, len, c);
    if (c < 0 || !u_isalnum(c)) continue;
    p.chars.push_back(static_cast<uint32_t>(u_tolower(c)));
  }
  for (size_t k = 0; k + 1 < p.chars.size(); ++k) {
    p.bigrams.push_back(Pair(p.chars[k], p.chars[k + 1]));
  }
  std::sort(p.bigrams.begin(), p.bigrams.end());
  return p;
}

double MaxSimilarity(const SimilarityProfile& a, const SimilarityProfile& b) {
  size_t x = a.chars.size(), y = b.chars.size();
  if (x == 0 && y == 0) return 1.0;
  if (x == 0 || y == 0) return 0.0;
  if (x < 2 || y < 2) return 2.0 * static_cast<double>(std::min(x, y)) / static_cast<double>(x + y);
  size_t gx = x - 1, gy = y - 1;
  return 2.0 * static_cast<double>(std::min(gx, gy)) / static_cast<double>(gx + gy);
}

double Similarity(const SimilarityProfile& a, const SimilarityProfile& b) {
  if (a.chars == b.chars) return 1.0;
  if (a.chars.empty() || b.chars.empty()) return 0.0;
  if (a.chars.size() < 2 || b.chars.size() < 2) {
    // Too short for bigrams: compare single characters.
    std::vector<uint64_t> x(a.chars.begin(), a.chars.end());
    std::vector<uint64_t> y(b.chars.begin(), b.chars.end());
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return 2.0 * static_cast<double>(Common(x, y)) / static_cast<double>(x.size() + y.size());
  }
  return 2.0 * static_cast<double>(Common(a.bigrams, b.bigrams)) /
         static_cast<double>(a.bigrams.size() + b.bigrams.size());
}

double TextSimilarity(std::string_view a, std::string_view b) {
  return Similarity(Profile(a), Profile(b));
}

}  // namespace bitext
