// Tests for byte_scan.h: FindAnyByte and FindAnyByteOrControl at every offset,
// against plain loops.
#include "byte_scan.h"

#include <catch2/catch.hpp>

#include <string>

#include "random_text.h"

using bitext::FindAnyByte;

namespace {
// FindAnyByte<'&', '<', '>'> as its contract reads.
size_t FirstSpecialByLoop(const std::string& s, size_t from) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '&' || s[i] == '<' || s[i] == '>') return i;
  }
  return s.size();
}

// A find function's answers from every offset of a string, for comparing
// two of them on random text.
template <typename Find>
auto FromEveryOffset(Find find) {
  return [find](const std::string& s) {
    std::string found;
    for (size_t from = 0; from <= s.size(); ++from) found += std::to_string(find(s, from)) + ",";
    return found;
  };
}
}  // namespace

TEST_CASE("FindAnyByte finds the first of its bytes at or after an offset", "[byte_scan]") {
  struct Row {
    const char* name;
    std::string s;
    size_t from;
    size_t want;
  };
  const Row rows[] = {
      {"empty", "", 0, 0},
      {"from the end", "a&", 2, 2},
      {"none", "plain text, no specials at all here", 0, 35},
      {"the first byte", "&abc", 0, 0},
      {"at from itself", "ab<cd", 2, 2},
      {"after from", "&b<cd", 1, 2},
      {"the last byte of a 16-byte block", "0123456789abcde>", 0, 15},
      {"the first byte after a block", "0123456789abcdef>", 0, 16},
      {"in the tail after two blocks", "0123456789abcdef0123456789abcdef01&", 0, 34},
      {"inside Hangul (never a lead or continuation byte)", "\xED\x95\x9C\xEA\xB5\xAD<", 0, 6},
      {"bytes of a syllable are not matched",
       "\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80", 0, 18},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    CHECK(FindAnyByte<'&', '<', '>'>(r.s, r.from) == r.want);
    CHECK(FirstSpecialByLoop(r.s, r.from) == r.want);
  }
  CHECK(FindAnyByte<'"', '\\'>("ab\\\"", 0) == 2);
  CHECK(FindAnyByte<'"', '\\'>("ab\\\"", 3) == 3);
}

TEST_CASE("FindAnyByte agrees with a plain loop on random text, from every offset", "[byte_scan]") {
  CheckSameOnRandomTexts(
      {{"a", " ", "abcdefgh", "0123456789abcdef", "&", "<", ">", "\xEA\xB0\x80", "\xED\x9E\xA3"},
       /*seed=*/301126,
       0,
       30,
       3000},
      FromEveryOffset(
          [](const std::string& s, size_t from) { return FindAnyByte<'&', '<', '>'>(s, from); }),
      FromEveryOffset(FirstSpecialByLoop));
}

TEST_CASE("FindAnyByteOrControl stops at its bytes and at ASCII controls", "[byte_scan]") {
  auto by_loop = [](const std::string& s, size_t from) {
    for (size_t i = from; i < s.size(); ++i) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x20 || b == 0x7F || s[i] == '"' || s[i] == '\\') return i;
    }
    return s.size();
  };
  auto ours = [](const std::string& s, size_t from) {
    return bitext::FindAnyByteOrControl<'"', '\\'>(s, from);
  };
  CHECK(ours("0123456789abcdef\x1F", 0) == 16);
  CHECK(ours(std::string("ab\0c", 4), 0) == 2);
  CHECK(ours("0123456789abcde\x7F", 0) == 15);
  CHECK(ours("\x20\x7E\xC2\x85\xEA\xB0\x80", 0) == 7);  // space, ~, a C1 control, Hangul: none
  CheckSameOnRandomTexts({{"a", " ", "0123456789abcdef", "\"", "\\", "\n", "\t", "\x01", "\x1F",
                           "\x7F", "~", "\xEA\xB0\x80", "\xC2\x85"},
                          /*seed=*/301127,
                          0,
                          30,
                          3000},
                         FromEveryOffset(ours), FromEveryOffset(by_loop));
}
