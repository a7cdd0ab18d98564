#include "blueprint.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "yaml_reader.h"

namespace flowprint {
namespace {

std::string_view kind_name(const yaml::Node& node) {
    switch (node.kind) {
        case yaml::NodeKind::null: return "empty";
        case yaml::NodeKind::scalar: return "a scalar";
        case yaml::NodeKind::sequence: return "a list";
        case yaml::NodeKind::mapping: return "a mapping";
    }
    return "a value";
}

/// The value of an entry's field, from the entry's own keys or else from the
/// mappings it merges in with `<<`, in order, as authentik's loader sees it.
const yaml::Node* entry_field(const yaml::Node& entry, std::string_view name) {
    if (const yaml::Node* own = entry.find(name)) return own;
    for (std::size_t i = 0; i < entry.size(); ++i) {
        const yaml::Node& key = entry.key(i);
        if (!key.is_scalar() || key.is_tagged() || key.style != yaml::ScalarStyle::plain ||
            key.text != "<<") {
            continue;
        }
        const yaml::Node& merged = entry.value(i);
        if (merged.is_mapping()) {
            if (const yaml::Node* found = entry_field(merged, name)) return found;
        } else if (merged.is_sequence()) {
            for (const yaml::Node& each : merged.children) {
                if (!each.is_mapping()) continue;
                if (const yaml::Node* found = entry_field(each, name)) return found;
            }
        }
    }
    return nullptr;
}

void add_entries(const yaml::Node& list, std::vector<Entry>& entries, Findings& findings) {
    for (const yaml::Node& item : list.children) {
        if (!item.is_mapping() || item.is_tagged()) {
            findings.error(
                "entry-not-mapping",
                fmt::format("an entry must be a mapping with `model`, got {}", kind_name(item)),
                item.location);
            continue;
        }
        Entry entry;
        entry.node = &item;
        entry.model = entry_field(item, "model");
        entry.id = entry_field(item, "id");
        entry.state = entry_field(item, "state");
        entry.conditions = entry_field(item, "conditions");
        entry.identifiers = entry_field(item, "identifiers");
        entry.attrs = entry_field(item, "attrs");
        entry.permissions = entry_field(item, "permissions");
        entries.push_back(entry);
    }
}

void read_structure(Blueprint& blueprint, Findings& findings) {
    const yaml::Node& root = *blueprint.root;
    if (!root.is_mapping()) {
        findings.error("not-a-blueprint",
                       fmt::format("not a blueprint: the document is {}, a blueprint is a "
                                   "mapping with `version` and `entries`",
                                   kind_name(root)),
                       root.location);
        blueprint.root.reset();
        return;
    }
    const yaml::Node* entries = root.find("entries");
    if (entries == nullptr) {
        std::string hint;
        if (root.find("apiVersion") && root.find("kind")) {
            hint = " (this looks like a Kubernetes manifest)";
        }
        findings.error("not-a-blueprint", fmt::format("not a blueprint: no `entries`{}", hint),
                       root.location);
        blueprint.root.reset();
        return;
    }
    if (const yaml::Node* metadata = root.find("metadata")) {
        if (const yaml::Node* name = metadata->find("name");
            name && name->is_scalar() && !name->is_tagged()) {
            blueprint.name = name->text;
        }
    }
    blueprint.context = root.find("context");
    if (entries->is_tagged()) {
        findings.error("entries-invalid", "`entries` cannot be a tagged value", entries->location);
    } else if (entries->is_sequence()) {
        add_entries(*entries, blueprint.entries, findings);
    } else if (entries->is_mapping()) {
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const yaml::Node& group = entries->value(i);
            if (group.is_sequence() && !group.is_tagged()) {
                add_entries(group, blueprint.entries, findings);
            } else if (!group.is_null()) {
                findings.error("entries-invalid",
                               fmt::format("entry group '{}' must be a list of entries, got {}",
                                           entries->key(i).text, kind_name(group)),
                               group.location);
            }
        }
    } else if (!entries->is_null()) {
        findings.error("entries-invalid",
                       fmt::format("`entries` must be a list (or a mapping of lists), got {}",
                                   kind_name(*entries)),
                       entries->location);
    }
}

}  // namespace

namespace {

/// Frees a node's contents; its position stays.
void empty_in_place(yaml::Node& node) {
    yaml::Node empty;
    empty.location = node.location;
    node = std::move(empty);
}

}  // namespace

void Blueprint::reduce_to_outline() {
    if (!root) return;
    // The tree's own mutable path to what the entries view: the root's
    // values, and the entries under `entries` (a list, or lists by name).
    auto outline_entry = [](yaml::Node& entry) {
        if (!entry.is_mapping() || entry.is_tagged()) return;
        for (std::size_t i = 0; i < entry.size(); ++i) {
            const yaml::Node& key = entry.key(i);
            // A merged mapping (`<<`) may hold the model or the id.
            if (key.is_scalar() && (key.text == "model" || key.text == "id" || key.text == "<<")) {
                continue;
            }
            empty_in_place(entry.children[2 * i + 1]);
        }
    };
    for (std::size_t i = 0; i < root->size(); ++i) {
        const std::string& key = root->key(i).text;
        yaml::Node& value = root->children[2 * i + 1];
        if (key == "context") empty_in_place(value);
        if (key != "entries" || value.is_tagged()) continue;
        if (value.is_sequence()) {
            for (yaml::Node& entry : value.children) outline_entry(entry);
        } else if (value.is_mapping()) {
            for (std::size_t g = 0; g < value.size(); ++g) {
                yaml::Node& group = value.children[2 * g + 1];
                if (!group.is_sequence() || group.is_tagged()) continue;
                for (yaml::Node& entry : group.children) outline_entry(entry);
            }
        }
    }
    context = nullptr;
    for (Entry& entry : entries) {
        entry.state = entry.conditions = entry.identifiers = entry.attrs = entry.permissions =
            nullptr;
    }
}

void Blueprint::drop_document() {
    if (!root) return;
    entries = {};
    context = nullptr;
    root.reset();
    document_dropped = true;
}

Blueprint parse_blueprint(std::string path, std::string_view text, const Limits& limits,
                          Findings& findings) {
    Blueprint blueprint;
    blueprint.path = std::make_unique<const std::string>(std::move(path));
    blueprint.root = yaml::read_document(text, *blueprint.path, limits, findings);
    if (blueprint.root) read_structure(blueprint, findings);
    return blueprint;
}

Blueprint read_blueprint(std::string path, const Limits& limits, Findings& findings) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Blueprint blueprint;
        blueprint.path = std::make_unique<const std::string>(std::move(path));
        findings.error("file-unreadable", "cannot read the file", Location{*blueprint.path, 1, 1});
        return blueprint;
    }
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0));
    if (size > limits.max_file_bytes) {
        Blueprint blueprint;
        blueprint.path = std::make_unique<const std::string>(std::move(path));
        findings.error("limit-file-size",
                       fmt::format("file of {} bytes exceeds the limit of {} bytes "
                                   "(--max-file-bytes)",
                                   size, limits.max_file_bytes),
                       Location{*blueprint.path, 1, 1});
        return blueprint;
    }
    in.seekg(0);
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse_blueprint(std::move(path), text, limits, findings);
}

}  // namespace flowprint
