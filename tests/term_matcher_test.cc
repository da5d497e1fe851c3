// Tests for term_matcher.h: Korean word boundaries, particles, longest
// match, variants, Latin terms, positions, NFC.
#include "term_matcher.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "glossary.h"
#include "utf8.h"

namespace {

using bitext::Glossary;
using bitext::Term;
using bitext::TermKind;
using bitext::TermMatch;
using bitext::TermMatcher;

Term T(std::string ko, std::string en, std::vector<std::string> variants = {}) {
  Term t;
  t.ko = std::move(ko);
  t.en = std::move(en);
  t.kind = TermKind::kTerm;
  t.variants = std::move(variants);
  return t;
}

Glossary TestGlossary() {
  Glossary g;
  g.path = "test.tsv";
  g.terms = {
      T("이영", "Lee Young"),
      T("오픈AI", "OpenAI", {"오픈에이아이"}),
      T("네이버", "Naver"),
      T("네이버웹툰", "Naver Webtoon", {"네이버 웹툰"}),
      T("샘 알트만", "Sam Altman", {"샘 올트먼"}),
      T("GPT-5", "GPT-5", {"GPT5"}),
      T("스타트업", "startup"),
      T("AI", "AI"),
      T("소프트뱅크벤처스", "SoftBank Ventures Asia"),
      T("조경현", "Kyunghyun Cho", {"조광현"}),
  };
  return g;
}

// The surfaces matched in `text`, joined with "|".
std::string Surfaces(const TermMatcher& m, const std::string& text) {
  std::string out;
  for (const TermMatch& match : m.FindAll(text)) {
    if (!out.empty()) out += "|";
    out += text.substr(match.begin, match.end - match.begin);
  }
  return out;
}

}  // namespace

TEST_CASE("TermMatcher accepts particles and rejects other endings", "[term_matcher]") {
  const Glossary g = TestGlossary();
  const TermMatcher m(g);
  struct Row {
    const char* text;
    const char* want;  // surfaces, "|"-joined; "" for no match
  };
  const Row rows[] = {
      {"이영은", "이영"},
      {"이영이", "이영"},
      {"이영에게", "이영"},
      {"이영께서", "이영"},
      {"이영이라고", "이영"},
      {"오픈AI가", "오픈AI"},
      {"오픈AI를", "오픈AI"},
      {"오픈AI의", "오픈AI"},
      {"오픈AI에서", "오픈AI"},
      {"오픈AI에서는", "오픈AI"},
      {"오픈AI와의", "오픈AI"},
      {"오픈AI라고", "오픈AI"},
      {"오픈AI다.", "오픈AI"},
      {"네이버였다", "네이버"},
      {"네이버나", "네이버"},
      {"소프트뱅크벤처스와", "소프트뱅크벤처스"},
      {"소프트뱅크벤처스까지", "소프트뱅크벤처스"},
      {"스타트업들에도", "스타트업"},
      {"스타트업으로부터", "스타트업"},
      {"스타트업처럼", "스타트업"},
      {"스타트업만", "스타트업"},
      {"이 자리엔 스타트업", "스타트업"},
      {"이영아", ""},
      {"이영야", ""},
      {"이영자", ""},
      {"이영희", ""},
      {"이영은행", ""},
      {"네이버스", ""},
      {"스타트업씨", ""},
      {"오픈AIs", ""},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CHECK(Surfaces(m, row.text) == row.want);
  }
}

TEST_CASE("TermMatcher matches at word starts only", "[term_matcher]") {
  const Glossary g = TestGlossary();
  const TermMatcher m(g);
  CHECK(Surfaces(m, "오픈AI가") == "오픈AI");  // not AI inside the word
  CHECK(Surfaces(m, "AI가 온다") == "AI");
  CHECK(Surfaces(m, "인공지능(AI) 분야") == "AI");
  CHECK(Surfaces(m, "챗GPT5") == "");
  CHECK(Surfaces(m, "GPT5도 GPT-5는") == "GPT5|GPT-5");
  CHECK(Surfaces(m, "GPT5s") == "");
  CHECK(Surfaces(m, "신이영") == "");
  CHECK(Surfaces(m, "네이버·카카오") == "네이버");
  CHECK(Surfaces(m, "'네이버'를") == "네이버");
}

