// !Context KEY or !Context [KEY, DEFAULT]: the command line's context, then
// the blueprint's, then the default.
#include <fmt/format.h>

#include <array>

#include "tag.h"

namespace flowprint::tags {
namespace {

/// Keys that authentik fills in itself at import time: unknown offline.
constexpr std::array<std::string_view, 2> kServerKeys = {"goauthentik.io/enterprise/licensed",
                                                         "goauthentik.io/rbac/models"};

}  // namespace

Value resolve_context(const yaml::Node& node, Resolver& resolver) {
    const yaml::Node* key_node = &node;
    const yaml::Node* default_node = nullptr;
    if (node.is_sequence()) {
        if (!expect_items(node, resolver, 1, 2, "KEY or [KEY, DEFAULT]")) return {};
        key_node = &node.item(0);
        if (node.size() == 2) default_node = &node.item(1);
    } else if (!expect_scalar(node, resolver, "KEY or [KEY, DEFAULT]")) {
        return {};
    }
    const std::string key =
        python_str(key_node == &node ? Value{node.text} : resolver.resolve(*key_node));
    if (auto value = resolver.context_value(key, node.location)) {
        value->location = node.location;
        return *value;
    }
    if (default_node != nullptr) return resolver.resolve(*default_node);
    for (std::string_view server_key : kServerKeys) {
        if (key == server_key) {
            return Value{Unknown{fmt::format("context '{}' (supplied by the server)", key)},
                         node.location};
        }
    }
    resolver.findings().info("context-missing",
                             fmt::format("!Context '{}' is not set (no default): None", key),
                             node.location);
    return Value{std::monostate{}, node.location};
}

}  // namespace flowprint::tags
