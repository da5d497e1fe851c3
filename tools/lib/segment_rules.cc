#include "segment_rules.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>

namespace bitext {
namespace {

// ---------------------------------------------------------------------------
// The rule table. Order matters: the first rule whose patterns match decides.
// Exceptions (no-break) therefore come before the break rules they refine.
// Boundaries sit at the first character of the next sentence, so `before`
// patterns of word-gap rules end in `\s+` and those of punctuation rules in
// `\s*`.
// ---------------------------------------------------------------------------
std::vector<SegmentRuleSpec> MakeDefaultSpecs() {
  using A = BreakAction;
  return {
      // --- Punctuation that does not end a sentence (corrects ICU). ---
      // A period inside a token: domains, e-mail, version and decimal numbers
      // ("techm.kr", "v2.0", "1.5").
      {"dot-in-token", A::kNoBreak, R"([\L\d]\.)", R"([\L\d])"},
      // A single capital letter and a period: initials and abbreviations
      // ("U.S.", "J.P. 모건", "John F. Kennedy") and labels ("Q.", "A.").
      {"initial", A::kNoBreak, R"((^|[^\L])\U\.\s*)", ""},
      // Common abbreviations ending in a period.
      {"abbreviation", A::kNoBreak,
       R"((^|[^\L])(Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|Co|Corp|Inc|Ltd|Bros|vs|No|Vol|Fig|pp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Gen|Sen|Rep|Rev|Col|Lt|Sgt|approx|cf|ca|e\.g|i\.e|a\.m|p\.m)\.\s*)",
       ""},
      // A full numeric date "2023. 6. 9." does not end the sentence.
      {"date", A::kNoBreak, R"(\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.\s*)", ""},
      // Nor do its parts ("2023. 6." before "9.").
      {"date-part", A::kNoBreak, R"(\d{1,4}\.\s?)", R"(\d{1,2}\.)"},
      // A list number "1." "2." at the start or after a space.
      {"list-number", A::kNoBreak, R"((^|[\s(])\d{1,3}\.\s*)", ""},
      // An emoticon or laughter glued to the final punctuation belongs to
      // the sentence ("답죠?ㅎㅎ", "좋아요!^^").
      {"terminal-emoticon", A::kNoBreak, R"(\t)", R"((\j|\^|~|;|:\)))"},
      // Footnote marks glued to the final punctuation belong to the sentence
      // ("…이다.[2]", "…했다.[참고 3]"); the sentence ends after them.
      {"footnote", A::kNoBreak, R"(\t)", R"((\[[^\]]{1,12}\])+)"},
      // An emoji after the sentence belongs to it ("들러보세요~ 🙂").
      {"emoji", A::kNoBreak, "", R"([☀-➿🌀-🫿])"},
      // A closing quote or bracket glued to a particle or verb continues the
      // sentence: “…하겠다.”고, "…"라며, (…)의, <…>라고.
      {"quote-particle", A::kNoBreak, R"(\c)", R"(\h)"},
      // ... and so does a quotative verb after a space: "…거야." 하며.
      {"quote-verb", A::kNoBreak, R"((\c|\t)\s*)",
       R"(((하며|하고|하면서|하자|하는|하던|하니|하더니|하듯|하곤|라고|라며|라는|라면서|이라고|이라며|이라는|고|며|라|란)([^\h]|$)|등|따위))"},
      // Never break at a bullet: an inline "△a △b △c" list stays within its
      // sentence (a break after final punctuation before the list stays).
      {"bullet", A::kNoBreak, R"([^\t\s]\s*)", R"([△▲▷▶◆◇■□☞※])"},
      // An ellipsis after a sentence-initial adverb or interjection is a
      // pause, not an end ("물론... 영화만 보면").
      {"ellipsis-pause", A::kNoBreak,
       R"((^|[\s\o])(물론|그런데|근데|그래서|그리고|하지만|그러나|그럼|그러면|아니|글쎄|그냥|진짜|정말|사실|솔직히|혹시|저기|음+|아+|어+|흠+|뭐|그게|이게|그건|저는|제가|나는|내가|우리는)(\.{2,}|…+|‥)\s*)",
       ""},
      // ... and so is one right after a particle or connective ending: the
      // phrase is not finished ("해가… 나야 하는데", "당신에겐..미안합니다").
      {"ellipsis-after-particle", A::kNoBreak,
       R"(\h(가|는|은|를|을|에|의|도|와|과|로|겐|엔)(\.{2,}|…+|‥)\s*)", ""},
      // A stutter: "ㄴ..날".
      {"stutter", A::kNoBreak, R"((^|\s)\j(\.{2,}|…+|‥))", R"(\h)"},
      // An ellipsis glued to a particle continues the sentence
      // ("감돌았다…는 것은").
      {"ellipsis-particle", A::kNoBreak, R"((\.{2,}|…+|‥))",
       R"((는|은|고|며|라는|라고|하고|하며|하는|란|이라)([^\h]|$))"},

      // --- Ends of sentences without punctuation (word gaps). ---
      // After footnote marks: "…이다.[2] 다음 문장".
      {"footnote-end", A::kBreak, R"(\t(\[[^\]]{1,12}\])+\s+)", R"([^\c\t])"},
      // A wave dash after a word ends a casual sentence ("친구들~ 다음").
      {"tilde-end", A::kBreak, R"(\h~+\s+)", R"([^\c\t])"},
      // After emoji: "추천해요😊 다음".
      {"emoji-end", A::kBreak, R"([☀-➿🌀-🫿]+\s+)", R"([^\c\t])"},
      // A parenthesis that is a sentence of its own: it starts the sentence
      // and ends in a final ending or punctuation ("(…하더라구요ㅋㅋ) 다음").
      {"paren-sentence", A::kBreak, R"(^\([^)]+(\h(다|요|죠|까)|\j\j|\t)[~!?.]*\)\s+)",
       R"([^\c\t])"},
      // An ellipsis after a word, then a new clause ("침침했던… 저희는").
      {"ellipsis-end", A::kBreak, R"(\h(…+|‥)~*\s+)", R"([^\c\t])"},
      // Laughter, crying and emoticons close a sentence ("ㅋㅋ", "ㅠㅠ", "^^").
      {"emoticon-end", A::kBreak, R"((\j{2,}|\^{2,}|\^_+\^|[;:]-?[)DP(]|~{2,})~*\s+)",
       R"([^\c\t])"},
      // Nouns and particles that merely look like endings: 보다 (than),
      // 마다 (every), 바다 (sea), 혼다, 캐나다; 필요, 중요, 주요, 수요...;
      // the connective -니까 (because).
      {"noun-da", A::kNoBreak, R"((보|마|바|혼|판|캐나|최|과)다\s+)", ""},
      // The dictionary form of a verb ending in a vowel is, in running text,
      // the connective -다(가) ("내려가다 반대로", "가져다 주더라구요"), not an end.
      {"connective-da", A::kNoBreak, R"((가|하|오|주|나|내|서|타|두|쓰|치|되|지|져|려)다\s+)", ""},
      {"noun-yo", A::kNoBreak, R"((필|중|주|수|강|소|개|동|긴|요)요\s+)", ""},
      {"connective-kka", A::kNoBreak, R"(니까\s+)", ""},
      // A -다 form the next word continues ("하다 보니", "했다 싶다",
      // "한다 해도", "간다 고").
      {"da-continues", A::kNoBreak, R"(\h다\s+)",
       R"((보니|보면|보다가|보고|싶|해도|하더라도|하면서|하며|하고|하는|하니|하자|한들|해서|말고|라고|라는|라며|든지|던)|(는|고|며|면|가|나)([^\h]|$))"},
      // A question -까 the next word continues ("할까 싶다", "할까 생각").
      {"kka-continues", A::kNoBreak, R"(\h까\s+)",
       R"((싶|하|해|봐|보|말|고민|생각|걱정|궁금|염려|두려))"},
      // Sentence-final endings: -다, -요, -죠, -까 after at least one
      // syllable, then a new clause.
      {"ending", A::kBreak, R"(\h(다|요|죠|까)\s+)", R"([^\c\t])"},
      // -네 and -군 after a verbal stem or tense marker ("했네", "좋군").
      {"ending-ne", A::kBreak,
       R"((었|았|였|겠|했|됐|하|되|있|없|좋|많|싶|같|이|오|가|나|는|랬|겼|졌)네\s+)", R"([^\c\t])"},
      {"ending-gun", A::kBreak, R"((는|었|았|였|겠|이|로|했|됐|랬|왔|갔|봤|졌|웠)군\s+)",
       R"([^\c\t])"},
      // Casual final endings ("있거든", "했잖아", "했어", "갔지", "좋냐").
      {"ending-casual", A::kBreak,
       R"((거든|잖아|더라|구나|구먼|거야|이야|다구|라구|냐구|(었|았|였|했|됐|겠|갔|왔|봤|줬|졌|렸|썼|냈|났|샀|탔|섰|웠)(어|지)|(있|없|했|았|었|였|겠|됐|좋|싫|많)(니|냐))\s+)",
       R"([^\c\t])"},
      // Nominal endings of notes and posts ("없음", "했음", "추천함").
      {"ending-nominal", A::kBreak,
       R"(((았|었|였|했|됐|겠|없|있|같|좋|많|싫|봤|왔|갔|줬|먹|앉|읽|받|찍|놓|넣|씻|찾|싶|않|괜찮)음|(해야|야|해|했|좋아|싫어|추천|감사|사랑|후회|필요|게)함|(것|거|때문|셈|뿐|중|예정)임|\h줌|됨)\s+)",
       R"([^\c\t])"},
  };
}

// ---------------------------------------------------------------------------
// Compiled patterns.
// ---------------------------------------------------------------------------
constexpr int kUnbounded = 160;  // cap of * + {m,}

struct CharClass {
  bool negated = false;
  uint64_t ascii[2] = {0, 0};
  std::vector<std::pair<char32_t, char32_t>> ranges;  // non-ASCII part

