# METADATA
# title: Task mounts a sensitive host directory
# description: >-
#   A bind mount of a host system directory (`/`, `/etc`, `/proc`, `/sys`, `/dev`, `/root`,
#   `/var/lib/docker`, `/var/lib/ecs`, ...) gives the container the host's configuration, kernel
#   interfaces, other containers' file systems or the ECS agent's state (including credentials).
#   Written to, it is a direct path to root on the instance; read, it leaks keys and secrets.
#   Mounts that expose the Docker socket are reported by docker-socket-mount instead.
# scope: package
# custom:
#   id: FG-TSK-022
#   name: host-path-volume
#   severity: high
#   rationale: Host system files inside the container break the isolation between the task and the instance.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Use task storage (a volume without `host`), EFS or a dedicated data directory (for example
#     under `/data`) instead. If an agent must read a host path, mount the narrowest subdirectory
#     with `readOnly: true` and keep it off shared instances. The list of sensitive paths is the
#     `sensitive_host_paths` parameter.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   frameworks:
#     cis-docker: ["5.6"]
#     nist-800-53: [AC-6, SC-39]
#   examples:
#     bad: '{"volumes": [{"name": "etc", "host": {"sourcePath": "/etc"}}], "containerDefinitions": [{"name": "app", "mountPoints": [{"sourceVolume": "etc", "containerPath": "/host/etc"}]}]}'
#     good: '{"volumes": [{"name": "data", "host": {"sourcePath": "/data/app"}}], "containerDefinitions": [{"name": "app", "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}]}'
package fgscan.rules.host_path_volume

import data.fgscan.lib.task
import data.fgscan.rules.docker_socket_mount
import rego.v1

deny contains finding if {
	volume := input.resource.volumes[k]
	source := task.host_source(volume)
	sensitive(source.path)
	not docker_socket_mount.exposes_socket(source.path)
	mounts := task.mounts_of(volume.name)
	count(mounts) > 0
	names := sort({name | some mount in mounts; name := input.resource.containerDefinitions[mount.container].name})
	finding := {
		"msg": concat("", [
			"host path '", source.path, "' (volume '", sprintf("%s", [volume.name]), "') is mounted into container(s) ",
			concat(", ", [concat("", ["'", sprintf("%s", [name]), "'"]) | some name in names]), ".",
		]),
		"path": array.concat(["volumes", k], source.at),
	}
}

sensitive(path) if {
	some base in data.fgscan.params.sensitive_host_paths
	base != "/"
	task.under(path, trim_right(base, "/"))
}

# The root directory itself; its subdirectories are judged on their own.
sensitive("/") if "/" in data.fgscan.params.sensitive_host_paths
