// Prefix and suffix tests on byte strings (C++17 has no starts_with), shared
// by the modules that match words, endings and file names.
#ifndef BITEXT_AFFIX_H_
#define BITEXT_AFFIX_H_

#include <string_view>

namespace bitext {

// True if `s` begins with `prefix`. The first byte is compared first: most
// calls end there, without a memcmp call.
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && (prefix.empty() || s.front() == prefix.front()) &&
         s.substr(0, prefix.size()) == prefix;
}

// True if `s` ends with `suffix`. The last byte is compared first: most
// calls (word endings in cue splitting and line breaking) end there.
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && (suffix.empty() || s.back() == suffix.back()) &&
         s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace bitext

#endif  // BITEXT_AFFIX_H_
