#include "scalar_typing.h"

#include <array>
#include <cmath>
#include <regex>
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
            static const std::regex sexagesimal("[1-9][0-9_]*(:[0-5]?[0-9])+");
            if (!std::regex_match(body.begin(), body.end(), sexagesimal)) return std::nullopt;
            std::int64_t total = 0;
            std::size_t start = 0;
            while (start <= body.size()) {
                std::size_t end = body.find(':', start);
                if (end == std::string_view::npos) end = body.size();
                total = total * 60 + std::stoll(without_underscores(body.substr(start, end - start)));
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
    static const std::regex number(
        "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?");
    static const std::regex special("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    if (std::regex_match(text.begin(), text.end(), special)) {
        if (text.find_first_of("aA") != std::string_view::npos) return std::nan("");
        return text.front() == '-' ? -INFINITY : INFINITY;
    }
    if (text == "." || !std::regex_match(text.begin(), text.end(), number)) return std::nullopt;
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
