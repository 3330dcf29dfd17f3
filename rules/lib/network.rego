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
