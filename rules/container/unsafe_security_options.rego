# METADATA
# title: Container disables a kernel security profile
# description: >-
#   `dockerSecurityOptions` can switch off the mandatory access control and system call filters
#   that confine a container: `apparmor:unconfined`, `seccomp:unconfined`, `label:disable` or the
#   SELinux super-privileged type `label:type:spc_t`, and `systempaths:unconfined` (which unmasks
#   /proc and /sys paths). Each removes a layer that blocks common container escapes.
# scope: package
# custom:
#   id: FG-CTR-027
#   name: unsafe-security-options
#   severity: high
#   rationale: Removes a confinement layer that stops known kernel and runtime escape techniques.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove the option so the default AppArmor, seccomp and SELinux confinement applies, or name a
#     custom profile that allows only what the workload needs (`apparmor:<profile>`,
#     `label:type:<type>`). Add `no-new-privileges` while you are there.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
#     - https://docs.docker.com/engine/security/seccomp/
#     - https://docs.docker.com/engine/security/apparmor/
#   frameworks:
#     cis-docker: ["5.2", "5.3", "5.22"]
#     nist-800-53: [AC-6, CM-7]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "dockerSecurityOptions": ["apparmor:unconfined"]}]}'
#     good: '{"containerDefinitions": [{"name": "app", "dockerSecurityOptions": ["no-new-privileges"]}]}'
package fgscan.rules.unsafe_security_options

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	options := container.dockerSecurityOptions
	is_array(options)
	unsafe := [j | option := options[j]; _unsafe(option)]
	count(unsafe) > 0
	names := [_normal(options[j]) | some j in unsafe]
	finding := {
		"msg": concat("", [
			task.container(i, container), " disables kernel confinement with security option(s) ",
			concat(", ", names), ".",
		]),
		"path": ["containerDefinitions", i, "dockerSecurityOptions", min(unsafe)],
	}
}

_unsafe(option) if _normal(option) in {lower(o) | some o in data.fgscan.params.unsafe_security_options}

# Lower case, no spaces, `=` after the option name read as `:` (Docker accepts both).
_normal(option) := replace(lower(concat("", split(option, " "))), "=", ":") if is_string(option)
