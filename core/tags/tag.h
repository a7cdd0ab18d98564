#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "../resolver.h"

namespace flowprint::tags {

/// How one custom tag is resolved. The resolvers live one per file beside this one.
using TagFunction = Value (*)(const yaml::Node& node, Resolver& resolver);

struct TagDefinition {
    std::string_view name;  ///< with the `!`
    TagFunction resolve;
};

/// The fourteen tags of authentik's blueprint loader.
std::span<const TagDefinition> all_tags();
const TagDefinition* find_tag(std::string_view name);

// Shape checks shared by the tags: each reports a finding at the tag's node.
/// True when the node is a sequence of `min`..`max` items.
bool expect_items(const yaml::Node& node, Resolver& resolver, std::size_t min, std::size_t max,
                  std::string_view form);
/// True when the node is a plain scalar.
bool expect_scalar(const yaml::Node& node, Resolver& resolver, std::string_view form);

/// The argument of `!Context`, `!Env` and `!File`: `KEY` or `[KEY, DEFAULT]`.
struct KeyWithDefault {
    /// The key, resolved (secret when it came from `!Env`: look it up with
    /// revealed_str, show it with python_str).
    Value key;
    const yaml::Node* fallback = nullptr;  ///< the DEFAULT node, when given
    bool written_as_scalar = false;

    /// DEFAULT resolved, or None when there is none.
    Value resolve_fallback(const yaml::Node& tag_node, Resolver& resolver) const;
};
/// Reads the argument; a wrong shape is a finding at the tag, and nothing.
std::optional<KeyWithDefault> read_key_with_default(const yaml::Node& node, Resolver& resolver,
                                                    std::string_view form);

Value resolve_keyof(const yaml::Node& node, Resolver& resolver);
Value resolve_find(const yaml::Node& node, Resolver& resolver);
Value resolve_find_object(const yaml::Node& node, Resolver& resolver);
Value resolve_context(const yaml::Node& node, Resolver& resolver);
Value resolve_env(const yaml::Node& node, Resolver& resolver);
Value resolve_file(const yaml::Node& node, Resolver& resolver);
Value resolve_format(const yaml::Node& node, Resolver& resolver);
Value resolve_if(const yaml::Node& node, Resolver& resolver);
Value resolve_condition(const yaml::Node& node, Resolver& resolver);
Value resolve_enumerate(const yaml::Node& node, Resolver& resolver);
Value resolve_index(const yaml::Node& node, Resolver& resolver);
Value resolve_value(const yaml::Node& node, Resolver& resolver);
Value resolve_at_index(const yaml::Node& node, Resolver& resolver);
Value resolve_parse_json(const yaml::Node& node, Resolver& resolver);

}  // namespace flowprint::tags
