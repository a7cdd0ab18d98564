#include <doctest/doctest.h>

#include "scalar_typing.h"

using namespace flowprint;

namespace {
std::string typed(std::string_view text) {
    Value value{type_plain_scalar(text)};
    return std::string(python_type_name(value)) + ":" + python_str(value);
}
}  // namespace

TEST_CASE("plain scalars are typed as PyYAML (YAML 1.1) types them") {
    CHECK(typed("yes") == "bool:True");
    CHECK(typed("Off") == "bool:False");
    CHECK(typed("true") == "bool:True");
    CHECK(typed("~") == "NoneType:None");
    CHECK(typed("null") == "NoneType:None");
    CHECK(typed("") == "NoneType:None");
    CHECK(typed("010") == "int:8");
    CHECK(typed("1_000") == "int:1000");
    CHECK(typed("0x1F") == "int:31");
    CHECK(typed("-12") == "int:-12");
    CHECK(typed("1:30") == "int:90");
    CHECK(typed("09") == "str:09");
    CHECK(typed("1.5") == "float:1.5");
    CHECK(typed("1e3") == "str:1e3");
    CHECK(typed("1.0e+3") == "float:1000.0");
    CHECK(typed(".inf") == "float:inf");
    CHECK(typed("y") == "str:y");
    CHECK(typed("default-flow") == "str:default-flow");
}
