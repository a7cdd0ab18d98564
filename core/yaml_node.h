#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "location.h"

namespace flowprint::yaml {

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };

/// Plain scalars are typed by the YAML 1.1 rules; quoted ones are strings.
enum class ScalarStyle : std::uint8_t { plain, quoted };

/// One node of a parsed YAML document, with its position and its tag as
/// written (`!KeyOf`, or empty). Mappings keep their pairs in document order,
/// duplicates included, so that later layers can report them.
struct Node {
    NodeKind kind = NodeKind::null;
    ScalarStyle style = ScalarStyle::plain;
    std::string tag;
    std::string text;
    /// Sequence items, or mapping keys and values alternately.
    std::vector<Node> children;
    Location location;

    bool is_null() const { return kind == NodeKind::null; }
    bool is_scalar() const { return kind == NodeKind::scalar; }
    bool is_sequence() const { return kind == NodeKind::sequence; }
    bool is_mapping() const { return kind == NodeKind::mapping; }
    bool is_tagged() const { return !tag.empty(); }

    /// Items of a sequence, or pairs of a mapping.
    std::size_t size() const {
        return kind == NodeKind::mapping ? children.size() / 2 : children.size();
    }
    const Node& item(std::size_t i) const { return children[i]; }
    const Node& key(std::size_t i) const { return children[2 * i]; }
    const Node& value(std::size_t i) const { return children[2 * i + 1]; }

    /// The value of the first pair whose key is the untagged scalar `name`.
    const Node* find(std::string_view name) const;
};

}  // namespace flowprint::yaml
