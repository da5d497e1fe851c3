#include "checks.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "json.h"
#include "numbers.h"
#include "po_store.h"
#include "utf8.h"

namespace bitext {
namespace {

constexpr const char* kCheckOrder[] = {"untranslated", "fuzzy",    "obsolete",    "glossary",
                                       "numbers",      "quotes",   "punctuation", "consistency",
                                       "spacing",      "subtitles"};

int CheckRank(const std::string& check) {
  for (size_t i = 0; i < std::size(kCheckOrder); ++i) {
    if (check == kCheckOrder[i]) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kCheckOrder));
}

std::vector<char32_t> ToCps(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += CodePointAt(s, i, &cp);
    out.push_back(cp);
  }
  return out;
}

// The first `n` code points of `s`, with "…" if cut.
std::string Excerpt(std::string_view s, size_t n = 50) {
  size_t i = 0, count = 0;
  while (i < s.size() && count < n) {
    char32_t cp;
    i += CodePointAt(s, i, &cp);
    ++count;
  }
  if (i >= s.size()) return std::string(s);
  return std::string(s.substr(0, i)) + "…";
}

std::string Quoted(std::string_view s, size_t n = 50) { return "“" + Excerpt(s, n) + "”"; }

Finding UnitFinding(const MergedDocument& doc, const MergedUnit& mu, const char* check,
                    FindingSeverity sev, std::string message) {
  Finding f;
  f.doc = doc.name;
  f.unit = mu.unit.id;
  if (mu.po_line > 0) {
    f.file = doc.po_path;
    f.line = mu.po_line;
  } else {
    f.file = doc.source_path;
    f.line = mu.unit.line;
  }
  f.check = check;
  f.severity = sev;
  f.message = std::move(message);
  return f;
}

bool Translated(const MergedUnit& mu) {
  return mu.state == TranslationState::kTranslated && !mu.english.empty();
}

bool IsLatinAlnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

std::string Utf8(char32_t c) {
  std::string s;
  AppendUtf8(c, &s);
  return s;
}

// --- quotes and brackets ---

struct Opener {
  char32_t open;
  char32_t close;
  bool quote;
  size_t col;  // 1-based code point column
};

char32_t CloserOf(char32_t open) {
  switch (open) {
    case U'“':
      return U'”';
    case U'‘':
      return U'’';
    case U'"':
      return U'"';
    case U'\'':
      return U'\'';
    case U'(':
      return U')';
    case U'[':
      return U']';
    case U'「':
      return U'」';
    case U'『':
      return U'』';
    case U'«':
      return U'»';
    default:
      return 0;
  }
}

// How a text is unbalanced: openers never closed and closers never opened,
// quotes and brackets apart.
struct Imbalance {
  int open_quotes = 0, stray_quotes = 0, open_brackets = 0, stray_brackets = 0;
  bool operator==(const Imbalance& o) const {
    return open_quotes == o.open_quotes && stray_quotes == o.stray_quotes &&
           open_brackets == o.open_brackets && stray_brackets == o.stray_brackets;
  }
};

bool IsQuoteChar(char32_t c) { return c != '(' && c != ')' && c != '[' && c != ']'; }

