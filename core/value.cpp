#include "value.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <unordered_map>

namespace flowprint {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string float_str(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    std::string text = fmt::format("{}", d);
    if (text.find_first_of(".en") == std::string::npos) text += ".0";
    return text;
}

std::string quote(std::string_view text) {
    const bool double_quotes =
        text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos;
    const char q = double_quotes ? '"' : '\'';
    std::string out(1, q);
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c == q) {
                    out += '\\';
                    out += c;
                } else if (static_cast<unsigned char>(c) < 0x20) {
                    out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
                } else {
                    out += c;
                }
        }
    }
    out += q;
    return out;
}

std::string render(const Value& value, bool as_repr, bool reveal) {
    if (value.secret && !reveal) return "<!Env value>";
    return std::visit(
        Overloaded{
            [](std::monostate) -> std::string { return "None"; },
            [](bool b) -> std::string { return b ? "True" : "False"; },
            [](std::int64_t i) -> std::string { return std::to_string(i); },
            [](double d) -> std::string { return float_str(d); },
            [&](const std::string& s) -> std::string { return as_repr ? quote(s) : s; },
            [&](const Sequence& items) -> std::string {
                std::string out = "[";
                for (std::size_t i = 0; i < items.size(); ++i) {
                    if (i) out += ", ";
                    out += render(items[i], true, reveal);
                }
                return out + "]";
            },
            [&](const Mapping& entries) -> std::string {
                std::string out = "{";
                for (std::size_t i = 0; i < entries.size(); ++i) {
                    if (i) out += ", ";
                    out += quote(entries[i].key) + ": " + render(entries[i].value, true, reveal);
                }
                return out + "}";
            },
            [](const ObjectRef& ref) -> std::string { return fmt::format("<object {}>", ref.id); },
            [](const ExternalRef& ref) -> std::string { return ref.written; },
            [](const Unknown& unknown) -> std::string { return "<" + unknown.what + ">"; },
        },
        value.data);
}

}  // namespace

const Value* Value::find(std::string_view key) const {
    const Mapping* mapping = as<Mapping>();
    return mapping ? find_in(*mapping, key) : nullptr;
}

bool truthy(const Value& value) {
    return std::visit(Overloaded{
                          [](std::monostate) { return false; },
                          [](bool b) { return b; },
                          [](std::int64_t i) { return i != 0; },
                          [](double d) { return d != 0.0; },
                          [](const std::string& s) { return !s.empty(); },
                          [](const Sequence& s) { return !s.empty(); },
                          [](const Mapping& m) { return !m.empty(); },
                          [](const ObjectRef&) { return true; },
                          [](const ExternalRef&) { return false; },
                          [](const Unknown&) { return false; },
                      },
                      value.data);
}

std::string python_str(const Value& value) { return render(value, false, false); }
std::string python_repr(const Value& value) { return render(value, true, false); }
std::string revealed_str(const Value& value) { return render(value, false, true); }
std::string revealed_repr(const Value& value) { return render(value, true, true); }

std::string_view python_type_name(const Value& value) {
    return std::visit(Overloaded{
                          [](std::monostate) -> std::string_view { return "NoneType"; },
                          [](bool) -> std::string_view { return "bool"; },
                          [](std::int64_t) -> std::string_view { return "int"; },
                          [](double) -> std::string_view { return "float"; },
                          [](const std::string&) -> std::string_view { return "str"; },
                          [](const Sequence&) -> std::string_view { return "list"; },
                          [](const Mapping&) -> std::string_view { return "dict"; },
                          [](const ObjectRef&) -> std::string_view { return "object"; },
                          [](const ExternalRef&) -> std::string_view { return "NoneType"; },
                          [](const Unknown&) -> std::string_view { return "unknown"; },
                      },
                      value.data);
}

