# METADATA
# title: Container does not drop all Linux capabilities
# description: >-
#   Without `linuxParameters.capabilities.drop: ["ALL"]` a container keeps the runtime's default
#   capability set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, ...), which a compromised
#   process can use to take over files it does not own, switch users or craft raw packets.
#   Dropping everything and adding back only what the application needs leaves the least to abuse.
# scope: package
# custom:
#   id: FG-CTR-021
#   name: capabilities-not-dropped
#   severity: low
#   rationale: Defence in depth; the default set excludes the capabilities that directly break out to the host.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `linuxParameters.capabilities.drop` to `["ALL"]` and list in `capabilities.add` only the
#     capabilities the application needs (on Fargate only `SYS_PTRACE` can be added).
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   frameworks:
#     cis-docker: ["5.4"]
#     nist-800-53: [AC-6]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "linuxParameters": {"capabilities": {"drop": ["NET_RAW"]}}}]}'
#     good: '{"containerDefinitions": [{"name": "app", "linuxParameters": {"capabilities": {"drop": ["ALL"]}}}]}'
package fgscan.rules.capabilities_not_dropped

import data.fgscan.lib.task

# Imported as a rule, not read as task.windows: regorus's VM evaluates an undefined rule read through a package
# import at a cost of several microseconds per input (the common case: not Windows).
import data.fgscan.lib.task.windows
import rego.v1

deny contains finding if {
	not windows # Windows containers have no Linux capabilities.
	container := input.resource.containerDefinitions[i]
	not "ALL" in container.linuxParameters.capabilities.drop # the common case, decided without a call
	task.known_object(container)
	path := _missing_drop_all(container)
	finding := {
		"msg": concat("", [task.container(i, container), " does not drop all Linux capabilities (capabilities.drop lacks 'ALL')."]),
		"path": array.concat(["containerDefinitions", i], path),
	}
}

# The path (inside the container) of the nearest existing key, when the drop list is known and lacks ALL.
_missing_drop_all(container) := ["name"] if not "linuxParameters" in object.keys(container)

_missing_drop_all(container) := ["linuxParameters"] if {
	task.known_object(container.linuxParameters)
	not "capabilities" in object.keys(container.linuxParameters)
}

_missing_drop_all(container) := ["linuxParameters", "capabilities"] if {
	task.known_object(container.linuxParameters.capabilities)
	not "drop" in object.keys(container.linuxParameters.capabilities)
}

_missing_drop_all(container) := ["linuxParameters", "capabilities", "drop"] if {
	drop := container.linuxParameters.capabilities.drop
	is_array(drop)
	count([item | some item in drop; _all(item)]) == 0
}

_all(item) if { is_string(item); upper(trim_space(item)) == "ALL" }

# An unresolved entry may be ALL.
_all(item) if not is_string(item)

