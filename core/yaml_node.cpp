#include "yaml_node.h"

namespace flowprint::yaml {

const Node* Node::find(std::string_view name) const {
    if (kind != NodeKind::mapping) return nullptr;
    for (std::size_t i = 0; i < size(); ++i) {
        const Node& k = key(i);
        if (k.kind == NodeKind::scalar && !k.is_tagged() && k.text == name) return &value(i);
    }
    return nullptr;
}

}  // namespace flowprint::yaml
