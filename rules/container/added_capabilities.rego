# METADATA
# title: Container adds Linux capabilities
# description: >-
#   `linuxParameters.capabilities.add` gives the container kernel privileges beyond Docker's
#   default set. Some of them (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, ...)
#   are enough on their own to read other processes' memory, reconfigure the network or escape to
#   the host.
# scope: package
# custom:
#   id: FG-CTR-004
#   name: added-capabilities
#   severity: high
#   rationale: >-
#     Every added capability widens what a compromised process can do to the kernel; critical when
#     one of `dangerous_capabilities` (data.json) is added, as those are known escape paths.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove the capabilities from `linuxParameters.capabilities.add`; drop the defaults with
#     `"drop": ["ALL"]` and add back only a narrow capability the workload proves it needs
#     (Fargate accepts only SYS_PTRACE).
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html
#     - https://man7.org/linux/man-pages/man7/capabilities.7.html
#   frameworks:
#     cis-docker: ["5.3"]
#     nist-800-53: [AC-6, CM-7]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "linuxParameters": {"capabilities": {"add": ["SYS_ADMIN"]}}}]}'
#     good: '{"containerDefinitions": [{"name": "app", "linuxParameters": {"capabilities": {"drop": ["ALL"]}}}]}'
package fgscan.rules.added_capabilities

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	added := container.linuxParameters.capabilities.add
	is_array(added)
	count(added) > 0
	names := [name | some cap in added; name := capability(cap)]
	dangerous := [name | some name in names; name in {upper(c) | some c in data.fgscan.params.dangerous_capabilities}]
	finding := object.union(
		{
			"msg": concat("", [task.container(i, container), " adds Linux capabilities: ", concat(", ", names), "."]),
			"path": ["containerDefinitions", i, "linuxParameters", "capabilities", "add"],
		},
		severity(dangerous),
	)
}

# The capability's name without the optional CAP_ prefix; a value known only at deploy time is named so.
capability(cap) := trim_prefix(upper(trim_space(cap)), "CAP_") if is_string(cap)

capability(cap) := "(resolved at deploy time)" if not is_string(cap)

severity(dangerous) := {"severity": "critical"} if count(dangerous) > 0

severity(dangerous) := {} if count(dangerous) == 0
