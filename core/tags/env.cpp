// !Env NAME or !Env [NAME, DEFAULT]. The value is marked secret: no output
// or finding may show it.
#include <fmt/format.h>

#include "tag.h"

namespace flowprint::tags {

Value resolve_env(const yaml::Node& node, Resolver& resolver) {
    const auto argument = read_key_with_default(node, resolver, "NAME or [NAME, DEFAULT]");
    if (!argument) return {};
    const std::string name = revealed_str(argument->key);
    if (argument->written_as_scalar && name.find(',') != std::string::npos) {
        resolver.findings().warning(
            "env-scalar-default",
            fmt::format("!Env '{}' is one variable name, commas included; for a default use "
                        "the sequence form !Env [NAME, DEFAULT]",
                        python_str(argument->key)),
            node.location);
    }
    std::optional<std::string> set;
    if (resolver.settings().environment) set = resolver.settings().environment(name);
    if (set && !set->empty()) {
        Value value{*set, node.location};
        value.secret = true;
        return value;
    }
    return argument->resolve_fallback(node, resolver);
}

}  // namespace flowprint::tags
