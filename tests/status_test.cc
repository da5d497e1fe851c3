#include "status.h"

#include <catch2/catch.hpp>

TEST_CASE("Status renders FILE:LINE:COL", "[status]") {
  using bitext::Status;
  CHECK(Status::Ok().ToString() == "ok");
  CHECK(Status::InvalidInput({"a.po", 3, 7}, "bad").ToString() == "a.po:3:7: bad");
  CHECK(Status::InvalidInput({"a.po", 3, 0}, "bad").ToString() == "a.po:3: bad");
  CHECK(Status::NotFound({"a.po"}, "no such file").ToString() == "a.po: no such file");
  CHECK(Status::Usage("say more").ToString() == "say more");
}
