// Tests for similarity.h: Dice over character bigrams, and where the fuzzy
// threshold falls for real edits and unrelated sentences.
#include "similarity.h"

#include <catch2/catch.hpp>

using bitext::kFuzzyThreshold;
using bitext::TextSimilarity;

TEST_CASE("TextSimilarity basics", "[similarity]") {
  struct Row {
    const char* name;
    const char* a;
    const char* b;
    double want;
  };
  const Row rows[] = {
      {"identical", "질문 열기도 뜨거웠다.", "질문 열기도 뜨거웠다.", 1.0},
      {"spacing and punctuation ignored", "전세계적인 협력이 필요하다.",
       "전 세계적인 협력이, 필요하다!", 1.0},
      {"Latin case ignored", "OpenAI 펀드", "openai 펀드", 1.0},
      {"nothing in common", "가나다라", "마바사아", 0.0},
      {"empty and text", "", "가나", 0.0},
      {"both empty", "", "", 1.0},
      {"punctuation only equals empty", "...", "", 1.0},
      // 가나다라 has bigrams 가나 나다 다라; 가나다마: 가나 나다 다마 -> 2*2/6.
      {"one of three bigrams changed", "가나다라", "가나다마", 2.0 * 2 / 6},
      // Short texts compare by characters: 가 vs 가나 -> 2*1/3.
      {"single character", "가", "가나", 2.0 * 1 / 3},
      // Multisets: 가가가 (가가 x2) vs 가가 (가가 x1) -> 2*1/3.
      {"repeated bigrams counted once each", "가가가", "가가", 2.0 * 1 / 3},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      CHECK(TextSimilarity(row.a, row.b) == Approx(row.want));
      CHECK(TextSimilarity(row.b, row.a) == Approx(row.want));
    }
  }
}

TEST_CASE("TextSimilarity skips invalid UTF-8", "[similarity]") {
  CHECK(TextSimilarity("가\xFF나", "가나") == Approx(1.0));
}

TEST_CASE("Fuzzy threshold separates edits from other sentences", "[similarity]") {
  struct Row {
    const char* a;
    const char* b;
    bool same_sentence;
  };
  // Pairs from the bundled documents and edits of them (see similarity.h).
  const Row rows[] = {
      {"소프트뱅크벤처스와 오픈AI가 공동 주관한 행사다.",
       "소프트뱅크벤처스와 오픈AI가 함께 주관한 행사다.", true},
      {"오픈AI는 초기 단계 AI 스타트업에 1000만 달러(130억원)를 투자하는 '오픈AI 스타트업 "
       "펀드'를 운영하고 있다.",
       "오픈AI는 초기 단계 AI 스타트업에 2000만 달러(260억원)를 투자하는 '오픈AI 스타트업 "
       "펀드'를 운영 중이다.",
       true},
      {"질문 열기도 뜨거웠다.", "질문 열기가 뜨거웠다.", true},
      {"앞으로 긴밀한 협력을 기대하고 있다.", "앞으로 한국 기업과의 긴밀한 협력을 기대한다.", true},
      {"조광현 뉴욕대 교수, 이준표 소프트뱅크벤처스 대표 /사진=소프트뱅크벤처스 제공",
       "조경현 뉴욕대 교수, 이준표 소프트뱅크벤처스 대표 /사진=소프트뱅크벤처스 제공", true},
      {"소프트뱅크벤처스와 오픈AI가 공동 주관한 행사다.",
       "그레그 브록먼 오픈AI 공동창업자 /사진=소프트뱅크벤처스 제공", false},
      {"Q. 한국 스타트업 투자 계획이 궁금하다.", "샘 알트만 “칩 개발 등 한국 스타트업 투자”",
       false},
      {"참가비는 무료였다.", "행사장에는 통역 서비스도 제공됐다.", false},
      {"질문 열기도 뜨거웠다.", "전세계적인 협력이 필요하다.", false},
  };
  for (const Row& row : rows) {
    INFO(row.a << " | " << row.b << " : " << TextSimilarity(row.a, row.b));
    CHECK((TextSimilarity(row.a, row.b) >= kFuzzyThreshold) == row.same_sentence);
  }
}

TEST_CASE("Profiles give the same similarity, bounded by MaxSimilarity", "[similarity]") {
  const char* texts[] = {"",
                         "가",
                         "가나",
                         "가나다라",
                         "가나다마",
                         "질문 열기도 뜨거웠다.",
                         "질문 열기가 뜨거웠다.",
                         "전세계적인 협력이 필요하다.",
                         "OpenAI 펀드는 작게 만들었다.",
                         "가가가"};
  for (const char* a : texts) {
    for (const char* b : texts) {
      INFO(a << " | " << b);
      bitext::SimilarityProfile pa = bitext::Profile(a), pb = bitext::Profile(b);
      double s = bitext::Similarity(pa, pb);
      CHECK(s == Approx(TextSimilarity(a, b)));
      CHECK(s <= bitext::MaxSimilarity(pa, pb) + 1e-12);
    }
  }
}