TEST_CASE("TermMatcher prefers the longest match", "[term_matcher]") {
  const Glossary g = TestGlossary();
  const TermMatcher m(g);
  CHECK(Surfaces(m, "네이버웹툰의 네이버") == "네이버웹툰|네이버");
  CHECK(Surfaces(m, "네이버 웹툰과") == "네이버 웹툰");
  // A longer key that does not end at a word end does not hide a shorter one.
  Glossary g2;
  g2.terms = {T("삼성", "Samsung"), T("삼성전자", "Samsung Electronics")};
  const TermMatcher m2(g2);
  CHECK(Surfaces(m2, "삼성전자는 삼성은 삼성전") == "삼성전자|삼성");
}

TEST_CASE("TermMatcher reports variants and term indexes", "[term_matcher]") {
  const Glossary g = TestGlossary();
  const TermMatcher m(g);
  std::string text = "조광현 교수와 조경현 교수, 샘 올트먼과 샘 알트만";
  std::vector<TermMatch> got = m.FindAll(text);
  REQUIRE(got.size() == 4);
  CHECK(g.terms[got[0].term].ko == "조경현");
  CHECK(got[0].variant);
  CHECK(g.terms[got[1].term].ko == "조경현");
  CHECK_FALSE(got[1].variant);
  CHECK(g.terms[got[2].term].en == "Sam Altman");
  CHECK(got[2].variant);
  CHECK_FALSE(got[3].variant);
}

TEST_CASE("TermMatcher matches spaced keys without their spaces", "[term_matcher]") {
  const Glossary g = TestGlossary();
  const TermMatcher m(g);
  CHECK(Surfaces(m, "샘알트만은") == "샘알트만");
  CHECK(Surfaces(m, "네이버웹툰") == "네이버웹툰");
  // The reverse is not done: a space-less key does not match spaced text.
  CHECK(Surfaces(m, "이 영화") == "");
  CHECK(Surfaces(m, "오픈 AI") == "AI");
}

TEST_CASE("TermMatcher byte offsets and line:col positions", "[term_matcher]") {
  const Glossary g = TestGlossary();
  const TermMatcher m(g);
  const std::string text = "첫 줄\n그리고 오픈AI가 이영에게\nGPT5";
  std::vector<TermMatch> got = m.FindAll(text);
  REQUIRE(got.size() == 3);
  CHECK(text.substr(got[0].begin, got[0].end - got[0].begin) == "오픈AI");
  CHECK(got[0].begin == std::string("첫 줄\n그리고 ").size());
  bitext::LineIndex index(text);
  CHECK(index.At(got[0].begin).line == 2);
  CHECK(index.At(got[0].begin).col == 5);
  CHECK(index.At(got[0].end).col == 9);
  CHECK(index.At(got[1].begin).line == 2);
  CHECK(index.At(got[1].begin).col == 11);
  CHECK(index.At(got[2].begin).line == 3);
  CHECK(index.At(got[2].begin).col == 1);
  CHECK(bitext::PositionAt(text, 0).line == 1);
  CHECK(bitext::PositionAt(text, 0).col == 1);
  CHECK(bitext::PositionAt(text, text.size()).col == 5);
}

TEST_CASE("TermMatcher works on NFC with NFD glossary strings", "[term_matcher]") {
  Glossary g;
  // 한국 in decomposed jamo (NFD), as a macOS file would have it.
  g.terms = {
      T("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86\xA8", "Korea")};
  const TermMatcher m(g);
  CHECK(Surfaces(m, "한국은") == "한국");
}

TEST_CASE("TermMatcher finds nothing in an empty glossary or text", "[term_matcher]") {
  const Glossary empty;
  const TermMatcher m(empty);
  CHECK(m.FindAll("오픈AI가").empty());
  const Glossary g = TestGlossary();
  const TermMatcher m2(g);
  CHECK(m2.FindAll("").empty());
  CHECK(Surfaces(m2, "이영") == "이영");
}

TEST_CASE("Particle helpers", "[term_matcher]") {
  CHECK(bitext::IsParticleChain("에서는"));
  CHECK(bitext::IsParticleChain("들에게도"));
  CHECK(bitext::IsParticleChain("과의"));
  CHECK_FALSE(bitext::IsParticleChain("아"));
  CHECK_FALSE(bitext::IsParticleChain("야"));
  CHECK_FALSE(bitext::IsParticleChain(""));
  CHECK(bitext::StripParticles("오픈AI가") == "오픈AI");
  CHECK(bitext::StripParticles("스타트업들에도") == "스타트업");
  CHECK(bitext::StripParticles("이영아") == "이영아");
  for (const std::string& p : bitext::Particles()) {
    CHECK(p != "아");
    CHECK(p != "야");
  }
}

