// Tests for subtitle_timing.h: the reading-speed timeline, cue splitting,
// speakers and the limits every cue keeps. Table-driven where the rule is a
// number.
#include "subtitle_timing.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "line_break.h"
#include "xml_text.h"

using namespace bitext;

namespace {

MergedUnit MU(const std::string& id, int paragraph, UnitKind kind, const std::string& ko,
              const std::string& en, TranslationState state = TranslationState::kTranslated,
              const std::string& speaker = "") {
  MergedUnit mu;
  mu.unit.id = id;
  mu.unit.paragraph = paragraph;
  mu.unit.kind = kind;
  mu.unit.speaker = speaker;
  mu.unit.text = ko;
  mu.english = en;
  mu.state = state;
  return mu;
}

MergedDocument Doc(std::vector<MergedUnit> units, bool timed = false) {
  MergedDocument d;
  d.name = "t";
  d.dir = "t";
  d.source_path = timed ? "t/ko.srt" : "t/ko.txt";
  d.po_path = "t/en.po";
  d.timed = timed;
  d.units = std::move(units);
  return d;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Cue::lines_clean holds: every line is a clean display line, so that the
// writers may take them unchecked.
void CheckCleanLines(const Cue& c) {
  CHECK(c.lines_clean);
  for (const std::string& l : c.ko_lines) CHECK(IsDisplayClean(l));
  for (const std::string& l : c.en_lines) CHECK(IsDisplayClean(l));
}

// Every limit of issue 5 for every cue.
void CheckLimits(const std::vector<Cue>& cues, const TimingOptions& opt, bool untimed) {
  for (size_t i = 0; i < cues.size(); ++i) {
    const Cue& c = cues[i];
    INFO("cue " << i << " unit " << c.unit_id);
    CHECK(c.end_ms > c.start_ms);
    CheckCleanLines(c);
    CHECK(static_cast<int>(c.ko_lines.size()) <= opt.max_lines);
    CHECK(static_cast<int>(c.en_lines.size()) <= opt.max_lines);
    for (const std::string& l : c.ko_lines) CHECK(KoreanLineWidth(l) <= opt.ko_max_line);
    for (const std::string& l : c.en_lines) CHECK(CodePointCount(l) <= opt.en_max_line);
    double secs = static_cast<double>(c.end_ms - c.start_ms) / 1000.0;
    CHECK(static_cast<double>(ReadingChars(c.en_lines)) / secs <= kMaxEnglishCps);
    if (i > 0) CHECK(c.start_ms >= cues[i - 1].end_ms);
    if (untimed) {
      CHECK(c.end_ms - c.start_ms >= opt.min_ms);
      CHECK(c.end_ms - c.start_ms <= opt.max_ms);
      if (i > 0) CHECK(c.start_ms - cues[i - 1].end_ms >= opt.gap_ms);
    }
  }
}

}  // namespace

TEST_CASE("Cue duration follows the slower reading speed, clamped", "[subtitle_timing]") {
  struct Row {
    const char* name;
    std::string ko;
    std::string en;
    double ko_cps, en_cps;
    int64_t min_ms, max_ms;
    int64_t want_ms;
  };
  const Row rows[] = {
      // 6 Korean chars at 12 cps = 500 ms, 10 English at 17 = 589: minimum wins.
      {"short cue gets the minimum", "감사합니다.", "Thank you.", 12, 17, 833, 7000, 833},
      // English 34 chars at 17 cps = 2000 ms.
      {"English slower", "안녕하세요.", "Hello, everyone, and welcome home.", 12, 17, 833, 7000,
       2000},
      // Korean 24 chars at 12 cps = 2000 ms; English 10 chars = 589 ms.
      {"Korean slower", "오늘은 인공지능의 미래에 대해 이야기하겠다.", "Thank you.", 12, 17, 833,
       7000, 2000},
      // 10 chars at 10 cps: 1000 ms.
      {"custom English rate", "가", "0123456789", 12, 10, 100, 7000, 1000},
      // en_cps above 20 is capped: 40 chars need 2000 ms, not 1600.
      {"English capped at 20 cps", "가", "0123456789012345678901234567890123456789", 12, 25, 100,
       7000, 2000},
      {"custom minimum", "가", "Hi.", 12, 17, 1500, 7000, 1500},
      // Korean 24 chars at 2 cps = 12 s; with max 20 s it stays one cue.
      {"long but within max", "오늘은 인공지능의 미래에 대해 이야기하겠다.", "Hi.", 2, 17, 833,
       20000, 12000},
  };
  for (const Row& r : rows) {
    SECTION(r.name) {
      TimingOptions opt;
      opt.ko_cps = r.ko_cps;
      opt.en_cps = r.en_cps;
      opt.min_ms = r.min_ms;
      opt.max_ms = r.max_ms;
      opt.ko_max_line = 100;
      opt.en_max_line = 100;
      std::vector<Cue> cues = MakeCues(Doc({MU("u1", 1, UnitKind::kBody, r.ko, r.en)}), opt);
      REQUIRE(cues.size() == 1);
      CHECK(cues[0].start_ms == 0);
      CHECK(cues[0].end_ms - cues[0].start_ms == r.want_ms);
    }
  }
}

TEST_CASE("Cues follow each other after a gap, longer between paragraphs", "[subtitle_timing]") {
  struct Row {
    const char* name;
    int64_t gap, paragraph_gap;
    int second_paragraph;
    int64_t want_pause;
  };
  const Row rows[] = {
      {"same paragraph: 2 frames", 83, 500, 1, 83},
      {"new paragraph: paragraph pause", 83, 500, 2, 500},
      {"custom gap", 200, 500, 1, 200},
      {"custom paragraph gap", 83, 1000, 2, 1000},
  };
  for (const Row& r : rows) {
    SECTION(r.name) {
      TimingOptions opt;
      opt.gap_ms = r.gap;
      opt.paragraph_gap_ms = r.paragraph_gap;
      std::vector<Cue> cues =
          MakeCues(Doc({MU("u1", 1, UnitKind::kBody, "가.", "A."),
                        MU("u2", r.second_paragraph, UnitKind::kBody, "나.", "B.")}),
                   opt);
      REQUIRE(cues.size() == 2);
      CHECK(cues[1].start_ms - cues[0].end_ms == r.want_pause);
    }
  }
}

TEST_CASE("Only translated units become cues, boilerplate left out", "[subtitle_timing]") {
  std::vector<Cue> cues =
      MakeCues(Doc({MU("u1", 1, UnitKind::kBody, "가.", "A."),
                    MU("u2", 1, UnitKind::kBody, "나.", "B.", TranslationState::kFuzzy),
                    MU("u3", 1, UnitKind::kBody, "다.", "", TranslationState::kUntranslated),
                    MU("u4", 2, UnitKind::kBoilerplate, "관련기사", "Related articles"),
                    MU("u5", 3, UnitKind::kBody, "라.", "D.")}),
               TimingOptions());
  REQUIRE(cues.size() == 2);
  CHECK(cues[0].unit_id == "u1");
  CHECK(cues[1].unit_id == "u5");
}

TEST_CASE("A unit too long for one cue is split at clause boundaries", "[subtitle_timing]") {
  TimingOptions opt;
  MergedDocument doc = Doc(
      {MU("u1", 1, UnitKind::kBody,
          "인터넷 보급률과 광대역 속도는 전 세계를 선도하고 있으며, 삼성과 LG 등 전 세계에서 "
          "찾아보기 힘든 훌륭한 기업이 있다.",
          "Korea leads the world in internet penetration and broadband speed, and it has great "
          "companies such as Samsung and LG that are hard to find anywhere else in the world.")});
  std::vector<Cue> cues = MakeCues(doc, opt);
  REQUIRE(cues.size() >= 2);
  CheckLimits(cues, opt, true);
  for (size_t i = 0; i < cues.size(); ++i) {
    CHECK(cues[i].part == static_cast<int>(i) + 1);
    CHECK(cues[i].parts == static_cast<int>(cues.size()));
    CHECK(!cues[i].ko_lines.empty());
    CHECK(!cues[i].en_lines.empty());
  }
  // The first cut is at the comma in both languages.
  CHECK(cues[0].ko_lines.back().back() == ',');
  CHECK(cues[0].en_lines.back().back() == ',');
  // Nothing lost: the pieces joined give the texts back.
  std::string ko, en;
  for (const Cue& c : cues) {
    for (const std::string& l : c.ko_lines) ko += (ko.empty() ? "" : " ") + l;
    for (const std::string& l : c.en_lines) en += (en.empty() ? "" : " ") + l;
  }
  CHECK(ko == doc.units[0].unit.text);
  CHECK(en == doc.units[0].english);
}

TEST_CASE("A unit longer than max duration is split until every cue fits", "[subtitle_timing]") {
  TimingOptions opt;
  opt.ko_cps = 3;  // slow Korean: 24 characters need 8 s > 7 s
  MergedDocument doc =
      Doc({MU("u1", 1, UnitKind::kBody, "오늘은 인공지능의 미래에 대해 이야기하겠다.",
              "Today, the future of AI.")});
  std::vector<Cue> cues = MakeCues(doc, opt);
  CHECK(cues.size() == 2);
  CheckLimits(cues, opt, true);
}

TEST_CASE("A very long unit loses no text in either language", "[subtitle_timing]") {
  // Regression: the split used to give up on a unit needing thousands of
  // cues and drop its Korean (the ~200 KB "narrow one-line cues" row lost
  // all its Korean; so did ~480 KB with the defaults). Generated texts.
  const char* kWords[] = {"인공지능의", "미래는", "우리가", "만드는", "것이다", "그리고"};
  auto korean = [&](int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
      if (i > 0) s += ' ';
      s += kWords[i % 6] + std::to_string(i);
    }
    return s;
  };
  auto english = [](int words) {
    std::string s;
    for (int i = 0; i < words; ++i) s += (i > 0 ? " word" : "Word") + std::to_string(i);
    return s;
  };
  struct Row {
    const char* name;
    std::string ko;
    std::string en;
    double ko_max_line;
    int max_lines;
  };
  const Row rows[] = {
      {"long unpunctuated Korean, short English", korean(18000), "The English is short.", 16, 2},
      {"narrow one-line cues", korean(12000), "The English is short.", 8, 1},
      {"long Korean word without spaces", Repeat("가", 20000), "Short.", 16, 2},
      {"long English, short Korean", "짧다.", english(20000), 16, 2},
      {"both long, few English words", korean(12000), english(30), 16, 2},
  };
  auto strip = [](const std::string& s) {
    std::string out;
    for (char ch : s) {
      if (ch != ' ') out += ch;
    }
    return out;
  };
  for (const Row& r : rows) {
    SECTION(r.name) {
      TimingOptions opt;
      opt.ko_max_line = r.ko_max_line;
      opt.max_lines = r.max_lines;
      std::vector<Cue> cues = MakeCues(Doc({MU("u1", 1, UnitKind::kBody, r.ko, r.en)}), opt);
      REQUIRE(!cues.empty());
      std::string ko, en;
      for (const Cue& c : cues) {
        for (const std::string& l : c.ko_lines) ko += strip(l);
        for (const std::string& l : c.en_lines) en += strip(l);
        CHECK(c.parts == static_cast<int>(cues.size()));
      }
      CHECK(ko.size() == strip(r.ko).size());
      CHECK(ko == strip(r.ko));
      CHECK(en == strip(r.en));
      CheckLimits(cues, opt, true);
    }
  }
}

