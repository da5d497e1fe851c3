#include "unit.h"

namespace bitext {
namespace {
constexpr struct {
  UnitKind kind;
  const char* name;
} kKindNames[] = {
    {UnitKind::kTitle, "title"},     {UnitKind::kDek, "dek"},
    {UnitKind::kCaption, "caption"}, {UnitKind::kQuestion, "question"},
    {UnitKind::kSpeech, "speech"},   {UnitKind::kListItem, "list_item"},
    {UnitKind::kByline, "byline"},   {UnitKind::kBoilerplate, "boilerplate"},
    {UnitKind::kBody, "body"},
};
}  // namespace

const char* KindName(UnitKind kind) {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "body";
}

bool ParseKind(std::string_view name, UnitKind* kind) {
  for (const auto& k : kKindNames) {
    if (name == k.name) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

}  // namespace bitext
