#include "python_format.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <optional>

namespace flowprint {
namespace {

/// Larger widths and precisions are refused rather than formatted: they only
/// make memory bombs.
constexpr int kMaxWidth = 10000;
constexpr int kMaxPrecision = 400;

struct Spec {
    std::string flags;
    std::optional<int> width;
    std::optional<int> precision;
    char conversion = 0;
};

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

std::string pad(std::string text, const Spec& spec) {
    const std::size_t length = code_points(text);
    if (!spec.width || length >= static_cast<std::size_t>(*spec.width)) return text;
    const std::string fill(static_cast<std::size_t>(*spec.width) - length, ' ');
    return spec.flags.find('-') != std::string::npos ? text + fill : fill + text;
}

std::string c_format(const Spec& spec, const char* length_modifier, auto number) {
    std::string pattern = "%" + spec.flags;
    if (spec.width) pattern += std::to_string(*spec.width);
    if (spec.precision) pattern += "." + std::to_string(*spec.precision);
    pattern += length_modifier;
    pattern += spec.conversion;
    // Widths are at most kMaxWidth and precisions kMaxPrecision: %f of 1e308
    // with the largest precision still fits.
    std::string buffer(kMaxWidth + kMaxPrecision + 512, '\0');
    const int written = std::snprintf(buffer.data(), buffer.size(), pattern.c_str(), number);
    buffer.resize(written < 0 ? 0 : std::min(buffer.size() - 1, static_cast<std::size_t>(written)));
    return buffer;
}

std::optional<double> as_real(const Value& value) {
    if (const auto* d = value.as<double>()) return *d;
    if (const auto* i = value.as<std::int64_t>()) return static_cast<double>(*i);
    if (const auto* b = value.as<bool>()) return *b ? 1.0 : 0.0;
    return std::nullopt;
}

FormatResult convert(const Spec& spec, const Value& arg) {
    switch (spec.conversion) {
        case 's':
        case 'r': {
            // The result is secret when an argument is (see !Format).
            std::string text = spec.conversion == 's' ? revealed_str(arg) : revealed_repr(arg);
            if (spec.precision && code_points(text) > static_cast<std::size_t>(*spec.precision)) {
                std::size_t keep = 0, seen = 0;
                while (keep < text.size() && seen <= static_cast<std::size_t>(*spec.precision)) {
                    if ((static_cast<unsigned char>(text[keep]) & 0xC0) != 0x80) ++seen;
                    if (seen > static_cast<std::size_t>(*spec.precision)) break;
                    ++keep;
                }
                text.resize(keep);
            }
            return {pad(std::move(text), spec), {}};
        }
        case 'd':
        case 'i':
        case 'u': {
            auto real = as_real(arg);
            if (!real || !std::isfinite(*real)) {
                return {{},
                        fmt::format("%{} format: a real number is required, not {}",
                                    spec.conversion, python_type_name(arg))};
            }
            Spec as_d = spec;
            as_d.conversion = 'd';
            const auto whole = arg.is<std::int64_t>()
                                   ? *arg.as<std::int64_t>()
                                   : static_cast<std::int64_t>(std::trunc(*real));
            return {c_format(as_d, "ll", static_cast<long long>(whole)), {}};
        }
        case 'x':
        case 'X':
        case 'o': {
            if (!arg.is<std::int64_t>() && !arg.is<bool>()) {
                return {{},
                        fmt::format("%{} format: an integer is required, not {}", spec.conversion,
                                    python_type_name(arg))};
            }
            const std::int64_t whole = *as_integer(arg);
            const auto magnitude = whole < 0 ? 0 - static_cast<unsigned long long>(whole)
                                             : static_cast<unsigned long long>(whole);
            std::string digits = spec.conversion == 'o'   ? fmt::format("{:o}", magnitude)
                                 : spec.conversion == 'x' ? fmt::format("{:x}", magnitude)
                                                          : fmt::format("{:X}", magnitude);
            if (spec.precision && digits.size() < static_cast<std::size_t>(*spec.precision)) {
                digits.insert(0, static_cast<std::size_t>(*spec.precision) - digits.size(), '0');
            }
            std::string sign = whole < 0                                   ? "-"
                               : spec.flags.find('+') != std::string::npos ? "+"
                               : spec.flags.find(' ') != std::string::npos ? " "
                                                                           : "";
            if (spec.flags.find('#') != std::string::npos) {
                sign += spec.conversion == 'o' ? "0o" : spec.conversion == 'x' ? "0x" : "0X";
            }
            const bool left = spec.flags.find('-') != std::string::npos;
            const std::size_t used = sign.size() + digits.size();
            if (spec.width && used < static_cast<std::size_t>(*spec.width) && !left &&
                spec.flags.find('0') != std::string::npos) {
                digits.insert(0, static_cast<std::size_t>(*spec.width) - used, '0');
            }
            std::string text = pad(sign + digits, spec);
            return {text, {}};
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
            auto real = as_real(arg);
            if (!real) {
                return {{}, fmt::format("must be real number, not {}", python_type_name(arg))};
            }
            return {c_format(spec, "", *real), {}};
        }
        default:
            return {
                {},
                fmt::format("the conversion '%{}' is not supported by flowprint", spec.conversion)};
    }
}

}  // namespace

FormatResult python_percent_format(std::string_view format, std::span<const Value> args) {
    FormatResult result;
    std::size_t next_arg = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            result.text += format[i];
            continue;
        }
        if (++i >= format.size()) return {{}, "incomplete format"};
        if (format[i] == '%') {
            result.text += '%';
            continue;
        }
        if (format[i] == '(') return {{}, "mapping keys (%(name)s) are not supported by flowprint"};
        Spec spec;
        while (i < format.size() &&
               std::string_view("-+ 0#").find(format[i]) != std::string_view::npos) {
            if (spec.flags.find(format[i]) == std::string::npos) spec.flags += format[i];
            ++i;
        }
        if (i < format.size() && format[i] == '*')
            return {{}, "'*' widths are not supported by flowprint"};
        int width = 0;
        bool has_width = false;
        while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
            width = width * 10 + (format[i++] - '0');
            has_width = true;
            if (width > kMaxWidth) {
                return {{},
                        fmt::format("widths over {} are not supported by flowprint", kMaxWidth)};
            }
        }
        if (has_width) spec.width = width;
        if (i < format.size() && format[i] == '.') {
            ++i;
            int precision = 0;
            while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
                precision = precision * 10 + (format[i++] - '0');
                if (precision > kMaxPrecision) {
                    return {{},
                            fmt::format("precisions over {} are not supported by flowprint",
                                        kMaxPrecision)};
                }
            }
            spec.precision = precision;
        }
        while (i < format.size() &&
               std::string_view("hlL").find(format[i]) != std::string_view::npos)
            ++i;
        if (i >= format.size()) return {{}, "incomplete format"};
        spec.conversion = format[i];
        if (next_arg >= args.size()) return {{}, "not enough arguments for format string"};
        FormatResult part = convert(spec, args[next_arg++]);
        if (!part.error.empty()) return part;
        result.text += part.text;
    }
    if (next_arg < args.size()) return {{}, "not all arguments converted during string formatting"};
    return result;
}

}  // namespace flowprint
