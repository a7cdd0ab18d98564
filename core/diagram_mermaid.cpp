#include "diagram_mermaid.h"

#include <fmt/format.h>

namespace flowprint {
namespace {

std::string node_statement(const GraphNode& node) {
    const std::string label = mermaid_label(node.label);
    std::string text;
    switch (node.shape) {
        case NodeShape::subroutine: text = fmt::format("{}[[\"{}\"]]", node.id, label); break;
        case NodeShape::hexagon: text = fmt::format("{}{{{{\"{}\"}}}}", node.id, label); break;
        case NodeShape::stadium: text = fmt::format("{}([\"{}\"])", node.id, label); break;
        case NodeShape::box: text = fmt::format("{}[\"{}\"]", node.id, label); break;
    }
    switch (node.mark) {
        case NodeMark::none: break;
        case NodeMark::disabled: text += ":::disabled"; break;
        case NodeMark::never_evaluated: text += ":::never"; break;
    }
    return text;
}

std::string edge_statement(const GraphEdge& edge) {
    std::string link = edge.dashed ? (edge.arrow ? "-.->" : "-.-") : (edge.arrow ? "-->" : "---");
    if (!edge.label.empty()) link += fmt::format("|\"{}\"|", mermaid_label(edge.label));
    return fmt::format("{} {} {}", edge.from, link, edge.to);
}

}  // namespace

std::string mermaid_label(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '"': out += "#quot;"; break;
            case '#': out += "#35;"; break;
            case '&': out += "#amp;"; break;
            case '<': out += "#lt;"; break;
            case '>': out += "#gt;"; break;
            case '[': out += "#91;"; break;
            case ']': out += "#93;"; break;
            case '{': out += "#123;"; break;
            case '}': out += "#125;"; break;
            case '|': out += "#124;"; break;
            case ';': out += "#59;"; break;
            case '`': out += "#96;"; break;
            case '\n': out += "<br/>"; break;
            case '\r':
                if (i + 1 >= text.size() || text[i + 1] != '\n') out += "<br/>";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    out += fmt::format("#{};", static_cast<int>(c));
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string write_mermaid(const DiagramGraph& graph) {
    std::string text = "graph TD";
    bool disabled = false, never = false;
    for (const GraphNode& node : graph.nodes()) {
        text += '\n' + node_statement(node);
        disabled = disabled || node.mark == NodeMark::disabled;
        never = never || node.mark == NodeMark::never_evaluated;
    }
    for (const GraphEdge& edge : graph.edges()) text += '\n' + edge_statement(edge);
    if (disabled) text += "\nclassDef disabled stroke-dasharray: 5 5";
    if (never) text += "\nclassDef never fill:#eeeeee,stroke:#999999,stroke-dasharray: 2 4";
    return text;
}

}  // namespace flowprint
