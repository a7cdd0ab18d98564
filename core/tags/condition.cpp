// !Condition [MODE, ARG...]: a boolean over the arguments' truthiness.
#include <fmt/format.h>

#include <algorithm>

#include "../catalogue.h"
#include "tag.h"

namespace flowprint::tags {

Value resolve_condition(const yaml::Node& node, Resolver& resolver) {
    if (!expect_items(node, resolver, 2, SIZE_MAX, "[MODE, ARG...] with at least one ARG")) {
        return {};
    }
    Value mode_value = resolver.resolve(node.item(0));
    const std::string mode =
        mode_value.is<std::string>() ? to_lower(*mode_value.as<std::string>()) : "";
    std::vector<bool> args;
    for (std::size_t i = 1; i < node.size(); ++i)
        args.push_back(truthy(resolver.resolve(node.item(i))));
    const bool all = std::all_of(args.begin(), args.end(), [](bool b) { return b; });
    const bool any = std::any_of(args.begin(), args.end(), [](bool b) { return b; });
    // Chained `^`, as Python computes XOR over more than two values: parity.
    const bool parity = std::count(args.begin(), args.end(), true) % 2 == 1;
    bool result;
    if (mode == "and") {
        result = all;
    } else if (mode == "nand") {
        result = !all;
    } else if (mode == "or") {
        result = any;
    } else if (mode == "nor") {
        result = !any;
    } else if (mode == "xor") {
        result = parity;
    } else if (mode == "xnor") {
        result = !parity;
    } else {
        return resolver.fail(node.item(0),
                             fmt::format("!Condition mode '{}' is not one of AND, NAND, OR, NOR, "
                                         "XOR, XNOR",
                                         python_str(mode_value)),
                             "tag-arguments");
    }
    return Value{result, node.location};
}

}  // namespace flowprint::tags
