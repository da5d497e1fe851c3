// Minimal JSON output helpers for the jsonl formats (segment, check).
#ifndef BITEXT_JSON_H_
#define BITEXT_JSON_H_

#include <string>
#include <string_view>

namespace bitext {

// `s` (valid UTF-8) as a JSON string literal, quotes included. Control
// characters are escaped; non-ASCII is written as UTF-8.
std::string JsonQuote(std::string_view s);

}  // namespace bitext

#endif  // BITEXT_JSON_H_
