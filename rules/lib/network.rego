# Helpers for the security group rules, over the permission facts `scanner/facts.py` computes
# (`input.facts.permissions`: one entry per rule and source, ports explicit, CIDRs classified).
# Messages are built with `concat`: rego-cpp's `sprintf` quotes strings computed by built-ins, and its
# `sort` orders numbers as text, so `ascending` ranks them instead. Rules iterate
# `input.facts.permissions` themselves: a helper set of entries doubles the evaluation time.
package fgscan.lib.network

import rego.v1

# The ports of `ports` that the entry's range covers.
covered(entry, ports) := {port |
	some port in ports
	entry.from_port <= port
	port <= entry.to_port
}

# The numbers in ascending order, without duplicates.
ascending(values) := [ranked(distinct, rank) | some rank in numbers.range(0, count(distinct) - 1)] if {
	distinct := {n | some n in values}
	count(distinct) > 0
}

ascending(values) := [] if count(values) == 0

ranked(distinct, rank) := n if {
	some n in distinct
	count({m | some m in distinct; m < n}) == rank
}

# "22, 80, 443"
port_list(ports) := concat(", ", [sprintf("%d", [port]) | some port in ascending(ports)])

# "all traffic", "tcp port 22", "udp ports 1000-2000", "icmp"
traffic(entry) := "all traffic" if entry.protocol == "all"

traffic(entry) := concat(" ", [entry.protocol, "port", sprintf("%d", [entry.from_port])]) if {
	entry.protocol in {"tcp", "udp"}
	is_number(entry.from_port)
	entry.from_port == entry.to_port
}

traffic(entry) := concat(" ", [entry.protocol, "ports", sprintf("%d-%d", [entry.from_port, entry.to_port])]) if {
	entry.protocol in {"tcp", "udp"}
	is_number(entry.from_port)
	is_number(entry.to_port)
	entry.from_port != entry.to_port
}

traffic(entry) := entry.protocol if {
	is_string(entry.protocol)
	not entry.protocol in {"all", "tcp", "udp"}
}

traffic(entry) := "traffic on an unresolved protocol" if not is_string(entry.protocol)

# The rule's source as written, or a placeholder for a value resolved at deploy time.
source(entry) := entry.source if is_string(entry.source)

source(entry) := "an unresolved source" if not is_string(entry.source)

# Number of ports in the entry's range.
width(entry) := (entry.to_port - entry.from_port) + 1

# The group is attached to load balancers and nothing else (`input.facts.attachments`, computed across the
# scan): it answers only on their listener ports, whatever its rules open.
balancers_only if input.facts.attachments.only_load_balancers == true

# ... and every one of them is internal: they have private addresses alone, so however open the group's
# rules, the internet cannot reach them (only networks routed to the VPC can, on the listener ports).
internal_balancers_only if {
	balancers_only
	count([lb | some lb in input.facts.attachments.load_balancers; lb.scheme != "internal"]) == 0
}

# What a world-open rule on a balancers-only group exposes, to end its message ("" for other groups):
# " The group is attached only to internet-facing load balancer 'web' (listening on 80, 8080), which
# answers on its listener ports alone."
balancers_note := concat("", [
	" The group is attached only to ",
	concat(", ", [balancer_text(lb) | some lb in input.facts.attachments.load_balancers]),
	", which ", answers(input.facts.attachments.load_balancers), " alone.",
]) if balancers_only

# The group is attached only to tasks that get no public IP (`input.facts.attachments.private_tasks_only`):
# from the internet, only something in front of them (a load balancer) reaches them, however open the group.
private_tasks_only if input.facts.attachments.private_tasks_only == true

# What limits a world-open rule's reach, to end its message ("" when nothing does).
reach_note := balancers_note if balancers_only

reach_note := concat("", [
	" The group is attached only to tasks without a public IP (", concat(", ", input.facts.attachments.others),
	"): from the internet, only a load balancer in front of them reaches them.",
]) if private_tasks_only

reach_note := "" if not limited_reach

# A world-open rule whose reach is limited so is at most medium.
reach_severity := {"severity": "medium"} if limited_reach

reach_severity := {} if not limited_reach

limited_reach if balancers_only

limited_reach if private_tasks_only

answers(lbs) := "answers on its listener ports" if count(lbs) == 1

answers(lbs) := "answer on their listener ports" if count(lbs) != 1

# "internet-facing load balancer 'web' (listening on 80, 8080)"
balancer_text(lb) := concat("", [scheme_text(lb), type_text(lb), "load balancer '", lb.name, "' (", listening(lb), ")"])

scheme_text(lb) := concat("", [lb.scheme, " "]) if is_string(lb.scheme)

scheme_text(lb) := "" if not is_string(lb.scheme)

type_text(lb) := concat("", [lb.type, " "]) if lb.type in {"network", "gateway"}

type_text(lb) := "" if not lb.type in {"network", "gateway"}

listening(lb) := concat("", ["listening on ", port_list(lb.listener_ports), deploy_time(lb, " and on ")]) if {
	count(lb.listener_ports) > 0
}

listening(lb) := "listening on ports known only at deploy time" if {
	count(lb.listener_ports) == 0
	lb.unresolved_listener_ports == true
}

listening(lb) := "its listeners are not in the input" if {
	count(lb.listener_ports) == 0
	lb.unresolved_listener_ports != true
}

deploy_time(lb, joint) := concat("", [joint, "ports known only at deploy time"]) if lb.unresolved_listener_ports == true

deploy_time(lb, joint) := "" if lb.unresolved_listener_ports != true
