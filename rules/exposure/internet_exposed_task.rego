# METADATA
# title: Task reachable from the internet on a port a container listens on
# description: >-
#   The whole path is open: the service's tasks get a public IP address (assignPublicIp ENABLED,
#   or a public network interface), one of their security groups admits 0.0.0.0/0 or ::/0, and a
#   container maps the admitted port. Anyone on the internet can connect to that container
#   directly, without a load balancer, WAF or authentication in front of it.
# scope: package
# custom:
#   id: FG-EXP-001
#   name: internet-exposed-task
#   severity: high
#   rationale: >-
#     A proven path from the internet to a listening container. Critical when the exposed task is
#     also privileged, runs as root with added capabilities, carries secrets in its environment or
#     has an administrator-like task role: a compromise then reaches the host, the secrets or the account.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   input: neighbourhood
#   precision: high
#   remediation: >-
#     Put the service behind a load balancer in public subnets and run the tasks in private subnets
#     with assignPublicIp DISABLED; admit only the load balancer's security group on the container port.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2
#   frameworks:
#     aws-fsbp: [ECS.2]
#     nist-800-53: [AC-4, SC-7]
package fgscan.rules.internet_exposed_task

import rego.v1

import data.fgscan.lib.exposure as lib

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.exposure.critical_note
import data.fgscan.lib.exposure.ingress
import data.fgscan.lib.exposure.public_ip
import data.fgscan.lib.exposure.severity

nb := input.neighbourhood

deny contains finding if {
	public_ip
	some p in ingress
	p.world == true
	some port in nb.ports
	lib.admits(p, port)
	finding := {
		"msg": concat("", [
			"container '", port.container, "' ", lib.link(lib.port_text(port), port.loc),
			" is reachable from the internet: ", lib.link(concat(" ", ["rule", lib.rule_text(p)]), p.loc),
			" of group ", lib.link(concat("", ["'", p.group, "'"]), p.group_loc), " admits it and the task gets a ", lib.link("public IP", nb.public_ip.loc),
			critical_note, ".",
		]),
		"location": primary(p),
		"related": [port.loc, nb.public_ip.loc, p.group_loc, p.loc],
		"chain": lib.chain(p, port),
		"severity": severity,
	}
}

# The group's rule; for a group assumed open, the public IP setting.
primary(p) := p.loc if not p.assumed

primary(p) := nb.public_ip.loc if p.assumed
