#include "glossary.h"

#include <algorithm>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "document.h"
#include "file_io.h"
#include "term_matcher.h"
#include "text_clean.h"
#include "utf8.h"

namespace bitext {

const char kGlossaryHeader[] = "ko\ten\tkind\tvariants\tnote";

namespace {

constexpr const char* kKindNames[] = {"person", "org",   "place", "product",
                                      "event",  "title", "term"};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

bool BadSpaces(std::string_view s) {
  return !s.empty() &&
         (s.front() == ' ' || s.back() == ' ' || s.find("  ") != std::string_view::npos);
}

bool HasControl(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

std::vector<Term> SortedTerms(const Glossary& g) {
  std::vector<Term> terms = g.terms;
  std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
    if (a.ko != b.ko) return a.ko < b.ko;
    return a.en < b.en;
  });
  return terms;
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// A command-line string as a field: Usage error for invalid UTF-8, a TAB,
// newline or control character; then cleaned as text (CleanText: byte-order
// marks and zero-width characters dropped, Unicode spaces made plain, space
// runs collapsed, NFC) and trimmed.
Result<std::string> NormalizeField(std::string_view s, const char* what) {
  if (!IsValidUtf8(s)) return Status::Usage(std::string(what) + " is not valid UTF-8");
  if (HasControl(s))
    return Status::Usage(std::string(what) + " contains a TAB, newline or control character");
  Result<std::string> clean = CleanText(s, what);
  if (!clean.ok()) return Status::Usage(std::string(what) + ": " + clean.status().message());
  std::string out = *clean;
  size_t b = out.find_first_not_of(' ');
  if (b == std::string::npos) return std::string();
  size_t e = out.find_last_not_of(' ');
  return out.substr(b, e - b + 1);
}

}  // namespace

const char* TermKindName(TermKind kind) { return kKindNames[static_cast<int>(kind)]; }

bool ParseTermKind(std::string_view name, TermKind* kind) {
  for (int i = 0; i < 7; ++i) {
    if (name == kKindNames[i]) {
      *kind = static_cast<TermKind>(i);
      return true;
    }
  }
  return false;
}

std::string GlossaryFinding::ToString() const {
  return where.ToString() + ": " + (severity == Severity::kError ? "error" : "warning") + ": " +
         message;
}

// --- Parsing and lint of the file itself ---

std::vector<GlossaryFinding> LintGlossaryText(std::string_view text, const std::string& path,
                                              Glossary* parsed) {
  Glossary g;
  g.path = path;
  std::vector<GlossaryFinding> findings;
  auto report = [&](Severity sev, int line, int col, std::string message) {
    findings.push_back(GlossaryFinding{Location{path, line, col}, sev, std::move(message)});
  };
  auto error = [&](int line, std::string message) {
    report(Severity::kError, line, 0, std::move(message));
  };

  bool header_seen = false;
  // Every Korean string (ko or variant) -> index into g.terms.
  std::unordered_map<std::string, size_t> korean;
  std::string prev_ko;
  int prev_line = 0;

  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  std::vector<std::string_view> lines = Split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (size_t li = 0; li < lines.size(); ++li) {
    const int line_no = int(li) + 1;
    std::string_view line = lines[li];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad)) {
      report(Severity::kError, line_no, ColumnOf(line, bad), "invalid UTF-8");
      continue;
    }
    if (line.find_first_not_of(' ') == std::string_view::npos) continue;  // blank
    if (line[0] == '#') {
      // A carriage return left inside (not a CRLF line end) would be written
      // back raw and read as a line end: the comment would change.
      if (size_t cr = line.find('\r'); cr != std::string_view::npos) {
        report(Severity::kError, line_no, ColumnOf(line, cr),
               "carriage return inside a comment line");
        continue;
      }
      g.comments.emplace_back(line);
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      if (line == kGlossaryHeader) continue;
      if (line.substr(0, 3) == "ko\t") {
        error(line_no, "bad header: expected 'ko<TAB>en<TAB>kind<TAB>variants<TAB>note'");
        continue;
      }
      error(line_no,
            "missing header: the first line must be 'ko<TAB>en<TAB>kind<TAB>variants<TAB>note'");
    }

