#include "xml_text.h"

#include <cstdio>

namespace bitext {

std::string WriterWarning::ToString() const {
  std::string loc = where.ToString();
  return (loc.empty() ? std::string() : loc + ": ") + "warning: " + message;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    NextCodePoint(s, &i);
    ++n;
  }
  return n;
}

std::string CodePointName(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string DropXmlForbidden(std::string_view s, std::vector<char32_t>* dropped) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80) {  // fast path: printable ASCII (and DEL)
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = NextCodePoint(s, &i);
    bool ill_formed = c == 0xFFFD && (i - start != 3 || s.compare(start, 3, "\xEF\xBF\xBD") != 0);
    if (ill_formed || !IsXmlChar(c) || IsInvisibleFormatChar(c)) {
      if (dropped) dropped->push_back(c);
      continue;
    }
    out.append(s.data() + start, i - start);
  }
  return out;
}

bool IsXmlClean(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80) {  // printable ASCII (and DEL)
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = NextCodePoint(s, &i);
    bool ill_formed = c == 0xFFFD && (i - start != 3 || s.compare(start, 3, "\xEF\xBF\xBD") != 0);
    if (ill_formed || !IsXmlChar(c) || IsInvisibleFormatChar(c)) return false;
  }
  return true;
}

std::string XmlEscape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  AppendXmlEscaped(s, attribute, &out);
  return out;
}

void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out) {
  size_t run = 0;  // start of the bytes not yet appended
  for (size_t i = 0; i < s.size(); ++i) {
    const char* rep = nullptr;
    switch (s[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '\r':
        rep = "&#13;";
        break;
      case '"':
        if (attribute) rep = "&quot;";
        break;
      case '\t':
        if (attribute) rep = "&#9;";
        break;
      case '\n':
        if (attribute) rep = "&#10;";
        break;
      default:
        break;
    }
    if (rep == nullptr) continue;
    out->append(s.data() + run, i - run);
    out->append(rep);
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
}

std::string DisplayText(std::string_view s, std::vector<char32_t>* dropped) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    // Fast path: a run of printable ASCII and Hangul syllables (U+AC00..
    // U+D7A3), kept as they are, copied at once.
    size_t run = i;
    while (run < s.size()) {
      unsigned char b = p[run];
      if (b >= 0x20 && b < 0x7F) {
        ++run;
      } else if (b >= 0xEA && b <= 0xED && run + 2 < s.size() && (p[run + 1] & 0xC0) == 0x80 &&
                 (p[run + 2] & 0xC0) == 0x80) {
        unsigned cp =
            (unsigned(b & 0x0F) << 12) | (unsigned(p[run + 1] & 0x3F) << 6) | (p[run + 2] & 0x3F);
        if (!IsHangulSyllable(cp)) break;
        run += 3;
      } else {
        break;
      }
    }
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    size_t start = i;
    char32_t c = NextCodePoint(s, &i);
    bool ill_formed = c == 0xFFFD && (i - start != 3 || s.compare(start, 3, "\xEF\xBF\xBD") != 0);
    if (c == '\t') {
      out += ' ';
    } else if (c == '\r') {
      if (i < s.size() && s[i] == '\n') continue;  // CRLF: the LF follows
      out += '\n';
    } else if (c == '\n') {
      out += '\n';
    } else if (ill_formed || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE ||
               c == 0xFFFF || IsInvisibleFormatChar(c)) {
      if (dropped) dropped->push_back(c);
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto is_space = [](char ch) {
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
  };
  // Runs of non-space bytes, copied at once, one space between runs.
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i == s.size()) break;
    size_t end = i;
    while (end < s.size() && !is_space(s[end])) ++end;
    if (!out.empty()) out += ' ';
    out.append(s.data() + i, end - i);
    i = end;
  }
  return out;
}

bool IsDisplayClean(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned char b = p[i];
    if (b > 0x20 && b < 0x7F) {
      ++i;
    } else if (b == ' ') {
      if (p[i + 1] == ' ') return false;  // s does not end in a space: i + 1 < n
      ++i;
    } else if (b < 0x80) {
      return false;  // controls and whitespace other than a single space, DEL
    } else if (b >= 0xEA && b <= 0xED && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
               (p[i + 2] & 0xC0) == 0x80 &&
               ((unsigned(b & 0x0F) << 12) | (unsigned(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F)) -
                       0xAC00u <=
                   0xD7A3u - 0xAC00u) {
      i += 3;  // a Hangul syllable
    } else {
      size_t start = i;
      char32_t c = NextCodePoint(s, &i);
      bool ill_formed = c == 0xFFFD && (i - start != 3 || s.compare(start, 3, "\xEF\xBF\xBD") != 0);
      if (ill_formed || c < 0xA0 || c == 0xFFFE || c == 0xFFFF || IsInvisibleFormatChar(c)) {
        return false;
      }
    }
  }
  return true;
}

std::string DisplayLine(std::string_view s) {
  if (IsDisplayClean(s)) return std::string(s);
  return CollapseSpaces(DisplayText(s, nullptr));
}

}  // namespace bitext
