# METADATA
# title: Task port open to a whole private network range
# description: >-
#   A container port of a service that is not behind a load balancer is reachable from a private
#   range the size of a VPC or larger (10.0.0.0/8, 172.16.0.0/12, a /16, ...). Any workload in that
#   range, including a compromised one, can reach the container directly.
# scope: package
# custom:
#   id: FG-EXP-005
#   name: broad-internal-exposure
#   severity: medium
#   rationale: Flat internal reachability is how a single compromise spreads.
#   kinds: [ecs_service, ecs_task_set, ecs_task_run]
#   input: neighbourhood
#   remediation: >-
#     Admit only the security groups of the clients that need the port (SourceSecurityGroupId), or
#     at least the narrowest subnet ranges.
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   frameworks:
#     nist-800-53: [AC-4, SC-7]
package fgscan.rules.broad_internal_exposure

import rego.v1

import data.fgscan.lib.exposure as lib

# Imported as rules, not read through the package: regorus's VM evaluates every rule of a package read
# that way, for each input (about 100 us for a neighbourhood's lib.ingress).
import data.fgscan.lib.exposure.ingress
import data.fgscan.params

nb := input.neighbourhood

deny contains finding if {
	nb.load_balancers_known == true
	count(nb.load_balancers) == 0
	some p in ingress
	p.source_type == "cidr"
	p.private == true
	broad(p)
	some port in nb.ports
	lib.admits(p, port)
	finding := {
		"msg": concat("", [
			"container '", port.container, "' ", lib.link(lib.port_text(port), port.loc),
			" is reachable from the whole private range ", p.source, " through ", lib.link("an ingress rule", p.loc),
			" of group ", lib.link(concat("", ["'", p.group, "'"]), p.group_loc), ".",
		]),
		"location": p.loc,
		"related": [port.loc, p.group_loc],
		"chain": lib.chain(p, port),
	}
}

broad(p) if {
	p.version == 4
	p.prefix <= params.broad_private_prefix
}

broad(p) if {
	p.version == 6
	p.prefix <= params.wide_cidr_prefix_ipv6
}
