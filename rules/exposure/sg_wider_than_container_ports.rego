# METADATA
# title: Task security group admits ports no container maps
# description: >-
#   An ingress rule of a task's security group admits ports that no container of any service
#   using the group maps. Nothing should listen there today; anything that starts listening later
#   (a debug server, a sidecar, an injected process) is reachable at once. Only ingress rules
#   with known ports are judged, and only when every service using the group is in the input.
# scope: package
# custom:
#   id: FG-EXP-004
#   name: sg-wider-than-container-ports
#   severity: low
#   rationale: No path today, but no least privilege either; defence in depth.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   input: neighbourhood
#   remediation: >-
#     Narrow the rule to the container ports the services map (FromPort/ToPort), one rule per port.
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   frameworks:
#     nist-800-53: [CM-7, SC-7]
package fgscan.rules.sg_wider_than_container_ports

import rego.v1

import data.fgscan.lib.exposure as lib

nb := input.neighbourhood

deny contains finding if {
	nb.task_definition.known == true
	some g in nb.security_groups
	g.served_known == true
	some p in g.permissions
	p.direction == "ingress"
	p.ports_known == true
	unmapped(p, g.served_ports)
	finding := {
		"msg": concat("", [
			lib.link("an ingress rule", p.rule_loc), " of group '", g.name, "' admits ", lib.traffic_text(p),
			", but the tasks using the group map ", mapped(g.served_ports), ".",
		]),
		"location": p.rule_loc,
		"related": [port.loc | some port in nb.ports],
	}
}

# Some admitted port of the rule's protocol is mapped by no container.
unmapped(p, _) if p.protocol == "all"

unmapped(p, served) if {
	p.protocol in {"tcp", "udp"}
	covered := {s.container_port | some s in served; s.protocol == p.protocol; p.from_port <= s.container_port; s.container_port <= p.to_port}
	count(covered) < (p.to_port - p.from_port) + 1
}

# "only 8080/tcp", or "no ports" (a worker: "map only no ports" read wrong).
mapped(served) := concat("", ["only ", concat(", ", [sprintf("%d/%s", [s.container_port, s.protocol]) | some s in served])]) if {
	count(served) > 0
} else := "no ports"
