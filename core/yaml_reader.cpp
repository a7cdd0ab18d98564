#include "yaml_reader.h"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <map>
#include <unordered_set>

#include "utf8.h"

namespace flowprint::yaml {
namespace {

/// Ends reading early with one finding: a limit was exceeded or the text is
/// not YAML. Thrown and caught inside read_document only.
struct Stop {
    std::string rule;
    std::string message;
    Location where;
};

/// libyaml's parser and the event it last produced, released on every path.
class Parser {
  public:
    explicit Parser(std::string_view text) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
    }
    ~Parser() {
        release_event();
        yaml_parser_delete(&parser_);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    /// The next event; nullptr when the text is not well-formed YAML.
    const yaml_event_t* next() {
        release_event();
        if (!yaml_parser_parse(&parser_, &event_)) return nullptr;
        has_event_ = true;
        return &event_;
    }
    const yaml_parser_t& state() const { return parser_; }

  private:
    void release_event() {
        if (has_event_) yaml_event_delete(&event_);
        has_event_ = false;
    }

    yaml_parser_t parser_{};
    yaml_event_t event_{};
    bool has_event_ = false;
};

std::string_view text_of(const yaml_char_t* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

/// The tag as written (`!KeyOf`, `tag:yaml.org,2002:str`), or empty when
/// there is none or it is the non-specific `!`.
std::string_view tag_of(const yaml_char_t* tag) {
    const std::string_view written = text_of(tag);
    return written == "!" ? std::string_view() : written;
}

/// The scalars a plain untagged YAML 1.1 node spells null with, empty included.
bool spells_null(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

/// Builds the node tree from libyaml's events, expanding aliases within the
/// node budget and checking mapping keys for duplicates.
class TreeBuilder {
  public:
    TreeBuilder(std::string_view file, const Limits& limits, Findings& findings)
        : file_(file), limits_(limits), findings_(findings) {}

    std::optional<Node> take_root() { return std::move(root_); }

    Location at(const yaml_mark_t& mark) const {
        return Location{file_, static_cast<std::uint32_t>(mark.line + 1),
                        static_cast<std::uint32_t>(mark.column + 1)};
    }

    void scalar(const yaml_event_t& event) {
        const auto& data = event.data.scalar;
        if (data.length > limits_.max_scalar_bytes) {
            throw Stop{"limit-scalar-size",
                       fmt::format("scalar of {} bytes exceeds the limit of {} bytes "
                                   "(--max-scalar-bytes)",
                                   data.length, limits_.max_scalar_bytes),
                       at(event.start_mark)};
        }
        const std::string_view text(reinterpret_cast<const char*>(data.value), data.length);
        const bool plain = data.style == YAML_PLAIN_SCALAR_STYLE;
        const bool untagged = data.tag == nullptr;
        Node node;
        node.location = at(event.start_mark);
        if (plain && untagged && spells_null(text)) {
            finish(std::move(node), data.anchor);
            return;
        }
        node.kind = NodeKind::scalar;
        node.tag = tag_of(data.tag);
        // A tag decides what a tagged scalar means; untagged quoted and block
        // scalars, and any with the non-specific tag `!`, are strings.
        const bool non_specific = text_of(data.tag) == "!";
        node.style = (plain && !non_specific) || !node.tag.empty() ? ScalarStyle::plain
                                                                   : ScalarStyle::quoted;
        node.text = text;
        finish(std::move(node), data.anchor);
    }

    void alias(const yaml_event_t& event) {
        const std::string_view name = text_of(event.data.alias.anchor);
        auto found = anchors_.find(name);
        if (found == anchors_.end()) {
            throw Stop{"yaml-syntax", fmt::format("found undefined alias '{}'", name),
                       at(event.start_mark)};
        }
        const Anchored& anchored = found->second;
        // A copy nests the anchor's levels where the alias stands.
        if (open_.size() + anchored.height > limits_.max_depth) {
            throw Stop{"limit-depth",
                       fmt::format("alias '{}' nests deeper than {} levels (--max-depth)", name,
                                   limits_.max_depth),
                       at(event.start_mark)};
        }
        count(anchored.weight, at(event.start_mark));
        Node copy = anchored.node;
        copy.location = at(event.start_mark);
        place(std::move(copy));
    }

    void open(NodeKind kind, const yaml_event_t& event) {
        const bool sequence = kind == NodeKind::sequence;
        const yaml_char_t* tag =
            sequence ? event.data.sequence_start.tag : event.data.mapping_start.tag;
        const yaml_char_t* anchor =
            sequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor;
        if (open_.size() >= limits_.max_depth) {
            throw Stop{
                "limit-depth",
                fmt::format("nesting deeper than {} levels (--max-depth)", limits_.max_depth),
                at(event.start_mark)};
        }
        count(1, at(event.start_mark));
        Node node;
        node.kind = kind;
        node.tag = tag_of(tag);
        // `!!seq` and `!!map` say what the node is anyway.
        if (node.tag == (sequence ? "tag:yaml.org,2002:seq" : "tag:yaml.org,2002:map")) {
            node.tag.clear();
        }
        node.location = at(event.start_mark);
        open_.push_back(Open{std::move(node), std::string(text_of(anchor)), children_.size()});
    }

    void close() {
        Open done = std::move(open_.back());
        open_.pop_back();
        // Children gather on one shared stack and move into a vector of the
        // exact size once known: no growth on every push, no spare capacity.
        const auto first = children_.begin() + static_cast<std::ptrdiff_t>(done.first_child);
        done.node.children.assign(std::make_move_iterator(first),
                                  std::make_move_iterator(children_.end()));
        children_.erase(first, children_.end());
        if (done.node.is_mapping()) check_duplicate_keys(done.node);
        finish(std::move(done.node), done.anchor);
    }

  private:
    /// A sequence or mapping being read; its children so far are the nodes
    /// of `children_` from `first_child` on.
    struct Open {
        Node node;
        std::string anchor;
        std::size_t first_child;
    };

    void count(std::size_t nodes, const Location& where) {
        nodes_ += nodes;
        if (nodes_ > limits_.max_nodes) {
            throw Stop{"limit-nodes",
                       fmt::format("document has more than {} nodes after alias "
                                   "expansion (--max-nodes)",
                                   limits_.max_nodes),
                       where};
        }
    }

    /// Levels of nesting a node brings (a scalar: none). The tree is never
    /// deeper than --max-depth, which bounds the recursion.
    static std::size_t height(const Node& node) {
        std::size_t deepest = 0;
        for (const Node& child : node.children) deepest = std::max(deepest, height(child));
        return node.children.empty() && node.kind != NodeKind::sequence &&
                       node.kind != NodeKind::mapping
                   ? 0
                   : deepest + 1;
    }

    static std::size_t weight(const Node& node) {
        std::size_t total = 1;
        for (const Node& child : node.children) total += weight(child);
        return total;
    }

    void finish(Node node, const yaml_char_t* anchor) {
        finish(std::move(node), std::string(text_of(anchor)));
    }

    void finish(Node node, std::string anchor) {
        if (node.kind != NodeKind::sequence && node.kind != NodeKind::mapping) {
            count(1, node.location);
        }
        if (!anchor.empty()) remember(std::move(anchor), node);
        place(std::move(node));
    }

    void remember(std::string anchor, const Node& node) {
        if (auto earlier = anchors_.find(anchor); earlier != anchors_.end()) {
            // PyYAML, and so authentik, refuses the file.
            const Location& first = earlier->second.node.location;
            throw Stop{"yaml-syntax",
                       fmt::format("found duplicate anchor '{}'; first occurrence at {}:{}", anchor,
                                   first.line, first.column),
                       node.location};
        }
        // The kept copy is memory like any other node: it counts too.
        const std::size_t nodes = weight(node);
        count(nodes, node.location);
        anchors_.emplace(std::move(anchor), Anchored{node, nodes, height(node)});
    }

    void place(Node node) {
        if (open_.empty()) {
            root_ = std::move(node);
            return;
        }
        children_.push_back(std::move(node));
    }

    void check_duplicate_keys(const Node& mapping) {
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < mapping.size(); ++i) {
            const Node& key = mapping.key(i);
            if (key.kind != NodeKind::scalar) continue;
            if (!seen.insert(key.text).second) {
                findings_.error("yaml-duplicate-key",
                                fmt::format("duplicate mapping key '{}': YAML forbids it and "
                                            "authentik would silently keep only one value",
                                            key.text),
                                key.location);
            }
        }
    }

    std::string_view file_;
    const Limits& limits_;
    Findings& findings_;
    std::vector<Open> open_;
    std::vector<Node> children_;
    /// An anchored node, with its size and height for the limits.
    struct Anchored {
        Node node;
        std::size_t weight;
        std::size_t height;
    };
    std::map<std::string, Anchored, std::less<>> anchors_;
    std::optional<Node> root_;
    std::size_t nodes_ = 0;
};

Location position_of(std::string_view text, std::size_t offset, std::string_view file) {
    Location where{file, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        // Line breaks as YAML has them: LF, CR LF, or a CR alone.
        const bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
        if (text[i] == '\n' || (text[i] == '\r' && !crlf)) {
            ++where.line;
            where.column = 1;
        } else if (crlf) {
            continue;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++where.column;  // columns count characters, as libyaml's do
        }
    }
    return where;
}

/// libyaml's reason for refusing the text, worded as PyYAML (which authentik
/// reads blueprints with) words it.
Stop syntax_error(const yaml_parser_t& parser, std::string_view text, const TreeBuilder& builder,
                  std::string_view file) {
    if (parser.error == YAML_READER_ERROR) {
        return Stop{"yaml-invalid-character",
                    fmt::format("YAML cannot read the file: {}",
                                parser.problem ? parser.problem : "unreadable text"),
                    position_of(text, parser.problem_offset, file)};
    }
    if (parser.error == YAML_MEMORY_ERROR) {
        return Stop{"yaml-syntax", "the YAML parser ran out of memory", Location{file, 1, 1}};
    }
    std::string message =
        fmt::format("YAML syntax error: {}", parser.problem ? parser.problem : "");
    if (parser.context) {
        const Location context = builder.at(parser.context_mark);
        message +=
            fmt::format(" ({} that starts at {}:{})", parser.context, context.line, context.column);
    }
    return Stop{"yaml-syntax", std::move(message), builder.at(parser.problem_mark)};
}

}  // namespace

std::optional<Node> read_document(std::string_view text, std::string_view file,
                                  const Limits& limits, Findings& findings) {
    // A byte-order mark is not part of the text: positions start after it.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (auto bad = first_invalid_utf8(text)) {
        findings.error("yaml-invalid-utf8",
                       "the file is not valid UTF-8 text (a blueprint must be UTF-8)",
                       position_of(text, *bad, file));
        return std::nullopt;
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        findings.error("yaml-invalid-character", "the file contains a NUL byte",
                       position_of(text, nul, file));
        return std::nullopt;
    }

