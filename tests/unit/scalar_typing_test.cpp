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

TEST_CASE("the YAML 1.1 number forms, edge by edge") {
    SUBCASE("base 60: [1-9][0-9_]*(:[0-5]?[0-9])+") {
        CHECK(typed("190:20:30") == "int:685230");
        CHECK(typed("-1:30") == "int:-90");
        CHECK(typed("+1_0:05") == "int:605");
        CHECK(typed("1:5") == "int:65");
        CHECK(typed("1:60") == "str:1:60");
        CHECK(typed("1:030") == "str:1:030");
        CHECK(typed("1:") == "str:1:");
        CHECK(typed("1::30") == "str:1::30");
        CHECK(typed("01:30") == "str:01:30");
        CHECK(typed("1:3a") == "str:1:3a");
        CHECK(typed("12:30:") == "str:12:30:");
        CHECK(typed("99999999999999999999:00") == "str:99999999999999999999:00");
    }
    SUBCASE("floats: [-+]?([0-9][0-9_]*)?.[0-9_]*([eE][-+][0-9]+)?") {
        CHECK(typed("-1.5") == "float:-1.5");
        CHECK(typed("+.5") == "float:0.5");
        CHECK(typed("1.") == "float:1.0");
        CHECK(typed("1_0.2_5") == "float:10.25");
        CHECK(typed("1.5E-2") == "float:0.015");
        CHECK(typed("1.5e2") == "str:1.5e2");
        CHECK(typed("1.5e+") == "str:1.5e+");
        CHECK(typed("1.5e+2x") == "str:1.5e+2x");
        CHECK(typed("_1.5") == "str:_1.5");
        CHECK(typed("1.2.3") == "str:1.2.3");
        CHECK(typed(".") == "str:.");
        CHECK(typed("1e+3") == "str:1e+3");
    }
    SUBCASE("infinity takes a sign, not-a-number does not") {
        CHECK(typed("-.inf") == "float:-inf");
        CHECK(typed("+.INF") == "float:inf");
        CHECK(typed(".Inf") == "float:inf");
        CHECK(typed(".NaN") == "float:nan");
        CHECK(typed(".nan") == "float:nan");
        CHECK(typed("-.nan") == "str:-.nan");
        CHECK(typed(".iNf") == "str:.iNf");
        CHECK(typed("inf") == "str:inf");
    }
}
