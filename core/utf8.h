#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace flowprint {

/// The byte offset of the first byte that does not belong to well-formed
/// UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace flowprint
