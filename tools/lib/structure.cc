#include "structure.h"

#include <cstring>
#include <string>

#include "affix.h"
#include "utf8.h"

namespace bitext {
namespace {

bool Contains(std::string_view s, std::string_view p) {
  return memmem(s.data(), s.size(), p.data(), p.size()) != nullptr;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool HasEmail(std::string_view s) {
  size_t at = s.find('@');
  while (at != std::string_view::npos) {
    if (at > 0 && s[at - 1] != ' ' && Contains(s.substr(at + 1, s.find(' ', at) - at), ".")) {
      return true;
    }
    at = s.find('@', at + 1);
  }
  return false;
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

bool IsCaption(std::string_view line, size_t cps) {
  if (StartsWith(line, "▲")) return true;
  if (StartsWith(line, "[사진]") || StartsWith(line, "<사진>")) return true;
  if (cps > 160) return false;
  if (!Contains(line, "=") && !Contains(line, "사진")) return false;
  for (std::string_view key :
       {"사진=", "사진 =", "사진제공", "사진 제공=", "그래픽=", "영상=", "사진출처", "사진 출처"}) {
    if (Contains(line, key)) return true;
  }
  return false;
}

bool IsQuestion(std::string_view line) {
  if (StartsWith(line, "질문:") || StartsWith(line, "질문 :")) return true;
  if (line.empty() || line[0] != 'Q') return false;
  size_t i = 1;
  while (i < line.size() && IsDigit(line[i])) ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  return i < line.size() && (line[i] == '.' || line[i] == ':' || line[i] == ')');
}

bool IsListItem(std::string_view line) {
  if (StartsWith(line, "△")) return true;
  for (std::string_view b :
       {"- ", "• ", "· ", "* ", "∙ ", "◦ ", "▪ ", "○ ", "● ", "■ ", "□ ", "◆ ", "◇ "}) {
    if (StartsWith(line, b)) return true;
  }
  char32_t c = 0;
  if (!line.empty()) CodePointAt(line, 0, &c);
  if (c >= 0x2460 && c <= 0x2473) return true;  // ① - ⑳
  size_t i = 0;
  if (!line.empty() && line[0] == '(') i = 1;
  size_t digits = i;
  while (digits < line.size() && IsDigit(line[digits])) ++digits;
  if (digits == i || digits - i > 2 || digits + 1 >= line.size()) return false;
  char p = line[digits];
  if (i == 1) return p == ')' && line[digits + 1] == ' ';
  return (p == '.' || p == ')') && line[digits + 1] == ' ';
}

bool IsBoilerplate(std::string_view line) {
  for (std::string_view key : {"관련기사", "관련 기사", "저작권자", "무단전재", "무단 전재",
                               "재배포 금지", "재배포금지", "Copyright", "COPYRIGHT", "©", "ⓒ"}) {
    if (StartsWith(line, key)) return true;
  }
  if (line.size() > 600) return false;  // boilerplate is short
  // Each key below holds "저작권자", "무단" or "All rights reserved".
  const bool may_have_key =
      Contains(line, "저작권자") || Contains(line, "무단") || Contains(line, "All rights reserved");
  for (std::string_view key : {"저작권자 ©", "저작권자©", "저작권자(c)", "무단전재 및 재배포",
                               "무단 전재 및 재배포", "All rights reserved"}) {
    if (may_have_key && Contains(line, key)) return true;
  }
  bool rule = !line.empty();
  for (char c : line) {
    if (c != '=' && c != '-' && c != '_' && c != '*' && c != '~' && c != ' ' && c != '#') {
      rule = false;
      break;
    }
  }
  return rule;
}

bool IsByline(std::string_view line, size_t cps) {
  if (cps > 80) return false;
  if (HasEmail(line) && CountWords(line) <= 8) return true;
  // "[서울=뉴시스] " style prefix, then a 2-4 syllable name and a title.
  std::string_view s = line;
  if (StartsWith(s, "[")) {
    size_t close = s.find(']');
    if (close == std::string_view::npos) return false;
    s.remove_prefix(close + 1);
    while (StartsWith(s, " ")) s.remove_prefix(1);
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, syllables = 0;
  while (i < s.size() && IsHangulSyllableAt(p, i, s.size())) {
    ++syllables;
    i += 3;
  }
  if (syllables < 2) return false;
  for (std::string_view title : {"선임기자", "객원기자", "인턴기자", "기자", "특파원", "통신원"}) {
    // The name has 2-4 syllables; the title may be glued to it ("홍길동기자").
    for (size_t k = 2; k <= 4 && k <= syllables; ++k) {
      std::string_view rest = s.substr(k * 3);
      if (StartsWith(rest, " ")) rest.remove_prefix(1);
      if (!StartsWith(rest, title)) continue;
      rest.remove_prefix(title.size());
      while (StartsWith(rest, " ")) rest.remove_prefix(1);
      if (rest.empty() || rest[0] == '=' || rest[0] == '(' || rest[0] == '/' ||
          StartsWith(rest, "·") || HasEmail(rest)) {
        return true;
      }
    }
  }
  return false;
}

// "이름: …": the speaker's name, or empty.
std::string_view SpeakerOf(std::string_view line) {
  size_t colon = line.substr(0, 64).find(':');  // a name has at most 12 characters
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string_view name = line.substr(0, colon);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  size_t cps = WellFormedCodePointCount(name);
  if (cps < 2 || cps > 12) return {};
  for (char c : name) {
    if (IsDigit(c) || c == '.' || c == ',' || c == '?' || c == '!' || c == '"' || c == '\'' ||
        c == '(' || c == ')' || c == '[' || c == ']' || c == '/' || c == '=' || c == '@') {
      return {};
    }
  }
  for (std::string_view p : {"…", "“", "”", "‘", "’", "·"}) {
    if (Contains(name, p)) return {};
  }
  static const std::string_view kLabels[] = {
      "출처", "참고",  "참조",   "주소",     "문의", "일시", "장소", "사진", "자료",
      "편집", "링크",  "원문",   "기사",     "제목", "요약", "시간", "날짜", "가격",
      "위치", "전화",  "이메일", "홈페이지", "주최", "주관", "후원", "대상", "기간",
      "내용", "결론",  "비고",   "예시",     "정답", "답변", "질문", "메뉴", "영업시간",
      "http", "https", "URL",    "Tel",      "TEL"};
  for (std::string_view l : kLabels) {
    if (name == l) return {};
  }
  return name;
}

bool EndsLikeSentence(std::string_view line) {
  const char32_t last = line.empty() ? 0 : CodePointBefore(line, line.size());
  switch (last) {
    case '.':
    case '?':
    case '!':
    case 0x3002:
    case 0xFF1F:
    case 0xFF01:
    case U'다':
    case U'요':
    case U'죠':
    case U'까':
      return true;
    default:
      return false;
  }
}

bool HasInnerTerminator(std::string_view line) {
  for (std::string_view t : {". ", "? ", "! ", ".\xE2\x80\x9D", "다.", "요."}) {
    if (Contains(line, t)) return true;
  }
  return false;
}

}  // namespace

LineInfo ClassifyLine(std::string_view line) {
  LineInfo info;
  // Only short lines need an exact count: 640 bytes are at least 160 characters.
  size_t cps = line.size() > 640 ? line.size() : WellFormedCodePointCount(line);
  if (IsBoilerplate(line)) {
    info.kind = UnitKind::kBoilerplate;
  } else if (IsCaption(line, cps)) {
    info.kind = UnitKind::kCaption;
  } else if (IsQuestion(line)) {
    info.kind = UnitKind::kQuestion;
  } else if (IsListItem(line)) {
    info.kind = UnitKind::kListItem;
  } else if (IsByline(line, cps)) {
    info.kind = UnitKind::kByline;
  } else if (std::string_view name = SpeakerOf(line); !name.empty()) {
    info.kind = UnitKind::kSpeech;
    info.speaker = name;
  } else {
    info.headline_like = cps <= 100 && !EndsLikeSentence(line) && !HasInnerTerminator(line);
  }
  return info;
}

void MarkHeadlines(std::vector<LineInfo>* lines) {
  HeadlineState state;
  MarkHeadlines(lines, &state);
}

void MarkHeadlines(std::vector<LineInfo>* lines, HeadlineState* state) {
  constexpr size_t kTitleMax = 2;  // a title is followed by at most two deks
  int& body_seen = state->body_seen;
  bool& have_title = state->have_title;
  size_t& deks = state->deks;
  for (LineInfo& l : *lines) {
    if (l.kind != UnitKind::kBody) {
      if (have_title) deks = kTitleMax;  // deks only right after the title
      continue;
    }
    if (l.headline_like && body_seen < 2) {
      if (!have_title) {
        l.kind = UnitKind::kTitle;
        have_title = true;
        deks = 0;
        continue;
      }
      if (deks < kTitleMax) {
        l.kind = UnitKind::kDek;
        ++deks;
        continue;
      }
    }
    ++body_seen;
    if (have_title) body_seen = 2;  // the header ends with the first body after the title
    deks = kTitleMax;
  }
}

}  // namespace bitext
