# Writes OUTPUT, a C++ file whose embedded_schema_text() gives the bytes of
# INPUT. Run at build time with `cmake -DINPUT=... -DOUTPUT=... -P`.
file(READ "${INPUT}" bytes HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${bytes}")
string(REGEX REPLACE "(('[^']*',){16})" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_schema.cmake: do not edit.
#include <string_view>

namespace flowprint::validation {
namespace {
constexpr char kSchema[] = {
    ${bytes}};
}  // namespace

std::string_view embedded_schema_text() { return {kSchema, sizeof kSchema}; }

}  // namespace flowprint::validation
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