// Scans quotes and brackets. Returns the problems; counts the pairs.
std::vector<std::string> ScanPairs(std::string_view text, int* quotes, int* brackets,
                                   Imbalance* imbalance = nullptr) {
  Imbalance imb;
  std::vector<char32_t> t = ToCps(text);
  std::vector<Opener> stack;
  std::vector<std::string> problems;
  int nq = 0, nb = 0;
  auto at = [&](size_t i) -> char32_t { return i < t.size() ? t[i] : 0; };
  auto is_space_or_start = [&](size_t i) {
    if (i == 0) return true;
    char32_t p = t[i - 1];
    return p == ' ' || p == '\t' || p == '\n' || p == '(' || p == '[' || p == U'“' || p == U'‘' ||
           p == U'—' || p == U'–' || p == '-' || p == '/' || p == U'「' || p == U'『' ||
           p == U'▲' || p == U'△' || p == U'…';
  };
  auto top_is = [&](char32_t open) { return !stack.empty() && stack.back().open == open; };
  auto push = [&](char32_t c, size_t i, bool quote) {
    stack.push_back({c, CloserOf(c), quote, i + 1});
  };
  auto close = [&](char32_t c, size_t i) {
    if (!stack.empty() && stack.back().close == c) {
      (stack.back().quote ? nq : nb)++;
      stack.pop_back();
      return;
    }
    // an unmatched ')' after a list label ("1)", "a)") is not a bracket
    if (c == ')' && i >= 1 && IsLatinAlnum(t[i - 1]) && (i == 1 || !IsLatinAlnum(t[i - 2])) &&
        (i == 1 || t[i - 2] == ' ' || t[i - 2] == '(' || i - 1 == 0)) {
      return;
    }
    (IsQuoteChar(c) ? imb.stray_quotes : imb.stray_brackets)++;
    if (!stack.empty()) {
      problems.push_back("closing " + Utf8(c) + " at column " + std::to_string(i + 1) +
                         " does not match " + Utf8(stack.back().open) + " at column " +
                         std::to_string(stack.back().col));
      // resynchronise: drop up to the matching opener if there is one
      for (size_t k = stack.size(); k-- > 0;) {
        if (stack[k].close == c) {
          stack.resize(k);
          return;
        }
      }
      return;
    }
    problems.push_back("closing " + Utf8(c) + " at column " + std::to_string(i + 1) +
                       " has no opening quote or bracket");
  };
  for (size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    char32_t prev = i > 0 ? t[i - 1] : 0;
    char32_t next = at(i + 1);
    switch (c) {
      case U'“':
      case U'‘':
        push(c, i, true);
        break;
      case U'「':
      case U'『':
      case U'«':
        push(c, i, true);
        break;
      case U'(':
      case U'[':
        push(c, i, false);
        break;
      case U'”':
      case U'」':
      case U'』':
      case U'»':
      case U')':
      case U']':
        close(c, i);
        break;
      case U'’':
        if (IsLatinAlnum(prev) && IsLatinAlnum(next)) break;  // it’s, Korea’s
        if (top_is(U'‘')) {
          close(c, i);
        }
        // otherwise an apostrophe: startups’, ’90s
        break;
      case U'"': {
        bool opens = is_space_or_start(i) && next != ' ' && next != 0;
        if (top_is(U'"') && !opens) {
          close(c, i);
        } else if (opens || (!IsLatinAlnum(prev) && next != ' ' && next != 0 && prev != '.' &&
                             prev != ',' && prev != '?' && prev != '!')) {
          push(c, i, true);
        } else {
          close(c, i);  // a closing " with nothing open
        }
        break;
      }
      case U'\'':
        if (IsLatinAlnum(prev) && IsLatinAlnum(next)) break;  // it's
        if (top_is(U'\'') && !is_space_or_start(i)) {
          close(c, i);
        } else if (is_space_or_start(i) && next != 0 && next != ' ') {
          if (next >= '0' && next <= '9' && at(i + 2) >= '0' && at(i + 2) <= '9' &&
              at(i + 3) == 's') {
            break;  // '90s
          }
          push(c, i, true);
        }
        // otherwise an apostrophe: startups' future
        break;
      default:
        break;
    }
  }
  for (const Opener& o : stack) {
    (o.quote ? imb.open_quotes : imb.open_brackets)++;
    problems.push_back(Utf8(o.open) + " at column " + std::to_string(o.col) +
                       " is never closed (no " + Utf8(o.close) + ")");
  }
  if (quotes) *quotes = nq;
  if (brackets) *brackets = nb;
  if (imbalance) *imbalance = imb;
  return problems;
}

// Text with trailing spaces, closing quotes and brackets removed.
std::u32string StripClosers(std::string_view s) {
  std::vector<char32_t> t = ToCps(s);
  std::u32string u(t.begin(), t.end());
  while (!u.empty()) {
    char32_t c = u.back();
    if (c == ' ' || c == U'”' || c == U'’' || c == '"' || c == '\'' || c == ')' || c == ']' ||
        c == U'」' || c == U'』' || c == U'»') {
      u.pop_back();
    } else {
      break;
    }
  }
  return u;
}

bool EndsWithU(const std::u32string& s, std::string_view suffix) {
  std::vector<char32_t> t = ToCps(suffix);
  if (t.size() > s.size()) return false;
  return std::equal(t.begin(), t.end(), s.end() - static_cast<long>(t.size()));
}

bool IsEndPunct(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == U'…' || c == U'？' || c == U'！' || c == U'。';
}

}  // namespace

const char* FindingSeverityName(FindingSeverity s) {
  switch (s) {
    case FindingSeverity::kError:
      return "error";
    case FindingSeverity::kWarning:
      return "warning";
    case FindingSeverity::kInfo:
      return "info";
  }
  return "error";
}

