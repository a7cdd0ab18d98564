#include "document_json.h"

#include <charconv>

#include "../catalogue.h"
#include "../scalar_typing.h"

namespace flowprint::validation {
namespace {

constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";

std::string escape_token(std::string_view token) {
    std::string out;
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

TagYield yield_of(const yaml::Node& node) {
    const std::string& tag = node.tag;
    if (tag == "!Format") return TagYield::string;
    if (tag == "!Condition") return TagYield::boolean;
    if (tag == "!If" && node.is_sequence() && node.size() == 1) return TagYield::boolean;
    if (tag == "!FindObject") return TagYield::mapping;
    if (tag == "!Enumerate" && node.is_sequence() && node.size() == 3 && node.item(1).is_scalar()) {
        if (node.item(1).text == "SEQ") return TagYield::list;
        if (node.item(1).text == "MAP") return TagYield::mapping;
    }
    return TagYield::anything;
}

nlohmann::json placeholder(TagYield yields) {
    switch (yields) {
        case TagYield::anything: return "";
        case TagYield::string: return "";
        case TagYield::boolean: return true;
        case TagYield::mapping: return nlohmann::json::object();
        case TagYield::list: return nlohmann::json::array();
    }
    return nullptr;
}

/// Longest string handed to the schema check. valijson matches `pattern`
/// with std::regex, which recurses once per character: a 50,000-character
/// slug overflows the stack. Every pattern of both schemas comes with a
/// `maxLength` far below this (the one exception, `^-?[0-9]+$`, would only
/// misjudge a longer run of digits), so the verdict stays the same.
constexpr std::size_t kLongestCheckedString = 4096;

nlohmann::json checked_string(std::string_view text) {
    return std::string(text.substr(0, kLongestCheckedString));
}

nlohmann::json typed_scalar(std::string_view text) {
    const Value::Data data = type_plain_scalar(text);
    if (const auto* b = std::get_if<bool>(&data)) return *b;
    if (const auto* i = std::get_if<std::int64_t>(&data)) return *i;
    if (const auto* d = std::get_if<double>(&data)) return *d;
    if (const auto* s = std::get_if<std::string>(&data)) return checked_string(*s);
    return nullptr;
}

class Converter {
  public:
    explicit Converter(std::vector<TaggedValue>& tagged) : tagged_(tagged) {}

    nlohmann::json convert(const yaml::Node& node, std::string& pointer) {
        if (node.is_tagged()) {
            if (!node.tag.starts_with(kYamlTagPrefix)) {
                const TagYield yields = yield_of(node);
                tagged_.push_back(TaggedValue{pointer, &node, yields});
                return placeholder(yields);
            }
            const std::string_view type = std::string_view(node.tag).substr(kYamlTagPrefix.size());
            if (node.is_scalar() && type == "str") return checked_string(node.text);
            if (node.is_scalar()) return typed_scalar(node.text);
        }
        switch (node.kind) {
            case yaml::NodeKind::null: return nullptr;
            case yaml::NodeKind::scalar:
                if (node.style == yaml::ScalarStyle::quoted) return checked_string(node.text);
                return typed_scalar(node.text);
            case yaml::NodeKind::sequence: {
                nlohmann::json items = nlohmann::json::array();
                for (std::size_t i = 0; i < node.size(); ++i) {
                    const std::size_t length = pointer.size();
                    pointer += '/';
                    pointer += std::to_string(i);
                    items.push_back(convert(node.item(i), pointer));
                    pointer.resize(length);
                }
                return items;
            }
            case yaml::NodeKind::mapping: {
                nlohmann::json object = nlohmann::json::object();
                nlohmann::json merged = nlohmann::json::object();
                for (std::size_t i = 0; i < node.size(); ++i) {
                    const yaml::Node& key = node.key(i);
                    const std::string name = key.is_scalar() ? key.text : std::string();
                    const std::size_t length = pointer.size();
                    pointer += '/';
                    pointer += escape_token(name);
                    nlohmann::json value = convert(node.value(i), pointer);
                    pointer.resize(length);
                    if (key.is_scalar() && !key.is_tagged() &&
                        key.style == yaml::ScalarStyle::plain && name == "<<") {
                        // YAML merge keys fill in what the mapping does not set.
                        auto merge = [&](const nlohmann::json& source) {
                            if (!source.is_object()) return;
                            for (auto it = source.begin(); it != source.end(); ++it) {
                                if (!merged.contains(it.key())) merged[it.key()] = it.value();
                            }
                        };
                        if (value.is_array()) {
                            for (const auto& each : value) merge(each);
                        } else {
                            merge(value);
                        }
                        continue;
                    }
                    object[name] = std::move(value);  // PyYAML keeps the last duplicate
                }
                for (auto it = merged.begin(); it != merged.end(); ++it) {
                    if (!object.contains(it.key())) object[it.key()] = it.value();
                }
                return object;
            }
        }
        return nullptr;
    }

  private:
    std::vector<TaggedValue>& tagged_;
};

void lower_models(nlohmann::json& entries) {
    auto lower_list = [](nlohmann::json& list) {
        if (!list.is_array()) return;
        for (auto& entry : list) {
            if (!entry.is_object()) continue;
            auto model = entry.find("model");
            if (model != entry.end() && model->is_string()) {
                *model = to_lower(model->get_ref<const std::string&>());
            }
        }
    };
    if (entries.is_array()) {
        lower_list(entries);
    } else if (entries.is_object()) {
        for (auto& group : entries) lower_list(group);
    }
}

}  // namespace

DocumentJson document_json(const yaml::Node& root) {
    DocumentJson document;
    std::string pointer;
    document.json = Converter(document.tagged).convert(root, pointer);
    if (document.json.is_object()) {
        auto entries = document.json.find("entries");
        if (entries != document.json.end()) lower_models(*entries);
    }
    return document;
}

const TaggedValue* tagged_at(const DocumentJson& document, std::string_view pointer) {
    for (const TaggedValue& tagged : document.tagged) {
        if (tagged.pointer == pointer) return &tagged;
    }
    return nullptr;
}

std::vector<std::string> pointer_tokens(std::string_view pointer) {
    std::vector<std::string> tokens;
    std::size_t at = 0;
    while (at < pointer.size() && pointer[at] == '/') {
        const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
        std::string token;
        for (std::size_t i = at + 1; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end) {
                token += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += pointer[i];
            }
        }
        tokens.push_back(std::move(token));
        at = end;
    }
    return tokens;
}

const yaml::Node& node_at(const yaml::Node& root, std::string_view pointer, bool key) {
    const yaml::Node* node = &root;
    const std::vector<std::string> tokens = pointer_tokens(pointer);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const std::string& token = tokens[t];
        const bool last = t + 1 == tokens.size();
        if (node->is_tagged()) return *node;
        if (node->is_sequence()) {
            std::size_t index = 0;
            auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
            if (error != std::errc{} || end != token.data() + token.size() ||
                index >= node->size()) {
                return *node;
            }
            node = &node->item(index);
        } else if (node->is_mapping()) {
            const yaml::Node* found = nullptr;
            for (std::size_t i = node->size(); i-- > 0;) {  // the last duplicate wins
                if (node->key(i).is_scalar() && node->key(i).text == token) {
                    found = key && last ? &node->key(i) : &node->value(i);
                    break;
                }
            }
            if (found == nullptr) return *node;
            node = found;
        } else {
            return *node;
        }
    }
    return *node;
}

}  // namespace flowprint::validation
