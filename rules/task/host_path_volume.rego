# METADATA
# title: Task mounts a host directory
# description: >-
#   Every host bind mount breaks the isolation between the task and the instance (the Kubernetes Pod
#   Security baseline forbids all hostPath volumes); how badly depends on what is mounted. The host
#   root `/`, `/etc`, `/proc`, `/sys`, `/dev`, `/run`, `/var/run` and the runtime and agent state
#   directories (`critical_host_paths`) give the container the host's configuration, kernel
#   interfaces, other containers' file systems or the ECS agent's credentials: critical. Other system
#   directories (`sensitive_host_paths`) are high, any other host path medium, and a log directory
#   (`log_host_paths`) mounted read-only everywhere low. Mounts that expose the Docker socket other
#   than `/` itself are reported by docker-socket-mount instead.
# scope: package
# custom:
#   id: FG-TSK-022
#   name: host-path-volume
#   severity: high
#   rationale: >-
#     Host system files inside the container break the isolation between the task and the instance;
#     critical for the host root and kernel, runtime or agent state, low for a read-only log directory.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Use task storage (a volume without `host`), EFS or a dedicated data directory (for example
#     under `/data`) instead. If an agent must read a host path, mount the narrowest subdirectory
#     with `readOnly: true` and keep it off shared instances. The path lists are the
#     `critical_host_paths`, `sensitive_host_paths` and `log_host_paths` parameters.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   frameworks:
#     cis-docker: ["5.6"]
#     nist-800-53: [AC-6, SC-39]
#   examples:
#     bad: '{"volumes": [{"name": "etc", "host": {"sourcePath": "/etc"}}], "containerDefinitions": [{"name": "app", "mountPoints": [{"sourceVolume": "etc", "containerPath": "/host/etc"}]}]}'
#     good: '{"volumes": [{"name": "data"}], "containerDefinitions": [{"name": "app", "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}]}'
package fgscan.rules.host_path_volume

import data.fgscan.lib.task
import data.fgscan.rules.docker_socket_mount
import rego.v1

import data.fgscan.params

deny contains finding if {
	volume := input.resource.volumes[k]
	source := task.host_source(volume)
	not socket_parent(source.path)
	mounts := task.mounts_of(volume.name)
	count(mounts) > 0
	names := sort({name | some mount in mounts; name := input.resource.containerDefinitions[mount.container].name})
	level := level_of(source.path, mounts)
	finding := {
		"msg": concat("", [
			_what(source.path), "'", source.path, "' (volume '", sprintf("%s", [volume.name]), "') is mounted into container(s) ",
			concat(", ", [concat("", ["'", sprintf("%s", [name]), "'"]) | some name in names]), ".",
		]),
		"path": array.concat(["volumes", k], source.at),
		"severity": level,
	}
}

# The host root is a host-root mount first, whatever sockets lie under it.
socket_parent(path) if {
	path != "/"
	docker_socket_mount.exposes_socket(path)
}

_what("/") := "the host's root file system (with every file, key and runtime socket of the instance) "

_what(path) := "host path " if path != "/"

level_of(path, _) := "critical" if listed(path, params.critical_host_paths)

level_of(path, _) := "high" if {
	not listed(path, params.critical_host_paths)
	listed(path, params.sensitive_host_paths)
}

level_of(path, mounts) := "low" if {
	not listed(path, params.critical_host_paths)
	not listed(path, params.sensitive_host_paths)
	quiet_log(path, mounts)
}

level_of(path, mounts) := "medium" if {
	not listed(path, params.critical_host_paths)
	not listed(path, params.sensitive_host_paths)
	not quiet_log(path, mounts)
}

quiet_log(path, mounts) if {
	listed(path, params.log_host_paths)
	count([m | some m in mounts; not read_only(m)]) == 0
}

read_only(mount) if input.resource.containerDefinitions[mount.container].mountPoints[mount.mount].readOnly == true

# `path` is one of `bases` or under it; `/` counts only for `/` itself (its subdirectories are judged on their own).
listed(path, bases) if {
	some base in bases
	base != "/"
	task.under(path, trim_right(base, "/"))
}

listed("/", bases) if "/" in bases
