#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "commands.h"
#include "diagram_output.h"
#include "exit_status.h"
#include "flow_index.h"
#include "input_options.h"
#include "output_files.h"

namespace flowprint::cli {
namespace {

struct DiagramOptions {
    InputOptions input;
    std::vector<std::string> flows;
    bool all = false;
    std::string style = "authentik";
    std::string format = "mermaid";
    bool show_disabled = false;
    std::string output_dir;
};

/// The flows to draw, in the order asked, each once; nothing (after saying
/// why on stderr) when the choice is missing or names an unknown flow.
std::optional<std::vector<ObjectId>> chosen_flows(const DiagramOptions& options,
                                                  const FlowIndex& index) {
    std::vector<ObjectId> flows;
    if (options.all) {
        if (index.flows().empty()) {
            fmt::print(stderr, "flowprint: the blueprint set has no flows to draw\n");
            return std::nullopt;
        }
        return std::vector<ObjectId>(index.flows().begin(), index.flows().end());
    }
    if (options.flows.empty()) {
        if (index.flows().size() != 1) {
            fmt::print(stderr,
                       "flowprint: the blueprint set has {} flows; choose one with --flow:{}\n",
                       index.flows().size(), flow_slug_list(index));
            return std::nullopt;
        }
        flows.push_back(index.flows().front());
    }
    for (const std::string& slug : options.flows) {
        auto flow = index.flow_by_slug(slug);
        if (!flow) {
            fmt::print(stderr,
                       "flowprint: no flow with slug '{}' in the blueprint set; available:{}\n",
                       slug, flow_slug_list(index));
            return std::nullopt;
        }
        if (std::find(flows.begin(), flows.end(), *flow) == flows.end()) flows.push_back(*flow);
    }
    return flows;
}

void warn_guesses(const Diagram& diagram) {
    for (const std::string& guess : diagram.guessed_labels) {
        fmt::print(stderr,
                   "flowprint: warning: the label '{}' is a guess: the set refers to it but "
                   "does not define it\n",
                   guess);
    }
}

/// Several diagrams on stdout: each Mermaid or Graphviz diagram opened by a
/// comment naming its flow, separated by blank lines.
void print_diagrams(const FlowIndex& index, std::span<const ObjectId> flows,
                    const DiagramRequest& request) {
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const Diagram diagram = render_diagram(index, flows[i], request);
        if (i) fmt::print("\n");
        if (flows.size() > 1 && request.format != DiagramFormat::markdown) {
            fmt::print("{} flow: {}\n", request.format == DiagramFormat::dot ? "//" : "%%",
                       index.slug_of(flows[i]));
        }
        fmt::print("{}\n", diagram.text);
        warn_guesses(diagram);
    }
}

/// One file per flow, `<slug><extension>`; gives false after saying why.
bool write_diagrams(const FlowIndex& index, std::span<const ObjectId> flows,
                    const DiagramRequest& request, const std::string& directory) {
    static const std::regex safe_slug("[-a-zA-Z0-9_]+");
    std::vector<OutputFile> files;
    for (ObjectId flow : flows) {
        const std::string slug = index.slug_of(flow);
        if (!std::regex_match(slug, safe_slug)) {
            fmt::print(stderr,
                       "flowprint: the slug '{}' cannot be used as a file name (letters, digits, "
                       "'-' and '_' only); nothing was written\n",
                       slug);
            return false;
        }
        const Diagram diagram = render_diagram(index, flow, request);
        warn_guesses(diagram);
        files.push_back(
            OutputFile{slug + std::string(file_extension(request.format)), diagram.text + "\n"});
    }
    if (auto error = write_output_files(directory, files)) {
        fmt::print(stderr, "flowprint: {}\n", *error);
        return false;
    }
    return true;
}

int run_diagram(const DiagramOptions& options) {
    auto set = load_inputs(options.input);
    if (!set) return exit_usage;
    print_findings(set->findings, Severity::error);
    const FlowIndex index(set->store);
    const auto flows = chosen_flows(options, index);
    if (!flows) return exit_usage;
    const DiagramRequest request{
        options.style == "detailed" ? DiagramStyle::detailed : DiagramStyle::authentik,
        options.format == "dot"        ? DiagramFormat::dot
        : options.format == "markdown" ? DiagramFormat::markdown
                                       : DiagramFormat::mermaid,
        options.show_disabled};
    if (options.output_dir.empty()) {
        print_diagrams(index, *flows, request);
    } else if (!write_diagrams(index, *flows, request, options.output_dir)) {
        return exit_usage;
    }
    return set->findings.has_errors() ? exit_findings : exit_ok;
}

}  // namespace

void add_diagram_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<DiagramOptions>();
    options->input.kept_document = KeptDocument::nothing;  // the diagram reads only the store
    CLI::App* command = app.add_subcommand(
        "diagram", "Print a flow as a Mermaid diagram, as authentik draws it or in detail");
    add_input_options(*command, options->input);
    CLI::Option* flow =
        command->add_option("--flow", options->flows, "The slug of the flow to draw (repeatable)")
            ->type_name("SLUG");
    command->add_flag("--all", options->all, "Draw every flow of the set")->excludes(flow);
    command
        ->add_option("--style", options->style,
                     "authentik: byte for byte authentik's diagram (default); detailed: what "
                     "the planner really does")
        ->check(CLI::IsMember({"authentik", "detailed"}))
        ->type_name("STYLE");
    command
        ->add_option("--format", options->format,
                     "mermaid (default), markdown (a heading and a mermaid block per flow) or "
                     "dot (Graphviz)")
        ->check(CLI::IsMember({"mermaid", "markdown", "dot"}))
        ->type_name("FORMAT");
    command->add_flag("--show-disabled", options->show_disabled,
                      "Detailed style: draw disabled policy bindings, dashed");
    command
        ->add_option("--output-dir", options->output_dir,
                     "Write one file per flow into DIR (<slug>.mmd, .md or .dot), atomically")
        ->type_name("DIR");
    command->callback([options, &exit_code]() { exit_code = run_diagram(*options); });
}

}  // namespace flowprint::cli
