#include "diagram_dot.h"

#include <fmt/format.h>

namespace flowprint {
namespace {

std::string node_attributes(const GraphNode& node) {
    std::string shape;
    std::string style;
    switch (node.shape) {
        case NodeShape::subroutine: shape = "box, peripheries=2"; break;
        case NodeShape::hexagon: shape = "hexagon"; break;
        case NodeShape::stadium:
            shape = "box";
            style = "rounded";
            break;
        case NodeShape::box: shape = "box"; break;
    }
    std::string extra;
    switch (node.mark) {
        case NodeMark::none: break;
        case NodeMark::disabled: style += style.empty() ? "dashed" : ",dashed"; break;
        case NodeMark::never_evaluated:
            style += style.empty() ? "dashed,filled" : ",dashed,filled";
            extra = ", color=\"#999999\", fillcolor=\"#eeeeee\"";
            break;
    }
    std::string attributes = fmt::format("label=\"{}\", shape={}", dot_string(node.label), shape);
    if (!style.empty()) attributes += fmt::format(", style=\"{}\"", style);
    return attributes + extra;
}

std::string edge_attributes(const GraphEdge& edge) {
    std::string attributes;
    auto add = [&](const std::string& attribute) {
        attributes += attributes.empty() ? attribute : ", " + attribute;
    };
    if (!edge.label.empty()) add(fmt::format("label=\"{}\"", dot_string(edge.label)));
    if (edge.dashed) add("style=dashed");
    if (!edge.arrow) add("arrowhead=none");
    return attributes.empty() ? std::string() : " [" + attributes + "]";
}

}  // namespace

std::string dot_string(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '"': out += "\\\""; break;
            case '\n': out += "\\n"; break;
            case '\r':
                if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\n";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string write_dot(const DiagramGraph& graph, std::string_view name) {
    std::string text = fmt::format("digraph \"{}\" {{\n", dot_string(name));
    text += "    node [fontname=\"Helvetica\"];\n    edge [fontname=\"Helvetica\"];\n";
    for (const GraphNode& node : graph.nodes()) {
        text += fmt::format("    \"{}\" [{}];\n", dot_string(node.id), node_attributes(node));
    }
    for (const GraphEdge& edge : graph.edges()) {
        text += fmt::format("    \"{}\" -> \"{}\"{};\n", dot_string(edge.from), dot_string(edge.to),
                            edge_attributes(edge));
    }
    return text + "}";
}

}  // namespace flowprint
