// Differential tests on random text: strings made of pieces drawn from an
// alphabet (the same strings on every run for a seed), each given to two
// functions that must agree; the first five disagreements are shown with the
// string that causes them.
//
//   CheckSameOnRandomTexts({{"가", ".", " "}, /*seed=*/7, 1, 24},
//                          [](const std::string& s) { return Ours(s); },
//                          [](const std::string& s) { return Oracle(s); });
#ifndef BITEXT_TESTS_RANDOM_TEXT_H_
#define BITEXT_TESTS_RANDOM_TEXT_H_

#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

struct RandomTexts {
  std::vector<std::string> alphabet;
  uint32_t seed;
  int min_pieces;
  int max_pieces;
  int rounds = 20000;
  // Optional: adjusts each string before it is checked.
  std::function<std::string(std::string)> shape = {};
};

template <typename Left, typename Right>
void CheckSameOnRandomTexts(const RandomTexts& r, Left left, Right right) {
  std::mt19937 rng(r.seed);
  std::uniform_int_distribution<size_t> pick(0, r.alphabet.size() - 1);
  std::uniform_int_distribution<int> length(r.min_pieces, r.max_pieces);
  int mismatches = 0;
  for (int round = 0; round < r.rounds; ++round) {
    std::string s;
    const int len = length(rng);
    for (int k = 0; k < len; ++k) s += r.alphabet[pick(rng)];
    if (r.shape) s = r.shape(std::move(s));
    const auto a = left(s);
    const auto b = right(s);
    if (a != b) {
      ++mismatches;
      if (mismatches <= 5) {
        INFO(s);
        CHECK(a == b);
      }
    }
  }
  CHECK(mismatches == 0);
}

#endif  // BITEXT_TESTS_RANDOM_TEXT_H_
