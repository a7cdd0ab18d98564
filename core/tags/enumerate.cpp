// !Enumerate [ITERABLE, SEQ|MAP, BODY], with !Index N / !Value N reading the
// N-th enclosing iteration (0 = innermost).
#include <fmt/format.h>

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
    return items;
}

Value read_iteration(const yaml::Node& node, Resolver& resolver, bool want_index) {
    if (!expect_scalar(node, resolver, "a depth N (0 = innermost !Enumerate)")) return {};
    const auto depth = as_integer(Value{node.text});
    auto& stack = resolver.iterations();
    if (!depth || *depth < 0) {
        return resolver.fail(node, fmt::format("{} takes a depth 0, 1, ..., got '{}'", node.tag,
                                               node.text),
                             "tag-arguments");
    }
    if (stack.empty()) {
        return resolver.fail(node, fmt::format("{} is only valid inside !Enumerate", node.tag),
                             "enumerate-outside");
    }
    if (static_cast<std::size_t>(*depth) >= stack.size()) {
        return resolver.fail(node,
                             fmt::format("{} {} is deeper than the {} enclosing !Enumerate", node.tag,
                                         *depth, stack.size()),
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
        return resolver.fail(node.item(0),
                             fmt::format("!Enumerate cannot iterate over {}",
                                         python_type_name(iterable)),
                             "tag-arguments");
    }
    const auto items = items_of(iterable);
    if (!resolver.spend_enumerate_budget(items.size())) {
        return resolver.fail(node,
                             fmt::format("!Enumerate produces more than {} values in all "
                                         "(--max-enumerate)",
                                         resolver.settings().limits.max_enumerate_values),
                             "limit-enumerate");
    }
    Sequence sequence;
    Mapping mapping;
    for (const auto& item : items) {
        resolver.iterations().push_back(item);
        Value body = resolver.resolve(node.item(2));
        resolver.iterations().pop_back();
        if (mode == "SEQ") {
            sequence.push_back(std::move(body));
        } else if (auto* pair = body.as<Sequence>(); pair && pair->size() == 2) {
            set_in(mapping, python_str((*pair)[0]), std::move((*pair)[1]));
        } else if (const auto* part = body.as<Mapping>()) {
            merge_into(mapping, *part);
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
