// !AtIndex [OBJ, KEY] or [OBJ, KEY, DEFAULT]: an element of a sequence or mapping.
#include <fmt/format.h>

#include "tag.h"

namespace flowprint::tags {

namespace {

Value element(const yaml::Node& node, Resolver& resolver, const Value& object, const Value& key);

}  // namespace

Value resolve_at_index(const yaml::Node& node, Resolver& resolver) {
    if (!expect_items(node, resolver, 2, 3, "[OBJECT, KEY] or [OBJECT, KEY, DEFAULT]")) return {};
    Value object = resolver.resolve(node.item(0));
    Value key = resolver.resolve(node.item(1));
    Value value = element(node, resolver, object, key);
    // An element of a secret (an !Env value) is secret too.
    if (object.secret || key.secret) mark_secret(value);
    return value;
}

namespace {

Value element(const yaml::Node& node, Resolver& resolver, const Value& object, const Value& key) {
    auto missing = [&](std::string why) {
        if (node.size() == 3) return resolver.resolve(node.item(2));
        return resolver.fail(node, fmt::format("!AtIndex: {}", why), "atindex-missing");
    };
    if (const auto* items = object.as<Sequence>()) {
        const auto index =
            key.is<std::int64_t>() || key.is<bool>() ? as_integer(key) : std::nullopt;
        if (!index)
            return missing(
                fmt::format("a list index must be an integer, not {}", python_type_name(key)));
        const auto size = static_cast<std::int64_t>(items->size());
        const std::int64_t at = *index < 0 ? *index + size : *index;
        if (at < 0 || at >= size) return missing(fmt::format("index {} is out of range", *index));
        return (*items)[static_cast<std::size_t>(at)];
    }
    if (const auto* text = object.as<std::string>()) {
        const auto index = key.is<std::int64_t>() ? as_integer(key) : std::nullopt;
        const auto size = static_cast<std::int64_t>(text->size());
        if (!index) return missing("a string index must be an integer");
        const std::int64_t at = *index < 0 ? *index + size : *index;
        if (at < 0 || at >= size) return missing(fmt::format("index {} is out of range", *index));
        return Value{text->substr(static_cast<std::size_t>(at), 1), node.location};
    }
    if (const auto* mapping = object.as<Mapping>()) {
        if (const Value* found = find_in(*mapping, python_str(key))) return *found;
        return missing(fmt::format("key {} is not in the mapping", python_repr(key)));
    }
    return missing(fmt::format("{} cannot be indexed", python_type_name(object)));
}

}  // namespace

}  // namespace flowprint::tags
