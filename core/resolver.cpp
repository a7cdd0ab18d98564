#include "resolver.h"

#include <fmt/format.h>

#include <unordered_map>

#include "edit_distance.h"
#include "scalar_typing.h"
#include "tags/tag.h"

namespace flowprint {
namespace {

constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";

std::vector<std::string_view> tag_names() {
    std::vector<std::string_view> names;
    for (const tags::TagDefinition& tag : tags::all_tags()) names.push_back(tag.name);
    return names;
}

}  // namespace

Resolver::Resolver(const ObjectStore& store, const KeyTable& keys, const yaml::Node* context,
                   std::string_view blueprint_dir, const ResolveSettings& settings,
                   RunBudget& budget, Findings& findings)
    : store_(store),
      keys_(keys),
      context_(context),
      blueprint_dir_(blueprint_dir),
      settings_(settings),
      budget_(budget),
      findings_(findings) {}

Value Resolver::fail(const yaml::Node& tag_node, std::string message, std::string_view rule) {
    findings_.error(rule, std::move(message), tag_node.location);
    return Value{std::monostate{}, tag_node.location};
}

bool Resolver::spend_enumerate_budget(std::size_t count, const yaml::Node& tag_node) {
    if (budget_.exhausted) return false;
    if (count > budget_.enumerate_items) {
        budget_.exhausted = true;
        fail(tag_node,
             fmt::format("!Enumerate iterates over more than {} items in all (--max-enumerate); "
                         "the rest of the run is not resolved",
                         settings_.limits.max_enumerate_values),
             "limit-enumerate");
        return false;
    }
    budget_.enumerate_items -= count;
    return true;
}

std::optional<Value> Resolver::context_value(const std::string& key, const Location& where) {
    if (const Value* given = find_in(settings_.context_overrides, key)) return *given;
    if (context_ == nullptr || !context_->is_mapping()) return std::nullopt;
    const yaml::Node* node = context_->find(key);
    if (node == nullptr) return std::nullopt;
    if (!context_in_progress_.insert(key).second) {
        findings_.error("context-cycle",
                        fmt::format("context value '{}' refers to itself through !Context", key),
                        where);
        return Value{std::monostate{}, where};
    }
    Value value = resolve(*node);
    context_in_progress_.erase(key);
    return value;
}

Value Resolver::resolve(const yaml::Node& node) {
    // Documents nest at most --max-depth deep, but tags (a !Context whose
    // value holds another !Context...) can chain nested documents: bound the
    // whole, as the stack is bounded.
    if (nesting_ >= 2 * settings_.limits.max_depth) {
        return fail(node,
                    fmt::format("values nest deeper than {} levels through tags (twice "
                                "--max-depth)",
                                2 * settings_.limits.max_depth),
                    "limit-depth");
    }
    ++nesting_;
    Value value = resolve_nested(node);
    --nesting_;
    return value;
}

Value Resolver::resolve_nested(const yaml::Node& node) {
    if (!node.is_tagged()) return resolve_untagged(node);
    if (node.tag.starts_with(kYamlTagPrefix)) {
        const std::string_view type = std::string_view(node.tag).substr(kYamlTagPrefix.size());
        if (type == "str" && node.is_scalar()) return Value{node.text, node.location};
        if ((type == "int" || type == "float" || type == "bool" || type == "null") &&
            node.is_scalar()) {
            return Value{type_plain_scalar(node.text), node.location};
        }
        yaml::Node plain = node;
        plain.tag.clear();
        return resolve_untagged(plain);
    }
    const tags::TagDefinition* tag = tags::find_tag(node.tag);
    if (tag == nullptr) {
        // Once per distinct tag: an alias bomb may repeat it a million times.
        auto [hint, added] = unknown_tag_hints_.try_emplace(node.tag);
        if (added && node.tag.size() <= 64) hint->second = did_you_mean(node.tag, tag_names());
        return fail(node, fmt::format("unknown tag '{}'{}", node.tag, hint->second), "tag-unknown");
    }
    if (budget_.exhausted) return Value{std::monostate{}, node.location};
    if (++depth_ > settings_.limits.max_depth) {
        --depth_;
        return fail(node, "tags nest too deeply", "limit-depth");
    }
    Value value = tag->resolve(node, *this);
    --depth_;
    if (budget_.exhausted) return Value{std::monostate{}, node.location};
    const std::size_t weight = value_weight(value);
    if (weight > budget_.tag_values) {
        budget_.exhausted = true;
        return fail(node,
                    fmt::format("tags make more than {} values in all (--max-tag-values); the "
                                "rest of the run is not resolved",
                                settings_.limits.max_tag_values),
                    "limit-tag-values");
    }
    budget_.tag_values -= weight;
    if (value.location.line == 0) value.location = node.location;
    return value;
}

Value Resolver::resolve_untagged(const yaml::Node& node) {
    switch (node.kind) {
        case yaml::NodeKind::null: return Value{std::monostate{}, node.location};
        case yaml::NodeKind::scalar:
            if (node.style == yaml::ScalarStyle::quoted) return Value{node.text, node.location};
            return Value{type_plain_scalar(node.text), node.location};
        case yaml::NodeKind::sequence: {
            Sequence items;
            items.reserve(node.children.size());
            for (const yaml::Node& child : node.children) items.push_back(resolve(child));
            return Value{std::move(items), node.location};
        }
        case yaml::NodeKind::mapping: {
            Mapping entries;
            entries.reserve(node.size());
            std::unordered_map<std::string, std::size_t> positions;
            Mapping merged;  // YAML merge keys (`<<: *anchor`) fill what is not set
            for (std::size_t i = 0; i < node.size(); ++i) {
                const yaml::Node& key = node.key(i);
                Value value = resolve(node.value(i));
                if (key.is_scalar() && !key.is_tagged() && key.style == yaml::ScalarStyle::plain &&
                    key.text == "<<") {
                    if (auto* source = value.as<Mapping>()) {
                        merge_into(merged, *source);
                    } else if (auto* sources = value.as<Sequence>()) {
                        for (const Value& each : *sources) {
                            if (const auto* m = each.as<Mapping>()) merge_into(merged, *m);
                        }
                    }
                    continue;
                }
                std::string name =
                    key.is_scalar() && !key.is_tagged() ? key.text : python_str(resolve(key));
                // PyYAML keeps the last value of a duplicated key.
                auto [at, inserted] = positions.try_emplace(name, entries.size());
                if (inserted) {
                    entries.push_back(MappingEntry{std::move(name), std::move(value)});
                } else {
                    entries[at->second].value = std::move(value);
                }
            }
            for (MappingEntry& entry : merged) {
                if (!positions.contains(entry.key)) entries.push_back(std::move(entry));
            }
            return Value{std::move(entries), node.location};
        }
    }
    return Value{std::monostate{}, node.location};
}

}  // namespace flowprint