TEST_CASE("Default durations keep the frame limits", "[subtitle_timing]") {
  TimingOptions opt;
  // At least 5/6 s (833.33 ms), compared exactly: 833 would be too short.
  CHECK(opt.min_ms * 6 >= 5000);
  CHECK(opt.min_ms == 834);
  CHECK(opt.gap_ms == 83);  // the specification's "83 ms" for 2 frames at 24 fps
  std::vector<Cue> cues =
      MakeCues(Doc({MU("u1", 1, UnitKind::kBody, "감사합니다.", "Thanks.")}), opt);
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].end_ms - cues[0].start_ms == 834);
}

TEST_CASE("Every cue keeps the limits on a long document", "[subtitle_timing]") {
  const std::string ko_sentences[] = {
      "감사합니다.",
      "샘 알트만: 한국이라고 하면 기술과 혁신이 먼저 떠오른다.",
      Repeat("앞으로 긴밀한 협력을 기대하고 있으며, ", 6) + "끝이다.",
      Repeat("가나다라마바사아자차카타파하", 8),
      "오픈AI 스타트업 펀드는 스타트업이 방법을 배울 수 있도록 돕는다.",
  };
  const std::string en_sentences[] = {
      "Thank you.",
      "Sam Altman: When I think of Korea, technology and innovation come to mind first.",
      Repeat("We look forward to close cooperation, ", 6) + "and that is all.",
      Repeat("Supercalifragilisticexpialidocious ", 3),
      "The OpenAI Startup Fund helps startups learn how.",
  };
  std::vector<MergedUnit> units;
  for (int i = 0; i < 25; ++i) {
    units.push_back(MU("u" + std::to_string(i), 1 + i / 3,
                       i % 5 == 1 ? UnitKind::kSpeech : UnitKind::kBody, ko_sentences[i % 5],
                       en_sentences[i % 5], TranslationState::kTranslated,
                       i % 5 == 1 ? "샘 알트만" : ""));
  }
  for (int max_lines : {1, 2, 3}) {
    TimingOptions opt;
    opt.max_lines = max_lines;
    std::vector<Cue> cues = MakeCues(Doc(units), opt);
    CHECK(cues.size() >= units.size());
    CheckLimits(cues, opt, true);
  }
  TimingOptions fast;
  fast.en_cps = 30;
  fast.max_ms = 2000;
  CheckLimits(MakeCues(Doc(units), fast), fast, true);
}