    std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != 5) {
      error(line_no, "expected 5 TAB-separated fields (ko, en, kind, variants, note), found " +
                         std::to_string(f.size()));
      continue;
    }
    const size_t before = findings.size();
    auto row_errors = [&] {
      for (size_t i = before; i < findings.size(); ++i)
        if (findings[i].severity == Severity::kError) return true;
      return false;
    };
    static const char* kFieldNames[] = {"ko", "en", "kind", "variants", "note"};
    for (size_t i = 0; i < 5; ++i) {
      if (HasControl(f[i])) error(line_no, std::string("control character in ") + kFieldNames[i]);
    }
    if (f[0].empty()) error(line_no, "empty ko");
    if (f[1].empty()) error(line_no, "empty en");
    for (size_t i : {size_t{0}, size_t{1}, size_t{2}}) {
      if (BadSpaces(f[i]))
        error(line_no, std::string(kFieldNames[i]) + " " + Quote(f[i]) +
                           " has leading, trailing or doubled spaces");
    }
    TermKind kind = TermKind::kTerm;
    if (!ParseTermKind(f[2], &kind)) {
      error(line_no, "unknown kind " + Quote(f[2]) +
                         " (expected person, org, place, product, event, title or term)");
    }
    std::vector<std::string> variants;
    if (!f[3].empty()) {
      for (std::string_view v : Split(f[3], '|')) {
        if (v.empty()) {
          error(line_no, "empty variant in " + Quote(f[3]));
          break;
        }
        if (BadSpaces(v))
          error(line_no, "variant " + Quote(v) + " has leading, trailing or doubled spaces");
        variants.emplace_back(v);
      }
    }
    if (row_errors()) continue;

    Term t;
    t.line = line_no;
    t.kind = kind;
    t.ko = ToNfc(f[0]);
    t.en = ToNfc(f[1]);
    t.note = ToNfc(f[4]);
    bool nfc = t.ko == f[0] && t.en == f[1] && t.note == f[4];
    for (std::string& v : variants) {
      std::string n = ToNfc(v);
      if (n != v) nfc = false;
      v = std::move(n);
    }
    t.variants = std::move(variants);
    if (!nfc) report(Severity::kWarning, line_no, 0, "text is not in NFC (normalised when read)");

    // Korean strings repeated within the row or across rows.
    std::set<std::string> own = {t.ko};
    for (const std::string& v : t.variants) {
      if (v == t.ko) {
        error(line_no, "variant " + Quote(v) + " repeats the term");
      } else if (!own.insert(v).second) {
        error(line_no, "variant " + Quote(v) + " is listed twice");
      }
    }
    auto check_other = [&](const std::string& s, bool is_variant) {
      auto it = korean.find(s);
      if (it == korean.end()) return;
      const Term& o = g.terms[it->second];
      const std::string at = " at line " + std::to_string(o.line);
      if (!is_variant && o.ko == s) {
        if (o.en == t.en) {
          error(line_no, "duplicate term " + Quote(s) + " (also" + at + ")");
        } else {
          error(line_no, Quote(s) + " has two English renderings: " + Quote(o.en) + at + " and " +
                             Quote(t.en) + " here");
        }
        return;
      }
      std::string msg = std::string(is_variant ? "variant " : "term ") + Quote(s) + " is already " +
                        (o.ko == s ? "the term" : "a variant") + at + " (" + Quote(o.ko) + " = " +
                        Quote(o.en) + ")";
      if (o.en != t.en) msg += " with different English";
      error(line_no, msg);
    };
    check_other(t.ko, false);
    for (const std::string& v : t.variants) check_other(v, true);
    if (row_errors()) continue;

    if (!prev_ko.empty() && t.ko < prev_ko) {
      report(Severity::kWarning, line_no, 0,
             Quote(t.ko) + " is out of order (after " + Quote(prev_ko) + " at line " +
                 std::to_string(prev_line) + "); rows should be sorted by ko");
    } else {
      prev_ko = t.ko;
      prev_line = line_no;
    }
    size_t index = g.terms.size();
    korean.emplace(t.ko, index);
    for (const std::string& v : t.variants) korean.emplace(v, index);
    g.terms.push_back(std::move(t));
  }
  if (!header_seen) {
    error(lines.empty() ? 1 : int(lines.size()),
          "missing header: the first line must be 'ko<TAB>en<TAB>kind<TAB>variants<TAB>note'");
  }
  if (parsed) *parsed = std::move(g);
  return findings;
}

