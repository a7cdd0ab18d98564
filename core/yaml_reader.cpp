#include "yaml_reader.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <map>
#include <streambuf>
#include <unordered_set>

#include "utf8.h"

namespace flowprint::yaml {
namespace {

/// Thrown from inside the event handler to stop yaml-cpp early (it recurses
/// per nesting level, so deep input must be stopped before it gets there).
struct LimitExceeded {
    std::string rule;
    std::string message;
    Location where;
};

std::string local_tag(const std::string& tag) {
    // yaml-cpp reports "?" for plain untagged nodes and "!" for quoted ones.
    if (tag == "?" || tag == "!") return {};
    return tag;
}

/// Builds the node tree from yaml-cpp's events, expanding aliases within the
/// node budget and checking mapping keys for duplicates.
class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(std::string_view file, const Limits& limits, Findings& findings)
        : file_(file), limits_(limits), findings_(findings) {}

    std::optional<Node> take_root() { return std::move(root_); }
    /// Where the innermost open collection starts, if any.
    std::optional<Location> innermost() const {
        if (open_.empty()) return std::nullopt;
        return open_.back().node.location;
    }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node node;
        node.location = at(mark);
        finish(std::move(node), anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto found = anchors_.find(anchor);
        if (found == anchors_.end()) {
            throw LimitExceeded{"yaml-syntax", "unknown alias", at(mark)};
        }
        count(weight(found->second), mark);
        Node copy = found->second;
        copy.location = at(mark);
        place(std::move(copy));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        if (value.size() > limits_.max_scalar_bytes) {
            throw LimitExceeded{"limit-scalar-size",
                                fmt::format("scalar of {} bytes exceeds the limit of {} bytes "
                                            "(--max-scalar-bytes)",
                                            value.size(), limits_.max_scalar_bytes),
                                at(mark)};
        }
        Node node;
        node.kind = NodeKind::scalar;
        node.style = tag == "?" ? ScalarStyle::plain : ScalarStyle::quoted;
        node.tag = local_tag(tag);
        if (!node.tag.empty() && tag != "!") node.style = ScalarStyle::plain;
        node.text = value;
        node.location = at(mark);
        finish(std::move(node), anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(NodeKind::sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(NodeKind::mapping, mark, tag, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    /// A sequence or mapping being read; its children so far are the nodes
    /// of `children_` from `first_child` on.
    struct Open {
        Node node;
        YAML::anchor_t anchor;
        std::size_t first_child;
    };

    Location at(const YAML::Mark& mark) const {
        return Location{file_, static_cast<std::uint32_t>(mark.line + 1),
                        static_cast<std::uint32_t>(mark.column + 1)};
    }

    void count(std::size_t nodes, const YAML::Mark& mark) { count(nodes, at(mark)); }
    void count(std::size_t nodes, const Location& where) {
        nodes_ += nodes;
        if (nodes_ > limits_.max_nodes) {
            throw LimitExceeded{"limit-nodes",
                                fmt::format("document has more than {} nodes after alias "
                                            "expansion (--max-nodes)",
                                            limits_.max_nodes),
                                where};
        }
    }

    static std::size_t weight(const Node& node) {
        std::size_t total = 1;
        for (const Node& child : node.children) total += weight(child);
        return total;
    }

    void open(NodeKind kind, const YAML::Mark& mark, const std::string& tag,
              YAML::anchor_t anchor) {
        if (open_.size() >= limits_.max_depth) {
            throw LimitExceeded{
                "limit-depth",
                fmt::format("nesting deeper than {} levels (--max-depth)", limits_.max_depth),
                at(mark)};
        }
        count(1, mark);
        Node node;
        node.kind = kind;
        node.tag = local_tag(tag);
        node.location = at(mark);
        open_.push_back(Open{std::move(node), anchor, children_.size()});
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

    void finish(Node node, YAML::anchor_t anchor) {
        if (node.kind != NodeKind::sequence && node.kind != NodeKind::mapping) {
            count(1, node.location);
        }
        if (anchor != YAML::NullAnchor) anchors_[anchor] = node;
        place(std::move(node));
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
    std::map<YAML::anchor_t, Node> anchors_;
    std::optional<Node> root_;
    std::size_t nodes_ = 0;
};

/// Lets yaml-cpp, which reads from a std::istream, read the text in place
/// instead of from a copy.
class TextBuffer : public std::streambuf {
  public:
    explicit TextBuffer(std::string_view text) {
        // std::streambuf wants mutable pointers; nothing writes through them.
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

Location position_of(std::string_view text, std::size_t offset, std::string_view file) {
    Location where{file, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++where.line;
            where.column = 1;
        } else {
            ++where.column;
        }
    }
    return where;
}

}  // namespace

std::optional<Node> read_document(std::string_view text, std::string_view file,
                                  const Limits& limits, Findings& findings) {
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
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    TextBuffer buffer(text);
    std::istream stream(&buffer);
    TreeBuilder builder(file, limits, findings);
    try {
        YAML::Parser parser(stream);
        if (!parser.HandleNextDocument(builder)) {
            findings.error("not-a-blueprint", "the file is empty: no YAML document",
                           Location{file, 1, 1});
            return std::nullopt;
        }
        std::optional<Node> root = builder.take_root();
        Findings ignored;
        TreeBuilder rest(file, limits, ignored);
        if (parser.HandleNextDocument(rest)) {
            findings.error("yaml-multiple-documents",
                           "more than one YAML document: a blueprint is exactly one document",
                           Location{file, 1, 1});
        }
        return root;
    } catch (const LimitExceeded& stop) {
        findings.error(stop.rule, stop.message, stop.where);
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard (about 500 levels) when --max-depth is above it.
        findings.error(
            "limit-depth",
            fmt::format("nesting deeper than the YAML parser supports ({} levels)", e.depth()),
            builder.innermost().value_or(Location{file, 1, 1}));
    } catch (const YAML::Exception& e) {
        Location where{file, static_cast<std::uint32_t>(e.mark.line + 1),
                       static_cast<std::uint32_t>(e.mark.column + 1)};
        if (e.mark.is_null()) where = Location{file, 1, 1};
        findings.error("yaml-syntax", fmt::format("YAML syntax error: {}", e.msg), where);
    }
    return std::nullopt;
}

}  // namespace flowprint::yaml