TEST_CASE("Timed sources keep their cue times", "[subtitle_timing]") {
  auto timed = [](MergedUnit mu, int64_t s, int64_t e) {
    mu.unit.timing.start_ms = s;
    mu.unit.timing.end_ms = e;
    return mu;
  };
  TimingOptions opt;
  SECTION("times kept") {
    std::vector<Cue> cues =
        MakeCues(Doc({timed(MU("u1", 1, UnitKind::kBody, "안녕하세요.", "Hello."), 1000, 3500),
                      timed(MU("u2", 1, UnitKind::kBody, "감사합니다.", "Thank you."), 4000, 5000)},
                     true),
                 opt);
    REQUIRE(cues.size() == 2);
    CHECK(cues[0].start_ms == 1000);
    CHECK(cues[0].end_ms == 3500);
    CHECK(cues[1].start_ms == 4000);
    CHECK(cues[1].end_ms == 5000);
  }
  SECTION("units sharing one source cue share its time by length") {
    std::vector<Cue> cues = MakeCues(
        Doc({timed(MU("u1", 1, UnitKind::kBody, "가.", "Yes."), 0, 6000),
             timed(MU("u2", 1, UnitKind::kBody, "나다라마바사.", "A much longer sentence here."), 0,
                   6000)},
            true),
        opt);
    REQUIRE(cues.size() == 2);
    CHECK(cues[0].start_ms == 0);
    CHECK(cues[1].end_ms == 6000);
    CHECK(cues[0].end_ms - cues[0].start_ms < cues[1].end_ms - cues[1].start_ms);
    CHECK(cues[1].start_ms - cues[0].end_ms == opt.gap_ms);
  }
  SECTION("overlaps in the source are removed") {
    std::vector<Cue> cues =
        MakeCues(Doc({timed(MU("u1", 1, UnitKind::kBody, "가.", "A."), 1000, 4000),
                      timed(MU("u2", 1, UnitKind::kBody, "나.", "B."), 3000, 6000)},
                     true),
                 opt);
    REQUIRE(cues.size() == 2);
    CHECK(cues[1].start_ms >= cues[0].end_ms);
  }
  SECTION("a cue too fast for 20 cps is lengthened into the silence") {
    std::vector<Cue> cues =
        MakeCues(Doc({timed(MU("u1", 1, UnitKind::kBody, "가.",
                               "This English sentence is far too long for half a second."),
                            0, 500),
                      timed(MU("u2", 1, UnitKind::kBody, "나.", "B."), 10000, 11000)},
                     true),
                 opt);
    REQUIRE(cues.size() >= 2);
    CheckLimits(cues, opt, false);
  }
}