std::optional<std::int64_t> as_integer(const Value& value) {
    if (const auto* i = value.as<std::int64_t>()) return *i;
    if (const auto* b = value.as<bool>()) return *b ? 1 : 0;
    if (const auto* s = value.as<std::string>()) {
        std::string_view text = *s;
        while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        if (!text.empty() && text.front() == '+') text.remove_prefix(1);
        std::int64_t result = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
        if (error == std::errc{} && end == text.data() + text.size() && !text.empty()) {
            return result;
        }
    }
    return std::nullopt;
}

std::string match_key(const Value& value) {
    if (value.is<bool>()) return *value.as<bool>() ? "b1" : "b0";
    if (auto i = as_integer(value)) return "i" + std::to_string(*i);
    if (const auto* s = value.as<std::string>()) {
        if (*s == "true" || *s == "True") return "b1";
        if (*s == "false" || *s == "False") return "b0";
        return "s" + *s;
    }
    if (const auto* ref = value.as<ObjectRef>()) return "r" + std::to_string(ref->id);
    if (value.is_null()) return "n";
    if (const auto* ext = value.as<ExternalRef>()) return "x" + ext->written;
    return "v" + revealed_repr(value);
}

bool field_equals(const Value& field, const Value& query) {
    if (const auto* items = field.as<Sequence>()) {
        if (query.is<Sequence>()) return match_key(field) == match_key(query);
        for (const Value& item : *items) {
            if (field_equals(item, query)) return true;
        }
        return false;
    }
    if (field.is<bool>() || query.is<bool>()) {
        return match_key(field) == match_key(query);
    }
    if (const auto* d = field.as<double>()) {
        if (auto i = as_integer(query)) return *d == static_cast<double>(*i);
    }
    return match_key(field) == match_key(query);
}

void mark_secret(Value& value) {
    std::vector<Value*> pending{&value};
    while (!pending.empty()) {
        Value* next = pending.back();
        pending.pop_back();
        next->secret = true;
        if (auto* items = next->as<Sequence>()) {
            for (Value& item : *items) pending.push_back(&item);
        } else if (auto* entries = next->as<Mapping>()) {
            for (MappingEntry& entry : *entries) pending.push_back(&entry.value);
        }
    }
}

const Value* find_in(const Mapping& mapping, std::string_view key) {
    for (const MappingEntry& entry : mapping) {
        if (entry.key == key) return &entry.value;
    }
    return nullptr;
}

Value* find_in(Mapping& mapping, std::string_view key) {
    for (MappingEntry& entry : mapping) {
        if (entry.key == key) return &entry.value;
    }
    return nullptr;
}

void set_in(Mapping& mapping, std::string key, Value value) {
    if (Value* existing = find_in(mapping, key)) {
        *existing = std::move(value);
    } else {
        mapping.push_back(MappingEntry{std::move(key), std::move(value)});
    }
}

void merge_into(Mapping& target, const Mapping& source) {
    auto merge_one = [](Value* existing, const MappingEntry& entry, Mapping& into) {
        if (existing && existing->is<Mapping>() && entry.value.is<Mapping>()) {
            merge_into(*existing->as<Mapping>(), *entry.value.as<Mapping>());
        } else if (existing) {
            *existing = entry.value;
        } else {
            into.push_back(entry);
        }
    };
    if (target.size() * source.size() <= 1024) {
        for (const MappingEntry& entry : source)
            merge_one(find_in(target, entry.key), entry, target);
        return;
    }
    // Large mappings: look keys up by hash so that merging stays linear. The
    // reserve keeps the keys' storage in place while the index views them.
    target.reserve(target.size() + source.size());
    std::unordered_map<std::string_view, std::size_t> positions;
    for (std::size_t i = 0; i < target.size(); ++i) positions.try_emplace(target[i].key, i);
    for (const MappingEntry& entry : source) {
        auto found = positions.find(entry.key);
        merge_one(found == positions.end() ? nullptr : &target[found->second].value, entry, target);
        if (found == positions.end()) positions.try_emplace(target.back().key, target.size() - 1);
    }
}

}  // namespace flowprint
