#!/usr/bin/env bash
# The value of an !Env tag must appear in no output of flowprint (SPEC 2.1):
# not on stdout, not on stderr, not in a file --output-dir writes, in any
# command, style or format. The blueprint below carries a unique marker from
# the environment into every place a value can surface: flow and stage
# names, a title, an invalid enum value, the context, !Format, !Find (an
# external reference whose label is a guess), !AtIndex, a meta-apply target,
# a state, a user's name, a policy bound to the flow.
#
#   env_secrecy.sh FLOWPRINT WORKDIR
set -uo pipefail
flowprint=$1
work=$2
rm -rf "$work" && mkdir -p "$work/set"
marker="fp-secret-$$-7c1e9a"
export FLOWPRINT_TEST_SECRET="$marker"

cat >"$work/set/secret.yaml" <<'EOF'
version: 1
metadata:
  name: secret test
context:
  from_env: !Env FLOWPRINT_TEST_SECRET
  listed: [!Env FLOWPRINT_TEST_SECRET]
entries:
  - model: authentik_flows.flow
    id: flow
    identifiers: {slug: secret-flow}
    attrs:
      name: !Env FLOWPRINT_TEST_SECRET
      title: !Format ["Title %s", !Env FLOWPRINT_TEST_SECRET]
      designation: !Env FLOWPRINT_TEST_SECRET
      layout: !Context from_env
  - model: authentik_stages_identification.identificationstage
    id: ident
    identifiers: {name: !Env [FLOWPRINT_TEST_SECRET, unused-default]}
    attrs: {user_fields: [!Env FLOWPRINT_TEST_SECRET]}
  - model: authentik_stages_dummy.dummystage
    id: formatted
    identifiers: {name: !Format ["%s-%d", !Context from_env, 7]}
  - model: authentik_stages_dummy.dummystage
    id: indexed
    identifiers: {name: !AtIndex [!Context listed, 0]}
  - model: authentik_flows.flowstagebinding
    identifiers: {target: !KeyOf flow, stage: !KeyOf ident, order: 10}
  - model: authentik_flows.flowstagebinding
    identifiers: {target: !KeyOf flow, stage: !KeyOf formatted, order: 20}
  - model: authentik_flows.flowstagebinding
    identifiers: {target: !KeyOf flow, stage: !KeyOf indexed, order: 30}
  - model: authentik_flows.flowstagebinding
    identifiers:
      target: !KeyOf flow
      stage: !Find [authentik_stages_dummy.dummystage, [name, !Env FLOWPRINT_TEST_SECRET]]
      order: 40
  - model: authentik_policies_dummy.dummypolicy
    id: policy
    identifiers: {name: !Context from_env}
    attrs: {result: true}
  - model: authentik_policies.policybinding
    identifiers: {target: !KeyOf flow, policy: !KeyOf policy, order: 0}
  - model: authentik_policies.policybinding
    identifiers:
      target: !KeyOf flow
      policy: !Find [authentik_policies_expression.expressionpolicy, [name, !Env FLOWPRINT_TEST_SECRET]]
      order: 1
  - model: authentik_core.user
    identifiers: {username: alice}
    attrs: {name: !Env FLOWPRINT_TEST_SECRET, email: !Format ["%s@example.com", !Env FLOWPRINT_TEST_SECRET]}
  - model: authentik_core.group
    state: !Env FLOWPRINT_TEST_SECRET
    identifiers: {name: state-group}
  - model: authentik_blueprints.metaapplyblueprint
    attrs: {identifiers: {name: !Env FLOWPRINT_TEST_SECRET}}
  - model: authentik_core.group
    identifiers: {name: bad-format}
    attrs: {attributes: {x: !Format ["%s %s", !Env FLOWPRINT_TEST_SECRET]}}
EOF

# Each variant: command line (PATH and OUT are replaced).
variants=()
for style in "" "--style detailed"; do
  for format in "" "--format mermaid" "--format markdown" "--format dot"; do
    variants+=("diagram PATH --flow secret-flow $style $format")
    variants+=("diagram PATH --flow secret-flow $style $format --output-dir OUT")
  done
done
variants+=("diagram PATH --all")
for format in text json sarif github; do variants+=("validate PATH --format $format"); done
for format in text json; do
  variants+=("dry-run PATH --flow secret-flow --user alice --format $format")
done

failures=0
ran=0
for variant in "${variants[@]}"; do
  out_dir="$work/out"
  rm -rf "$out_dir" && mkdir -p "$out_dir"
  read -r -a args <<<"$(sed -e "s|PATH|$work/set|" -e "s|OUT|$out_dir|" <<<"$variant")"
  timeout 20 "$flowprint" "${args[@]}" >"$work/stdout" 2>"$work/stderr"
  status=$?
  ran=$((ran + 1))
  if [ "$status" -gt 2 ]; then
    echo "FAIL: $variant: exit status $status"
    failures=$((failures + 1))
  fi
  if [ ! -s "$work/stdout" ] && [ ! -s "$work/stderr" ] && [ -z "$(ls -A "$out_dir")" ]; then
    echo "FAIL: $variant: no output at all, nothing was checked"
    failures=$((failures + 1))
  fi
  if grep -rlF -- "$marker" "$work/stdout" "$work/stderr" "$out_dir" >/dev/null; then
    echo "FAIL: $variant: the !Env value appears in its output:"
    grep -rnF -- "$marker" "$work/stdout" "$work/stderr" "$out_dir" | head -5
    failures=$((failures + 1))
  else
    echo "ok: $variant (status $status)"
  fi
done

# The check itself must be able to fail: the marker is in the blueprint's
# values, and an output that printed them would contain it.
sed -e "s|!Env FLOWPRINT_TEST_SECRET|$marker|g" -e "s|!Env \[FLOWPRINT_TEST_SECRET, unused-default\]|$marker|" \
  "$work/set/secret.yaml" >"$work/plain.yaml"
"$flowprint" diagram "$work/plain.yaml" --flow secret-flow >"$work/stdout" 2>&1
if ! grep -qF -- "$marker" "$work/stdout"; then
  echo "FAIL: the same blueprint without !Env does not show the marker: the check proves nothing"
  failures=$((failures + 1))
fi

echo "$ran variants checked, $failures failures"
[ "$ran" -gt 0 ] && [ "$failures" -eq 0 ]