TEST_CASE("Speaker labels appear where the speaker changes", "[subtitle_timing]") {
  std::vector<Cue> cues =
      MakeCues(Doc({MU("u1", 1, UnitKind::kSpeech, "샘 알트만: 고맙다.", "Sam Altman: Thanks.",
                       TranslationState::kTranslated, "샘 알트만"),
                    MU("u2", 1, UnitKind::kSpeech, "반갑다.", "Nice to meet you.",
                       TranslationState::kTranslated, "샘 알트만"),
                    MU("u3", 2, UnitKind::kQuestion, "Q. 계획은?", "Q. Your plans?"),
                    MU("u4", 3, UnitKind::kSpeech, "투자하겠다.", "We will invest.",
                       TranslationState::kTranslated, "샘 알트만"),
                    MU("u5", 4, UnitKind::kSpeech, "그레그 브록만: 동의한다.",
                       "Greg Brockman: I agree.", TranslationState::kTranslated, "그레그 브록만"),
                    MU("u6", 5, UnitKind::kSpeech, "나도.", "Me too.",
                       TranslationState::kTranslated, "미상")}),
               TimingOptions());
  REQUIRE(cues.size() == 6);
  CHECK(cues[0].ko_lines[0] == "샘 알트만: 고맙다.");
  CHECK(cues[0].en_lines[0] == "Sam Altman: Thanks.");
  CHECK(cues[1].ko_lines[0] == "반갑다.");  // same speaker: no label
  CHECK(cues[1].en_lines[0] == "Nice to meet you.");
  CHECK(cues[1].en_speaker == "Sam Altman");
  CHECK(cues[3].ko_lines[0] == "샘 알트만: 투자하겠다.");  // after the question: label added
  CHECK(cues[3].en_lines[0] == "Sam Altman: We will invest.");
  CHECK(cues[4].en_speaker == "Greg Brockman");
  CHECK(cues[5].ko_lines[0] == "미상: 나도.");  // no English name known: Korean label only
  CHECK(cues[5].en_lines[0] == "Me too.");
  CHECK(cues[5].en_speaker.empty());
  CHECK(cues[5].speaker == "미상");
}

