# Helpers for the exposure rules, over one service's neighbourhood (`input.neighbourhood`, built by
# `scanner/neighbourhood.py`). Locations are `loc` ids; `link` writes them as `[text](loc)` for the
# finding's related locations. Text is joined with `concat`: rego-cpp's `sprintf` quotes strings that
# arrive as function arguments or builtin results.
package fgscan.lib.exposure

import rego.v1

import data.fgscan.lib.iam
import data.fgscan.lib.secrets
import data.fgscan.params

nb := input.neighbourhood

# The task gets a public address: `assignPublicIp: ENABLED` or a public ENI; an unresolved setting
# counts only with --assume-worst.
public_ip if nb.public_ip.value == true

public_ip if {
	input.options.assume_worst == true
	nb.public_ip.known == false
}

# Every ingress permission of the service's groups, with its group's name. With --assume-worst a
# group missing from the input counts as open to the world on every port (`assumed`).
ingress contains entry if {
	some g in nb.security_groups
	some p in g.permissions
	p.direction == "ingress"
	entry := object.union(p, {"group": g.name, "group_loc": g.loc, "assumed": false})
}

ingress contains entry if {
	input.options.assume_worst == true
	some g in nb.security_groups
	g.known == false
	entry := {
		"group": g.name, "group_loc": g.loc, "assumed": true, "direction": "ingress", "protocol": "all", "from_port": 0,
		"to_port": 65535, "ports_known": true, "all_ports": true, "source_type": "cidr", "source": "0.0.0.0/0",
		"world": true, "public": true, "private": false, "prefix": 0, "version": 4, "known": true, "self": false,
		"loc": g.loc, "rule_loc": g.loc,
	}
}

# The permission admits traffic to a container port.
admits(p, port) if {
	p.ports_known == true
	p.from_port <= port.container_port
	port.container_port <= p.to_port
	protocol_matches(p.protocol, port.protocol)
}

protocol_matches("all", _) := true

protocol_matches(a, b) if a == b

# Every protocol on every port.
all_traffic(p) if p.protocol == "all"

all_traffic(p) if {
	p.protocol in {"tcp", "udp"}
	p.all_ports == true
}

# `[text](loc)`, or the bare text when the place is not known.
link(text, loc) := concat("", ["[", text, "](", loc, ")"]) if is_string(loc)

link(text, loc) := text if not is_string(loc)

# "tcp port 8080 from 0.0.0.0/0", naming an assumed rule as such.
rule_text(p) := concat(" ", [traffic_text(p), "from", source_text(p)]) if not p.assumed

rule_text(p) := "every port from anywhere (assumed: the group is not in the input)" if p.assumed

# "tcp port 8080", "udp ports 1000-2000", "all traffic".
traffic_text(p) := "all traffic" if {
	p.protocol == "all"
} else := concat(" ", [text(p.protocol), ports_text(p)])

ports_text(p) := "all ports" if {
	p.all_ports == true
} else := sprintf("port %d", [p.from_port]) if {
	p.from_port == p.to_port
} else := sprintf("ports %d-%d", [p.from_port, p.to_port])

source_text(p) := p.source if {
	p.source_type == "cidr"
	is_string(p.source)
} else := concat(" ", ["group", p.source_group]) if {
	is_string(p.source_group)
} else := p.source if {
	is_string(p.source)
} else := "an unresolved source"

# "port 8080", or "port 53/udp" for other protocols than TCP.
port_text(port) := sprintf("port %d", [port.container_port]) if port.protocol == "tcp"

port_text(port) := sprintf("port %d/%s", [port.container_port, port.protocol]) if {
	is_string(port.protocol)
	port.protocol != "tcp"
}

port_text(port) := sprintf("port %d", [port.container_port]) if not is_string(port.protocol)

# What starts the tasks, as the chain names it.
runner := "task run" if input.kind == "ecs_task_run"

runner := "service" if not input.kind == "ecs_task_run"

# The short path shown by the text and JSON reports.
chain(p, port) := concat("", [
	runner, " ", nb.service.name, " -> ", p.group, " :", number, " from ", source_text(p),
	" -> container ", port.container, " :", number,
]) if number := format_int(port.container_port, 10)

# A value that may be unresolved, as text.
text(value) := value if is_string(value)

text(value) := "unknown" if not is_string(value)

# Why an exposed task is critical rather than high.
critical_reasons contains reason if {
	some c in nb.task_definition.containers
	c.privileged == true
	reason := concat("", ["container '", c.name, "' is privileged"])
}

critical_reasons contains reason if {
	some c in nb.task_definition.containers
	root_user(c.user)
	count(c.capabilities_add) > 0
	reason := concat("", ["container '", c.name, "' runs as root with added capabilities ", concat(", ", c.capabilities_add)])
}

critical_reasons contains reason if {
	some c in nb.task_definition.containers
	some e in c.environment
	secrets.secret_kind(e.name, e.value)
	reason := concat("", ["container '", c.name, "' has a secret in environment variable '", e.name, "'"])
}

critical_reasons contains reason if {
	role := nb.task_definition.task_role
	role.known == true
	admin_role(role)
	reason := concat("", ["task role '", role.name, "' is administrator-like"])
}

root_user(user) if {
	is_string(user)
	regex.match(`^(root|0+)(:.*)?$`, trim_space(user))
}

admin_role(role) if {
	some m in role.managed
	m.admin_like == true
}

admin_role(role) if {
	some m in role.managed
	m.arn in params.iam_admin_managed_policies
}

admin_role(role) if {
	some s in role.statements
	s.effect == "Allow"
	count(s.conditions) == 0
	iam.admin_statement(s)
}

severity := "critical" if count(critical_reasons) > 0

severity := "high" if count(critical_reasons) == 0

critical_note := concat("", [" (critical: ", concat("; ", sort(critical_reasons)), ")"]) if count(critical_reasons) > 0

critical_note := "" if count(critical_reasons) == 0