Result<Glossary> ParseGlossary(std::string_view text, const std::string& path) {
  Glossary g;
  std::vector<GlossaryFinding> findings = LintGlossaryText(text, path, &g);
  for (const GlossaryFinding& f : findings) {
    if (f.severity == Severity::kError) return Status::InvalidInput(f.where, f.message);
  }
  return g;
}

Result<Glossary> LoadGlossary(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseGlossary(*text, path);
}

std::string SerializeGlossary(const Glossary& glossary) {
  std::string out;
  for (const std::string& c : glossary.comments) out += c + "\n";
  out += kGlossaryHeader;
  out += "\n";
  for (const Term& t : SortedTerms(glossary)) {
    out += t.ko + "\t" + t.en + "\t" + TermKindName(t.kind) + "\t" + Join(t.variants, "|") + "\t" +
           t.note + "\n";
  }
  return out;
}

// --- Adding ---

Result<AddOutcome> AddTerm(Glossary* glossary, const Term& term, bool kind_given) {
  Result<std::string> ko = NormalizeField(term.ko, "the Korean term");
  if (!ko.ok()) return ko.status();
  Result<std::string> en = NormalizeField(term.en, "the English");
  if (!en.ok()) return en.status();
  Result<std::string> note = NormalizeField(term.note, "the note");
  if (!note.ok()) return note.status();
  if (ko->empty()) return Status::Usage("the Korean term is empty");
  if (en->empty()) return Status::Usage("the English is empty");
  if (ko->find('|') != std::string::npos)
    return Status::Usage("the Korean term " + Quote(*ko) + " contains '|'");
  if ((*ko)[0] == '#')
    return Status::Usage("the Korean term " + Quote(*ko) + " starts with '#' (a comment line)");
  std::vector<std::string> variants;
  for (const std::string& raw : term.variants) {
    Result<std::string> v = NormalizeField(raw, "a variant");
    if (!v.ok()) return v.status();
    if (v->empty()) return Status::Usage("a variant is empty");
    if (v->find('|') != std::string::npos)
      return Status::Usage("the variant " + Quote(*v) + " contains '|'");
    if (*v == *ko || std::find(variants.begin(), variants.end(), *v) != variants.end()) continue;
    variants.push_back(*v);
  }

  // The row this entry is a re-add of: same ko, same en.
  Term* same = nullptr;
  for (Term& r : glossary->terms)
    if (r.ko == *ko && r.en == *en) same = &r;

  std::vector<std::string> korean = {*ko};
  korean.insert(korean.end(), variants.begin(), variants.end());
  for (const std::string& s : korean) {
    for (const Term& r : glossary->terms) {
      if (&r == same) continue;
      bool is_ko = r.ko == s;
      bool is_variant = std::find(r.variants.begin(), r.variants.end(), s) != r.variants.end();
      if (!is_ko && !is_variant) continue;
      std::string msg = Quote(s) + " is already " +
                        (is_ko ? "the Korean of " + Quote(r.en)
                               : "a variant of " + Quote(r.ko) + " = " + Quote(r.en)) +
                        " (" + TermKindName(r.kind) + ")";
      if (r.en == *en && !is_ko) msg += "; add the variant to that row instead";
      return Status::Conflict(Location{glossary->path, r.line, 0}, msg);
    }
  }

  if (same != nullptr) {
    Location at{glossary->path, same->line, 0};
    if (kind_given && same->kind != term.kind) {
      return Status::Conflict(at, Quote(*ko) + " is already there as " + TermKindName(same->kind) +
                                      ", not " + TermKindName(term.kind));
    }
    bool changed = false;
    if (!note->empty() && same->note != *note) {
      if (!same->note.empty())
        return Status::Conflict(at, Quote(*ko) + " already has the note " + Quote(same->note));
      same->note = *note;
      changed = true;
    }
    for (const std::string& v : variants) {
      if (std::find(same->variants.begin(), same->variants.end(), v) == same->variants.end()) {
        same->variants.push_back(v);
        changed = true;
      }
    }
    return changed ? AddOutcome::kUpdated : AddOutcome::kUnchanged;
  }

  Term t;
  t.ko = *ko;
  t.en = *en;
  t.kind = term.kind;
  t.variants = std::move(variants);
  t.note = *note;
  auto pos = std::find_if(glossary->terms.begin(), glossary->terms.end(),
                          [&](const Term& r) { return t.ko < r.ko; });
  glossary->terms.insert(pos, std::move(t));
  return AddOutcome::kAdded;
}

