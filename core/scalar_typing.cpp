#include "scalar_typing.h"

#include <array>
#include <cmath>
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

/// Skips `[0-9_]*` from `i`.
std::size_t skip_digits(std::string_view text, std::size_t i) {
    while (i < text.size() && (is_digit(text[i]) || text[i] == '_')) ++i;
    return i;
}

// The matchers below replace regular expressions: std::regex recurses once
// per character and overflows the stack on a long scalar.

/// `[1-9][0-9_]*(:[0-5]?[0-9])+`, PyYAML's sexagesimal integer.
bool is_sexagesimal(std::string_view body) {
    if (body.empty() || body[0] < '1' || body[0] > '9') return false;
    std::size_t i = skip_digits(body, 1);
    bool any = false;
    while (i < body.size()) {
        if (body[i] != ':') return false;
        const std::size_t start = ++i;
        while (i < body.size() && is_digit(body[i])) ++i;
        const std::size_t length = i - start;
        if (length == 0 || length > 2 || (length == 2 && body[start] > '5')) return false;
        any = true;
    }
    return any;
}

/// `[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?`, PyYAML's float.
bool is_yaml11_float(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (i < text.size() && is_digit(text[i])) i = skip_digits(text, i + 1);
    if (i >= text.size() || text[i] != '.') return false;
    i = skip_digits(text, i + 1);
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        if (++i >= text.size() || (text[i] != '-' && text[i] != '+')) return false;
        const std::size_t start = ++i;
        while (i < text.size() && is_digit(text[i])) ++i;
        if (i == start) return false;
    }
    return i == text.size();
}

/// `[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)`.
bool is_yaml11_special_float(std::string_view text) {
    if (is_one_of(text, {".nan", ".NaN", ".NAN"})) return true;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    return is_one_of(text, {".inf", ".Inf", ".INF"});
}

/// The digits (underscores allowed) as a number, unless it overflows.
std::optional<std::int64_t> decimal(std::string_view digits) {
    std::int64_t value = 0;
    for (char c : digits) {
        if (c == '_') continue;
        if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, c - '0', &value)) {
            return std::nullopt;
        }
    }
    return value;
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
            if (!is_sexagesimal(body)) return std::nullopt;
            std::int64_t total = 0;
            std::size_t start = 0;
            while (start <= body.size()) {
                std::size_t end = body.find(':', start);
                if (end == std::string_view::npos) end = body.size();
                const auto part = decimal(body.substr(start, end - start));
                if (!part || __builtin_mul_overflow(total, 60, &total) ||
                    __builtin_add_overflow(total, *part, &total)) {
                    return std::nullopt;  // beyond 64 bits: flowprint keeps the text
                }
                start = end + 1;
            }
            return negative ? -total : total;
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

std::optional<double> yaml11_float(std::string_view text) {
    if (is_yaml11_special_float(text)) {
        if (text.find_first_of("aA") != std::string_view::npos) return std::nan("");
        return text.front() == '-' ? -INFINITY : INFINITY;
    }
    if (text == "." || !is_yaml11_float(text)) return std::nullopt;
    return std::strtod(without_underscores(text).c_str(), nullptr);
}

}  // namespace

Value::Data type_plain_scalar(std::string_view text) {
    if (is_one_of(text, {"", "~", "null", "Null", "NULL"})) return std::monostate{};
    if (is_one_of(text, {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) return true;
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