TEST_CASE("TermMatcher handles keys starting with punctuation", "[term_matcher]") {
  Glossary g;
  g.terms = {T("(주)카카오", "Kakao Corp."), T("카카오", "Kakao")};
  const TermMatcher m(g);
  CHECK(Surfaces(m, "회사 (주)카카오는 카카오와") == "(주)카카오|카카오");
}

namespace {

// Reference matcher: at every word start, the longest key that ends at a
// valid word end; tried key by key.
std::vector<TermMatch> Naive(const Glossary& g, const std::string& text) {
  struct K {
    std::string s;
    size_t term;
    bool variant;
  };
  std::vector<K> keys;
  for (size_t t = 0; t < g.terms.size(); ++t) {
    keys.push_back({g.terms[t].ko, t, false});
    for (const std::string& v : g.terms[t].variants) keys.push_back({v, t, true});
  }
  // Keys with spaces also match without them, unless that form is a key.
  const size_t real = keys.size();
  for (size_t k = 0; k < real; ++k) {
    std::string joined;
    for (char c : keys[k].s)
      if (c != ' ') joined += c;
    bool known = false;
    for (const K& other : keys) known = known || other.s == joined;
    if (!known) keys.push_back({joined, keys[k].term, keys[k].variant});
  }
  auto valid_end = [&](size_t j) {
    if (j >= text.size()) return true;
    char32_t cp;
    bitext::CodePointAt(text, j, &cp);
    if (!bitext::IsWordChar(cp)) return true;
    size_t k = j;
    while (k < text.size()) {
      size_t len = bitext::CodePointAt(text, k, &cp);
      if (!bitext::IsWordChar(cp)) break;
      k += len;
    }
    return bitext::IsParticleChain(text.substr(j, k - j));
  };
  std::vector<TermMatch> out;
  bool word_start = true;
  for (size_t i = 0; i < text.size();) {
    if (word_start) {
      const K* best = nullptr;
      for (const K& k : keys) {
        if (text.compare(i, k.s.size(), k.s) == 0 && valid_end(i + k.s.size()) &&
            (best == nullptr || k.s.size() > best->s.size()))  // first of equals wins
          best = &k;
      }
      if (best != nullptr) {
        out.push_back(TermMatch{i, i + best->s.size(), best->term, best->variant});
        i += best->s.size();
        char32_t last = 0;
        for (size_t q = 0; q < best->s.size();) q += bitext::CodePointAt(best->s, q, &last);
        word_start = !bitext::IsWordChar(last);
        continue;
      }
    }
    char32_t cp;
    i += bitext::CodePointAt(text, i, &cp);
    word_start = !bitext::IsWordChar(cp);
  }
  return out;
}

}  // namespace

TEST_CASE("TermMatcher agrees with a naive matcher on generated text", "[term_matcher]") {
  // A small alphabet makes nodes with many children (hashed lookups), shared
  // prefixes and particles; deterministic pseudo-random generator.
  const std::vector<std::string> syllables = {"가", "나", "다", "이", "은", "는", "을", "의", "에",
                                              "서", "도", "와", "과", "로", "라", "고", "A",  "B",
                                              "1",  "아", "들", "만", "기", "술", "스", "타"};
  uint64_t state = 12345;
  auto next = [&](uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  };
  auto word = [&](int max_len) {
    std::string w;
    int len = 1 + int(next(uint64_t(max_len)));
    for (int i = 0; i < len; ++i) w += syllables[next(syllables.size())];
    return w;
  };
  Glossary g;
  std::set<std::string> seen;
  while (g.terms.size() < 300) {
    std::string ko = word(3);
    if (next(6) == 0) ko += " " + word(2);
    if (!seen.insert(ko).second) continue;
    Term t = T(ko, "t" + std::to_string(g.terms.size()));
    if (next(5) == 0) {
      std::string v = word(4);
      if (seen.insert(v).second) t.variants.push_back(v);
    }
    g.terms.push_back(t);
  }
  const TermMatcher m(g);
  for (int round = 0; round < 20; ++round) {
    std::string text;
    for (int w = 0; w < 200; ++w) {
      text += word(5);
      uint64_t sep = next(10);
      text += sep == 0 ? ", " : sep == 1 ? "\n" : sep == 2 ? "·" : " ";
    }
    std::vector<TermMatch> got = m.FindAll(text);
    std::vector<TermMatch> want = Naive(g, text);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      INFO("match " << i << " at byte " << want[i].begin);
      CHECK(got[i].begin == want[i].begin);
      CHECK(got[i].end == want[i].end);
      CHECK(got[i].term == want[i].term);
      CHECK(got[i].variant == want[i].variant);
    }
  }
}
