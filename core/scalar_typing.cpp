#include "scalar_typing.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace flowprint {
namespace {

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view word : words) {
        if (text == word) return true;
    }
    return false;
}

std::string without_underscores(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != '_') out += c;
    }
    return out;
}

bool all_of(std::string_view text, std::string_view allowed) {
    return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The patterns below are PyYAML's resolver expressions, checked by hand:
/// std::regex is slow to build and to run, and typing runs on every scalar.

/// Base 60 (`190:20:30`), PyYAML's `[1-9][0-9_]*(:[0-5]?[0-9])+` after the
/// sign; the caller has checked the first digit and that there is a colon.
/// Too large for 64 bits is not an integer.
std::optional<std::int64_t> sexagesimal(std::string_view body) {
    std::size_t colon = body.find(':');
    if (!all_of(body.substr(0, colon), "0123456789_")) return std::nullopt;
    const std::string digits = without_underscores(body.substr(0, colon));
    std::int64_t total = 0;
    if (std::from_chars(digits.data(), digits.data() + digits.size(), total).ec != std::errc{}) {
        return std::nullopt;
    }
    while (colon != std::string_view::npos) {
        const std::size_t next = body.find(':', colon + 1);
        const std::string_view part =
            body.substr(colon + 1, next == std::string_view::npos ? next : next - colon - 1);
        const bool one_digit = part.size() == 1 && is_digit(part[0]);
        const bool two_digits =
            part.size() == 2 && part[0] >= '0' && part[0] <= '5' && is_digit(part[1]);
        if (!one_digit && !two_digits) return std::nullopt;
        if (total > (std::numeric_limits<std::int64_t>::max() - 59) / 60) return std::nullopt;
        total = total * 60 + std::stoi(std::string(part));
        colon = next;
    }
    return total;
}

/// PyYAML's float form `[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?`.
bool is_float_text(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto digits_or_underscores = [&] {
        while (i < n && (is_digit(text[i]) || text[i] == '_')) ++i;
    };
    if (i < n && (text[i] == '-' || text[i] == '+')) ++i;
    if (i < n && is_digit(text[i])) digits_or_underscores();
    if (i == n || text[i] != '.') return false;
    ++i;
    digits_or_underscores();
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i == n || (text[i] != '-' && text[i] != '+')) return false;
        ++i;
        if (i == n || !is_digit(text[i])) return false;
        while (i < n && is_digit(text[i])) ++i;
    }
    return i == n;
}

/// PyYAML's int forms: binary, octal (leading 0), decimal, hex, sexagesimal.
std::optional<std::int64_t> yaml11_integer(std::string_view text) {
    if (text.empty()) return std::nullopt;
    bool negative = false;
    std::string_view body = text;
    if (body.front() == '-' || body.front() == '+') {
        negative = body.front() == '-';
        body.remove_prefix(1);
    }
    if (body.empty()) return std::nullopt;
    int base = 10;
    std::string digits;
    if (body == "0") {
        return 0;
    } else if (body.substr(0, 2) == "0b") {
        if (!all_of(body.substr(2), "01_")) return std::nullopt;
        base = 2;
        digits = without_underscores(body.substr(2));
    } else if (body.substr(0, 2) == "0x") {
        if (!all_of(body.substr(2), "0123456789abcdefABCDEF_")) return std::nullopt;
        base = 16;
        digits = without_underscores(body.substr(2));
    } else if (body.front() == '0') {
        if (!all_of(body.substr(1), "01234567_")) return std::nullopt;
        base = 8;
        digits = without_underscores(body.substr(1));
    } else if (body.front() >= '1' && body.front() <= '9') {
        if (body.find(':') != std::string_view::npos) {
            auto total = sexagesimal(body);
            if (total && negative) *total = -*total;
            return total;
        }
        if (!all_of(body, "0123456789_")) return std::nullopt;
        digits = without_underscores(body);
    } else {
        return std::nullopt;
    }
    if (digits.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    long long parsed = std::strtoll(digits.c_str(), &end, base);
    if (errno == ERANGE || *end != '\0') return std::nullopt;
    return negative ? -parsed : parsed;
}

/// Also `.inf` with an optional sign and `.nan` without one.
std::optional<double> yaml11_float(std::string_view text) {
    const bool signed_ = !text.empty() && (text.front() == '-' || text.front() == '+');
    const std::string_view unsigned_text = signed_ ? text.substr(1) : text;
    if (is_one_of(unsigned_text, {".inf", ".Inf", ".INF"})) {
        return text.front() == '-' ? -INFINITY : INFINITY;
    }
    if (is_one_of(text, {".nan", ".NaN", ".NAN"})) return std::nan("");
    if (text == "." || !is_float_text(text)) return std::nullopt;
    return std::strtod(without_underscores(text).c_str(), nullptr);
}

}  // namespace

Value::Data type_plain_scalar(std::string_view text) {
    if (is_one_of(text, {"", "~", "null", "Null", "NULL"})) return std::monostate{};
    if (is_one_of(text, {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}))
        return true;
    if (is_one_of(text, {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}))
        return false;
    const char first = text.front();
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
        if (auto i = yaml11_integer(text)) return *i;
        if (auto d = yaml11_float(text)) return *d;
    }
    return std::string(text);
}

}  // namespace flowprint
