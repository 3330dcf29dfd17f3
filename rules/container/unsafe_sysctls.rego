# METADATA
# title: Container sets unsafe kernel parameters (sysctls)
# description: >-
#   `systemControls` set kernel parameters for the container. Only namespaced sysctls (the IPC
#   ones `kernel.msg*`, `kernel.sem`, `kernel.shm*`, `fs.mqueue.*`, and `net.*`) stay inside the
#   container, and only while its namespace is its own: with `networkMode: host` a `net.*` sysctl,
#   and with `ipcMode: host` an IPC sysctl, changes the instance itself; anything else (`kernel.*`,
#   `vm.*`, `fs.*`) is not namespaced at all. Namespaced sysctls outside the Kubernetes "safe" set
#   (such as `net.ipv4.ip_forward` or `net.ipv4.conf.all.route_localnet`) only affect the task but
#   widen what a compromised container can do with its network stack.
# scope: package
# custom:
#   id: FG-CTR-029
#   name: unsafe-sysctls
#   severity: high
#   rationale: >-
#     High when the parameter reaches the host kernel (not namespaced, or the namespace is the
#     host's); low for a namespaced parameter outside the safe set, which only affects the task.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove the sysctl, or keep to the safe set (parameter `safe_sysctls`, from the Kubernetes
#     safe sysctls: `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`,
#     `net.ipv4.ip_unprivileged_port_start`, ...). Tune host-wide kernel parameters on the
#     instance (launch template) instead, and never combine `net.*` sysctls with host networking.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html
#     - https://docs.docker.com/reference/cli/docker/container/run/#sysctl
#     - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls
#   frameworks:
#     nist-800-53: [CM-6, CM-7]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "systemControls": [{"namespace": "net.ipv4.ip_forward", "value": "1"}]}]}'
#     good: '{"containerDefinitions": [{"name": "app", "systemControls": [{"namespace": "net.ipv4.tcp_keepalive_time", "value": "300"}]}]}'
package fgscan.rules.unsafe_sysctls

import data.fgscan.lib.task
import rego.v1

import data.fgscan.params

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	controls := container.systemControls
	is_array(controls)
	host := [j | control := controls[j]; _reaches_host(_name(control))]
	count(host) > 0
	names := [_name(controls[j]) | some j in host]
	finding := {
		"msg": concat("", [
			task.container(i, container), " sets kernel parameter(s) that change the host kernel: ",
			concat(", ", names), ".",
		]),
		"path": ["containerDefinitions", i, "systemControls", min(host), "namespace"],
	}
}

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	controls := container.systemControls
	is_array(controls)
	count([j | control := controls[j]; _reaches_host(_name(control))]) == 0
	unsafe := [j | control := controls[j]; _unsafe_in_own_namespace(_name(control))]
	count(unsafe) > 0
	names := [_name(controls[j]) | some j in unsafe]
	finding := {
		"msg": concat("", [
			task.container(i, container), " sets namespaced kernel parameter(s) outside the safe set: ",
			concat(", ", names), ".",
		]),
		"path": ["containerDefinitions", i, "systemControls", min(unsafe), "namespace"],
		"severity": "low",
	}
}

# The sysctl name, lower case, `/` separators read as `.` (sysctl accepts both).
_name(control) := replace(lower(trim_space(control.namespace)), "/", ".") if is_string(control.namespace)

_namespaced(name) if {
	some pattern in params.namespaced_sysctls
	glob.match(pattern, null, name)
}

_net(name) if startswith(name, "net.")

_reaches_host(name) if not _namespaced(name)

_reaches_host(name) if {
	_net(name)
	input.resource.networkMode == "host"
}

_reaches_host(name) if {
	_namespaced(name)
	not _net(name)
	input.resource.ipcMode == "host"
}

_unsafe_in_own_namespace(name) if {
	not _reaches_host(name)
	not _safe(name)
}

_safe(name) if {
	some pattern in params.safe_sysctls
	glob.match(pattern, null, name)
}
