#include "numbers.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "utf8.h"

namespace bitext {
namespace {

// The text as code points, each with its byte offset; a sentinel (0, size)
// ends the vector so that cps[i + 1] is always readable for i < n.
struct Cps {
  std::vector<char32_t> c;
  std::vector<size_t> off;
  size_t n = 0;
  char32_t at(size_t i) const { return i < n ? c[i] : 0; }
};

Cps Decode(std::string_view s) {
  Cps out;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 ch;
    U8_NEXT(p, i, len, ch);
    if (ch < 0) ch = 0xFFFD;
    out.c.push_back(static_cast<char32_t>(ch));
    out.off.push_back(static_cast<size_t>(start));
  }
  out.n = out.c.size();
  out.c.push_back(0);
  out.off.push_back(s.size());
  return out;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char32_t c) { return IsDigit(c) || IsAsciiAlpha(c); }
bool IsHex(char32_t c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }
bool IsHangul(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool Near(double a, double b) {
  if (a == b) return true;
  double m = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= 1e-9 * m;
}

// True if the code points at i spell `s` (UTF-8). Decodes `s` on the fly:
// no allocation.
bool StartsWith(const Cps& t, size_t i, std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  int32_t k = 0;
  while (k < len) {
    UChar32 ch;
    U8_NEXT(p, k, len, ch);
    if (i >= t.n || t.c[i] != static_cast<char32_t>(ch)) return false;
    ++i;
  }
  return true;
}

// Marks e-mail addresses, URLs and unit ids: no number inside them counts.
std::vector<bool> Mask(const Cps& t) {
  std::vector<bool> m(t.n + 1, false);
  auto local = [](char32_t c) {
    return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  for (size_t i = 0; i < t.n; ++i) {
    if (t.c[i] == '@') {
      size_t a = i;
      while (a > 0 && local(t.c[a - 1])) --a;
      size_t b = i + 1;
      bool dot = false;
      while (b < t.n && (IsAsciiAlnum(t.c[b]) || t.c[b] == '.' || t.c[b] == '-')) {
        if (t.c[b] == '.') dot = true;
        ++b;
      }
      if (a < i && dot) {
        for (size_t k = a; k < b; ++k) m[k] = true;
      }
    }
    if (StartsWith(t, i, "http://") || StartsWith(t, i, "https://") || StartsWith(t, i, "www.")) {
      size_t b = i;
      while (b < t.n && !IsSpace(t.c[b])) ++b;
      for (size_t k = i; k < b; ++k) m[k] = true;
    }
    // unit id: u + 12 lowercase hex digits, optionally -N, as a whole word.
    if (t.c[i] == 'u' && (i == 0 || !IsAsciiAlnum(t.c[i - 1]))) {
      size_t k = i + 1;
      while (k < t.n && k - i - 1 < 12 && IsHex(t.c[k])) ++k;
      if (k - i - 1 == 12 && !IsAsciiAlnum(t.at(k))) {
        if (t.at(k) == '-' && IsDigit(t.at(k + 1))) {
          k += 1;
          while (IsDigit(t.at(k))) ++k;
        }
        for (size_t j = i; j < k; ++j) m[j] = true;
      }
    }
  }
  return m;
}

// A run of digits at i: 1000, 1,000, 3.5. Dotted sequences (2023.6.9) give
// one value per part. Returns the end index; appends (value, begin, end).
struct Figure {
  double value;
  size_t begin;
  size_t end;
};

size_t ParseDigits(const Cps& t, size_t i, std::vector<Figure>* out) {
  size_t j = i;
  double v = 0;
  while (IsDigit(t.at(j))) v = v * 10 + (t.c[j++] - '0');
  // thousands groups: ",ddd" not followed by another digit
  while (t.at(j) == ',' && IsDigit(t.at(j + 1)) && IsDigit(t.at(j + 2)) && IsDigit(t.at(j + 3)) &&
         !IsDigit(t.at(j + 4))) {
    for (size_t k = 1; k <= 3; ++k) v = v * 10 + (t.c[j + k] - '0');
    j += 4;
  }
  if (t.at(j) == '.' && IsDigit(t.at(j + 1))) {
    // decimal, or a dotted sequence when a second ".d" follows
    size_t k = j + 1;
    while (IsDigit(t.at(k))) ++k;
    if (t.at(k) == '.' && IsDigit(t.at(k + 1))) {
      out->push_back({v, i, j});
      size_t p = j + 1;
      while (true) {
        double part = 0;
        size_t b = p;
        while (IsDigit(t.at(p))) part = part * 10 + (t.c[p++] - '0');
        out->push_back({part, b, p});
        if (t.at(p) == '.' && IsDigit(t.at(p + 1))) {
          ++p;
          continue;
        }
        return p;
      }
    }
    double scale = 0.1;
    for (size_t q = j + 1; q < k; ++q) {
      v += (t.c[q] - '0') * scale;
      scale /= 10;
    }
    // Re-read the decimal exactly to avoid accumulated error.
    std::string s;
    for (size_t q = i; q < k; ++q) {
      if (t.c[q] != ',') s += static_cast<char>(t.c[q]);
    }
    v = std::strtod(s.c_str(), nullptr);
    j = k;
  }
  out->push_back({v, i, j});
  return j;
}

std::string Slice(std::string_view s, const Cps& t, size_t b, size_t e) {
  return std::string(s.substr(t.off[b], t.off[e] - t.off[b]));
}

// ---------------------------------------------------------------- Korean

struct Word {
  const char* text;
  int value;
};

constexpr Word kNativeTens[] = {{"스물", 20}, {"스무", 20}, {"서른", 30},
                                {"마흔", 40}, {"쉰", 50},   {"열", 10}};
constexpr Word kNativeUnits[] = {{"다섯", 5}, {"여섯", 6}, {"일곱", 7}, {"여덟", 8}, {"아홉", 9},
                                 {"한", 1},   {"두", 2},   {"세", 3},   {"네", 4}};
constexpr Word kOrdinals[] = {{"첫 번째", 1}, {"첫번째", 1}, {"다섯째", 5}, {"여섯째", 6},
                              {"일곱째", 7},  {"여덟째", 8}, {"아홉째", 9}, {"첫째", 1},
                              {"둘째", 2},    {"셋째", 3},   {"넷째", 4},   {"열째", 10}};

struct Counter {
  const char* text;
  bool needs_space;  // only a counter when separated from the numeral
};
constexpr Counter kCounters[] = {
    {"시간", false}, {"가지", false}, {"사람", false}, {"차례", false}, {"군데", false},
    {"마리", false}, {"명", false},   {"개", false},   {"번", false},   {"곳", false},
    {"달", false},   {"살", false},   {"권", false},   {"잔", false},   {"장", true},
    {"분", true},    {"배", true},    {"주", true},    {"해", true},    {"대", true},
};
// Syllables that may follow a counter: particles, 째 (번째), 동안, 중...
constexpr const char* kAfterCounter[] = {
    "의", "을", "를", "이", "가", "은", "는", "도", "만", "에", "씩", "과", "와", "뿐", "으",
    "로", "까", "부", "째", "동", "중", "밖", "쯤", "정", "여", "께", "와", "이", "보", "마"};

bool WordStart(const Cps& t, size_t i) {
  if (i == 0) return true;
  char32_t p = t.c[i - 1];
  return !IsHangul(p) && !IsAsciiAlnum(p);
}

// A native numeral + counter at i ("세 가지", "한 시간", "열두 명").
bool ParseNative(const Cps& t, size_t i, int* value, size_t* num_end) {
  size_t j = i;
  int v = 0;
  for (const Word& w : kNativeTens) {
    if (StartsWith(t, j, w.text)) {
      v += w.value;
      j += WellFormedCodePointCount(w.text);
      break;
    }
  }
  for (const Word& w : kNativeUnits) {
    if (StartsWith(t, j, w.text)) {
      v += w.value;
      j += WellFormedCodePointCount(w.text);
      break;
    }
  }
  if (v == 0) return false;
  size_t k = j;
  bool space = false;
  if (t.at(k) == ' ') {
    space = true;
    ++k;
  }
  for (const Counter& c : kCounters) {
    if (!StartsWith(t, k, c.text)) continue;
    if (c.needs_space && !space) continue;
    size_t e = k + WellFormedCodePointCount(c.text);
    bool ok = !IsHangul(t.at(e));
    for (const char* a : kAfterCounter) {
      if (!ok && StartsWith(t, e, a)) ok = true;
    }
    if (!ok) continue;
    *value = v;
    *num_end = k + WellFormedCodePointCount(c.text);
    return true;
  }
  return false;
}

// Whether the Korean around [b, e) marks the number approximate.
bool KoreanApprox(const Cps& t, size_t b, size_t e) {
  // before: 약, 대략 as the previous word (or glued: 약30)
  size_t p = b;
  while (p > 0 && t.c[p - 1] == ' ') --p;
  if (p >= 1 && t.c[p - 1] == U'약' && (p == 1 || !IsHangul(t.c[p - 2]))) return true;
  if (p >= 2 && StartsWith(t, p - 2, "대략")) return true;
  // after: 여 right after the figure, or 가량/남짓/정도 after the counter word
  if (t.at(e) == U'여') return true;
  size_t k = e;
  for (int words = 0; words < 2 && k < t.n; ++words) {
    while (k < t.n && t.c[k] != ' ') {
      if (StartsWith(t, k, "가량") || StartsWith(t, k, "남짓") || StartsWith(t, k, "정도"))
        return true;
      ++k;
    }
    ++k;
  }
  return false;
}

double SmallUnit(char32_t c) {
  switch (c) {
    case U'십':
      return 10;
    case U'백':
      return 100;
    case U'천':
      return 1000;
    default:
      return 0;
  }
}
double BigUnit(char32_t c) {
  switch (c) {
    case U'만':
      return 1e4;
    case U'억':
      return 1e8;
    case U'조':
      return 1e12;
    default:
      return 0;
  }
}

// digits with optional 십/백/천 and 만/억/조 at i. *big: the 만/억/조 used (0 if none).
size_t ParseKoreanQuantity(const Cps& t, size_t i, std::vector<Figure>* figs, double* big) {
  size_t j = ParseDigits(t, i, figs);
  *big = 0;
  if (figs->size() != 1) return j;  // dotted sequence: no units
  double v = figs->back().value;
  if (double s = SmallUnit(t.at(j)); s != 0) {
    v *= s;
    ++j;
  }
  if (double b = BigUnit(t.at(j)); b != 0) {
    v *= b;
    *big = b;
    ++j;
  }
  figs->back().value = v;
  figs->back().end = j;
  return j;
}

// ---------------------------------------------------------------- English

struct EnWord {
  const char* text;
  double value;
};
constexpr EnWord kEnUnits[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
};
constexpr EnWord kEnTens[] = {{"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
                              {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
constexpr EnWord kEnOrdinals[] = {
    {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50},   {"hundredth", 100},
};
constexpr EnWord kEnScales[] = {{"hundred", 100}, {"thousand", 1e3},  {"million", 1e6},
                                {"billion", 1e9}, {"trillion", 1e12}, {"dozen", 12},
                                {"decade", 10},   {"decades", 10}};
constexpr EnWord kEnOther[] = {{"once", 1},    {"twice", 2},  {"thrice", 3},  {"both", 2},
                               {"double", 2},  {"triple", 3}, {"single", 1},  {"dozen", 12},
                               {"decade", 10}, {"thirds", 3}, {"quarter", 4}, {"quarters", 4},
                               {"fifths", 5},  {"tenths", 10}};
constexpr EnWord kMonths[] = {{"January", 1},  {"February", 2},  {"March", 3},
                              {"April", 4},    {"May", 5},       {"June", 6},
                              {"July", 7},     {"August", 8},    {"September", 9},
                              {"October", 10}, {"November", 11}, {"December", 12}};
constexpr EnWord kMonthAbbr[] = {{"Jan", 1},  {"Feb", 2},  {"Mar", 3},  {"Apr", 4},
                                 {"Jun", 6},  {"Jul", 7},  {"Aug", 8},  {"Sep", 9},
                                 {"Sept", 9}, {"Oct", 10}, {"Nov", 11}, {"Dec", 12}};

struct Token {
  enum Kind { kNumber, kWord, kOther } kind;
  size_t begin;  // code point indexes
  size_t end;
  std::string text;  // words: as written
};

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

const EnWord* Find(const EnWord* b, const EnWord* e, std::string_view w) {
  for (const EnWord* p = b; p != e; ++p) {
    if (w == p->text) return p;
  }
  return nullptr;
}
template <size_t N>
const EnWord* Find(const EnWord (&table)[N], std::string_view w) {
  return Find(table, table + N, w);
}

double SuffixScale(std::string_view s) {
  if (s == "k" || s == "K") return 1e3;
  if (s == "m" || s == "M" || s == "mn" || s == "mln") return 1e6;
  if (s == "b" || s == "B" || s == "bn" || s == "BN" || s == "bln") return 1e9;
  if (s == "tn" || s == "trn" || s == "T") return 1e12;
  return 0;
}

std::vector<std::string> EnglishWords(std::string_view en) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : en) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      cur += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool HasOneWord(std::string_view en) {
  for (const std::string& w : EnglishWords(en)) {
    if (w == "a" || w == "an" || w == "one" || w == "once" || w == "single" || w == "first")
      return true;
  }
  return false;
}

std::string Describe(const NumberMention& m) {
  std::string s = "\"" + m.text + "\"";
  if (!m.values.empty()) {
    std::string v = FormatNumber(m.values[0]);
    if (v != m.text) s += " (" + v + ")";
  }
  return s;
}

}  // namespace

std::string FormatNumber(double v) {
  double r = std::round(v);
  char buf[64];
  if (std::fabs(v - r) < 1e-9 * std::max(1.0, std::fabs(v)) && std::fabs(r) < 1e18) {
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(r));
    std::string digits = buf, out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
      if (i > 0 && (n - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (r < 0 ? "-" : "") + out;
  }
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::vector<NumberMention> ExtractKoreanNumbers(std::string_view ko) {
  Cps t = Decode(ko);
  std::vector<bool> masked = Mask(t);
  std::vector<NumberMention> out;
  size_t i = 0;
  while (i < t.n) {
    if (masked[i]) {
      ++i;
      continue;
    }
    char32_t c = t.c[i];
    if (IsDigit(c) && (i == 0 || !IsDigit(t.c[i - 1]))) {
      std::vector<Figure> figs;
      double big = 0;
      size_t j = ParseKoreanQuantity(t, i, &figs, &big);
      if (figs.size() > 1) {  // dotted sequence: one mention per part
        for (const Figure& f : figs) {
          NumberMention m;
          m.begin = t.off[f.begin];
          m.end = t.off[f.end];
          m.text = Slice(ko, t, f.begin, f.end);
          m.values = {f.value};
          m.digits = true;
          out.push_back(std::move(m));
        }
        i = j;
        continue;
      }
      double v = figs[0].value;
      // compounds of falling units: 1조 2000억, 1만 2000
      while (big != 0) {
        size_t k = j;
        if (t.at(k) == ' ') ++k;
        if (!IsDigit(t.at(k))) break;
        std::vector<Figure> more;
        double big2 = 0;
        size_t e2 = ParseKoreanQuantity(t, k, &more, &big2);
        if (more.size() != 1) break;
        // 1조 2000억, 3억 5000만; 1만 2000 (a bare figure of the next order
        // down or so; "1000만 30명" is two numbers)
        bool falls = big2 != 0
                         ? big2 < big
                         : (more[0].value < big && more[0].value >= big / 10 && !IsDigit(t.at(e2)));
        if (!falls) break;
        v += more[0].value;
        j = e2;
        big = big2;
      }
      NumberMention m;
      m.begin = t.off[i];
      m.end = t.off[j];
      m.text = Slice(ko, t, i, j);
      m.values = {v};
      m.digits = true;
      m.approximate = KoreanApprox(t, i, j);
      if (t.at(j) == U'시' && t.at(j + 1) != U'간' && v >= 13 && v <= 24 && v == std::floor(v)) {
        m.values.push_back(v - 12);
      }
      out.push_back(std::move(m));
      i = j;
      continue;
    }
    if (IsHangul(c) && WordStart(t, i)) {
      bool found = false;
      for (const Word& w : kOrdinals) {
        if (StartsWith(t, i, w.text)) {
          size_t e = i + WellFormedCodePointCount(w.text);
          NumberMention m;
          m.begin = t.off[i];
          m.end = t.off[e];
          m.text = Slice(ko, t, i, e);
          m.values = {static_cast<double>(w.value)};
          out.push_back(std::move(m));
          i = e;
          found = true;
          break;
        }
      }
      if (found) continue;
      int v = 0;
      size_t e = 0;
      if (ParseNative(t, i, &v, &e)) {
        NumberMention m;
        m.begin = t.off[i];
        m.end = t.off[e];
        m.text = Slice(ko, t, i, e);
        m.values = {static_cast<double>(v)};
        m.approximate = KoreanApprox(t, i, e);
        out.push_back(std::move(m));
        i = e;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::vector<NumberMention> ExtractEnglishNumbers(std::string_view en) {
  Cps t = Decode(en);
  std::vector<bool> masked = Mask(t);
  // Tokens: numbers, ASCII words, everything else one code point at a time.
  std::vector<Token> toks;
  for (size_t i = 0; i < t.n;) {
    if (masked[i]) {
      toks.push_back({Token::kOther, i, i + 1, ""});
      ++i;
    } else if (IsDigit(t.c[i])) {
      size_t j = i;
      while (IsDigit(t.at(j)) || ((t.at(j) == ',' || t.at(j) == '.') && IsDigit(t.at(j + 1)))) ++j;
      toks.push_back({Token::kNumber, i, j, ""});
      i = j;
    } else if (IsAsciiAlpha(t.c[i])) {
      size_t j = i;
      std::string w;
      while (IsAsciiAlpha(t.at(j))) w += static_cast<char>(t.c[j++]);
      toks.push_back({Token::kWord, i, j, w});
      i = j;
    } else {
      toks.push_back({Token::kOther, i, i + 1, ""});
      ++i;
    }
  }
  auto is_sep = [&](size_t k) {  // a single space or hyphen token between words
    return k < toks.size() && toks[k].kind == Token::kOther &&
           (t.c[toks[k].begin] == ' ' || t.c[toks[k].begin] == '-');
  };
  auto word_at = [&](size_t k) -> std::string {
    return k < toks.size() && toks[k].kind == Token::kWord ? Lower(toks[k].text) : "";
  };
  // The index of the next word after a separator, or toks.size().
  auto next_word = [&](size_t k) -> size_t {
    if (is_sep(k + 1) && k + 2 < toks.size() && toks[k + 2].kind == Token::kWord) return k + 2;
    return toks.size();
  };

  std::vector<NumberMention> out;
  auto emit = [&](size_t b, size_t e, std::vector<double> values, bool digits) {
    NumberMention m;
    m.begin = t.off[b];
    m.end = t.off[e];
    m.text = Slice(en, t, b, e);
    m.values = std::move(values);
    m.digits = digits;
    out.push_back(std::move(m));
  };

  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& tok = toks[k];
    if (tok.kind == Token::kNumber) {
      std::vector<Figure> figs;
      ParseDigits(t, tok.begin, &figs);
      if (figs.size() > 1) {
        for (const Figure& f : figs) emit(f.begin, f.end, {f.value}, true);
        continue;
      }
      double v = figs[0].value;
      size_t b = tok.begin;
      size_t e = tok.end;
      double scale = 0;
      if (k + 1 < toks.size() && toks[k + 1].kind == Token::kWord && toks[k + 1].begin == e) {
        double s = SuffixScale(toks[k + 1].text);
        if (s != 0) {
          scale = s;
          e = toks[k + 1].end;
          ++k;
        }
      }
      if (scale == 0) {
        size_t w = (k + 2 < toks.size() && toks[k + 1].kind == Token::kOther &&
                    t.c[toks[k + 1].begin] == ' ')
                       ? k + 2
                       : toks.size();
        std::string lw = word_at(w);
        if (const EnWord* s = Find(kEnScales, lw)) {
          scale = s->value;
          e = toks[w].end;
          k = w;
          // "1 hundred thousand", "2.5 million"
          size_t w2 = next_word(k);
          if (const EnWord* s2 = Find(kEnScales, word_at(w2)); s2 && s2->value > scale) {
            scale *= s2->value;
            e = toks[w2].end;
            k = w2;
          }
        }
      }
      if (scale != 0) {
        emit(b, e, {v * scale, v}, true);
      } else {
        emit(b, e, {v}, true);
      }
      continue;
    }
    if (tok.kind != Token::kWord) continue;
    // months (capitalised)
    if (const EnWord* mo = Find(kMonths, tok.text)) {
      emit(tok.begin, tok.end, {mo->value}, false);
      continue;
    }
    if (const EnWord* mo = Find(kMonthAbbr, tok.text)) {
      if (k + 1 < toks.size() && toks[k + 1].kind == Token::kOther &&
          t.c[toks[k + 1].begin] == '.') {
        emit(tok.begin, tok.end, {mo->value}, false);
        continue;
      }
    }
    std::string w = Lower(tok.text);
    // spelled-out number sequence
    double total = 0, cur = 0;
    bool any = false;
    size_t j = k, last = k;
    bool ordinal = false;
    if (w == "a" || w == "an") {
      size_t n1 = next_word(k);
      if (n1 < toks.size() && Find(kEnScales, word_at(n1)) && word_at(n1) != "decades") {
        cur = 1;
        any = true;
        j = n1;
      } else {
        continue;
      }
    }
    while (j < toks.size() && toks[j].kind == Token::kWord) {
      std::string x = word_at(j);
      if (const EnWord* u = Find(kEnUnits, x)) {
        cur += u->value;
      } else if (const EnWord* tn = Find(kEnTens, x)) {
        cur += tn->value;
      } else if (const EnWord* o = Find(kEnOrdinals, x)) {
        // twenty-first, but not one-third (two numbers: 1 and 3)
        if (cur != 0 && static_cast<long long>(cur) % 10 != 0) break;
        cur += o->value;
        ordinal = true;
      } else if (any && x == "hundred") {
        cur = (cur == 0 ? 1 : cur) * 100;
      } else if (any && (x == "dozen" || x == "decade" || x == "decades")) {
        cur = (cur == 0 ? 1 : cur) * (x == "dozen" ? 12 : 10);
      } else if (any && (x == "thousand" || x == "million" || x == "billion" || x == "trillion")) {
        total += (cur == 0 ? 1 : cur) * Find(kEnScales, x)->value;
        cur = 0;
      } else {
        break;
      }
      any = true;
      last = j;
      if (ordinal) break;
      size_t n1 = next_word(j);
      if (n1 < toks.size() && word_at(n1) == "and" && (x == "hundred" || x == "thousand")) {
        size_t n2 = next_word(n1);
        if (n2 < toks.size() && (Find(kEnUnits, word_at(n2)) || Find(kEnTens, word_at(n2)))) {
          n1 = n2;
        }
      }
      j = n1;
    }
    if (any && last >= k && (total + cur > 0 || w == "zero")) {
      emit(tok.begin, toks[last].end, {total + cur}, false);
      k = last;
      continue;
    }
    if (const EnWord* o = Find(kEnOther, w)) {
      emit(tok.begin, tok.end, {o->value}, false);
    } else if (w == "half" || w == "halves") {
      emit(tok.begin, tok.end, {0.5, 2, 1}, false);  // 0.5, 2분의 1
    }
  }
  return out;
}

bool HasApproximation(std::string_view en) {
  static const char* const kSingle[] = {
      "about", "around",    "approximately", "roughly", "some",   "nearly", "almost", "over",
      "odd",   "estimated", "circa",         "upwards", "dozens", "plus",   "approx"};
  static const char* const kPairs[][2] = {{"more", "than"}, {"at", "least"}, {"up", "to"},
                                          {"or", "so"},     {"close", "to"}, {"just", "under"},
                                          {"over", "the"},  {"or", "more"}};
  std::vector<std::string> words = EnglishWords(en);
  for (size_t i = 0; i < words.size(); ++i) {
    for (const char* s : kSingle) {
      if (words[i] == s) return true;
    }
    if (i + 1 < words.size()) {
      for (const auto& p : kPairs) {
        if (words[i] == p[0] && words[i + 1] == p[1]) return true;
      }
    }
  }
  for (size_t i = 1; i < en.size(); ++i) {
    if ((en[i] == '+' || en[i] == '~') && en[i - 1] >= '0' && en[i - 1] <= '9') return true;
    if (en[i] == '~' && i + 1 < en.size() && en[i + 1] >= '0' && en[i + 1] <= '9') return true;
  }
  return false;
}

std::vector<NumberIssue> CompareNumbers(std::string_view ko, std::string_view en) {
  std::vector<NumberMention> kn = ExtractKoreanNumbers(ko);
  std::vector<NumberMention> enn = ExtractEnglishNumbers(en);
  std::vector<NumberIssue> issues;
  bool one_word = HasOneWord(en);
  bool approx_words = HasApproximation(en);
  // Sorted values of each side, so that a lookup is a binary search.
  auto sorted_values = [](const std::vector<NumberMention>& ms) {
    std::vector<double> v;
    for (const NumberMention& m : ms) v.insert(v.end(), m.values.begin(), m.values.end());
    std::sort(v.begin(), v.end());
    return v;
  };
  const std::vector<double> en_values = sorted_values(enn);
  const std::vector<double> ko_values = sorted_values(kn);
  auto contains = [](const std::vector<double>& sorted, double v) {
    double tol = 1e-9 * std::fabs(v);
    auto it = std::lower_bound(sorted.begin(), sorted.end(), v - tol);
    return it != sorted.end() && Near(*it, v);
  };
  auto in_english = [&](const NumberMention& m) {
    for (double v : m.values) {
      if (contains(en_values, v)) return true;
      if (v == 1 && one_word) return true;
    }
    return false;
  };
  for (const NumberMention& m : kn) {
    if (!in_english(m)) {
      NumberIssue is;
      is.kind = NumberIssue::Kind::kMissing;
      is.mention = m;
      is.message = "Korean number " + Describe(m) + " not found in the English";
      issues.push_back(std::move(is));
    } else if (m.approximate && !approx_words) {
      NumberIssue is;
      is.kind = NumberIssue::Kind::kApproximation;
      is.mention = m;
      is.message = "Korean number " + Describe(m) +
                   " is approximate but the English states it exactly (about, some, more "
                   "than...)";
      issues.push_back(std::move(is));
    }
  }
  for (const NumberMention& e : enn) {
    if (!e.digits) continue;
    bool found = false;
    for (double w : e.values) found = found || contains(ko_values, w);
    if (!found) {
      NumberIssue is;
      is.kind = NumberIssue::Kind::kExtra;
      is.mention = e;
      is.message = "English number \"" + e.text + "\" has no counterpart in the Korean";
      issues.push_back(std::move(is));
    }
  }
  return issues;
}

}  // namespace bitext
