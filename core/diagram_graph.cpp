#include "diagram_graph.h"

namespace flowprint {

void DiagramGraph::add_node(GraphNode node) {
    auto [position, added] = position_of_.try_emplace(node.id, nodes_.size());
    if (added) {
        nodes_.push_back(std::move(node));
    } else {
        nodes_[position->second] = std::move(node);
    }
}

void DiagramGraph::add_edge(GraphEdge edge) { edges_.push_back(std::move(edge)); }

const GraphNode* DiagramGraph::find_node(std::string_view id) const {
    auto found = position_of_.find(std::string(id));
    return found == position_of_.end() ? nullptr : &nodes_[found->second];
}

}  // namespace flowprint