// --- Documents ---

Result<std::vector<CorpusText>> LoadCorpus(const std::string& translations_dir) {
  Result<std::vector<std::string>> docs = ListDocuments(translations_dir);
  if (!docs.ok()) return docs.status();
  std::vector<CorpusText> out;
  for (const std::string& d : *docs) {
    std::string dir = IsDirectory(d) ? d : translations_dir + "/" + d;
    Result<std::string> source = FindSource(dir);
    if (!source.ok()) return source.status();
    Result<std::vector<Unit>> units = LoadSource(*source);
    if (!units.ok()) return units.status();
    for (const Unit& u : *units) {
      out.push_back(CorpusText{*source, u.line, u.col, u.kind, u.text});
    }
  }
  return out;
}

namespace {

// Location of byte `offset` of a unit's text in its source file.
Location Locate(const CorpusText& c, size_t offset) {
  TextPosition p = PositionAt(c.text, offset);
  if (p.line == 1) return Location{c.file, c.line, c.col + p.col - 1};
  return Location{c.file, c.line + p.line - 1, p.col};
}

}  // namespace

std::vector<GlossaryFinding> FindUnusedTerms(const Glossary& glossary,
                                             const std::vector<CorpusText>& corpus) {
  TermMatcher matcher(glossary);
  std::vector<bool> used(glossary.terms.size(), false);
  for (const CorpusText& c : corpus)
    for (const TermMatch& m : matcher.FindAll(c.text)) used[m.term] = true;
  std::vector<GlossaryFinding> out;
  for (size_t i = 0; i < glossary.terms.size(); ++i) {
    if (used[i]) continue;
    const Term& t = glossary.terms[i];
    out.push_back(GlossaryFinding{Location{glossary.path, t.line, 0}, Severity::kWarning,
                                  Quote(t.ko) + " (" + t.en + ") occurs in no document"});
  }
  return out;
}

namespace {

bool HasLatinLetter(std::string_view s) {
  for (char c : s)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  return false;
}

bool AllHangul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += CodePointAt(s, i, &cp);
    if (!IsHangul(cp)) return false;
  }
  return !s.empty();
}

// Pairs of quote marks around names.
char32_t ClosingQuote(char32_t open) {
  switch (open) {
    case '\'':
      return '\'';
    case '"':
      return '"';
    case 0x2018:
      return 0x2019;  // ‘ ’
    case 0x201C:
      return 0x201D;  // “ ”
    case 0x300C:
      return 0x300D;  // 「 」
    case 0x300E:
      return 0x300F;  // 『 』
    case 0x300A:
      return 0x300B;  // 《 》
    case 0x3008:
      return 0x3009;  // 〈 〉
    case 0x00AB:
      return 0x00BB;  // « »
    default:
      return 0;
  }
}