TEST_CASE("EnglishSpeakerLabel finds a leading name", "[subtitle_timing]") {
  struct Row {
    const char* text;
    const char* name;  // "" if none
  };
  const Row rows[] = {
      {"Sam Altman: Hello.", "Sam Altman"},
      {"Greg Brockman: I agree.", "Greg Brockman"},
      {"Kyunghyun Cho: Yes.", "Kyunghyun Cho"},
      {"Note: this is not a name.", "Note"},
      {"the time: now", ""},
      {"At 10:30 we met.", ""},
      {"One two three four five six: too many words", ""},
      {"Hello.", ""},
  };
  for (const Row& r : rows) {
    std::string name;
    size_t n = EnglishSpeakerLabel(r.text, &name);
    INFO(r.text);
    CHECK(name == (n > 0 ? std::string(r.name) : std::string()));
    CHECK((n > 0) == (std::string(r.name) != ""));
  }
}

TEST_CASE("ValidateTimingOptions rejects impossible values", "[subtitle_timing]") {
  CHECK(ValidateTimingOptions(TimingOptions()).ok());
  TimingOptions o;
  o.ko_cps = 0;
  CHECK(!ValidateTimingOptions(o).ok());
  o = TimingOptions();
  o.min_ms = 8000;
  CHECK(!ValidateTimingOptions(o).ok());
  o = TimingOptions();
  o.gap_ms = -1;
  CHECK(!ValidateTimingOptions(o).ok());
  o = TimingOptions();
  o.max_lines = 0;
  CHECK(!ValidateTimingOptions(o).ok());
  o = TimingOptions();
  o.en_max_line = 0;
  CHECK(!ValidateTimingOptions(o).ok());
}

namespace {

// CueMaker's cues taken after every `every` units (and the rest after
// Finish), in order.
std::vector<Cue> StreamedCues(const MergedDocument& doc, const TimingOptions& opt, size_t every) {
  CueMaker maker(doc.timed, opt);
  std::vector<Cue> cues;
  for (size_t i = 0; i < doc.units.size(); ++i) {
    maker.Add(doc.units[i]);
    if ((i + 1) % every == 0) maker.Take(&cues);
  }
  maker.Finish();
  maker.Take(&cues);
  return cues;
}

void CheckSameCues(const std::vector<Cue>& got, const std::vector<Cue>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("cue " << i << " unit " << want[i].unit_id);
    CHECK(got[i].unit_id == want[i].unit_id);
    CHECK(got[i].start_ms == want[i].start_ms);
    CHECK(got[i].end_ms == want[i].end_ms);
    CHECK(got[i].ko_lines == want[i].ko_lines);
    CHECK(got[i].en_lines == want[i].en_lines);
    CHECK(got[i].speaker == want[i].speaker);
    CHECK(got[i].en_speaker == want[i].en_speaker);
    CHECK(got[i].paragraph == want[i].paragraph);
    CHECK(got[i].part == want[i].part);
    CHECK(got[i].parts == want[i].parts);
  }
}

}  // namespace

