// flowprint: validate, draw and dry-run authentik blueprints offline.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.h"
#include "exit_status.h"

int main(int argc, char** argv) {
    using namespace flowprint::cli;
    CLI::App app{"flowprint: validate, draw and dry-run authentik blueprints offline", "flowprint"};
    app.set_version_flag("--version", "flowprint " FLOWPRINT_VERSION);
    app.require_subcommand(1);
    int exit_code = exit_ok;
    add_diagram_command(app, exit_code);
    add_complete_flows_command(app, exit_code);
    add_dry_run_command(app, exit_code);
    add_validate_command(app, exit_code);
    add_schema_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {
        return app.exit(success);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return exit_usage;
    } catch (const std::exception& error) {
        fmt::print(stderr, "flowprint: internal error: {}\n", error.what());
        return exit_usage;
    }
    return exit_code;
}
