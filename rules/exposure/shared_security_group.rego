# METADATA
# title: Security group shared by services of different task families
# description: >-
#   One security group is attached to services that run different task definitions. Rules meant
#   for one service silently apply to the others, and a group that admits itself lets a
#   compromised task of one service reach every port of the others (lateral movement).
# scope: package
# custom:
#   id: FG-EXP-003
#   name: shared-security-group
#   severity: medium
#   rationale: Blurs the network boundary between services; high when the group admits all traffic from itself.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   input: neighbourhood
#   remediation: >-
#     Give each service its own security group and admit traffic between services explicitly, by
#     source group and port.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-network.html
#   frameworks:
#     nist-800-53: [AC-4, SC-7]
package fgscan.rules.shared_security_group

import rego.v1

import data.fgscan.lib.exposure as lib

nb := input.neighbourhood

deny contains finding if {
	family := nb.task_definition.family
	is_string(family)
	some g in nb.security_groups
	others := [o | some o in g.shared_with; is_string(o.family); o.family != family]
	count(others) > 0
	names := concat(", ", sort([lib.link(concat("", ["service '", o.service, "' (", o.family, ")"]), o.loc) | some o in others]))
	self_rules := [p | some p in g.permissions; p.direction == "ingress"; p.self == true; lib.all_traffic(p)]
	finding := {
		"msg": concat("", [
			"group '", g.name, "' is also used by ", names, ", which run other task families than '", family, "'",
			self_note(self_rules), ".",
		]),
		"location": g.loc,
		"related": array.concat([o.loc | some o in others], [p.loc | some p in self_rules]),
		"severity": severity(self_rules),
	}
}

self_note(rules) := concat("", ["; its ", lib.link("self-referencing rule", rules[0].loc), " admits all traffic between them"]) if {
	count(rules) > 0
} else := ""

severity(rules) := "high" if count(rules) > 0

severity(rules) := "medium" if count(rules) == 0
