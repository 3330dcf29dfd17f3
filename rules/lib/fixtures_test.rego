# Test fixtures shared by the rules' tests: the facts Python computes, each complete as
# `scanner/contract.py` describes it (tests/test_contract.py checks them against docs/input-schema.json),
# so a test overrides only what it is about. A `_test.rego` file without `test_` rules is a test library:
# `fgscan rules test` loads it beside every test file, and scans never load it.
package fgscan.test.fixtures

import rego.v1

# One `input.facts.permissions` entry (`scanner.facts.permission_facts`): tcp 443 from 0.0.0.0/0.
permission(overrides) := object.union(
	{
		"direction": "ingress", "index": 0, "source_type": "cidr", "source": "0.0.0.0/0", "description": "web",
		"path": ["IpPermissions", 0, "IpRanges", 0, "CidrIp"], "permission_path": ["IpPermissions", 0],
		"protocol": "tcp", "protocol_known": true, "from_port": 443, "to_port": 443, "ports_known": true,
		"all_ports": false, "known": true, "world": true, "public": true, "private": false, "prefix": 0,
		"version": 4, "addresses": 4294967296,
	},
	overrides,
)

# Overrides of `permission` for common variants.
ipv6_world := {"source": "::/0", "version": 6, "addresses": null, "path": ["IpPermissions", 0, "Ipv6Ranges", 0, "CidrIpv6"]}

unresolved_cidr := {
	"source": null, "known": false, "world": false, "public": false, "private": false, "prefix": null,
	"version": null,
}

unresolved_ports := {"from_port": null, "to_port": null, "ports_known": false}

all_traffic := {"protocol": "all", "from_port": 0, "to_port": 65535, "all_ports": true}

# Whether a port range covers every port (`all_ports` of a permission).
full_range(from_port, to_port) := true if {
	from_port <= 0
	to_port >= 65535
} else := false

# One `input.facts.images` entry of a task definition (`scanner.facts.images`): container 0's image
# `nginx:1.27` from Docker Hub, pinned by tag only.
image(overrides) := object.union(
	{"container": 0, "reference": "nginx:1.27", "registry": "docker.io", "tag_state": "tag", "pinned": false},
	overrides,
)

# One `input.facts.statements` entry of a role (`scanner.facts.iam`): an inline Allow on every resource.
statement(overrides) := object.union(
	{
		"sid": "", "effect": "Allow", "actions": [], "not_actions": [], "resources": ["*"], "not_resources": [],
		"wildcard_resource": true, "broad_resource": true, "conditions": {}, "condition_keys": [],
		"passed_to_services": null, "access": {}, "policy": "app", "source": "inline",
		"path": ["RolePolicyList", 0, "PolicyDocument", "Statement", 0, "Action"],
	},
	overrides,
)

# One `input.facts.trust` entry of a role: a statement with its principals flattened, here nobody.
trust(overrides) := object.union(
	statement({
		"actions": ["sts:assumerole"], "resources": [], "wildcard_resource": false, "broad_resource": false,
		"policy": "trust", "path": ["AssumeRolePolicyDocument", "Statement", 0, "Principal"],
		"services": [], "aws": [], "federated": [], "accounts": [], "external_accounts": [], "any_principal": false,
	}),
	overrides,
)

# One security group permission in a neighbourhood (`input.neighbourhood.security_groups[_].permissions`):
# tcp 8080 from 10.0.0.0/16.
hood_permission(overrides) := object.union(
	{
		"direction": "ingress", "protocol": "tcp", "from_port": 8080, "to_port": 8080, "ports_known": true,
		"all_ports": false, "source_type": "cidr", "source": "10.0.0.0/16", "world": false, "public": false,
		"private": true, "prefix": 16, "version": 4, "known": true, "description": null, "self": false,
		"source_group": null, "loc": "L3", "rule_loc": "L4",
	},
	overrides,
)

# One load balancer of `input.facts.attachments.load_balancers` (`scanner.facts.attachments`): an
# internet-facing ALB listening on 80 and 8080.
balancer(overrides) := object.union(
	{
		"name": "web", "scheme": "internet-facing", "type": "application", "listener_ports": [80, 8080],
		"unresolved_listener_ports": false,
	},
	overrides,
)

# `input.facts.attachments` of a group that only `balancer({})` uses.
attachments(overrides) := object.union(
	{"load_balancers": [balancer({})], "others": [], "only_load_balancers": true, "private_tasks_only": false},
	overrides,
)

# `attachments` of a group a service uses beside the balancer.
shared_with_service := attachments({"others": ["service 'web'"], "only_load_balancers": false})
