// Tests for po_merge.h: how update carries English over to re-segmented
// units (kept, moved, fuzzy, new, obsolete, dropped, revived), and that a
// second merge changes nothing.
#include "po_merge.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "po_store.h"
#include "segmenter.h"

using bitext::FormatPo;
using bitext::MergeStats;
using bitext::MergeUnits;
using bitext::PoEntry;
using bitext::PoFile;
using bitext::Unit;

namespace {

std::vector<Unit> MakeUnits(const std::vector<std::string>& texts) {
  std::vector<Unit> units;
  int line = 1;
  for (const std::string& t : texts) {
    Unit u;
    u.text = t;
    u.paragraph = line;
    u.line = line++;
    units.push_back(u);
  }
  bitext::AssignIds(&units);
  return units;
}

// A file translated as `english[i]` for units[i] (by merging, then filling).
PoFile Translated(const std::vector<Unit>& units, const std::vector<std::string>& english) {
  PoFile po = MergeUnits(PoFile(), units, {}, nullptr);
  for (size_t i = 0; i < english.size(); ++i) po.entries[i].msgstr = {english[i]};
  return po;
}

const PoEntry* FindActive(const PoFile& po, const std::string& msgid) {
  for (const PoEntry& e : po.entries) {
    if (!e.obsolete && e.msgid == msgid) return &e;
  }
  return nullptr;
}

const PoEntry* FindObsolete(const PoFile& po, const std::string& msgid) {
  for (const PoEntry& e : po.entries) {
    if (e.obsolete && e.msgid == msgid) return &e;
  }
  return nullptr;
}

// Merging the merged file again with the same units changes nothing.
void CheckIdempotent(const PoFile& merged, const std::vector<Unit>& units,
                     const bitext::MergeOptions& options = {}) {
  auto reparsed = bitext::ParsePo(FormatPo(merged), "m.po");
  REQUIRE(reparsed.ok());
  MergeStats again;
  PoFile twice = MergeUnits(*reparsed, units, options, &again);
  CHECK(FormatPo(twice) == FormatPo(merged));
  CHECK(again.kept == static_cast<int>(units.size()));
  CHECK(again.fuzzy == 0);
  CHECK(again.added == 0);
  CHECK(again.obsoleted == 0);
}

const std::vector<std::string> kKorean = {
    "서울에서 새로운 인공지능 행사가 열렸다.",
    "국내 개발자와 연구원 300여 명이 참석했다.",
    "참가비는 무료였다.",
    "다음 행사는 부산에서 열릴 예정이다.",
};
const std::vector<std::string> kEnglish = {
    "A new AI event was held in Seoul.",
    "About 300 Korean developers and researchers attended.",
    "Admission was free.",
    "The next event will be held in Busan.",
};

}  // namespace

TEST_CASE("Merge into an empty file creates one entry per unit", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(kKorean);
  units[1].kind = bitext::UnitKind::kSpeech;
  units[1].speaker = "샘 알트만";
  MergeStats st;
  bitext::MergeOptions opt;
  opt.source_name = "ko.srt";
  opt.doc_name = "d";
  PoFile po = MergeUnits(PoFile(), units, opt, &st);
  CHECK(st.units == 4);
  CHECK(st.added == 4);
  REQUIRE(po.header);
  CHECK(bitext::PoHeaderField(*po.header, "Language") == std::optional<std::string>("en"));
  REQUIRE(po.entries.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(po.entries[i].msgctxt == std::optional<std::string>(units[i].id));
    CHECK(po.entries[i].msgid == units[i].text);
    CHECK(po.entries[i].msgstr == std::vector<std::string>{""});
    CHECK(po.entries[i].references ==
          std::vector<std::string>{"ko.srt:" + std::to_string(units[i].line)});
  }
  CHECK(po.entries[0].extracted_comments == std::vector<std::string>{"kind: body"});
  CHECK(po.entries[1].extracted_comments ==
        std::vector<std::string>{"kind: speech", "speaker: 샘 알트만"});
  CheckIdempotent(po, units, opt);
}

