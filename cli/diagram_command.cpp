#include <fmt/format.h>

#include "commands.h"
#include "diagram_authentik.h"
#include "exit_status.h"
#include "flow_index.h"
#include "input_options.h"

namespace flowprint::cli {
namespace {

struct DiagramOptions {
    InputOptions input;
    std::vector<std::string> flows;
};

std::string slug_list(const FlowIndex& index) {
    std::string list;
    for (ObjectId flow : index.flows()) list += "\n  " + index.slug_of(flow);
    return list.empty() ? std::string("\n  (none)") : list;
}

int run_diagram(const DiagramOptions& options) {
    auto set = load_inputs(options.input);
    if (!set) return exit_usage;
    print_findings(set->findings, Severity::error);
    const FlowIndex index(set->store);
    std::vector<ObjectId> flows;
    if (options.flows.empty()) {
        if (index.flows().size() != 1) {
            fmt::print(stderr, "flowprint: the blueprint set has {} flows; choose one with --flow:{}\n",
                       index.flows().size(), slug_list(index));
            return exit_usage;
        }
        flows.push_back(index.flows().front());
    }
    for (const std::string& slug : options.flows) {
        auto flow = index.flow_by_slug(slug);
        if (!flow) {
            fmt::print(stderr, "flowprint: no flow with slug '{}' in the blueprint set; available:{}\n",
                       slug, slug_list(index));
            return exit_usage;
        }
        flows.push_back(*flow);
    }
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const Diagram diagram = render_authentik_diagram(index, flows[i]);
        if (flows.size() > 1) fmt::print("{}%% flow: {}\n", i ? "\n" : "", index.slug_of(flows[i]));
        fmt::print("{}\n", diagram.text);
        for (const std::string& guess : diagram.guessed_labels) {
            fmt::print(stderr,
                       "flowprint: warning: the label '{}' is a guess: the set refers to it but "
                       "does not define it\n",
                       guess);
        }
    }
    return set->findings.has_errors() ? exit_findings : exit_ok;
}

}  // namespace

void add_diagram_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<DiagramOptions>();
    options->input.keep_documents = false;  // the diagram reads only the store
    CLI::App* command = app.add_subcommand(
        "diagram", "Print a flow as a Mermaid diagram, as authentik draws it");
    add_input_options(*command, options->input);
    command->add_option("--flow", options->flows, "The slug of the flow to draw (repeatable)")
        ->type_name("SLUG");
    command->callback([options, &exit_code]() { exit_code = run_diagram(*options); });
}

}  // namespace flowprint::cli