  void Add(char32_t lo, char32_t hi) {
    for (char32_t c = lo; c <= hi && c < 128; ++c) ascii[c >> 6] |= uint64_t{1} << (c & 63);
    if (hi >= 128) ranges.emplace_back(std::max<char32_t>(lo, 128), hi);
  }
  void Add(char32_t c) { Add(c, c); }
  void Union(const CharClass& o) {
    ascii[0] |= o.ascii[0];
    ascii[1] |= o.ascii[1];
    ranges.insert(ranges.end(), o.ranges.begin(), o.ranges.end());
  }
  bool Contains(char32_t c) const {
    bool in = false;
    if (c < 128) {
      in = (ascii[c >> 6] >> (c & 63)) & 1;
    } else {
      for (const auto& r : ranges) {
        if (c >= r.first && c <= r.second) {
          in = true;
          break;
        }
      }
    }
    return in != negated;
  }
};

struct Seq;
struct Item {
  enum Kind { kClass, kGroup, kEdge } kind = kClass;
  CharClass cls;
  std::vector<Seq> alts;
  int min = 1;
  int max = 1;
};
struct Seq {
  std::vector<Item> items;
};

void AddChars(CharClass* c, const char32_t* s) {
  for (; *s; ++s) c->Add(*s);
}

// Named classes \s \d \h \j \L \U \l \o \c \t; false if `name` is not one.
bool NamedClass(char32_t name, CharClass* c) {
  switch (name) {
    case 's':
      c->Add(' ');
      c->Add('\t');
      c->Add(0xA0);
      c->Add(0x3000);
      return true;
    case 'd':
      c->Add('0', '9');
      return true;
    case 'h':
      c->Add(0xAC00, 0xD7A3);
      return true;
    case 'j':
      c->Add(0x3131, 0x318E);
      c->Add(0x1100, 0x11FF);
      return true;
    case 'L':
      c->Add('A', 'Z');
      c->Add('a', 'z');
      return true;
    case 'U':
      c->Add('A', 'Z');
      return true;
    case 'l':
      c->Add('a', 'z');
      return true;
    case 'o':
      AddChars(c, U"“‘\"'([{<「『《〈【〔");
      return true;
    case 'c':
      AddChars(c, U"”’\"')]}>」』》〉】〕");
      return true;
    case 't':
      AddChars(c, U".?!…‥。？！");
      return true;
    default:
      return false;
  }
}

std::u32string DecodeUtf8Lenient(const std::string& s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += len;
  }
  return out;
}

class Parser {
 public:
  Parser(std::u32string p, std::string rule, const char* which)
      : p_(std::move(p)), rule_(std::move(rule)), which_(which) {}