TEST_CASE("Merge keeps unchanged and moved units with their state", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(kKorean);
  PoFile old = Translated(units, kEnglish);
  old.entries[0].translator_comments = {"checked against the video"};
  old.entries[3].SetFuzzy(true);
  old.entries[3].previous_msgid = "다음 행사는 대구에서 열린다.";
  // Reverse the order: every unit moved.
  std::vector<std::string> reversed(kKorean.rbegin(), kKorean.rend());
  std::vector<Unit> moved = MakeUnits(reversed);
  MergeStats st;
  PoFile po = MergeUnits(old, moved, {}, &st);
  CHECK(st.kept == 4);
  CHECK(st.fuzzy == 0);
  CHECK(st.obsoleted == 0);
  REQUIRE(po.entries.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(po.entries[i].msgid == reversed[i]);  // document order
    CHECK(po.entries[i].Translation() == kEnglish[3 - i]);
    CHECK(po.entries[i].references == std::vector<std::string>{"ko.txt:" + std::to_string(i + 1)});
  }
  CHECK(po.entries[3].translator_comments == std::vector<std::string>{"checked against the video"});
  CHECK(po.entries[0].IsFuzzy());  // a fuzzy entry stays fuzzy
  CHECK(po.entries[0].previous_msgid == std::optional<std::string>("다음 행사는 대구에서 열린다."));
  CHECK(!po.entries[1].IsFuzzy());
  CheckIdempotent(po, moved);
}

TEST_CASE("Merge matches by msgid when the id changed", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(kKorean);
  PoFile old = Translated(units, kEnglish);
  old.entries[2].msgctxt = "u0123456789ab";  // an id from an older scheme
  MergeStats st;
  PoFile po = MergeUnits(old, units, {}, &st);
  CHECK(st.kept == 4);
  CHECK(po.entries[2].msgctxt == std::optional<std::string>(units[2].id));
  CHECK(po.entries[2].Translation() == kEnglish[2]);
  CHECK(!po.entries[2].IsFuzzy());
}

TEST_CASE("Merge makes an edited unit fuzzy with the previous Korean", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(kKorean);
  PoFile old = Translated(units, kEnglish);
  old.entries[1].translator_comments = {"number checked"};
  std::vector<std::string> edited = kKorean;
  edited[1] = "국내 개발자와 연구원 500여 명이 참석했다.";
  std::vector<Unit> now = MakeUnits(edited);
  MergeStats st;
  PoFile po = MergeUnits(old, now, {}, &st);
  CHECK(st.kept == 3);
  CHECK(st.fuzzy == 1);
  CHECK(st.obsoleted == 0);
  const PoEntry* e = FindActive(po, edited[1]);
  REQUIRE(e != nullptr);
  CHECK(e->IsFuzzy());
  CHECK(e->Translation() == kEnglish[1]);
  CHECK(e->previous_msgid == std::optional<std::string>(kKorean[1]));
  CHECK(e->previous_msgctxt == std::optional<std::string>(units[1].id));
  CHECK(e->msgctxt == std::optional<std::string>(now[1].id));
  CHECK(e->translator_comments == std::vector<std::string>{"number checked"});
  CheckIdempotent(po, now);

  SECTION("edited again: the oldest previous Korean stays") {
    std::vector<std::string> again = edited;
    again[1] = "국내 개발자와 연구원 700여 명이 참석했다.";
    std::vector<Unit> later = MakeUnits(again);
    PoFile po2 = MergeUnits(po, later, {}, &st);
    const PoEntry* e2 = FindActive(po2, again[1]);
    REQUIRE(e2 != nullptr);
    CHECK(e2->IsFuzzy());
    CHECK(e2->previous_msgid == std::optional<std::string>(kKorean[1]));
    CHECK(e2->Translation() == kEnglish[1]);
  }
}

TEST_CASE("Merge keeps deleted units as obsolete entries", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(kKorean);
  PoFile old = Translated(units, kEnglish);
  old.entries[2].translator_comments = {"admission = 참가비"};
  std::vector<std::string> fewer = {kKorean[0], kKorean[1], kKorean[3]};
  std::vector<Unit> now = MakeUnits(fewer);
  MergeStats st;
  PoFile po = MergeUnits(old, now, {}, &st);
  CHECK(st.kept == 3);
  CHECK(st.obsoleted == 1);
  CHECK(st.obsolete_total == 1);
  REQUIRE(po.entries.size() == 4);
  CHECK(po.entries.back().obsolete);  // obsolete entries come last
  const PoEntry* gone = FindObsolete(po, kKorean[2]);
  REQUIRE(gone != nullptr);
  CHECK(gone->Translation() == kEnglish[2]);
  CHECK(gone->translator_comments == std::vector<std::string>{"admission = 참가비"});
  CheckIdempotent(po, now);

  SECTION("the sentence comes back: the obsolete entry is revived") {
    MergeStats st2;
    PoFile back = MergeUnits(po, units, {}, &st2);
    CHECK(st2.kept == 4);
    CHECK(st2.obsolete_total == 0);
    const PoEntry* e = FindActive(back, kKorean[2]);
    REQUIRE(e != nullptr);
    CHECK(e->Translation() == kEnglish[2]);
    CHECK(!e->IsFuzzy());
    CHECK(e->msgctxt == std::optional<std::string>(units[2].id));
  }

  SECTION("a similar sentence comes back: fuzzy from the obsolete entry") {
    std::vector<std::string> similar = fewer;
    similar.push_back("참가비는 모두 무료였다.");
    std::vector<Unit> later = MakeUnits(similar);
    MergeStats st2;
    PoFile po2 = MergeUnits(po, later, {}, &st2);
    CHECK(st2.fuzzy == 1);
    const PoEntry* e = FindActive(po2, "참가비는 모두 무료였다.");
    REQUIRE(e != nullptr);
    CHECK(e->IsFuzzy());
    CHECK(e->Translation() == kEnglish[2]);
    CHECK(e->previous_msgid == std::optional<std::string>(kKorean[2]));
    CHECK(st2.obsolete_total == 0);
  }
}

