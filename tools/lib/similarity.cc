#include "similarity.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace bitext {
namespace {

// The letters and digits of `s`, Latin lowercased, as code points.
std::vector<UChar32> Normalise(std::string_view s) {
  std::vector<UChar32> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) continue;
    if (!u_isalnum(c)) continue;
    out.push_back(u_tolower(c));
  }
  return out;
}

}  // namespace

double TextSimilarity(std::string_view a, std::string_view b) {
  std::vector<UChar32> x = Normalise(a);
  std::vector<UChar32> y = Normalise(b);
  if (x == y) return 1.0;
  if (x.empty() || y.empty()) return 0.0;
  // Grams: bigrams, or single characters when a text is shorter than 2.
  const size_t n = (x.size() < 2 || y.size() < 2) ? 1 : 2;
  auto key = [n](const std::vector<UChar32>& v, size_t i) {
    uint64_t k = static_cast<uint32_t>(v[i]);
    if (n == 2) k = (k << 32) | static_cast<uint32_t>(v[i + 1]);
    return k;
  };
  std::unordered_map<uint64_t, int> counts;
  for (size_t i = 0; i + n <= x.size(); ++i) ++counts[key(x, i)];
  size_t common = 0;
  for (size_t i = 0; i + n <= y.size(); ++i) {
    auto it = counts.find(key(y, i));
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++common;
    }
  }
  size_t total = (x.size() - n + 1) + (y.size() - n + 1);
  return 2.0 * static_cast<double>(common) / static_cast<double>(total);
}

}  // namespace bitext