std::string FormatFinding(const Finding& f) {
  std::string s = f.file;
  if (f.line > 0) s += ":" + std::to_string(f.line);
  s += ": ";
  s += FindingSeverityName(f.severity);
  s += ": [" + f.check + "] ";
  if (!f.unit.empty()) s += f.unit + ": ";
  s += f.message;
  return s;
}

std::string FormatFindingJson(const Finding& f) {
  return "{\"doc\":" + JsonQuote(f.doc) +
         ",\"unit\":" + (f.unit.empty() ? std::string("null") : JsonQuote(f.unit)) +
         ",\"file\":" + JsonQuote(f.file) + ",\"line\":" + std::to_string(f.line) +
         ",\"check\":" + JsonQuote(f.check) +
         ",\"severity\":" + JsonQuote(FindingSeverityName(f.severity)) +
         ",\"message\":" + JsonQuote(f.message) + "}";
}

std::vector<std::string> QuoteProblems(std::string_view en) {
  return ScanPairs(en, nullptr, nullptr);
}

bool CountPairs(std::string_view text, int* quotes, int* brackets) {
  return ScanPairs(text, quotes, brackets).empty();
}

bool IsKoreanQuestion(std::string_view ko) {
  std::u32string s = StripClosers(ko);
  if (s.empty()) return false;
  if (s.back() == '?' || s.back() == U'？') return true;
  if (s.back() != '.') return false;
  s.pop_back();
  static const char* const kEndings[] = {"까",   "나요", "가요", "니",   "냐",   "는가",
                                         "은가", "던가", "인가", "한가", "운가", "는지요"};
  for (const char* e : kEndings) {
    if (EndsWithU(s, e)) return true;
  }
  return false;
}

bool ContainsTerm(std::string_view english, std::string_view term_en, bool adjective_forms) {
  if (term_en.empty()) return true;
  std::vector<std::string> forms = {std::string(term_en)};
  // industry -> industries
  if (term_en.size() >= 2 && term_en.back() == 'y' &&
      std::string_view("aeiou").find(term_en[term_en.size() - 2]) == std::string_view::npos) {
    forms.push_back(std::string(term_en.substr(0, term_en.size() - 1)) + "ies");
  }
  for (size_t i = 0, n = forms.size(); i < n; ++i) {
    if (forms[i][0] >= 'a' && forms[i][0] <= 'z') {
      std::string cap = forms[i];
      cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
      forms.push_back(cap);
    }
  }
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  for (const std::string& form : forms) {
    for (size_t pos = english.find(form); pos != std::string_view::npos;
         pos = english.find(form, pos + 1)) {
      bool start_ok = pos == 0 || !alnum(english[pos - 1]) || !alnum(form[0]);
      if (!start_ok) continue;
      std::string_view rest = english.substr(pos + form.size());
      static constexpr std::string_view kSuffixes[] = {"",  "s",  "es",  "'s", "’s",
                                                       "n", "an", "ian", "ese"};
      for (size_t k = 0; k < std::size(kSuffixes); ++k) {
        std::string_view suffix = kSuffixes[k];
        if (k >= 5 && !adjective_forms) break;
        if (rest.substr(0, suffix.size()) != suffix) continue;
        std::string_view after = rest.substr(suffix.size());
        if (after.empty() || !alnum(after[0]) || !alnum(form.back())) return true;
      }
    }
  }
  return false;
}

std::vector<Finding> CheckStates(const MergedDocument& doc) {
  std::vector<Finding> out;
  for (const MergedUnit& mu : doc.units) {
    if (mu.state == TranslationState::kUntranslated || mu.english.empty()) {
      std::string msg = mu.po_line > 0
                            ? "no English for " + Quoted(mu.unit.text)
                            : "no en.po entry for " + Quoted(mu.unit.text) + " (run bitext update)";
      out.push_back(UnitFinding(doc, mu, "untranslated", FindingSeverity::kError, msg));
    } else if (mu.state == TranslationState::kFuzzy) {
      out.push_back(UnitFinding(doc, mu, "fuzzy", FindingSeverity::kError,
                                "fuzzy entry: the English was written for an earlier Korean; "
                                "review it against " +
                                    Quoted(mu.unit.text) + " and clear the fuzzy flag"));
    }
  }
  return out;
}

