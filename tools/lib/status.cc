#include "status.h"

namespace bitext {

std::string Location::ToString() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (col > 0) out += ":" + std::to_string(col);
  }
  return out;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  if (where_.file.empty() && where_.line == 0) return message_;
  return where_.ToString() + ": " + message_;
}

}  // namespace bitext
