#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace flowprint {

/// How a node of a flow diagram is drawn: the ends and the flow itself as
/// subroutines, gates and policies as hexagons, stages as stadiums, the rest
/// as boxes.
enum class NodeShape { subroutine, hexagon, stadium, box };

/// What a node stands for beyond its shape: an ordinary step, a disabled
/// binding (drawn dashed), or a gate whose policies are never evaluated.
enum class NodeMark { none, disabled, never_evaluated };

/// One node of a flow diagram: a stable id, its label (lines joined by '\n',
/// unescaped: each writer escapes for its format) and how it is drawn.
struct GraphNode {
    std::string id;
    std::string label;
    NodeShape shape = NodeShape::box;
    NodeMark mark = NodeMark::none;
};

/// One edge: from and to are node ids; the label is unescaped text. A dashed
/// edge ties a disabled or never-evaluated binding to what it would guard; an
/// edge without an arrow is a plain association, not a step of the flow.
struct GraphEdge {
    std::string from;
    std::string to;
    std::string label;
    bool dashed = false;
    bool arrow = true;
};

/// A flow diagram as nodes and edges, independent of the output format, so
/// that the Mermaid and the Graphviz writers show the same information.
class DiagramGraph {
  public:
    /// Adds the node, or, when its id is already there, gives that node this
    /// label, shape and mark (a later definition wins, as in Mermaid).
    void add_node(GraphNode node);
    void add_edge(GraphEdge edge);
    const GraphNode* find_node(std::string_view id) const;

    /// Nodes in the order they were first added; edges in the order added.
    const std::vector<GraphNode>& nodes() const { return nodes_; }
    const std::vector<GraphEdge>& edges() const { return edges_; }

  private:
    std::vector<GraphNode> nodes_;
    std::vector<GraphEdge> edges_;
    std::unordered_map<std::string, std::size_t> position_of_;
};

}  // namespace flowprint
