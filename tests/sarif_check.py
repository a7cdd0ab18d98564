#!/usr/bin/env python3
"""Checks the structure of `flowprint validate --format sarif` (SARIF 2.1.0):
tool.driver.rules with id and short description; results with ruleId (one of
the rules), level, message.text and a physical location with
artifactLocation.uri, region.startLine and region.startColumn.
Usage: sarif_check.py FLOWPRINT BLUEPRINT... (at least one finding expected)"""
import json
import subprocess
import sys

run = subprocess.run([sys.argv[1], "validate", "--format", "sarif", *sys.argv[2:]],
                     capture_output=True, text=True)
assert run.returncode == 1, f"exit status {run.returncode}, expected 1 (errors)"
sarif = json.loads(run.stdout)
assert sarif["version"] == "2.1.0"
assert "sarif-2.1.0" in sarif["$schema"]
assert len(sarif["runs"]) == 1
sarif_run = sarif["runs"][0]
driver = sarif_run["tool"]["driver"]
assert driver["name"] == "flowprint"
rule_ids = []
for rule in driver["rules"]:
    assert isinstance(rule["id"], str) and rule["id"]
    assert isinstance(rule["shortDescription"]["text"], str) and rule["shortDescription"]["text"]
    rule_ids.append(rule["id"])
assert len(rule_ids) == len(set(rule_ids)), "duplicate rules"
results = sarif_run["results"]
assert results, "no results"
for result in results:
    assert result["ruleId"] in rule_ids, f"{result['ruleId']} is not among the rules"
    assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    assert result["level"] in ("error", "warning", "note")
    assert isinstance(result["message"]["text"], str) and result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"]
    assert isinstance(location["region"]["startLine"], int) and location["region"]["startLine"] >= 1
    assert isinstance(location["region"]["startColumn"], int) and location["region"]["startColumn"] >= 1
print(f"SARIF ok: {len(rule_ids)} rules, {len(results)} results")
