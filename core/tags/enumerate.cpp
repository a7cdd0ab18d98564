// !Enumerate [ITERABLE, SEQ|MAP, BODY], with !Index N / !Value N reading the
// N-th enclosing iteration (0 = innermost).
#include <fmt/format.h>

#include <unordered_map>

#include "tag.h"

namespace flowprint::tags {
namespace {

std::vector<Resolver::Iteration> items_of(const Value& iterable) {
    std::vector<Resolver::Iteration> items;
    if (const auto* sequence = iterable.as<Sequence>()) {
        for (std::size_t i = 0; i < sequence->size(); ++i) {
            items.push_back({Value{static_cast<std::int64_t>(i)}, (*sequence)[i]});
        }
    } else if (const auto* mapping = iterable.as<Mapping>()) {
        for (const MappingEntry& entry : *mapping) items.push_back({Value{entry.key}, entry.value});
    } else if (const auto* text = iterable.as<std::string>()) {
        std::int64_t index = 0;
        for (std::size_t i = 0; i < text->size();) {
            std::size_t length = 1;
            while (i + length < text->size() &&
                   (static_cast<unsigned char>((*text)[i + length]) & 0xC0) == 0x80)
                ++length;
            items.push_back({Value{index++}, Value{text->substr(i, length)}});
            i += length;
        }
    }
    // What is taken from a secret (an !Env value) stays secret.
    if (iterable.secret) {
        for (auto& item : items) {
            mark_secret(item.index);
            mark_secret(item.value);
        }
    }
    return items;
}

Value read_iteration(const yaml::Node& node, Resolver& resolver, bool want_index) {
    if (!expect_scalar(node, resolver, "a depth N (0 = innermost !Enumerate)")) return {};
    const auto depth = as_integer(Value{node.text});
    auto& stack = resolver.iterations();
    if (!depth || *depth < 0) {
        return resolver.fail(
            node, fmt::format("{} takes a depth 0, 1, ..., got '{}'", node.tag, node.text),
            "tag-arguments");
    }
    if (stack.empty()) {
        return resolver.fail(node, fmt::format("{} is only valid inside !Enumerate", node.tag),
                             "enumerate-outside");
    }
    if (static_cast<std::size_t>(*depth) >= stack.size()) {
        return resolver.fail(node,
                             fmt::format("{} {} is deeper than the {} enclosing !Enumerate",
                                         node.tag, *depth, stack.size()),
                             "enumerate-outside");
    }
    const auto& iteration = stack[stack.size() - 1 - static_cast<std::size_t>(*depth)];
    Value value = want_index ? iteration.index : iteration.value;
    return value;
}

}  // namespace

Value resolve_enumerate(const yaml::Node& node, Resolver& resolver) {
    if (!expect_items(node, resolver, 3, 3, "[ITERABLE, SEQ|MAP, BODY]")) return {};
    Value iterable = resolver.resolve(node.item(0));
    const yaml::Node& mode_node = node.item(1);
    const std::string mode = mode_node.is_scalar() ? mode_node.text : "";
    if (mode != "SEQ" && mode != "MAP") {
        return resolver.fail(mode_node, "!Enumerate output must be SEQ or MAP", "tag-arguments");
    }
    if (iterable.is<Unknown>() || iterable.is<ExternalRef>()) {
        resolver.findings().info("enumerate-unknown",
                                 "!Enumerate over a value only the server knows: empty offline",
                                 node.location);
        return mode == "SEQ" ? Value{Sequence{}, node.location} : Value{Mapping{}, node.location};
    }
    if (!iterable.is<Sequence>() && !iterable.is<Mapping>() && !iterable.is<std::string>()) {
        return resolver.fail(
            node.item(0),
            fmt::format("!Enumerate cannot iterate over {}", python_type_name(iterable)),
            "tag-arguments");
    }
    const auto items = items_of(iterable);
    if (!resolver.spend_enumerate_budget(items.size(), node)) return {};
    Sequence sequence;
    Mapping mapping;
    // Keys of `mapping` by position, so that a MAP over many items stays linear.
    std::unordered_map<std::string, std::size_t> positions;
    auto put = [&](std::string key, Value value, bool merge) {
        auto [at, inserted] = positions.try_emplace(key, mapping.size());
        if (inserted) {
            mapping.push_back(MappingEntry{std::move(key), std::move(value)});
            return;
        }
        Value& existing = mapping[at->second].value;
        if (merge && existing.is<Mapping>() && value.is<Mapping>()) {
            merge_into(*existing.as<Mapping>(), *value.as<Mapping>());
        } else {
            existing = std::move(value);
        }
    };
    for (const auto& item : items) {
        if (resolver.exhausted()) return {};
        resolver.iterations().push_back(item);
        Value body = resolver.resolve(node.item(2));
        resolver.iterations().pop_back();
        if (mode == "SEQ") {
            sequence.push_back(std::move(body));
        } else if (auto* pair = body.as<Sequence>(); pair && pair->size() == 2) {
            put(python_str((*pair)[0]), std::move((*pair)[1]), false);
        } else if (auto* part = body.as<Mapping>()) {
            for (MappingEntry& entry : *part)
                put(std::move(entry.key), std::move(entry.value), true);
        } else {
            return resolver.fail(node.item(2),
                                 "!Enumerate MAP bodies must give a [key, value] pair or a mapping",
                                 "tag-arguments");
        }
    }
    if (mode == "SEQ") return Value{std::move(sequence), node.location};
    return Value{std::move(mapping), node.location};
}

Value resolve_index(const yaml::Node& node, Resolver& resolver) {
    return read_iteration(node, resolver, true);
}

Value resolve_value(const yaml::Node& node, Resolver& resolver) {
    return read_iteration(node, resolver, false);
}

}  // namespace flowprint::tags
