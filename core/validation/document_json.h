#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "../location.h"
#include "../yaml_node.h"

namespace flowprint::validation {

/// What a custom tag can give, as far as the schema check needs to know.
enum class TagYield {
    anything,  ///< depends on data (context, environment, a reference): any type may do
    string,    ///< `!Format`
    boolean,   ///< `!Condition`, the short `!If [COND]`
    mapping,   ///< `!FindObject`, a mapping-bodied `!Enumerate`
    list,      ///< a sequence-bodied `!Enumerate`
};

/// A tagged node that was replaced by a placeholder before validation.
struct TaggedValue {
    std::string pointer;  ///< JSON pointer of the placeholder
    const yaml::Node* node = nullptr;
    TagYield yields = TagYield::anything;
};

/// A blueprint document as the JSON that authentik's loader would see, with
/// each custom tag replaced by a placeholder of the type it yields. Plain
/// scalars are typed as PyYAML types them; `model` is lower-cased, since
/// authentik compares model names case-insensitively.
struct DocumentJson {
    nlohmann::json json;
    std::vector<TaggedValue> tagged;
};

DocumentJson document_json(const yaml::Node& root);

/// The tag placed at exactly this pointer, if any.
const TaggedValue* tagged_at(const DocumentJson& document, std::string_view pointer);

/// A JSON pointer as its reference tokens (`/a/0` -> `a`, `0`), unescaped.
std::vector<std::string> pointer_tokens(std::string_view pointer);

/// The node a pointer names; when a token does not match, the deepest node
/// reached. With `key`, a mapping member's key node rather than its value.
const yaml::Node& node_at(const yaml::Node& root, std::string_view pointer, bool key = false);

}  // namespace flowprint::validation
