// !Env NAME or !Env [NAME, DEFAULT]. The value is marked secret: no output
// or finding may show it.
#include <fmt/format.h>

#include "tag.h"

namespace flowprint::tags {

Value resolve_env(const yaml::Node& node, Resolver& resolver) {
    std::string name;
    const yaml::Node* default_node = nullptr;
    if (node.is_sequence()) {
        if (!expect_items(node, resolver, 1, 2, "NAME or [NAME, DEFAULT]")) return {};
        name = python_str(resolver.resolve(node.item(0)));
        if (node.size() == 2) default_node = &node.item(1);
    } else if (expect_scalar(node, resolver, "NAME or [NAME, DEFAULT]")) {
        name = node.text;
        if (name.find(',') != std::string::npos) {
            resolver.findings().warning(
                "env-scalar-default",
                fmt::format("!Env '{}' is one variable name, commas included; for a default use "
                            "the sequence form !Env [NAME, DEFAULT]",
                            name),
                node.location);
        }
    } else {
        return {};
    }
    std::optional<std::string> set;
    if (resolver.settings().environment) set = resolver.settings().environment(name);
    if (set && !set->empty()) {
        Value value{*set, node.location};
        value.secret = true;
        return value;
    }
    if (default_node != nullptr) return resolver.resolve(*default_node);
    return Value{std::monostate{}, node.location};
}

}  // namespace flowprint::tags
