#include "text_clean.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "simd_hangul.h"
#include "utf8.h"

namespace bitext {
namespace {

enum class Class { kKeep, kSpace, kDrop, kNewline };

inline Class Classify(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return c == ' ' ? Class::kSpace : Class::kKeep;
  if (c == '\n') return Class::kNewline;
  if (c == '\t' || c == '\v' || c == '\f') return Class::kSpace;
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return Class::kDrop;
  switch (c) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Class::kSpace;
    case 0x2028:
    case 0x2029:
      return Class::kNewline;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Class::kSpace;
  if (IsInvisibleFormatChar(c)) return Class::kDrop;
  return Class::kKeep;
}

// Whether valid UTF-8 `s` is NFC, given the offsets of all its characters
// that are not NFC-inert (see CleanText). A text is NFC when each of its
// normalisation segments is; a segment runs from a character with a
// boundary before it to the next such character, and only segments holding
// a non-inert character can be changed. So each of those segments is
// checked alone.
bool IsNfcAround(const icu::Normalizer2& nfc, std::string_view s,
                 const std::vector<size_t>& not_inert) {
  auto boundary_before = [&](size_t at) {
    char32_t cp = 0;
    DecodeUtf8(s, at, &cp);
    return nfc.hasBoundaryBefore(static_cast<UChar32>(cp));
  };
  size_t checked_to = 0;  // segments before this offset are known to be NFC
  for (size_t at : not_inert) {
    if (at < checked_to) continue;
    size_t from = at;
    while (from > checked_to && !boundary_before(from)) from = PrevCodePointStart(s, from);
    size_t to = at;
    char32_t cp = 0;
    to += DecodeUtf8(s, to, &cp);
    while (to < s.size() && !boundary_before(to)) {
      size_t n = DecodeUtf8(s, to, &cp);
      to += n;
    }
    UErrorCode err = U_ZERO_ERROR;
    icu::StringPiece piece(s.data() + from, static_cast<int32_t>(to - from));
    if (!nfc.isNormalizedUTF8(piece, err) || U_FAILURE(err)) return false;
    checked_to = to;
  }
  return true;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t count = 0;
  const size_t end = WellFormedRunEnd(s, 0, &count);
  if (end == s.size()) return true;
  if (bad_offset != nullptr) *bad_offset = end;
  return false;
}

std::string ToNfc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(s);
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return std::string(s);
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_FAILURE(err)) return std::string(s);
  return out;
}

namespace {

// Set bits of a 16-bit mask (no popcnt instruction in the baseline x86-64
// the build targets; the builtin would be a library call).
inline int Popcount16(uint32_t x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return static_cast<int>((x + (x >> 8)) & 0x1Fu);
}

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return U_FAILURE(err) ? nullptr : nfc;
}

// Cleans a text in place. The output never outgrows the input read so far
// (every output byte stands for at least one input byte), so it is written
// into the same buffer, behind the read position. Stretches that stay as
// they are (nearly all of a text) are not copied at all while nothing before
// them has changed, and moved once (memmove) when something has.
class Cleaner {
 public:
  Cleaner(std::string* buf, const std::string& file)
      : buf_(*buf),
        p_(reinterpret_cast<unsigned char*>(buf->data())),
        size_(buf->size()),
        file_(file),
        nfc_(Nfc()) {}

  Status Run() {
    size_t i = 0;
    if (size_ >= 3 && p_[0] == 0xEF && p_[1] == 0xBB && p_[2] == 0xBF) i = 3;  // BOM
    while (i < size_) {
      if (!pending_space_) {
        size_t k = FastStretch(i);
        if (k > 0) {
          EmitRaw(i, i + k);
          i += k;
          continue;
        }
      }
      // A run of printable ASCII (no space) and Hangul syllables (U+AC00..
      // U+D7A3, EA B0 80..ED 9E A3), all kept as they are.
      size_t run = i;
      int chars = 0;
      for (;;) {
        unsigned char b = p_[run];
        if (b > 0x20 && b < 0x7F) {
          ++run;
        } else if (IsHangulSyllableAt(p_, run, size_)) {
          run += 3;
        } else {
          break;
        }
        ++chars;
        if (run >= size_) break;
      }
      if (run > i) {
        if (pending_space_) EmitSpace();
        line_has_text_ = true;
        EmitRaw(i, run);
        col_ += chars;
        i = run;
        continue;
      }
      // One character, whatever it is.
      unsigned char b = p_[i];
      char32_t cp;
      size_t n;
      if (b < 0x80) {
        cp = b;
        n = 1;
      } else {
        n = DecodeUtf8(std::string_view(buf_.data(), size_), i, &cp);
        if (n == 0) {
          char msg[64];
          std::snprintf(msg, sizeof msg, "invalid UTF-8 (byte 0x%02X); the file must be UTF-8", b);
          return Status::InvalidInput({file_, line_, col_}, msg);
        }
      }
      if (cp == 0) {
        return Status::InvalidInput({file_, line_, col_},
                                    "binary data (NUL byte); expected UTF-8 text");
      }
      if (cp == '\r') {
        // CRLF or a lone CR: one line end.
        cp = '\n';
        if (i + 1 < size_ && p_[i + 1] == '\n') ++n;
      }
      switch (Classify(cp)) {
        case Class::kNewline:
          EmitChar('\n', i, i + n);
          pending_space_ = false;
          line_has_text_ = false;
          ++line_;
          col_ = 1;
          i += n;
          continue;
        case Class::kSpace:
          if (line_has_text_) {
            pending_space_ = true;
            space_at_ = i;
            space_end_ = i + n;
          }
          break;
        case Class::kDrop:
          break;
        case Class::kKeep:
          if (pending_space_) EmitSpace();
          line_has_text_ = true;
          if (cp >= 0x300 && !IsHangulSyllable(cp) &&
              (nfc_ == nullptr || !nfc_->isInert(static_cast<UChar32>(cp)))) {
            not_inert_.push_back(OutputSize());
          }
          EmitRaw(i, i + n);
          break;
      }
      i += n;
      ++col_;
    }
    Flush();
    buf_.resize(w_);
    // NFC, checked only around characters that are not inert.
    if (!not_inert_.empty() && nfc_ != nullptr && !IsNfcAround(*nfc_, buf_, not_inert_)) {
      buf_ = ToNfc(buf_);
    }
    return Status::Ok();
  }