  Result<Seq> Parse() {
    Seq seq;
    Status st = ParseAlt(&seq);
    if (!st.ok()) return st;
    if (i_ != p_.size()) return Error("unbalanced ')'");
    return seq;
  }

 private:
  Status Error(const std::string& what) const {
    return Status::InvalidInput(
        {"segment rule " + rule_},
        std::string(which_) + " pattern, character " + std::to_string(i_ + 1) + ": " + what);
  }

  // alt := seq ('|' seq)*; a single alternative is returned as is.
  Status ParseAlt(Seq* out) {
    std::vector<Seq> alts(1);
    BITEXT_RETURN_IF_ERROR(ParseSeq(&alts.back()));
    while (i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      alts.emplace_back();
      BITEXT_RETURN_IF_ERROR(ParseSeq(&alts.back()));
    }
    if (alts.size() == 1) {
      *out = std::move(alts[0]);
    } else {
      Item g;
      g.kind = Item::kGroup;
      g.alts = std::move(alts);
      out->items.push_back(std::move(g));
    }
    return Status::Ok();
  }

  Status ParseSeq(Seq* out) {
    while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      Item item;
      char32_t c = p_[i_++];
      if (c == '(') {
        item.kind = Item::kGroup;
        Seq inner;
        BITEXT_RETURN_IF_ERROR(ParseAlt(&inner));
        if (i_ >= p_.size() || p_[i_] != ')') return Error("missing ')'");
        ++i_;
        if (inner.items.size() == 1 && inner.items[0].kind == Item::kGroup &&
            inner.items[0].min == 1 && inner.items[0].max == 1) {
          item.alts = std::move(inner.items[0].alts);
        } else {
          item.alts.push_back(std::move(inner));
        }
      } else if (c == '^' || c == '$') {
        item.kind = Item::kEdge;
      } else if (c == '.') {
        item.cls.negated = true;  // matches everything
      } else if (c == '[') {
        BITEXT_RETURN_IF_ERROR(ParseClass(&item.cls));
      } else if (c == '\\') {
        if (i_ >= p_.size()) return Error("pattern ends in '\\'");
        char32_t e = p_[i_++];
        if (e == 'S') {
          NamedClass('s', &item.cls);
          item.cls.negated = true;
        } else if (!NamedClass(e, &item.cls)) {
          if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
            return Error("unknown escape");
          }
          item.cls.Add(e);
        }
      } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        return Error("quantifier without an atom");
      } else {
        item.cls.Add(c);
      }
      BITEXT_RETURN_IF_ERROR(ParseQuantifier(&item));
      out->items.push_back(std::move(item));
    }
    return Status::Ok();
  }

  Status ParseClass(CharClass* cls) {
    if (i_ < p_.size() && p_[i_] == '^') {
      cls->negated = true;
      ++i_;
    }
    bool first = true;
    while (i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      char32_t c = p_[i_++];
      if (c == '\\') {
        if (i_ >= p_.size()) return Error("class ends in '\\'");
        char32_t e = p_[i_++];
        CharClass named;
        if (NamedClass(e, &named)) {
          cls->Union(named);
          continue;
        }
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) return Error("unknown escape");
        c = e;
      }
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        char32_t hi = p_[i_ + 1];
        i_ += 2;
        if (hi < c) return Error("empty range");
        cls->Add(c, hi);
      } else {
        cls->Add(c);
      }
    }
    if (i_ >= p_.size()) return Error("missing ']'");
    ++i_;
    return Status::Ok();
  }

  bool ParseInt(int* v) {
    size_t start = i_;
    *v = 0;
    while (i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '9' && *v < 1000) {
      *v = *v * 10 + static_cast<int>(p_[i_++] - '0');
    }
    return i_ > start;
  }

  Status ParseQuantifier(Item* item) {
    if (i_ >= p_.size()) return Status::Ok();
    char32_t q = p_[i_];
    if (q == '?') {
      item->min = 0;
    } else if (q == '*') {
      item->min = 0;
      item->max = kUnbounded;
    } else if (q == '+') {
      item->max = kUnbounded;
    } else if (q == '{') {
      ++i_;
      if (!ParseInt(&item->min)) return Error("bad {m,n}");
      item->max = item->min;
      if (i_ < p_.size() && p_[i_] == ',') {
        ++i_;
        if (!ParseInt(&item->max)) item->max = kUnbounded;
      }
      if (i_ >= p_.size() || p_[i_] != '}' || item->max < item->min) return Error("bad {m,n}");
      item->max = std::min(item->max, kUnbounded);
    } else {
      return Status::Ok();
    }
    ++i_;
    if (item->kind == Item::kEdge) return Error("quantified anchor");
    return Status::Ok();
  }

  std::u32string p_;
  std::string rule_;
  const char* which_;
  size_t i_ = 0;
};