std::vector<Finding> CheckObsolete(const MergedDocument& doc) {
  std::vector<Finding> out;
  if (doc.obsolete == 0) return out;
  Result<PoFile> po = ReadPo(doc.po_path);
  if (po.ok()) {
    for (const PoEntry& e : po->entries) {
      if (!e.obsolete) continue;
      Finding f;
      f.doc = doc.name;
      f.unit = e.msgctxt.value_or("");
      f.file = doc.po_path;
      f.line = e.line;
      f.check = "obsolete";
      f.severity = FindingSeverity::kInfo;
      f.message = "obsolete entry kept (#~) for " + Quoted(e.msgid);
      out.push_back(std::move(f));
    }
    if (!out.empty()) return out;
  }
  Finding f;
  f.doc = doc.name;
  f.file = doc.po_path;
  f.check = "obsolete";
  f.severity = FindingSeverity::kInfo;
  f.message = std::to_string(doc.obsolete) + " obsolete entries (#~) kept";
  out.push_back(std::move(f));
  return out;
}

std::vector<Finding> CheckGlossary(const MergedDocument& doc, const Glossary& glossary,
                                   const TermMatcher& matcher) {
  std::vector<Finding> out;
  for (const MergedUnit& mu : doc.units) {
    if (!Translated(mu)) continue;
    std::set<size_t> seen;
    for (const TermMatch& m : matcher.FindAll(mu.unit.text)) {
      if (m.term >= glossary.terms.size() || !seen.insert(m.term).second) continue;
      const Term& term = glossary.terms[m.term];
      if (ContainsTerm(mu.english, term.en, term.kind == TermKind::kPlace)) continue;
      std::string surface = mu.unit.text.substr(m.begin, m.end - m.begin);
      std::string what = "“" + surface + "”";
      if (surface != term.ko) what += " (" + term.ko + ")";
      out.push_back(UnitFinding(
          doc, mu, "glossary", FindingSeverity::kError,
          what + " should be translated “" + term.en + "” (glossary), not found in the English"));
    }
  }
  return out;
}

std::vector<Finding> CheckNumbers(const MergedDocument& doc) {
  std::vector<Finding> out;
  for (const MergedUnit& mu : doc.units) {
    if (!Translated(mu)) continue;
    std::set<std::string> seen;  // one finding per distinct message
    for (const NumberIssue& is : CompareNumbers(mu.unit.text, mu.english)) {
      if (!seen.insert(is.message).second) continue;
      FindingSeverity sev = is.kind == NumberIssue::Kind::kMissing ? FindingSeverity::kError
                                                                   : FindingSeverity::kWarning;
      out.push_back(UnitFinding(doc, mu, "numbers", sev, is.message));
    }
  }
  return out;
}

std::vector<Finding> CheckQuotes(const MergedDocument& doc) {
  std::vector<Finding> out;
  for (const MergedUnit& mu : doc.units) {
    if (!Translated(mu)) continue;
    int eq = 0, eb = 0, kq = 0, kb = 0;
    Imbalance ei, ki;
    std::vector<std::string> problems = ScanPairs(mu.english, &eq, &eb, &ei);
    bool ko_balanced = ScanPairs(mu.unit.text, &kq, &kb, &ki).empty();
    // A Korean unit cut inside a quotation (a quote over several sentences)
    // is unbalanced in the same way as its English: that is no error.
    if (!ko_balanced && ei == ki) continue;
    for (const std::string& p : problems) {
      out.push_back(UnitFinding(doc, mu, "quotes", FindingSeverity::kError, "English: " + p));
    }
    if (!problems.empty()) continue;
    auto plural = [](int n, const char* what) {
      return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    };
    if (!ko_balanced) {
      // The English closed what the Korean leaves open: each partial Korean
      // quotation or bracket must be a whole one in the English.
      int want_q = kq + ki.open_quotes + ki.stray_quotes;
      int want_b = kb + ki.open_brackets + ki.stray_brackets;
      if (eq != want_q) {
        out.push_back(UnitFinding(doc, mu, "quotes", FindingSeverity::kError,
                                  "the Korean has " + plural(want_q, "quoted passage") +
                                      " (some only opened or closed here), the English " +
                                      std::to_string(eq)));
      }
      if (eb != want_b) {
        out.push_back(UnitFinding(doc, mu, "quotes", FindingSeverity::kWarning,
                                  "the Korean has " + plural(want_b, "bracketed passage") +
                                      " (some only opened or closed here), the English " +
                                      std::to_string(eb)));
      }
      continue;
    }
    if (kq != eq) {
      out.push_back(UnitFinding(doc, mu, "quotes", FindingSeverity::kError,
                                "the Korean has " + plural(kq, "quoted passage") +
                                    ", the English " + std::to_string(eq)));
    }
    if (kb != eb) {
      out.push_back(UnitFinding(doc, mu, "quotes", FindingSeverity::kWarning,
                                "the Korean has " + plural(kb, "bracketed passage") +
                                    ", the English " + std::to_string(eb)));
    }
  }
  return out;
}

