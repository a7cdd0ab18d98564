#include "tag.h"

#include <fmt/format.h>

#include <array>

namespace flowprint::tags {
namespace {

constexpr std::array kTags = std::to_array<TagDefinition>({
    {"!KeyOf", resolve_keyof},
    {"!Find", resolve_find},
    {"!FindObject", resolve_find_object},
    {"!Context", resolve_context},
    {"!Env", resolve_env},
    {"!File", resolve_file},
    {"!Format", resolve_format},
    {"!If", resolve_if},
    {"!Condition", resolve_condition},
    {"!Enumerate", resolve_enumerate},
    {"!Index", resolve_index},
    {"!Value", resolve_value},
    {"!AtIndex", resolve_at_index},
    {"!ParseJSON", resolve_parse_json},
});

std::string_view shape(const yaml::Node& node) {
    switch (node.kind) {
        case yaml::NodeKind::null: return "nothing";
        case yaml::NodeKind::scalar: return "a scalar";
        case yaml::NodeKind::sequence: return "a sequence";
        case yaml::NodeKind::mapping: return "a mapping";
    }
    return "a value";
}

}  // namespace

std::span<const TagDefinition> all_tags() { return kTags; }

const TagDefinition* find_tag(std::string_view name) {
    for (const TagDefinition& tag : kTags) {
        if (tag.name == name) return &tag;
    }
    return nullptr;
}

bool expect_items(const yaml::Node& node, Resolver& resolver, std::size_t min, std::size_t max,
                  std::string_view form) {
    if (!node.is_sequence()) {
        resolver.fail(node,
                      fmt::format("{} takes a sequence {}, got {}", node.tag, form, shape(node)),
                      "tag-arguments");
        return false;
    }
    if (node.size() < min || node.size() > max) {
        resolver.fail(node,
                      fmt::format("{} takes {}, got {} item{}", node.tag, form, node.size(),
                                  node.size() == 1 ? "" : "s"),
                      "tag-arguments");
        return false;
    }
    return true;
}

bool expect_scalar(const yaml::Node& node, Resolver& resolver, std::string_view form) {
    if (!node.is_scalar()) {
        resolver.fail(node, fmt::format("{} takes {}, got {}", node.tag, form, shape(node)),
                      "tag-arguments");
        return false;
    }
    return true;
}

std::optional<KeyWithDefault> read_key_with_default(const yaml::Node& node, Resolver& resolver,
                                                    std::string_view form) {
    KeyWithDefault argument;
    if (node.is_sequence()) {
        if (!expect_items(node, resolver, 1, 2, form)) return std::nullopt;
        argument.key = resolver.resolve(node.item(0));
        if (node.size() == 2) argument.fallback = &node.item(1);
        return argument;
    }
    if (!expect_scalar(node, resolver, form)) return std::nullopt;
    argument.key = Value{node.text, node.location};
    argument.written_as_scalar = true;
    return argument;
}

Value KeyWithDefault::resolve_fallback(const yaml::Node& tag_node, Resolver& resolver) const {
    if (fallback != nullptr) return resolver.resolve(*fallback);
    return Value{std::monostate{}, tag_node.location};
}

}  // namespace flowprint::tags