void Reverse(Seq* s) {
  std::reverse(s->items.begin(), s->items.end());
  for (Item& it : s->items) {
    for (Seq& a : it.alts) Reverse(&a);
  }
}

// The text seen from a boundary: forwards (after) or backwards (before), as
// code points. ArrayView reads a decoded array; the Utf8 views decode UTF-8
// lazily, only as far as a pattern looks.
struct ArrayView {
  const char32_t* p;
  size_t n;
  size_t pos;
  size_t start;  // backwards, the text ends here
  bool forward;
  bool Has(size_t k) { return forward ? pos + k < n : k < pos - start; }
  char32_t At(size_t k) { return forward ? p[pos + k] : p[pos - 1 - k]; }
};

constexpr size_t kWindow = 256;  // code points a UTF-8 view decodes at most

// Decodes the code point starting at p[i] (< end); ill-formed bytes read as
// U+FFFD of one byte. Sets *len.
inline char32_t DecodeAt(const unsigned char* p, size_t i, size_t end, size_t* len) {
  unsigned char b = p[i];
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  char32_t c = n == 4 ? (b & 0x07) : n == 3 ? (b & 0x0F) : (b & 0x1F);
  bool ok = n != 0 && i + n <= end;
  for (size_t k = 1; ok && k < n; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) ok = false;
    c = (c << 6) | (p[i + k] & 0x3F);
  }
  if (!ok) {
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  return c;
}

