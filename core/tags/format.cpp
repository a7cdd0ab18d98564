// !Format [FMT, ARG...]: Python's `FMT % (ARG, ...)`.
#include <fmt/format.h>

#include "../python_format.h"
#include "tag.h"

namespace flowprint::tags {

Value resolve_format(const yaml::Node& node, Resolver& resolver) {
    if (!expect_items(node, resolver, 1, SIZE_MAX, "[FORMAT, ARG...]")) return {};
    Value format = resolver.resolve(node.item(0));
    if (!format.is<std::string>()) {
        return resolver.fail(node, "!Format needs a format string first", "tag-arguments");
    }
    Sequence args;
    bool secret = format.secret;
    for (std::size_t i = 1; i < node.size(); ++i) {
        args.push_back(resolver.resolve(node.item(i)));
        secret = secret || args.back().secret;
    }
    FormatResult result = python_percent_format(*format.as<std::string>(), args);
    if (!result.error.empty()) {
        return resolver.fail(node, fmt::format("!Format: {}", result.error), "format-invalid");
    }
    Value value{std::move(result.text), node.location};
    value.secret = secret;
    return value;
}

}  // namespace flowprint::tags