TEST_CASE("Merge drops only vanished entries without English or comments", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(kKorean);
  PoFile old = Translated(units, {kEnglish[0], kEnglish[1]});  // 2 and 3 untranslated
  old.entries[3].translator_comments = {"ask the reporter"};
  std::vector<Unit> now = MakeUnits({kKorean[0], kKorean[1]});
  MergeStats st;
  PoFile po = MergeUnits(old, now, {}, &st);
  CHECK(st.dropped == 1);
  CHECK(st.obsoleted == 1);
  CHECK(FindObsolete(po, kKorean[2]) == nullptr);
  const PoEntry* kept = FindObsolete(po, kKorean[3]);
  REQUIRE(kept != nullptr);
  CHECK(kept->translator_comments == std::vector<std::string>{"ask the reporter"});
}

TEST_CASE("Merge does not attach English to an unrelated sentence", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(kKorean);
  PoFile old = Translated(units, kEnglish);
  std::vector<std::string> replaced = kKorean;
  replaced[2] = "행사장에는 통역 서비스도 제공됐다.";
  std::vector<Unit> now = MakeUnits(replaced);
  MergeStats st;
  PoFile po = MergeUnits(old, now, {}, &st);
  CHECK(st.added == 1);
  CHECK(st.fuzzy == 0);
  CHECK(st.obsoleted == 1);
  const PoEntry* e = FindActive(po, replaced[2]);
  REQUIRE(e != nullptr);
  CHECK(!e->HasTranslation());
  CHECK(!e->IsFuzzy());
  CHECK(FindObsolete(po, kKorean[2]) != nullptr);
}

TEST_CASE("Merge pairs edited units with their most similar old entries", "[po_merge]") {
  std::vector<Unit> units = MakeUnits(
      {"오픈AI는 한국 스타트업에 투자할 계획이다.", "샘 알트만은 윤석열 대통령을 만났다."});
  PoFile old = Translated(units, {"OpenAI plans to invest in Korean startups.",
                                  "Sam Altman met President Yoon Suk Yeol."});
  // Both edited, listed in the other order.
  std::vector<Unit> now = MakeUnits({"샘 알트만은 오전에 윤석열 대통령을 만났다.",
                                     "오픈AI는 한국 스타트업에 더 투자할 계획이다."});
  MergeStats st;
  PoFile po = MergeUnits(old, now, {}, &st);
  CHECK(st.fuzzy == 2);
  CHECK(po.entries[0].Translation() == "Sam Altman met President Yoon Suk Yeol.");
  CHECK(po.entries[1].Translation() == "OpenAI plans to invest in Korean startups.");
}

TEST_CASE("Merge keeps an existing header and completes it without dates", "[po_merge]") {
  auto old = bitext::ParsePo(
      "# Our team's header comment.\n"
      "msgid \"\"\n"
      "msgstr \"\"\n"
      "\"Project-Id-Version: my project 2\\n\"\n"
      "\"Last-Translator: Kim <kim@example.com>\\n\"\n",
      "h.po");
  REQUIRE(old.ok());
  PoFile po = MergeUnits(*old, MakeUnits(kKorean), {}, nullptr);
  REQUIRE(po.header);
  CHECK(po.header->translator_comments == std::vector<std::string>{"Our team's header comment."});
  CHECK(bitext::PoHeaderField(*po.header, "Project-Id-Version") ==
        std::optional<std::string>("my project 2"));
  CHECK(bitext::PoHeaderField(*po.header, "Last-Translator") ==
        std::optional<std::string>("Kim <kim@example.com>"));
  CHECK(bitext::PoHeaderField(*po.header, "Language") == std::optional<std::string>("en"));
  CHECK(bitext::PoHeaderField(*po.header, "Content-Type") ==
        std::optional<std::string>("text/plain; charset=UTF-8"));
  CHECK(!bitext::PoHeaderField(*po.header, "PO-Revision-Date"));
}