struct Utf8Back {
  Utf8Back(const unsigned char* text, size_t pos, size_t begin) : p(text), cur(pos), start(begin) {}
  const unsigned char* p;
  size_t cur;    // byte offset where the next (earlier) character ends
  size_t start;  // the text ends here
  size_t have = 0;
  char32_t buf[kWindow];  // decoded so far (left uninitialised: no memset per call)
  bool Has(size_t k) {
    while (have <= k && have < kWindow && cur > start) {
      size_t b = cur - 1;
      while (b > start && cur - b < 4 && (p[b] & 0xC0) == 0x80) --b;
      size_t len;
      char32_t c = DecodeAt(p, b, cur, &len);
      if (b + len != cur) {  // stray continuation bytes: one U+FFFD each
        b = cur - 1;
        c = 0xFFFD;
      }
      buf[have++] = c;
      cur = b;
    }
    return k < have;
  }
  char32_t At(size_t k) { return buf[k]; }
};

struct Utf8Fwd {
  Utf8Fwd(const unsigned char* text, size_t pos, size_t stop) : p(text), cur(pos), end(stop) {}
  const unsigned char* p;
  size_t cur;  // byte offset of the next character
  size_t end;
  size_t have = 0;
  char32_t buf[kWindow];
  bool Has(size_t k) {
    while (have <= k && have < kWindow && cur < end) {
      size_t len;
      buf[have++] = DecodeAt(p, cur, end, &len);
      cur += len;
    }
    return k < have;
  }
  char32_t At(size_t k) { return buf[k]; }
};

// What to match after a sequence ends: the rest of an enclosing sequence,
// or (for a repeated group) another round of the group first.
struct Cont {
  const Seq* seq;
  size_t idx;
  const Cont* up;
  const Item* group = nullptr;  // a repeated group: rounds done so far in `rounds`
  int rounds = 0;
  size_t round_start = 0;  // where the current round began (no empty rounds)
};

template <typename V>
bool MatchSeq(const Seq& s, size_t idx, size_t k, const Cont* up, V& v);

// Matches more rounds of group `g` (greedy), then s[idx..].
template <typename V>
bool MatchRounds(const Item& g, int rounds, size_t k, const Seq& s, size_t idx, const Cont* up,
                 V& v) {
  if (rounds < g.max) {
    Cont again{&s, idx, up, &g, rounds + 1, k};
    const bool has = v.Has(k);
    const char32_t c = has ? v.At(k) : 0;
    for (const Seq& a : g.alts) {
      // Cheap rejection of an alternative whose first character cannot match.
      if (!a.items.empty() && a.items[0].kind == Item::kClass && a.items[0].min > 0 &&
          (!has || !a.items[0].cls.Contains(c))) {
        continue;
      }
      if (MatchSeq(a, 0, k, &again, v)) return true;
    }
  }
  return rounds >= g.min && MatchSeq(s, idx + 1, k, up, v);
}

template <typename V>
bool MatchSeq(const Seq& s, size_t idx, size_t k, const Cont* up, V& v) {
  if (idx == s.items.size()) {
    if (up == nullptr) return true;
    if (up->group != nullptr) {
      if (k == up->round_start) {  // an empty round: no more rounds
        return up->rounds >= up->group->min && MatchSeq(*up->seq, up->idx + 1, k, up->up, v);
      }
      return MatchRounds(*up->group, up->rounds, k, *up->seq, up->idx, up->up, v);
    }
    return MatchSeq(*up->seq, up->idx, k, up->up, v);
  }
  const Item& it = s.items[idx];
  switch (it.kind) {
    case Item::kEdge:
      return !v.Has(k) && MatchSeq(s, idx + 1, k, up, v);
    case Item::kGroup:
      return MatchRounds(it, 0, k, s, idx, up, v);
    case Item::kClass: {
      int n = 0;
      while (n < it.max && v.Has(k + n) && it.cls.Contains(v.At(k + n))) ++n;
      for (int m = n; m >= it.min; --m) {
        if (MatchSeq(s, idx + 1, k + m, up, v)) return true;
      }
      return false;
    }
  }
  return false;
}

// Adds to `set` the characters that can be the first one matched by s[idx..]
// when spaces are skipped; returns true if the rest can match without a
// non-space character (then anything may follow).
class BmpSet {
 public:
  BmpSet() : bits_(1024, 0) {}
  void AddAll() { all_ = true; }
  void Add(const CharClass& c) {
    if (c.negated) {
      all_ = true;
      return;
    }
    for (char32_t ch = 0; ch < 128; ++ch) {
      if (c.Contains(ch)) Set(ch);
    }
    for (const auto& r : c.ranges) {
      if (r.second > 0xFFFF) astral_ = true;
      for (char32_t ch = r.first; ch <= r.second && ch <= 0xFFFF; ++ch) Set(ch);
    }
  }
  bool Contains(char32_t c) const {
    if (all_) return true;
    if (c > 0xFFFF) return astral_;
    return (bits_[c >> 6] >> (c & 63)) & 1;
  }
  bool all() const { return all_; }
  const uint64_t* bits() const { return bits_.data(); }

 private:
  void Set(char32_t c) { bits_[c >> 6] |= uint64_t{1} << (c & 63); }
  std::vector<uint64_t> bits_;
  bool all_ = false;
  bool astral_ = false;
};

