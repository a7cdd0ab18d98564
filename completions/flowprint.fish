# fish completion for flowprint(1): commands, options, their values, and the
# slugs of --flow, read from the blueprint paths already on the command line.

# The slugs of the flows in the paths given so far, asked of flowprint itself.
function __flowprint_flows
    set -l tokens (commandline -opc)
    set -l paths
    set -l skip 0
    for token in $tokens[3..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $token
            case --context --max-file-bytes --max-scalar-bytes --max-depth --max-nodes --max-tag-values \
                --max-enumerate --format --schema --authentik-version --flow --style \
                --output-dir --user --group --assume --reputation
                set skip 1
            case '-*'
            case '*'
                test -e $token; and set -a paths $token
        end
    end
    test (count $paths) -gt 0; or return
    $tokens[1] complete-flows -- $paths 2>/dev/null
end

set -l commands validate diagram dry-run schema
set -l readers validate diagram dry-run

complete -c flowprint -f
complete -c flowprint -s h -l help -d 'Print a summary of the options and exit'
complete -c flowprint -n "not __fish_seen_subcommand_from $commands" -l version -d 'Print the version and exit'
complete -c flowprint -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check blueprints and report every problem'
complete -c flowprint -n "not __fish_seen_subcommand_from $commands" -a diagram -d 'Print a flow as a diagram'
complete -c flowprint -n "not __fish_seen_subcommand_from $commands" -a dry-run -d 'Which stages a user would get, and why'
complete -c flowprint -n "not __fish_seen_subcommand_from $commands" -a schema -d 'Print the JSON Schema of blueprints'

# The options of every command that reads blueprints, and the paths.
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -F
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l context -x -d 'Set a context value (KEY=VALUE)'
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l allow-file -d 'Let !File read files'
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l max-file-bytes -x -d 'Largest blueprint file read'
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l max-scalar-bytes -x -d 'Largest single YAML scalar'
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l max-depth -x -d 'Deepest YAML nesting'
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l max-nodes -x -d 'Most YAML nodes in one file'
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l max-enumerate -x -d 'Most values produced by !Enumerate'
complete -c flowprint -n "__fish_seen_subcommand_from $readers" -l max-tag-values -x -d 'Most values produced by all tags'

# validate
complete -c flowprint -n "__fish_seen_subcommand_from validate" -l format -x -a 'text json sarif github' -d 'Output format'
complete -c flowprint -n "__fish_seen_subcommand_from validate" -l strict -d 'Let warnings fail the run'
complete -c flowprint -n "__fish_seen_subcommand_from validate" -l schema -r -F -d 'Validate against another JSON Schema'
complete -c flowprint -n "__fish_seen_subcommand_from validate" -l authentik-version -x -d 'Check against that authentik release (X.Y)'
complete -c flowprint -n "__fish_seen_subcommand_from validate" -l list-rules -d 'Print the table of rules'

# diagram
complete -c flowprint -n "__fish_seen_subcommand_from diagram dry-run" -l flow -x -a '(__flowprint_flows)' -d 'Flow slug'
complete -c flowprint -n "__fish_seen_subcommand_from diagram" -l all -d 'Draw every flow'
complete -c flowprint -n "__fish_seen_subcommand_from diagram" -l style -x -a 'authentik detailed' -d 'Diagram style'
complete -c flowprint -n "__fish_seen_subcommand_from diagram" -l show-disabled -d 'Draw disabled bindings dashed'
complete -c flowprint -n "__fish_seen_subcommand_from diagram" -l format -x -a 'mermaid markdown dot' -d 'Output format'
complete -c flowprint -n "__fish_seen_subcommand_from diagram" -l output-dir -x -a '(__fish_complete_directories)' -d 'Write one file per flow'

# dry-run
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l user -x -d 'The user the flow is about'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l group -x -d 'A direct group of the user'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l superuser -d 'The user is a superuser'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l anonymous -d 'Opened without a session'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l authenticated -d 'Opened by the logged-in user'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l via-source -d 'Opened by a source login'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l assume -x -a 'redirect=pass redirect=fail outpost=pass outpost=fail' -d 'Decide an unknown policy (NAME=pass|fail)'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l reputation -x -d 'The reputation score'
complete -c flowprint -n "__fish_seen_subcommand_from dry-run" -l format -x -a 'text json' -d 'Output format'
