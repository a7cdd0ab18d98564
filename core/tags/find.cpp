// !Find [MODEL, [FIELD, VALUE]...] and !FindObject: an object of the set, or
// an external reference when nothing matches.
#include <fmt/format.h>

#include "../catalogue.h"
#include "../find_query.h"
#include "tag.h"

namespace flowprint::tags {
namespace {

struct Query {
    std::string model;
    std::vector<FindCondition> conditions;
    std::string written;
    /// The queried naming field (see naming_field), when the query has it.
    std::string name;
    /// Made from an !Env value: the written form is redacted, and so is the value.
    bool secret = false;
    bool model_secret = false;
};

std::optional<Query> read_query(const yaml::Node& node, Resolver& resolver) {
    if (!expect_items(node, resolver, 1, SIZE_MAX, "[MODEL, [FIELD, VALUE], ...]")) {
        return std::nullopt;
    }
    Query query;
    Value model = resolver.resolve(node.item(0));
    if (!model.is<std::string>()) {
        resolver.fail(node.item(0), fmt::format("{} needs a model name first", node.tag),
                      "tag-arguments");
        return std::nullopt;
    }
    query.model = to_lower(*model.as<std::string>());
    query.secret = query.model_secret = model.secret;
    query.written = fmt::format("{} [{}", node.tag, python_str(model));
    for (std::size_t i = 1; i < node.size(); ++i) {
        const yaml::Node& pair = node.item(i);
        if (!pair.is_sequence() || pair.size() != 2) {
            resolver.fail(pair, fmt::format("{} conditions are [FIELD, VALUE] pairs", node.tag),
                          "tag-arguments");
            return std::nullopt;
        }
        Value field = resolver.resolve(pair.item(0));
        Value value = resolver.resolve(pair.item(1));
        FindCondition condition{python_str(field), std::move(value)};
        query.written += fmt::format(", [{}, {}]", condition.lookup, python_str(condition.value));
        // A secret is never a label: its text is redacted, and comparing with
        // the redaction would decide a binding wrongly.
        if (condition.lookup == naming_field(query.model) && condition.value.is<std::string>() &&
            !field.secret && !condition.value.secret) {
            query.name = python_str(condition.value);
        }
        query.secret = query.secret || field.secret || condition.value.secret;
        query.conditions.push_back(std::move(condition));
    }
    query.written += "]";
    return query;
}

std::optional<ObjectId> run(const yaml::Node& node, Resolver& resolver, Query& query,
                            Value& external) {
    FindResult result = find_object(resolver.store(), query.model, query.conditions);
    if (!result.unsupported_lookup.empty()) {
        resolver.findings().info("find-unsupported-lookup",
                                 fmt::format("{}: the lookup '{}' cannot be evaluated offline; the "
                                             "value is treated as an external reference",
                                             node.tag, result.unsupported_lookup),
                                 node.location);
    } else if (!result.object) {
        resolver.findings().warning(
            "find-external",
            fmt::format("{} matches nothing in the blueprint set: external reference (it may "
                        "exist on the server)",
                        query.written),
            node.location);
    }
    if (!result.object) {
        external = Value{ExternalRef{query.model_secret ? std::string() : query.model, query.name,
                                     query.written},
                         node.location};
        external.secret = query.secret;
    }
    return result.object;
}

}  // namespace

Value resolve_find(const yaml::Node& node, Resolver& resolver) {
    auto query = read_query(node, resolver);
    if (!query) return {};
    Value external;
    if (auto id = run(node, resolver, *query, external))
        return Value{ObjectRef{*id}, node.location};
    return external;
}

Value resolve_find_object(const yaml::Node& node, Resolver& resolver) {
    auto query = read_query(node, resolver);
    if (!query) return {};
    Value external;
    if (auto id = run(node, resolver, *query, external)) {
        return Value{resolver.store().get(*id).fields, node.location};
    }
    return external;
}

}  // namespace flowprint::tags