bool IsSpaceOnly(const CharClass& c) {
  if (c.negated) return false;
  if (!c.Contains(' ')) return false;
  for (char32_t ch = 33; ch < 128; ++ch) {
    if (c.Contains(ch)) return false;
  }
  for (const auto& r : c.ranges) {
    if (!(r.first == 0xA0 && r.second == 0xA0) && !(r.first == 0x3000 && r.second == 0x3000)) {
      return false;
    }
  }
  return true;
}

bool AddFirstChars(const Seq& s, size_t idx, BmpSet* set, bool skip_spaces = true) {
  for (size_t i = idx; i < s.items.size(); ++i) {
    const Item& it = s.items[i];
    if (it.kind == Item::kEdge) continue;
    if (it.kind == Item::kClass) {
      if (skip_spaces && IsSpaceOnly(it.cls)) continue;
      set->Add(it.cls);
      if (it.min > 0) return false;
      continue;
    }
    bool nullable = it.min == 0;
    for (const Seq& a : it.alts) {
      if (AddFirstChars(a, 0, set, skip_spaces)) nullable = true;
    }
    if (!nullable) return false;
  }
  return true;
}

}  // namespace

struct SegmentRules::Impl {
  struct Rule {
    SegmentRuleSpec spec;
    Seq before;  // reversed
    Seq after;
  };
  std::vector<Rule> rules;
  BmpSet triggers;

  // Prefilter (when there are at most 64 rules): bit r of a mask is set when
  // rule r can match given the last non-space character before the boundary.
  bool filtered = false;
  std::vector<uint16_t> mask_of_char;        // BMP code point -> index into masks (before)
  std::vector<uint16_t> after_mask_of_char;  // the same for the character after
  std::vector<uint64_t> masks;
  uint64_t astral_mask = 0;  // characters above U+FFFF
  uint64_t after_astral_mask = 0;
  std::vector<uint16_t> second_mask_of_char;  // the character before the last non-space one
  uint64_t second_astral_mask = 0;
  uint64_t second_any_mask = 0;    // rules that do not look at it
  uint64_t break_mask = 0;         // the break rules
  uint64_t any_mask = 0;           // rules that may match whatever precedes
  uint64_t after_any_mask = 0;     // rules whose `after` may match an empty rest
  uint64_t allows_space_mask = 0;  // rules whose `before` may end in spaces
  uint64_t needs_space_mask = 0;   // rules whose `before` must end in spaces

  void BuildFilter();
};

namespace {
inline bool IsSpaceChar(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }
}  // namespace

