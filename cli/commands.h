#pragma once

#include <CLI/CLI.hpp>

namespace flowprint::cli {

// Each command registers itself on the app and sets the exit status when it runs.
void add_diagram_command(CLI::App& app, int& exit_code);
// Hidden: the flows' slugs, for the shell completions of --flow.
void add_complete_flows_command(CLI::App& app, int& exit_code);
void add_dry_run_command(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);
void add_schema_command(CLI::App& app, int& exit_code);

}  // namespace flowprint::cli
