// !If [COND] or !If [COND, WHEN_TRUE, WHEN_FALSE]: only the chosen branch is resolved.
#include "tag.h"

namespace flowprint::tags {

Value resolve_if(const yaml::Node& node, Resolver& resolver) {
    if (!expect_items(node, resolver, 1, 3, "[CONDITION] or [CONDITION, WHEN_TRUE, WHEN_FALSE]")) {
        return {};
    }
    if (node.size() == 2) {
        return resolver.fail(node,
                             "!If takes [CONDITION] or [CONDITION, WHEN_TRUE, WHEN_FALSE], "
                             "got 2 items",
                             "tag-arguments");
    }
    const bool condition = truthy(resolver.resolve(node.item(0)));
    if (node.size() == 1) return Value{condition, node.location};
    return resolver.resolve(node.item(condition ? 1 : 2));
}

}  // namespace flowprint::tags