void SegmentRules::Impl::BuildFilter() {
  if (rules.size() > 64) return;  // Match then tries every rule
  std::vector<BmpSet> first(rules.size()), after_first(rules.size()), second(rules.size());
  for (size_t r = 0; r < rules.size(); ++r) {
    const uint64_t bit = uint64_t{1} << r;
    const Seq& b = rules[r].before;
    if (rules[r].spec.action == BreakAction::kBreak) break_mask |= bit;
    // The character before the last non-space one, when the pattern (read
    // backwards, after its spaces) makes it plain: the last character is one
    // of a class (or a group of single-class alternatives) without spaces,
    // and what precedes it is a repeat of that class or a mandatory item.
    {
      size_t i = 0;
      if (!b.items.empty() && b.items[0].kind == Item::kClass && IsSpaceOnly(b.items[0].cls)) i = 1;
      // Exactly one character, not a space: a class or a group of such.
      std::function<bool(const Item&)> single = [&](const Item& it) {
        if (it.min != 1 || it.max != 1) return false;
        if (it.kind == Item::kClass) return !it.cls.negated && !it.cls.Contains(' ');
        if (it.kind != Item::kGroup) return false;
        for (const Seq& a : it.alts) {
          if (a.items.size() != 1 || !single(a.items[0])) return false;
        }
        return true;
      };
      // Adds the first characters of the mandatory item `it`; false if unknown.
      std::function<bool(const Item&)> firsts = [&](const Item& it) {
        if (it.min < 1) return false;
        if (it.kind == Item::kClass) {
          if (it.cls.negated) return false;
          second[r].Add(it.cls);
          return true;
        }
        if (it.kind != Item::kGroup) return false;
        for (const Seq& a : it.alts) {
          if (a.items.empty() || !firsts(a.items[0])) return false;
        }
        return true;
      };
      auto add_next = [&](size_t k) { return k < b.items.size() && firsts(b.items[k]); };
      // What one class item at the end contributes.
      auto add_single = [&](const Item& it) {
        if (single(it)) return add_next(i + 1);
        if (it.kind != Item::kClass || it.min < 1 || it.cls.negated || it.cls.Contains(' ')) {
          return false;
        }
        second[r].Add(it.cls);  // max > 1: the character before may be the same class
        return it.min >= 2 || add_next(i + 1);
      };
      bool known = false;
      if (i < b.items.size()) {
        const Item& i1 = b.items[i];
        if (i1.kind == Item::kClass || single(i1)) {
          known = add_single(i1);
        } else if (i1.kind == Item::kGroup && i1.min == 1 && i1.max == 1) {
          known = true;
          for (const Seq& a : i1.alts) {
            bool ok = false;
            if (a.items.size() == 1) {
              ok = add_single(a.items[0]);
            } else if (!a.items.empty() && single(a.items[0])) {
              ok = firsts(a.items[1]);
            }
            if (!ok) {
              known = false;
              break;
            }
          }
        }
      }
      if (!known) second_any_mask |= bit;
    }
    BmpSet raw;
    if (AddFirstChars(b, 0, &raw, /*skip_spaces=*/false) || raw.Contains(' ')) {
      if (!b.items.empty() && b.items[0].kind == Item::kClass && IsSpaceOnly(b.items[0].cls)) {
        allows_space_mask |= bit;
        if (b.items[0].min > 0) needs_space_mask |= bit;
        if (AddFirstChars(b, 0, &first[r])) any_mask |= bit;
      } else {
        any_mask |= bit;
      }
    } else {
      first[r] = raw;  // cannot match when spaces end the text before
    }
    if (AddFirstChars(rules[r].after, 0, &after_first[r], /*skip_spaces=*/false)) {
      after_any_mask |= bit;
    }
  }
  mask_of_char.assign(0x10000, 0);
  after_mask_of_char.assign(0x10000, 0);
  second_mask_of_char.assign(0x10000, 0);
  masks.assign(1, 0);
  std::unordered_map<uint64_t, uint16_t> index{{0, 0}};
  auto intern = [&](uint64_t m, uint16_t* slot) {
    auto it = index.find(m);
    if (it == index.end()) {
      if (masks.size() == 0xFFFF) return false;
      it = index.emplace(m, static_cast<uint16_t>(masks.size())).first;
      masks.push_back(m);
    }
    *slot = it->second;
    return true;
  };
  // By blocks of 64 characters. A set holding every character adds its
  // rule's bit everywhere; a block no other set touches has just those bits
  // for all its characters (most of the BMP), interned once for the block.
  uint64_t m_all = 0, a_all = 0, m2_all = 0;
  for (size_t r = 0; r < rules.size(); ++r) {
    const uint64_t bit = uint64_t{1} << r;
    if (first[r].all()) m_all |= bit;
    if (after_first[r].all()) a_all |= bit;
    if (second[r].all()) m2_all |= bit;
  }
  auto block_bits = [](const BmpSet& set, size_t w) { return set.all() ? 0 : set.bits()[w]; };
  for (size_t w = 0; w < 0x10000 / 64; ++w) {
    const auto begin = static_cast<char32_t>(w * 64);
    uint64_t touched = 0;
    for (size_t r = 0; r < rules.size(); ++r) {
      touched |= block_bits(first[r], w) | block_bits(after_first[r], w) | block_bits(second[r], w);
    }
    if (touched == 0) {
      uint16_t m = 0, a = 0, m2 = 0;
      if (!intern(m_all, &m) || !intern(a_all, &a) || !intern(m2_all, &m2)) return;
      std::fill_n(mask_of_char.begin() + begin, 64, m);
      std::fill_n(after_mask_of_char.begin() + begin, 64, a);
      std::fill_n(second_mask_of_char.begin() + begin, 64, m2);
      continue;
    }
    for (char32_t c = begin; c < begin + 64; ++c) {
      uint64_t m = 0, a = 0, m2 = 0;
      for (size_t r = 0; r < rules.size(); ++r) {
        if (first[r].Contains(c)) m |= uint64_t{1} << r;
        if (after_first[r].Contains(c)) a |= uint64_t{1} << r;
        if (second[r].Contains(c)) m2 |= uint64_t{1} << r;
      }
      if (!intern(m, &mask_of_char[c]) || !intern(a, &after_mask_of_char[c]) ||
          !intern(m2, &second_mask_of_char[c])) {
        return;
      }
    }
  }
  for (size_t r = 0; r < rules.size(); ++r) {
    if (first[r].Contains(0x1F600)) astral_mask |= uint64_t{1} << r;
    if (after_first[r].Contains(0x1F600)) after_astral_mask |= uint64_t{1} << r;
    if (second[r].Contains(0x1F600)) second_astral_mask |= uint64_t{1} << r;
  }
  filtered = true;
}

const std::vector<SegmentRuleSpec>& DefaultSegmentRuleSpecs() {
  static const std::vector<SegmentRuleSpec>* specs =
      new std::vector<SegmentRuleSpec>(MakeDefaultSpecs());
  return *specs;
}

