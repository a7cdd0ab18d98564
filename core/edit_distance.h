#pragma once

#include <span>
#include <string>
#include <string_view>

namespace flowprint {

/// Levenshtein distance, compared case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely
/// typo (at most a third of the word's length away), else empty.
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

/// " (did you mean 'X'?)" for a close candidate, else empty.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace flowprint
