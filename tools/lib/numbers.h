// Numbers: finding the numbers of a Korean sentence and of its English
// translation, and telling whether every Korean number survived translation.
// This is what `bitext check`'s "numbers" check runs on every unit.
//
//   std::vector<NumberIssue> issues = CompareNumbers("1000만 달러를 투자했다.",
//                                                    "It invested $10 million.");
//   // issues.empty(): 1000만 = 10,000,000 = $10 million.
//
// A number is reduced to its value (a double); two numbers are equivalent
// when their values are equal (relative tolerance 1e-9). Every Korean number
// must have an equivalent somewhere in the English; English digit numbers
// without a Korean counterpart are reported too, as a softer issue.
//
// The rules, Korean side (ExtractKoreanNumbers):
//
//   digits            1000, 1,000 (commas only before groups of three), 3.5
//   dotted dates      2023.6.9 / 2023. 6. 9. give 2023, 6 and 9
//   Sino units        천 ×1,000, 백 ×100, 십 ×10 after digits: 3천 = 3000
//   large units       만 ×10^4, 억 ×10^8, 조 ×10^12 after digits, combinable:
//                     1000만 = 10 million, 130억 = 13 billion, 5천만 = 50 million,
//                     and compounds of falling units, a space allowed between:
//                     1조 2000억 = 1.2 trillion, 1만 2000 = 12,000 (a bare
//                     figure continues a compound only when it is at least a
//                     tenth of the unit before: 1000만 30명 is two numbers)
//   counters          whatever follows (원, 달러, 명, 개, 개사, 社, 년, 월, 일,
//                     시간, %, 퍼센트, 빌딩...) leaves the value alone: 130억원 and
//                     130억 원 are both 13 billion, 2016년 is 2016, 63빌딩 is 63,
//                     100社 and 100개사 are 100, 3월 is 3 (English "March")
//   clock hours       13시…24시 also accept the 12-hour value (15시 = 3 p.m.)
//   approximation     30여 명, 약 30명, 30명 가량/남짓/정도, 대략 30: the number
//                     is marked approximate (the English should say about,
//                     some, around, more than, nearly, over...)
//   native numerals   한/두/세/네/다섯/여섯/일곱/여덟/아홉, 열, 스무/스물, 서른,
//                     마흔, 쉰 and their compounds (열두, 스물다섯) count only
//                     before a counter (가지, 명, 개, 번, 시간, 사람, 곳, 차례,
//                     달, 살, 마리, 권, 잔, 장, 군데, 분, 배, 주, 해, 대): 세 가지
//                     = 3, 한 시간 = 1, 두 번째 = 2; 세계, 한국, 세대 are not numbers
//   ordinals          첫째/둘째/셋째/넷째/다섯째..., 첫 번째 = 1, 2, 3, 4, 5...
//   not numbers       digits inside e-mail addresses, URLs and unit ids
//                     (u + 12 hex digits); 수백, 수천 (vague) are ignored
//
// English side (ExtractEnglishNumbers):
//
//   digits            1000, 1,000, 1.2, with $ US$ ₩ KRW or % around them
//   scale words       10 million, 1.2 trillion, 13 billion, two hundred thousand,
//                     and suffixes 10m, 10M, 13bn, 5k, 1.2tn: value × scale
//                     (the bare figure, 10 of "10 million", is kept as well)
//   spelled numbers   zero…nineteen, twenty…ninety, hyphenated compounds
//                     (twenty-five), hundred/thousand/million/billion/trillion;
//                     "a"/"an" before a scale word is one: a hundred = 100,
//                     a dozen = 12, a decade = 10
//   ordinals          first…twentieth (twenty-first...), 1st, 2nd, 3rd, 9th
//   other words       once = 1, twice = 2, thrice = 3, both = 2, double = 2,
//                     triple = 3, single = 1, dozen = 12, decade = 10
//   fractions         one-third = 1 and 3, two thirds = 2 and 3, a quarter =
//                     4, half = 0.5 or 2 and 1: so 3분의 1 (3 and 1) finds
//                     one-third
//   months            January…December (capitalised; Jan., Sept. too) give
//                     their number: 3월 = March, 6월 9일 = June 9
//   years, decades    2016, the 1990s, 20s
//   not numbers       e-mail addresses, URLs, unit ids; a hyphen is never a
//                     minus sign (GPT-5 is 5)
//
// Matching (CompareNumbers):
//   - a Korean number is found when one of its values equals one of the
//     English values; the Korean one (1) is also found by the English
//     articles a/an ("1시간" = "an hour");
//   - an approximate Korean number (30여) needs an approximation word in the
//     English (about, around, approximately, roughly, some, nearly, almost,
//     over, more than, at least, up to, or so, -odd, close to, estimated,
//     upwards of, a "+" after the number) or it is reported as kApproximation;
//   - an English number written in digits that equals no Korean value is
//     reported as kExtra (spelled-out English numbers are not: "one of").
#ifndef BITEXT_NUMBERS_H_
#define BITEXT_NUMBERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bitext {

// One number found in a text.
struct NumberMention {
  size_t begin = 0;            // byte offsets of the number's spelling
  size_t end = 0;              //   in the text searched
  std::string text;            // that spelling: "1000만", "30여", "세 가지", "$10 million"
  std::vector<double> values;  // the values it stands for; values[0] is the main one
  bool approximate = false;    // Korean: 여/약/가량/남짓/정도/대략 around it
  bool digits = false;         // written with digits (English: not spelled out)
};

// The numbers of a Korean text (NFC), in order of appearance.
std::vector<NumberMention> ExtractKoreanNumbers(std::string_view ko);

// The numbers of an English text, in order of appearance.
std::vector<NumberMention> ExtractEnglishNumbers(std::string_view en);

// True if `en` contains an approximation word (about, some, more than...).
bool HasApproximation(std::string_view en);

struct NumberIssue {
  enum class Kind {
    kMissing,        // a Korean number with no equivalent in the English
    kApproximation,  // an approximate Korean number stated as exact
    kExtra,          // an English digit number with no Korean counterpart
  };
  Kind kind = Kind::kMissing;
  NumberMention mention;  // the Korean (kMissing, kApproximation) or English number
  std::string message;    // e.g. "number 1000만 (10,000,000) not found in the English"
};

// The number problems of one translation pair, Korean numbers first, each
// in order of appearance. Empty when the numbers agree.
std::vector<NumberIssue> CompareNumbers(std::string_view ko, std::string_view en);

// `v` written for messages: 10000000 -> "10,000,000", 1.2 -> "1.2".
std::string FormatNumber(double v);

}  // namespace bitext

#endif  // BITEXT_NUMBERS_H_