TEST_CASE("CueMaker taking cues as units come gives MakeCues' cues", "[subtitle_timing]") {
  const std::string data = std::string(BITEXT_SOURCE_DIR);
  std::vector<MergedDocument> docs;
  for (const std::string& dir :
       {data + "/translations/openai-fireside-chat-seoul",
        data + "/translations/openai-startup-meeting-seoul",
        data + "/tests/data/build/timed-sample", data + "/tests/data/srt/doc"}) {
    Result<MergedDocument> doc = LoadDocument(dir);
    REQUIRE(doc.ok());
    for (MergedUnit& mu : doc->units) {  // every unit a cue, translated or not
      if (mu.english.empty()) mu.english = "English of " + mu.unit.id + ".";
      mu.state = TranslationState::kTranslated;
    }
    docs.push_back(std::move(*doc));
  }
  // A timed document with what stage 3 mends: runs of units sharing a source
  // cue, overlaps, touching cues, too little time, units without timing.
  std::vector<MergedUnit> units;
  std::mt19937 rng(20230609);
  int64_t t = 0;
  for (int i = 0; i < 300; ++i) {
    MergedUnit mu = MU("u" + std::to_string(i), 1 + i / 7, UnitKind::kBody,
                       Repeat("가나다라 ", 1 + static_cast<int>(rng() % 12)) + "끝.",
                       Repeat("Some words here, ", 1 + static_cast<int>(rng() % 10)) + "end.");
    int shape = static_cast<int>(rng() % 6);
    if (shape == 0) {
      units.push_back(mu);  // no timing
      continue;
    }
    int64_t len = 300 + static_cast<int64_t>(rng() % 6000);
    int64_t start = shape == 1 ? t - 500 : shape == 2 ? t : t + static_cast<int64_t>(rng() % 3000);
    int share = shape == 3 ? 1 + static_cast<int>(rng() % 4) : 1;  // units sharing the cue
    for (int k = 0; k < share; ++k) {
      MergedUnit part = mu;
      part.unit.id += "-" + std::to_string(k);
      part.unit.timing.start_ms = start;
      part.unit.timing.end_ms = start + len;
      units.push_back(part);
    }
    t = start + len;
  }
  docs.push_back(Doc(units, true));
  docs.push_back(Doc(units, false));
  for (const MergedDocument& doc : docs) {
    INFO(doc.dir << (doc.timed ? " (timed)" : ""));
    for (int max_lines : {1, 2}) {
      TimingOptions opt;
      opt.max_lines = max_lines;
      const std::vector<Cue> whole = MakeCues(doc, opt);
      for (size_t every : {size_t{1}, size_t{2}, size_t{7}, doc.units.size() + 1}) {
        INFO("taken every " << every << " units, max_lines " << max_lines);
        CheckSameCues(StreamedCues(doc, opt, every), whole);
      }
    }
  }
}

TEST_CASE("Cue lines are clean display lines whatever the unit's text holds", "[subtitle_timing]") {
  // The writers take CueMaker's lines unchecked (Cue::lines_clean): text
  // with controls, tabs, CRLF, invisible format characters, ill-formed
  // bytes, runs of spaces, combining marks and long words cut inside (in
  // the text or the speaker's name) gives lines that are clean all the same.
  const std::string dirty[] = {
      "\t앞 공백과\r\n줄바꿈,   여러 칸  공백\x01 그리고 \xE2\x80\x8B보이지 않는 문자.  ",
      "e\xCC\x81" + Repeat("가\xCC\x81", 60) + " 끝\xFF\xFE.",
      Repeat("단어\x7F ", 80),
      "\xC2\x85\xEF\xBB\xBF" + Repeat("longword", 30) + "\xE2\x80\xA8 end.",
  };
  std::mt19937 rng(11);
  std::vector<MergedUnit> units;
  int n = 0;
  for (const std::string& ko : dirty) {
    for (const std::string& en : dirty) {
      std::string e = en;
      std::shuffle(e.begin(), e.end(), rng);  // ill-formed UTF-8 too
      ++n;
      units.push_back(MU("u" + std::to_string(n), n, UnitKind::kBody, ko, e));
      ++n;
      units.push_back(MU("s" + std::to_string(n), n, UnitKind::kSpeech, ko, en,
                         TranslationState::kTranslated, "화자"));
      // A speaker name as dirty as the text (a hand-made unit; the
      // segmenter's come from clean text).
      ++n;
      units.push_back(MU("d" + std::to_string(n), n, UnitKind::kSpeech, ko, en,
                         TranslationState::kTranslated, "\t화\x01  자\xE2\x80\x8B"));
    }
  }
  TimingOptions opt;
  for (int max_lines : {1, 2}) {
    opt.max_lines = max_lines;
    std::vector<Cue> cues = MakeCues(Doc(units), opt);
    REQUIRE(cues.size() > units.size());
    for (const Cue& c : cues) {
      INFO(c.unit_id);
      CheckCleanLines(c);
    }
  }
}
