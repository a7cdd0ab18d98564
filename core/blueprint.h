#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"
#include "run_limits.h"
#include "yaml_node.h"

namespace flowprint {

/// One entry of a blueprint, as written: views into the document's nodes.
struct Entry {
    const yaml::Node* node = nullptr;
    const yaml::Node* model = nullptr;
    const yaml::Node* id = nullptr;
    const yaml::Node* state = nullptr;
    const yaml::Node* conditions = nullptr;
    const yaml::Node* identifiers = nullptr;
    const yaml::Node* attrs = nullptr;
    const yaml::Node* permissions = nullptr;
};

/// One blueprint file: its parsed document and the parts flowprint reads.
/// Move-only; the nodes and locations it hands out stay valid while it lives.
struct Blueprint {
    /// Owned on the heap so that every Location can view it.
    std::unique_ptr<const std::string> path;
    std::optional<yaml::Node> root;
    /// `metadata.name`, when it is a plain string.
    std::string name;
    const yaml::Node* context = nullptr;
    std::vector<Entry> entries;

    /// Set once the tree has been freed after applying (see drop_document).
    bool document_dropped = false;

    std::string_view file() const { return *path; }
    /// Whether the document could be read as a blueprint at all.
    bool usable() const { return root.has_value() || document_dropped; }
    /// Frees the parsed tree, and the entries that view it, once applied;
    /// what the store holds stays valid (its locations view `path`).
    void drop_document();
    /// Frees what only applying reads (each entry's `attrs`, `identifiers`,
    /// `state`, `conditions` and `permissions`, and `context`); each entry's
    /// own node, `model` and `id` stay.
    void reduce_to_outline();
};

/// Called for blueprint `index` of a set on the thread that read it, before it
/// is applied: work that needs only the document overlaps with applying.
using ReadHook = std::function<void(std::size_t index, const Blueprint& blueprint)>;

/// Reads the file's blueprint structure; what cannot be read is a finding.
Blueprint parse_blueprint(std::string path, std::string_view text, const Limits& limits,
                          Findings& findings);

/// Reads the file from disk first; a read failure is a finding.
Blueprint read_blueprint(std::string path, const Limits& limits, Findings& findings);

}  // namespace flowprint