std::vector<Finding> CheckPunctuation(const MergedDocument& doc) {
  std::vector<Finding> out;
  for (const MergedUnit& mu : doc.units) {
    if (!Translated(mu)) continue;
    std::u32string en = StripClosers(mu.english);
    std::u32string ko = StripClosers(mu.unit.text);
    if (IsKoreanQuestion(mu.unit.text)) {
      if (en.empty() || (en.back() != '?' && en.back() != U'？')) {
        out.push_back(UnitFinding(doc, mu, "punctuation", FindingSeverity::kWarning,
                                  "the Korean is a question but the English does not end "
                                  "with ?"));
      }
      continue;
    }
    if (!ko.empty() && IsEndPunct(ko.back()) && (en.empty() || !IsEndPunct(en.back())) &&
        !(!en.empty() && (en.back() == ':' || en.back() == ';'))) {
      out.push_back(UnitFinding(
          doc, mu, "punctuation", FindingSeverity::kWarning,
          "the Korean ends with " + Utf8(ko.back()) + " but the English has no end punctuation"));
    }
  }
  return out;
}

std::vector<Finding> CheckSpacing(const MergedDocument& doc) {
  std::vector<Finding> out;
  for (const MergedUnit& mu : doc.units) {
    if (!Translated(mu)) continue;
    const std::string& en = mu.english;
    auto add = [&](std::string msg) {
      out.push_back(UnitFinding(doc, mu, "spacing", FindingSeverity::kWarning, std::move(msg)));
    };
    if (en.front() == ' ') add("leading space in the English");
    if (en.back() == ' ') add("trailing space in the English");
    if (size_t p = en.find("  "); p != std::string::npos) {
      size_t from = p > 20 ? p - 20 : 0;  // up to 20 bytes before, whole characters
      while (from > 0 && (static_cast<unsigned char>(en[from]) & 0xC0) == 0x80) --from;
      add("double space in the English after " + Quoted(en.substr(from, p - from)));
    }
    if (en.find('\t') != std::string::npos) add("tab in the English");
    if (en.find('\n') != std::string::npos) add("line break in the English");
    for (size_t i = 1; i < en.size(); ++i) {
      char c = en[i];
      if (en[i - 1] == ' ' && (c == ',' || c == ';' || c == '?' || c == '!' ||
                               (c == '.' && (i + 1 >= en.size() || en[i + 1] == ' ')) ||
                               (c == ':' && (i + 1 >= en.size() || en[i + 1] == ' ')))) {
        add(std::string("space before '") + c + "' in the English");
        break;
      }
    }
  }
  return out;
}

