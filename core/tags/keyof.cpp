// !KeyOf ID: the object of an earlier entry of the same file with that id.
#include <fmt/format.h>

#include "../edit_distance.h"
#include "tag.h"

namespace flowprint::tags {

Value resolve_keyof(const yaml::Node& node, Resolver& resolver) {
    if (!expect_scalar(node, resolver, "an entry id (`!KeyOf my-id`)")) return {};
    const auto found = resolver.keys().find(node.text);
    if (found == resolver.keys().end()) {
        std::vector<std::string_view> ids;
        for (const auto& [id, entry] : resolver.keys()) ids.push_back(id);
        return resolver.fail(node,
                             fmt::format("!KeyOf '{}': no earlier entry of this file has that id{}",
                                         node.text, did_you_mean(node.text, ids)),
                             "keyof-unknown-id");
    }
    const KeyedEntry& entry = found->second;
    switch (entry.status) {
        case KeyedEntry::Status::created: return Value{ObjectRef{entry.object}, node.location};
        case KeyedEntry::Status::skipped:
            return resolver.fail(node,
                                 fmt::format("!KeyOf '{}' refers to an entry that is skipped "
                                             "(its conditions are false), so it is None",
                                             node.text),
                                 "keyof-skipped-entry");
        case KeyedEntry::Status::deleted:
            return resolver.fail(node,
                                 fmt::format("!KeyOf '{}' refers to an entry with state: absent, "
                                             "so it is None",
                                             node.text),
                                 "keyof-deleted-entry");
        case KeyedEntry::Status::failed:
            // The entry's own finding already says what is wrong.
            return Value{std::monostate{}, node.location};
    }
    return {};
}

}  // namespace flowprint::tags