    Parser parser(text);
    TreeBuilder builder(file, limits, findings);
    int documents = 0;
    try {
        while (const yaml_event_t* event = parser.next()) {
            switch (event->type) {
                case YAML_DOCUMENT_START_EVENT:
                    if (++documents > 1) {
                        findings.error("yaml-multiple-documents",
                                       "more than one YAML document: a blueprint is exactly "
                                       "one document",
                                       builder.at(event->start_mark));
                        return builder.take_root();
                    }
                    break;
                case YAML_SCALAR_EVENT: builder.scalar(*event); break;
                case YAML_ALIAS_EVENT: builder.alias(*event); break;
                case YAML_SEQUENCE_START_EVENT: builder.open(NodeKind::sequence, *event); break;
                case YAML_MAPPING_START_EVENT: builder.open(NodeKind::mapping, *event); break;
                case YAML_SEQUENCE_END_EVENT:
                case YAML_MAPPING_END_EVENT: builder.close(); break;
                case YAML_STREAM_END_EVENT:
                    if (documents == 0) {
                        findings.error("not-a-blueprint", "the file is empty: no YAML document",
                                       Location{file, 1, 1});
                        return std::nullopt;
                    }
                    return builder.take_root();
                default: break;
            }
        }
        throw syntax_error(parser.state(), text, builder, file);
    } catch (const Stop& stop) {
        findings.error(stop.rule, stop.message, stop.where);
    }
    return std::nullopt;
}

}  // namespace flowprint::yaml
