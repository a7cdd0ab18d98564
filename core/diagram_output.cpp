#include "diagram_output.h"

#include <fmt/format.h>

#include <algorithm>

#include "diagram_detailed.h"
#include "diagram_dot.h"

namespace flowprint {
namespace {

std::string heading_of(const FlowIndex& index, ObjectId flow) {
    const Value* name = index.store().get(flow).field("name");
    std::string heading = name ? python_str(*name) : std::string();
    std::replace_if(
        heading.begin(), heading.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    if (heading.empty()) heading = index.slug_of(flow);
    // Markdown gives these characters a meaning (emphasis, links, inline
    // HTML, entities, code); a backslash makes each one plain text.
    std::string escaped;
    for (char c : heading) {
        if (std::string_view("\\`*_[]<>#|~&").find(c) != std::string_view::npos) escaped += '\\';
        escaped += c;
    }
    return escaped;
}

/// A code fence longer than any run of backticks that opens a line of the
/// text, so that no label can close the block early.
std::string fence_for(std::string_view text) {
    std::size_t longest = 0;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t run = 0;
        while (at + run < text.size() && text[at + run] == '`') ++run;
        longest = std::max(longest, run);
        const std::size_t newline = text.find('\n', at);
        if (newline == std::string_view::npos) break;
        at = newline + 1;
    }
    return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

}  // namespace

Diagram render_diagram(const FlowIndex& index, ObjectId flow, const DiagramRequest& request) {
    Diagram diagram = request.style == DiagramStyle::detailed
                          ? render_detailed_diagram(index, flow, {request.show_disabled})
                          : render_authentik_diagram(index, flow);
    switch (request.format) {
        case DiagramFormat::mermaid: break;
        case DiagramFormat::markdown: {
            const std::string fence = fence_for(diagram.text);
            diagram.text = fmt::format("## {}\n\n{}mermaid\n{}\n{}", heading_of(index, flow), fence,
                                       diagram.text, fence);
            break;
        }
        case DiagramFormat::dot:
            diagram.text = write_dot(diagram.graph, index.slug_of(flow));
            break;
    }
    return diagram;
}

std::string_view file_extension(DiagramFormat format) {
    switch (format) {
        case DiagramFormat::mermaid: return ".mmd";
        case DiagramFormat::markdown: return ".md";
        case DiagramFormat::dot: return ".dot";
    }
    return ".mmd";
}

}  // namespace flowprint