Result<SegmentRules> SegmentRules::Compile(const std::vector<SegmentRuleSpec>& specs) {
  auto impl = std::make_shared<Impl>();
  for (const SegmentRuleSpec& spec : specs) {
    Result<Seq> before = Parser(DecodeUtf8Lenient(spec.before), spec.name, "before").Parse();
    if (!before.ok()) return before.status();
    Result<Seq> after = Parser(DecodeUtf8Lenient(spec.after), spec.name, "after").Parse();
    if (!after.ok()) return after.status();
    Impl::Rule rule{spec, std::move(*before), std::move(*after)};
    Reverse(&rule.before);
    if (spec.action == BreakAction::kBreak && AddFirstChars(rule.before, 0, &impl->triggers)) {
      impl->triggers.AddAll();
    }
    impl->rules.push_back(std::move(rule));
  }
  impl->BuildFilter();
  return SegmentRules(std::move(impl));
}

const SegmentRules& SegmentRules::Default() {
  static const SegmentRules* rules = [] {
    Result<SegmentRules> r = Compile(DefaultSegmentRuleSpecs());
    // The built-in table is covered by tests; an empty set is the fallback.
    return new SegmentRules(r.ok() ? *r : SegmentRules(std::make_shared<Impl>()));
  }();
  return *rules;
}

template <typename B, typename F>
int SegmentRules::MatchIn(B& before, F& after) const {
  const Impl& im = *impl_;
  if (!im.filtered) {
    for (size_t i = 0; i < im.rules.size(); ++i) {
      const Impl::Rule& r = im.rules[i];
      if (MatchSeq(r.before, 0, 0, nullptr, before) && MatchSeq(r.after, 0, 0, nullptr, after)) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }
  uint64_t cand = ~uint64_t{0};
  {
    // Only the rules that can match the last non-space character before the
    // boundary and the character after it.
    size_t j = 0;
    while (before.Has(j) && IsSpaceChar(before.At(j))) ++j;
    if (before.Has(j)) {
      char32_t c = before.At(j);
      uint64_t m = c <= 0xFFFF ? im.masks[im.mask_of_char[c]] : im.astral_mask;
      cand = (m & (j > 0 ? im.allows_space_mask : ~im.needs_space_mask)) | im.any_mask;
      uint64_t m2 = im.second_any_mask;
      if (before.Has(j + 1)) {
        char32_t c2 = before.At(j + 1);
        m2 |= c2 <= 0xFFFF ? im.masks[im.second_mask_of_char[c2]] : im.second_astral_mask;
      }
      cand &= m2 | im.any_mask;
    }
    if (after.Has(0)) {
      char32_t c = after.At(0);
      cand &= (c <= 0xFFFF ? im.masks[im.after_mask_of_char[c]] : im.after_astral_mask) |
              im.after_any_mask;
    } else {
      cand &= im.after_any_mask;
    }
  }
  if (im.rules.size() < 64) cand &= (uint64_t{1} << im.rules.size()) - 1;
  while (cand != 0) {
    int i = __builtin_ctzll(cand);
    cand &= cand - 1;
    const Impl::Rule& r = im.rules[i];
    if (MatchSeq(r.before, 0, 0, nullptr, before) && MatchSeq(r.after, 0, 0, nullptr, after)) {
      return i;
    }
  }
  return -1;
}

int SegmentRules::Match(const char32_t* text, size_t size, size_t pos, size_t start) const {
  ArrayView before{text, size, pos, start, false};
  ArrayView after{text, size, pos, start, true};
  return MatchIn(before, after);
}

int SegmentRules::MatchUtf8(std::string_view text, size_t pos, size_t start) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  Utf8Back before(p, pos, start);
  Utf8Fwd after(p, pos, text.size());
  return MatchIn(before, after);
}

size_t SegmentRules::size() const { return impl_->rules.size(); }

const SegmentRuleSpec& SegmentRules::spec(int i) const { return impl_->rules[i].spec; }

bool SegmentRules::MayBreakAtGap(char32_t before2, char32_t before1, char32_t after) const {
  const Impl& im = *impl_;
  if (!MayBreakAfter(before1)) return false;
  if (!im.filtered) return true;
  auto mask = [&im](const std::vector<uint16_t>& table, uint64_t astral, char32_t c) {
    return c <= 0xFFFF ? im.masks[table[c]] : astral;
  };
  uint64_t m =
      (mask(im.mask_of_char, im.astral_mask, before1) & im.allows_space_mask) | im.any_mask;
  uint64_t m2 = im.second_any_mask;
  if (before2 != 0) m2 |= mask(im.second_mask_of_char, im.second_astral_mask, before2);
  m &= m2 | im.any_mask;
  m &= mask(im.after_mask_of_char, im.after_astral_mask, after) | im.after_any_mask;
  return (m & im.break_mask) != 0;
}

SegmentRules::SegmentRules(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {
  trigger_all_ = impl_->triggers.all();
  trigger_bits_ = impl_->triggers.bits();
}

}  // namespace bitext