// Pronouns, demonstratives and other frequent non-terms that take particles.
const std::set<std::string>& StopStems() {
  static const auto* s = new std::set<std::string>{
      "우리", "저희", "이것", "그것", "저것", "이번", "지금", "여기", "거기", "이후", "이전",
      "때문", "정도", "가장", "모두", "서로", "자신", "누구", "무엇", "어디", "이날", "당시"};
  return *s;
}

struct Occurrence {
  size_t unit;
  size_t offset;
  bool operator<(const Occurrence& o) const {
    return unit != o.unit ? unit < o.unit : offset < o.offset;
  }
};

struct Tally {
  std::set<Occurrence> at;
  std::set<std::string> reasons;
  std::set<std::string> endings;  // for "particles"
};

}  // namespace

std::vector<Candidate> FindCandidates(const Glossary& glossary,
                                      const std::vector<CorpusText>& corpus) {
  TermMatcher matcher(glossary);
  std::map<std::string, Tally> found;  // latin, glossed, quoted
  std::map<std::string, Tally> stems;  // Hangul stems, before the endings test
  for (size_t u = 0; u < corpus.size(); ++u) {
    const CorpusText& c = corpus[u];
    if (c.kind == UnitKind::kByline || c.kind == UnitKind::kBoilerplate) continue;
    const std::string& text = c.text;
    std::vector<char> covered(text.size() + 1, 0);
    for (const TermMatch& m : matcher.FindAll(text))
      std::fill(covered.begin() + long(m.begin), covered.begin() + long(m.end), 1);

    // Words.
    for (size_t i = 0; i < text.size();) {
      char32_t cp;
      size_t len = CodePointAt(text, i, &cp);
      if (!IsWordChar(cp)) {
        i += len;
        continue;
      }
      size_t b = i;
      while (i < text.size()) {
        len = CodePointAt(text, i, &cp);
        if (!IsWordChar(cp)) break;
        i += len;
      }
      if (covered[b]) continue;
      std::string_view word(text.data() + b, i - b);
      std::string_view stem = StripParticles(word);
      std::string ending(word.substr(stem.size()));
      if (HasLatinLetter(stem)) {
        if (WellFormedCodePointCount(stem) >= 2) {
          Tally& t = found[std::string(stem)];
          t.at.insert({u, b});
          t.reasons.insert("latin");
        }
        continue;
      }
      if (!AllHangul(stem) || WellFormedCodePointCount(stem) < 2) continue;
      if (i + 1 < text.size() && text[i] == '(' && HasLatinLetter(text.substr(i + 1, 1))) {
        Tally& t = found[std::string(stem)];
        t.at.insert({u, b});
        t.reasons.insert("glossed");
      }
      if (StopStems().count(std::string(stem))) continue;
      Tally& t = stems[std::string(stem)];
      t.at.insert({u, b});
      t.endings.insert(ending);
    }

    // Quoted names.
    for (size_t i = 0; i < text.size();) {
      char32_t cp;
      size_t len = CodePointAt(text, i, &cp);
      i += len;
      char32_t close = ClosingQuote(cp);
      if (close == 0) continue;
      size_t b = i;
      size_t e = text.size();
      for (size_t k = b; k < text.size();) {
        char32_t c2;
        size_t l2 = CodePointAt(text, k, &c2);
        if (c2 == close) {
          e = k;
          break;
        }
        k += l2;
      }
      if (e == text.size()) continue;
      std::string_view q(text.data() + b, e - b);
      char32_t closing;
      i = e + CodePointAt(text, e, &closing);
      size_t n = WellFormedCodePointCount(q);
      size_t spaces = size_t(std::count(q.begin(), q.end(), ' '));
      if (n == 0 || n > 30 || spaces > 4 || q.front() == ' ' || q.back() == ' ' ||
          q.find_first_of(".?!,") != std::string_view::npos)
        continue;
      bool known = false;
      for (const TermMatch& m : matcher.FindAll(q))
        if (m.begin == 0 && m.end == q.size()) known = true;
      if (known) continue;
      Tally& t = found[std::string(q)];
      t.at.insert({u, b});
      t.reasons.insert("quoted");
    }
  }
  for (auto& [stem, t] : stems) {
    if (t.endings.size() < 2) continue;
    Tally& f = found[stem];
    f.at.insert(t.at.begin(), t.at.end());
    f.reasons.insert("particles");
  }
  std::vector<Candidate> out;
  for (const auto& [text, t] : found) {
    Candidate c;
    c.text = text;
    c.count = int(t.at.size());
    c.reasons.assign(t.reasons.begin(), t.reasons.end());
    const Occurrence& first = *t.at.begin();
    c.first = Locate(corpus[first.unit], first.offset);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.text < b.text;
  });
  return out;
}

