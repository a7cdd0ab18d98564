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
    const auto argument = read_key_with_default(node, resolver, "KEY or [KEY, DEFAULT]");
    if (!argument) return {};
    const std::string key = revealed_str(argument->key);
    if (auto value = resolver.context_value(key, node.location)) {
        value->location = node.location;
        return *value;
    }
    if (argument->fallback != nullptr) return argument->resolve_fallback(node, resolver);
    for (std::string_view server_key : kServerKeys) {
        if (key == server_key) {
            return Value{Unknown{fmt::format("context '{}' (supplied by the server)", key)},
                         node.location};
        }
    }
    resolver.findings().info(
        "context-missing",
        fmt::format("!Context '{}' is not set (no default): None", python_str(argument->key)),
        node.location);
    return Value{std::monostate{}, node.location};
}

}  // namespace flowprint::tags
