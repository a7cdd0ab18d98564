// The hidden `flowprint complete-flows PATH...` command: the slugs of the
// set's flows, one per line, for the shell completions of `--flow`.
#include <fmt/format.h>

#include "commands.h"
#include "exit_status.h"
#include "flow_index.h"
#include "input_options.h"

namespace flowprint::cli {
namespace {

int run_complete_flows(const InputOptions& options) {
    auto set = load_inputs(options);
    if (!set) return exit_usage;
    const FlowIndex index(set->store);
    for (ObjectId flow : index.flows()) fmt::print("{}\n", index.slug_of(flow));
    return exit_ok;
}

}  // namespace

void add_complete_flows_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<InputOptions>();
    CLI::App* command = app.add_subcommand(
        "complete-flows", "List the slugs of the set's flows, one per line (for completions)");
    command->group("");  // hidden: not listed by --help
    add_input_options(*command, *options);
    command->callback([options, &exit_code]() { exit_code = run_complete_flows(*options); });
}

}  // namespace flowprint::cli