 private:
  size_t OutputSize() const { return w_ + (sync_ - copied_); }

  // Moves the pending stretch in[copied_, sync_) to out[w_...).
  void Flush() {
    size_t len = sync_ - copied_;
    if (len > 0 && copied_ != w_) std::memmove(p_ + w_, p_ + copied_, len);
    w_ += len;
    copied_ = sync_;
  }
  // Output: the input bytes [a, b), unchanged.
  void EmitRaw(size_t a, size_t b) {
    if (a != sync_) {  // something in between was dropped or replaced
      Flush();
      copied_ = sync_ = a;
    }
    sync_ = b;
  }
  // Output: the character c, standing for the input bytes [a, b).
  void EmitChar(char c, size_t a, size_t b) {
    if (a == sync_ && b == a + 1 && p_[a] == static_cast<unsigned char>(c)) {
      sync_ = b;
      return;
    }
    Flush();
    p_[w_++] = static_cast<unsigned char>(c);  // w_ <= a: that byte is read
    copied_ = sync_ = b;
  }
  // Output: one space for the run of spaces before the next character.
  void EmitSpace() {
    EmitChar(' ', space_at_, space_end_);
    pending_space_ = false;
  }

  // How many bytes from i (with no space pending) stay exactly as they are
  // and need no look character by character: printable ASCII, Hangul
  // syllables, line feeds, and single spaces between text on a line. Reads
  // 16 bytes at a time; 0 when the next character needs a closer look.
  size_t FastStretch(size_t i) {
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    size_t start = i;
    while (i + 17 <= size_) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_ + i));
      const TextBlockMasks m =
          ClassifyTextBlock(x, _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_ + i + 1)));
      const uint32_t space = m.space, cont = m.cont;
      const uint32_t lf = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl)));
      uint32_t bad = UncleanBytes(m, lf);
      bad |= space & (lf >> 1);               // a space ending a line
      bad |= space & (lf << 1);               // a space starting a line
      if (!line_has_text_) bad |= space & 1;  // ... the first one too
      const uint32_t cut = CleanPrefix(m, bad);
      if (cut == 0) break;
      const uint32_t keep = (1u << cut) - 1;
      const uint32_t chars = ~cont & keep;
      const uint32_t lines = lf & keep;
      if (lines != 0) {
        const int last = 31 - __builtin_clz(lines);
        line_ += Popcount16(lines);
        col_ = 1 + Popcount16(chars >> (last + 1));
        line_has_text_ = static_cast<uint32_t>(last) + 1 < cut;
      } else {
        col_ += Popcount16(chars);
        line_has_text_ = true;
      }
      i += cut;
      if (cut < 16) break;
    }
    return i - start;
#else
    (void)i;
    return 0;
#endif
  }

  std::string& buf_;
  unsigned char* p_;
  size_t size_;
  const std::string& file_;
  const icu::Normalizer2* nfc_;
  std::vector<size_t> not_inert_;  // output offsets of characters not NFC-inert
  size_t w_ = 0;                   // output bytes written (before copied_'s data)
  size_t copied_ = 0;              // input offset: start of the pending stretch
  size_t sync_ = 0;                // input offset: end of the pending stretch
  int line_ = 1;
  int col_ = 1;  // column of the next input character, in characters
  bool line_has_text_ = false;
  bool pending_space_ = false;
  size_t space_at_ = 0, space_end_ = 0;  // the last space of a pending run
};

}  // namespace

Result<std::string> CleanText(std::string_view raw, const std::string& file) {
  return CleanOwnedText(std::string(raw), file);
}

Result<std::string> CleanOwnedText(std::string raw, const std::string& file) {
  Cleaner cleaner(&raw, file);
  BITEXT_RETURN_IF_ERROR(cleaner.Run());
  return raw;
}

}  // namespace bitext
