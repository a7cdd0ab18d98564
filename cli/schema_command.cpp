#include <fmt/format.h>

#include "commands.h"
#include "exit_status.h"
#include "validation/compiled_schema.h"

namespace flowprint::cli {

void add_schema_command(CLI::App& app, int& exit_code) {
    CLI::App* command = app.add_subcommand(
        "schema", "Print the JSON Schema that validate uses (for editors' $schema)");
    command->callback([&exit_code]() {
        fmt::print("{}", validation::embedded_schema_text());
        exit_code = exit_ok;
    });
}

}  // namespace flowprint::cli
