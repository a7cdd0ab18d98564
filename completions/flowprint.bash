# bash completion for flowprint(1): commands, options, their values, and the
# slugs of --flow, read from the blueprint paths already on the command line.

# The options that take a value: the word after them is not a path.
_flowprint_takes_value() {
    case $1 in
        --context | --max-file-bytes | --max-scalar-bytes | --max-depth | --max-nodes | \
            --max-enumerate | --max-tag-values | --format | --schema | --authentik-version | --flow | --style | \
            --output-dir | --user | --group | --assume | --reputation) return 0 ;;
    esac
    return 1
}

# The slugs of the flows in the paths given so far, asked of flowprint itself.
_flowprint_flows() {
    local -a paths=()
    local i word
    for ((i = 2; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        _flowprint_takes_value "${COMP_WORDS[i - 1]}" && continue
        [[ $word != -* && -e $word ]] && paths+=("$word")
    done
    ((${#paths[@]})) || return 0
    "${COMP_WORDS[0]}" complete-flows -- "${paths[@]}" 2>/dev/null
}

_flowprint() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            validate | diagram | dry-run | schema)
                command=${COMP_WORDS[i]}
                break
                ;;
        esac
    done
    COMPREPLY=()
    if [[ -z $command ]]; then
        mapfile -t COMPREPLY < <(compgen -W "validate diagram dry-run schema -h --help --version" -- "$cur")
        return
    fi

    local values=""
    case $prev in
        --flow) values=$(_flowprint_flows) ;;
        --style) values="authentik detailed" ;;
        --format)
            case $command in
                validate) values="text json sarif github" ;;
                diagram) values="mermaid markdown dot" ;;
                dry-run) values="text json" ;;
            esac
            ;;
        --output-dir)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            return
            ;;
        --schema)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        --context | --max-* | --authentik-version | --user | --group | --assume | --reputation)
            return
            ;;
    esac
    if [[ -n $values ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
        return
    fi

    if [[ $cur == -* ]]; then
        local input="--context --allow-file --max-file-bytes --max-scalar-bytes --max-depth
                     --max-nodes --max-enumerate --max-tag-values"
        local options="-h --help"
        case $command in
            validate) options+=" $input --format --strict --schema --authentik-version --list-rules" ;;
            diagram) options+=" $input --flow --all --style --show-disabled --format --output-dir" ;;
            dry-run)
                options+=" $input --flow --user --group --superuser --anonymous --authenticated
                          --via-source --assume --reputation --format"
                ;;
        esac
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
        return
    fi
    [[ $command == schema ]] && return
    # A blueprint file or directory.
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _flowprint flowprint
