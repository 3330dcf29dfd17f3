# METADATA
# title: Task security group lets clients bypass the load balancer
# description: >-
#   The service is registered with a load balancer, yet a security group of its tasks also admits
#   CIDR ranges on the container port the balancer forwards to. Clients in those ranges can reach
#   the containers directly, around the balancer's TLS termination, WAF, authentication and logs.
#   Network Load Balancer targets are left alone: preserving client IPs needs the client ranges.
# scope: package
# custom:
#   id: FG-EXP-002
#   name: load-balancer-bypass
#   severity: medium
#   rationale: The controls on the load balancer can be skipped; high when the range is public.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   input: neighbourhood
#   remediation: >-
#     On the container port, admit only the load balancer's security group
#     (SourceSecurityGroupId) and remove the CIDR ranges.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html
#   frameworks:
#     nist-800-53: [AC-4, SC-7]
package fgscan.rules.load_balancer_bypass

import rego.v1

import data.fgscan.lib.exposure as lib

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.exposure.ingress

nb := input.neighbourhood

deny contains finding if {
	some lb in nb.load_balancers
	not lb.network == true
	some p in ingress
	p.source_type == "cidr"
	p.known == true
	some port in nb.ports
	port.container == lb.container_name
	port.container_port == lb.container_port
	lib.admits(p, port)
	finding := {
		"msg": concat("", [
			"container '", port.container, "' ", lib.link(lib.port_text(port), port.loc), " is behind a ",
			lib.link("load balancer", lb.loc), ", but ", lib.link(concat(" ", ["rule", lib.rule_text(p)]), p.loc),
			" of group ", lib.link(concat("", ["'", p.group, "'"]), p.group_loc), " also admits it directly", balancer_groups(lb), ".",
		]),
		"location": p.loc,
		"related": [lb.loc, port.loc, p.group_loc],
		"chain": concat("", [lib.chain(p, port), " (bypassing the load balancer)"]),
		"severity": severity(p),
	}
}

balancer_groups(lb) := concat("", [" instead of only the balancer's group ", concat(", ", lb.security_groups.names)]) if {
	lb.security_groups.known == true
	count(lb.security_groups.names) > 0
} else := ""

severity(p) := "high" if p.public == true

severity(p) := "medium" if not p.public == true