std::vector<Finding> CheckSubtitles(const MergedDocument& doc, const std::vector<Cue>& cues,
                                    const TimingOptions& opt) {
  std::vector<Finding> out;
  std::map<std::string, const MergedUnit*> by_id;
  for (const MergedUnit& mu : doc.units) by_id.emplace(mu.unit.id, &mu);
  for (size_t i = 0; i < cues.size(); ++i) {
    const Cue& cue = cues[i];
    auto it = by_id.find(cue.unit_id);
    if (it == by_id.end()) continue;
    const MergedUnit& mu = *it->second;
    std::string label = "cue " + std::to_string(i + 1) + ": ";
    auto add = [&](std::string msg) {
      out.push_back(
          UnitFinding(doc, mu, "subtitles", FindingSeverity::kWarning, label + std::move(msg)));
    };
    for (size_t l = 0; l < cue.en_lines.size(); ++l) {
      size_t len = CodePointCount(cue.en_lines[l]);
      if (len > opt.en_max_line) {
        add("English line " + std::to_string(l + 1) + " has " + std::to_string(len) +
            " characters (at most " + std::to_string(opt.en_max_line) +
            "): " + Quoted(cue.en_lines[l], 60));
      }
    }
    for (size_t l = 0; l < cue.ko_lines.size(); ++l) {
      double w = KoreanLineWidth(cue.ko_lines[l]);
      if (w > opt.ko_max_line) {
        add("Korean line " + std::to_string(l + 1) + " is " + FormatNumber(w) + " wide (at most " +
            FormatNumber(opt.ko_max_line) + "): " + Quoted(cue.ko_lines[l]));
      }
    }
    if (static_cast<int>(cue.en_lines.size()) > opt.max_lines) {
      add(std::to_string(cue.en_lines.size()) + " English lines (at most " +
          std::to_string(opt.max_lines) + ")");
    }
    if (static_cast<int>(cue.ko_lines.size()) > opt.max_lines) {
      add(std::to_string(cue.ko_lines.size()) + " Korean lines (at most " +
          std::to_string(opt.max_lines) + ")");
    }
    int64_t dur = cue.end_ms - cue.start_ms;
    if (dur < opt.min_ms) {
      add("lasts " + std::to_string(dur) + " ms (at least " + std::to_string(opt.min_ms) + ")");
    } else if (dur > opt.max_ms) {
      add("lasts " + std::to_string(dur) + " ms (at most " + std::to_string(opt.max_ms) + ")");
    }
    if (dur > 0) {
      double cps =
          static_cast<double>(ReadingChars(cue.en_lines)) * 1000.0 / static_cast<double>(dur);
      if (cps > kMaxEnglishCps + 1e-9) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", cps);
        add(std::string("English reads at ") + buf + " characters per second (at most " +
            FormatNumber(kMaxEnglishCps) + ")");
      }
    }
  }
  return out;
}

std::vector<Finding> CheckConsistency(const std::vector<MergedDocument>& docs) {
  std::vector<Finding> out;
  struct First {
    const MergedDocument* doc;
    const MergedUnit* unit;
  };
  std::map<std::string, First> first;
  for (const MergedDocument& doc : docs) {
    for (const MergedUnit& mu : doc.units) {
      if (!Translated(mu) || mu.unit.text.empty()) continue;
      auto [it, inserted] = first.emplace(mu.unit.text, First{&doc, &mu});
      if (inserted) continue;
      const MergedUnit& ref = *it->second.unit;
      if (ref.english == mu.english) continue;
      std::string where = it->second.doc == &doc ? "unit " + ref.unit.id
                                                 : it->second.doc->name + " unit " + ref.unit.id;
      std::string at =
          ref.po_line > 0 ? " (" + it->second.doc->po_path + ":" + std::to_string(ref.po_line) + ")"
                          : "";
      out.push_back(UnitFinding(doc, mu, "consistency", FindingSeverity::kWarning,
                                "same Korean as " + where + at +
                                    " but translated differently: " + Quoted(mu.english, 60) +
                                    " here, " + Quoted(ref.english, 60) + " there"));
    }
  }
  return out;
}

std::vector<Finding> RunChecks(const std::vector<MergedDocument>& docs, const CheckOptions& opt) {
  std::vector<std::vector<Finding>> per_doc(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const MergedDocument& doc = docs[d];
    std::vector<Finding>& out = per_doc[d];
    auto append = [&out](std::vector<Finding> more) {
      for (Finding& f : more) out.push_back(std::move(f));
    };
    append(CheckStates(doc));
    append(CheckObsolete(doc));
    if (opt.glossary != nullptr && opt.matcher != nullptr) {
      append(CheckGlossary(doc, *opt.glossary, *opt.matcher));
    }
    append(CheckNumbers(doc));
    append(CheckQuotes(doc));
    append(CheckPunctuation(doc));
    append(CheckSpacing(doc));
    if (opt.subtitles) append(CheckSubtitles(doc, MakeCues(doc, opt.timing), opt.timing));
  }
  for (Finding& f : CheckConsistency(docs)) {
    for (size_t d = 0; d < docs.size(); ++d) {
      if (docs[d].name == f.doc) {
        per_doc[d].push_back(std::move(f));
        break;
      }
    }
  }
  std::vector<Finding> all;
  for (size_t d = 0; d < docs.size(); ++d) {
    std::vector<Finding>& v = per_doc[d];
    const std::string& po = docs[d].po_path;
    std::stable_sort(v.begin(), v.end(), [&po](const Finding& a, const Finding& b) {
      bool ap = a.file == po, bp = b.file == po;
      if (ap != bp) return ap;
      if (a.line != b.line) return a.line < b.line;
      return CheckRank(a.check) < CheckRank(b.check);
    });
    for (Finding& f : v) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace bitext
