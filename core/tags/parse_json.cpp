// !ParseJSON TEXT: the text read as JSON.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "tag.h"

namespace flowprint::tags {
namespace {

Value from_json(const nlohmann::json& json, const Location& where) {
    switch (json.type()) {
        case nlohmann::json::value_t::null: return Value{std::monostate{}, where};
        case nlohmann::json::value_t::boolean: return Value{json.get<bool>(), where};
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
            return Value{json.get<std::int64_t>(), where};
        case nlohmann::json::value_t::number_float: return Value{json.get<double>(), where};
        case nlohmann::json::value_t::string: return Value{json.get<std::string>(), where};
        case nlohmann::json::value_t::array: {
            Sequence items;
            for (const auto& item : json) items.push_back(from_json(item, where));
            return Value{std::move(items), where};
        }
        case nlohmann::json::value_t::object: {
            Mapping entries;
            for (const auto& [key, item] : json.items()) {
                entries.push_back(MappingEntry{key, from_json(item, where)});
            }
            return Value{std::move(entries), where};
        }
        default: return Value{std::monostate{}, where};
    }
}

}  // namespace

Value resolve_parse_json(const yaml::Node& node, Resolver& resolver) {
    if (!expect_scalar(node, resolver, "a JSON text")) return {};
    // Bounded: nesting beyond the YAML depth limit is refused before parsing.
    std::size_t depth = 0, deepest = 0;
    for (char c : node.text) {
        if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    if (deepest > resolver.settings().limits.max_depth) {
        return resolver.fail(node, "!ParseJSON: the JSON nests too deeply", "limit-depth");
    }
    try {
        return from_json(nlohmann::json::parse(node.text), node.location);
    } catch (const nlohmann::json::exception& e) {
        return resolver.fail(node, fmt::format("!ParseJSON: invalid JSON ({})", e.what()),
                             "parsejson-invalid");
    }
}

}  // namespace flowprint::tags