// --- Export ---

std::string ExportOmegaT(const Glossary& glossary) {
  std::string out;
  for (const Term& t : SortedTerms(glossary)) {
    out += t.ko + "\t" + t.en + "\t" + t.note + "\n";
    for (const std::string& v : t.variants) {
      out +=
          v + "\t" + t.en + "\tvariant of " + t.ko + (t.note.empty() ? "" : "; " + t.note) + "\n";
    }
  }
  return out;
}

namespace {

bool IsProperNoun(TermKind k) { return k != TermKind::kTitle && k != TermKind::kTerm; }

void AddTig(pugi::xml_node lang_set, const std::string& term, TermKind kind, const char* status) {
  pugi::xml_node tig = lang_set.append_child("tig");
  tig.append_child("term").text().set(term.c_str());
  pugi::xml_node pos = tig.append_child("termNote");
  pos.append_attribute("type") = "partOfSpeech";
  pos.text().set(IsProperNoun(kind) ? "properNoun" : "noun");
  if (status) {
    pugi::xml_node st = tig.append_child("termNote");
    st.append_attribute("type") = "administrativeStatus";
    st.text().set(status);
  }
}

}  // namespace

std::string ExportTbx(const Glossary& glossary) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node martif = doc.append_child("martif");
  martif.append_attribute("type") = "TBX-Basic";
  martif.append_attribute("xml:lang") = "en";
  pugi::xml_node header = martif.append_child("martifHeader");
  pugi::xml_node p = header.append_child("fileDesc").append_child("sourceDesc").append_child("p");
  p.text().set(("bitext glossary " + glossary.path).c_str());
  pugi::xml_node enc = header.append_child("encodingDesc").append_child("p");
  enc.append_attribute("type") = "XCSURI";
  enc.text().set("TBXBasicXCSV02.xcs");
  pugi::xml_node body = martif.append_child("text").append_child("body");
  int id = 0;
  for (const Term& t : SortedTerms(glossary)) {
    pugi::xml_node entry = body.append_child("termEntry");
    entry.append_attribute("id") = ("t" + std::to_string(++id)).c_str();
    entry.append_child("note").text().set((std::string("kind: ") + TermKindName(t.kind)).c_str());
    if (!t.note.empty()) entry.append_child("note").text().set(t.note.c_str());
    pugi::xml_node ko = entry.append_child("langSet");
    ko.append_attribute("xml:lang") = "ko";
    AddTig(ko, t.ko, t.kind, t.variants.empty() ? nullptr : "preferredTerm-admn-sts");
    for (const std::string& v : t.variants) AddTig(ko, v, t.kind, "admittedTerm-admn-sts");
    pugi::xml_node en = entry.append_child("langSet");
    en.append_attribute("xml:lang") = "en";
    AddTig(en, t.en, t.kind, nullptr);
  }
  std::ostringstream os;
  doc.save(os, "  ", pugi::format_indent, pugi::encoding_utf8);
  return os.str();
}

namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string ExportCsv(const Glossary& glossary) {
  std::string out = "ko,en,kind,variants,note\r\n";
  for (const Term& t : SortedTerms(glossary)) {
    out += CsvField(t.ko) + "," + CsvField(t.en) + "," + TermKindName(t.kind) + "," +
           CsvField(Join(t.variants, "|")) + "," + CsvField(t.note) + "\r\n";
  }
  return out;
}

}  // namespace bitext
